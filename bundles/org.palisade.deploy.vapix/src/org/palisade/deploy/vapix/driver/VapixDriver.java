package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.deploy.DeviceDriver;
import org.palisade.deploy.DeviceException;
import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;
import org.palisade.deploy.vapix.Action1;
import org.palisade.deploy.vapix.Event1;
import org.palisade.deploy.vapix.StreamProfiles;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.driver.DeviceObjects.Configuration;
import org.palisade.deploy.vapix.driver.DeviceObjects.Filter;
import org.palisade.deploy.vapix.driver.DeviceObjects.Firmware;
import org.palisade.deploy.vapix.driver.DeviceObjects.Param;
import org.palisade.deploy.vapix.driver.DeviceObjects.Port;
import org.palisade.deploy.vapix.driver.DeviceObjects.TimeZone;
import org.palisade.deploy.vapix.internal.Redactor;

/**
 * The VAPIX {@link DeviceDriver}: reads an Axis device into {@link ManagedObject}s as
 * {@link Conventions} describes them, and performs single steps with the typed VAPIX APIs
 * (time.cgi; param.cgi, for the I/O ports too; stream profiles; event1; action1).
 * <p>
 * The first read asks which device answers ({@link IdentityCheck}: model, serial number and
 * firmware, in the read's param.cgi list) and refuses one that is not the design's before any
 * other request.
 * <p>
 * Reading a device costs one call per service: one param.cgi list for all wanted parameters and
 * the I/O ports (the IOPort tree holds what getPorts shows: direction, name, and the active level
 * that gives the normal state), getDateTimeInfo (when wanted), the stream profiles (when the design
 * has some), GetScheduledEvents, GetRecipientConfigurations, GetActionConfigurations,
 * GetActionRules. The first read also asks what the device offers that the design needs
 * ({@link DeviceCapabilities}: event topics, templates) and fails, before anything changes, when
 * the device lacks it. The check after a deploy reads again only the kinds it touched
 * ({@link #read(Collection, Set)}). Each item step is one call (event1 and action1 take one
 * operation per request: no batch form is documented or recorded); the settings of a plan go out
 * together ({@link #setAll}): time.cgi, and one param.cgi update for every parameter and port; the
 * stream profiles created next to each other in one create.
 * <p>
 * Secrets: values are resolved from placeholders only in the request that writes them; read values
 * that match are turned back into their placeholder; other secret values of Palisade's items read
 * as {@code ${secret:unknown}} and those of hand-made items as {@code ***}.
 */
public final class VapixDriver implements DeviceDriver {

	private final VapixClient client;
	private final Placeholders placeholders;
	private final Map<String, ManagedObject> desired = new HashMap<>();
	/** Object id to device handle of the first copy, from the last read and later creates. */
	private final Map<String, String> handles = new HashMap<>();
	/** Device id to key of Palisade's schedules and action configurations, as last read. */
	private final Map<String, String> scheduleKeys = new HashMap<>();
	private final Map<String, String> actionKeys = new HashMap<>();
	/** What the device offers, asked on the first read. */
	private DeviceCapabilities capabilities;
	/** Which device the design means, and its design address for messages; {@code null}: not checked. */
	private final DeviceIdentity expected;
	private final String where;
	/** What the device said it is, asked first on the first read. */
	private IdentityCheck.Reported reported;
	/** A door controller's doors, as last read (their tokens are the controller's). */
	private final DoorSettings doors = new DoorSettings();
	/** The firmware the device runs: as the identity check read it, then as an upgrade left it. */
	private String firmwareVersion;
	private Duration restartTimeout = FirmwareUpgrade.DEFAULT_TIMEOUT;
	private Duration restartPoll = FirmwareUpgrade.DEFAULT_POLL;
	/** Whether the design gives the device stream profiles: only then are the device's listed (#16). */
	private final boolean profiles;
	/** Whether the design gives the device a network share (#17, #19): only then are shares read. */
	private final boolean shares;

	/**
	 * @param desired the wanted objects, whose placeholders are recognised when read back
	 */
	public VapixDriver(VapixClient client, Placeholders placeholders, Collection<ManagedObject> desired) {
		this(client, placeholders, desired, null, null);
	}

	/**
	 * @param expected which device the design means at the address (model, serial, MAC): the first
	 *                 read asks the device's identity before anything else and refuses another
	 *                 device (issue #17); {@code null} reads the identity without checking it
	 * @param where    the design's address of the device, for messages, or {@code null}
	 */
	public VapixDriver(VapixClient client, Placeholders placeholders, Collection<ManagedObject> desired,
			DeviceIdentity expected, String where) {
		this.client = client;
		this.placeholders = placeholders;
		desired.forEach(o -> this.desired.put(o.id(), o));
		this.expected = expected;
		this.where = where;
		this.profiles = desired.stream().anyMatch(o -> o.kind().equals(Conventions.STREAM_PROFILE));
		this.shares = desired.stream().anyMatch(o -> o.kind().equals(Conventions.SHARE));
	}

	/**
	 * How long a firmware upgrade may keep the device away (restart and first start), and how often
	 * its status is asked meanwhile.
	 */
	public VapixDriver restartWait(Duration timeout, Duration poll) {
		this.restartTimeout = timeout;
		this.restartPoll = poll;
		return this;
	}

	@Override
	public List<String> kindOrder() {
		return Conventions.KINDS;
	}

	@Override
	public List<ManagedObject> read(Collection<ManagedObject> settings) throws DeviceException {
		return read(settings, null);
	}

	/**
	 * Leaves out the calls of the kinds not asked for: after a deploy step the engine reads again
	 * only what it touched (#16). Rules are read with the schedule and action keys of the last read
	 * of those kinds, which the engine asks for together with rules whenever they changed.
	 */
	@Override
	public List<ManagedObject> read(Collection<ManagedObject> settings, Set<String> kinds) throws DeviceException {
		List<ManagedObject> out = new ArrayList<>();
		List<String> params = new ArrayList<>();
		boolean ports = false;
		boolean time = false;
		ManagedObject firmware = null;
		List<ManagedObject> presets = new ArrayList<>();
		List<ManagedObject> doorSettings = new ArrayList<>();
		for (ManagedObject s : settings) {
			if (!wants(kinds, s.kind())) {
				continue;
			}
			if (s.kind().equals(Conventions.FIRMWARE)) {
				firmware = s;
			} else if (s.kind().equals(Conventions.TIME)) {
				time = true;
			} else if (s.kind().equals(Conventions.PARAM)) {
				params.add(s.key());
			} else if (s.kind().equals(Conventions.PORT)) {
				ports = true;
			} else if (s.kind().equals(Conventions.PRESET)) {
				presets.add(s);
			} else if (s.kind().equals(Conventions.DOOR)) {
				doorSettings.add(s);
			}
		}
		try {
			// One param.cgi list serves the wanted parameters and, with ports, the IOPort tree that
			// lets a port be restored exactly (both names and both active levels).
			List<String> groups = new ArrayList<>(params);
			if (ports) {
				groups.add("IOPort");
			}
			if (presets.stream().anyMatch(PtzPresets::positioned)) {
				groups.add(PtzPresets.POSITIONS); // where the presets point, in the same list (#19)
			}
			Map<String, String> values;
			if (reported == null) {
				// Before anything else, so that a device that is not the design's is only read (#17): the
				// same list asks its model, serial number and firmware, at no request of its own (#16).
				groups.addAll(IdentityCheck.groups(expected));
				values = identify(groups);
				resolveDoorTokens();
				firmwareVersion = reported.firmware();
			} else {
				values = groups.isEmpty() ? Map.of() : client.paramCgi().list(groups.toArray(String[]::new));
			}
			if (firmware != null) {
				// What the identity question read: no call of its own (#16).
				out.add(FirmwareUpgrade.read(firmwareVersion, Firmware.of(firmware.attributes())));
			}
			if (time) {
				String zone = client.time().getTimeZone();
				out.add(new ManagedObject(Conventions.TIME, TimeZone.KEY, Nature.SETTING, Origin.FACTORY,
						new TimeZone(zone).attributes(), List.of(), null));
			}
			if (capabilities == null) {
				// The model and firmware as the identity check read them, for what a check says.
				capabilities = DeviceCapabilities.discover(client, desired.values(), reported.label());
			}
			if (ports) {
				out.addAll(PortReading.read(values));
			}
			if (!presets.isEmpty()) {
				out.addAll(PtzPresets.read(client, presets, reported.label(), values));
			}
			if (!doorSettings.isEmpty()) {
				out.addAll(doors.read(client, doorSettings, reported.label()));
			}
			for (String p : params) {
				String v = values.get(p);
				if (v != null && p.equals(Conventions.PTZ_RETURN_HOME)) {
					v = Conventions.returnHome(v);
				}
				if (v != null) {
					out.add(new ManagedObject(Conventions.PARAM, p, Nature.SETTING, Origin.FACTORY, new Param(v).attributes(),
							List.of(), null));
				}
			}
			handles.keySet().removeIf(id -> wants(kinds, id.substring(0, id.indexOf('/'))));
			if (profiles && wants(kinds, Conventions.STREAM_PROFILE)) {
				for (StreamProfiles.Profile p : client.streamProfiles().list()) {
					out.add(remember(StreamProfileItems.read(p)));
				}
			}
			if (shares && wants(kinds, Conventions.SHARE)) {
				// Only for a design with a network share: no extra call per camera otherwise (#16).
				for (ManagedObject o : ShareItems.read(client, desired.values(), placeholders)) {
					out.add(remember(o));
				}
			}
			if (wants(kinds, Conventions.SCHEDULE)) {
				scheduleKeys.clear();
				for (Event1.ScheduledEvent e : client.event1().getScheduledEvents()) {
					ManagedObject o = schedule(e);
					out.add(o);
					if (o.owned()) {
						scheduleKeys.put(e.id(), o.key());
					}
					remember(o);
				}
			}
			if (wants(kinds, Conventions.RECIPIENT)) {
				for (Action1.Configuration c : client.action1().getRecipientConfigurations()) {
					out.add(remember(configuration(Conventions.RECIPIENT, c)));
				}
			}
			if (wants(kinds, Conventions.ACTION)) {
				actionKeys.clear();
				for (Action1.Configuration c : client.action1().getActionConfigurations()) {
					ManagedObject o = configuration(Conventions.ACTION, c);
					if (o.owned() && !handles.containsKey(o.id())) {
						actionKeys.put(c.id(), o.key());
					}
					out.add(remember(o));
				}
			}
			if (wants(kinds, Conventions.RULE)) {
				for (Action1.ActionRule r : client.action1().getActionRules()) {
					out.add(remember(rule(r, actionKeys, scheduleKeys)));
				}
			}
		} catch (VapixException e) {
			throw failure("read", e);
		}
		return out;
	}

	/**
	 * The first read's param.cgi list, which also says which device answers. A device that lacks one
	 * of the groups answers with an error: it may be another model at the address, so it is then asked
	 * who it is on its own ({@link IdentityCheck}, basic device info), and refused as that when it is
	 * not the design's; otherwise the list's error stands.
	 */
	private Map<String, String> identify(List<String> groups) throws VapixException, DeviceException {
		Map<String, String> values;
		try {
			values = client.paramCgi().list(groups.toArray(String[]::new));
		} catch (VapixException e) {
			if (e.kind() != VapixException.Kind.DEVICE_ERROR) {
				throw e;
			}
			reported = IdentityCheck.check(client, expected, where);
			throw e;
		}
		reported = IdentityCheck.check(client, values, expected, where);
		return values;
	}

	/**
	 * Asks the door controllers the design's rules name for their doors' tokens before the first
	 * comparison, so that what is read back shows the placeholder it was written from (#19).
	 */
	private void resolveDoorTokens() throws DeviceException {
		for (ManagedObject o : desired.values()) {
			for (String v : o.attributes().values()) {
				try {
					placeholders.resolveDoorTokens(v);
				} catch (IOException e) {
					throw new DeviceException(client.device() + ": " + e.getMessage(), e);
				}
			}
		}
	}

	private static boolean wants(Set<String> kinds, String kind) {
		return kinds == null || kinds.contains(kind);
	}

	private ManagedObject remember(ManagedObject o) {
		if (o.owned()) {
			handles.putIfAbsent(o.id(), o.deviceId());
		}
		return o;
	}

	private ManagedObject schedule(Event1.ScheduledEvent e) {
		boolean owned = e.id() != null && e.id().startsWith(Conventions.EVENT_ID_PREFIX);
		Origin origin = owned ? Origin.PALISADE
				: e.id() != null && e.id().startsWith("com.axis.schedules.") && !e.id().contains("genid") ? Origin.FACTORY
						: Origin.HAND_MADE;
		Map<String, String> a = new DeviceObjects.Schedule(owned ? e.id() : null,
				e.icalendar() == null ? "" : e.icalendar().strip().replace("\r\n", "\n")).attributes();
		String key = owned ? Conventions.untagged(e.name()) : e.name() == null ? e.id() : e.name();
		return new ManagedObject(Conventions.SCHEDULE, key, Nature.ITEM, origin, a, List.of(), e.id());
	}

	private ManagedObject configuration(String kind, Action1.Configuration c) {
		boolean owned = Conventions.isTagged(c.name());
		String key = owned ? Conventions.untagged(c.name()) : c.name();
		ManagedObject wanted = desired.get(ManagedObject.id(kind, key));
		Map<String, String> want = wanted == null ? null : Configuration.of(wanted.attributes()).params();
		Map<String, String> params = new LinkedHashMap<>();
		c.parameters().forEach((k, v) -> {
			// The template's parameters Palisade left unset were sent empty (DeviceCapabilities.complete).
			if (!(owned && want != null && v.isEmpty() && !want.containsKey(k))) {
				params.put(k, readValue(k, v, owned, want));
			}
		});
		return new ManagedObject(kind, key, Nature.ITEM, owned ? Origin.PALISADE : Origin.HAND_MADE,
				new Configuration(c.templateToken(), params).attributes(), List.of(), c.id());
	}

	/** Puts placeholders back; never lets a secret into the model. */
	private String readValue(String param, String value, boolean owned, Map<String, String> want) {
		if (owned && want != null) {
			String p = placeholders.recognise(value, want.get(param));
			if (p != null) {
				return p;
			}
		}
		if (Redactor.isSecretName(param) && value != null && !value.isEmpty()) {
			return owned ? "${secret:unknown}" : "***";
		}
		return value;
	}

	private ManagedObject rule(Action1.ActionRule r, Map<String, String> actionKeys, Map<String, String> scheduleKeys) {
		boolean owned = Conventions.isTagged(r.name());
		String key = owned ? Conventions.untagged(r.name()) : r.name();
		List<String> deps = new ArrayList<>();
		Filter start = r.startEvent() == null ? null : filter(r.startEvent());
		List<Filter> conditions = new ArrayList<>();
		for (Action1.EventFilter f : r.conditions()) {
			conditions.add(filter(f));
			scheduleKeys.forEach((id, k) -> {
				if (f.messageContent() != null && f.messageContent().contains("\"" + id + "\"")) {
					deps.add(ManagedObject.id(Conventions.SCHEDULE, k));
				}
			});
		}
		String actionKey = actionKeys.get(r.primaryAction());
		String primary;
		if (actionKey != null) {
			primary = Conventions.ref(Conventions.ACTION, actionKey);
			deps.add(ManagedObject.id(Conventions.ACTION, actionKey));
		} else {
			primary = "id:" + r.primaryAction();
		}
		Map<String, String> a = new DeviceObjects.Rule(r.enabled(), start, conditions, primary, r.activationTimeout())
				.attributes();
		return new ManagedObject(Conventions.RULE, key, Nature.ITEM, owned ? Origin.PALISADE : Origin.HAND_MADE, a, deps,
				r.id());
	}

	private Filter filter(Action1.EventFilter f) {
		String topic = capabilities == null ? f.topicExpression() : capabilities.placeholderOf(f.topicExpression());
		return new Filter(topic, f.messageContent() == null ? "" : placeholders.recogniseDoorTokens(f.messageContent()));
	}

	@Override
	public void set(ManagedObject setting) throws DeviceException {
		setAll(List.of(setting));
	}

	/**
	 * Sets the time zone (time.cgi) and parameters: every parameter, the ports' IOPort parameters
	 * included, goes in one param.cgi update, which a device applies all or none of. Ports are read
	 * from the IOPort tree and written to it: no port-management call (#16: one request fewer per
	 * camera, and read and write go through one API, [IO]). A port read from the device also
	 * carries its other IOPort parameters, which are written back too, so that a restore is exact.
	 */
	@Override
	public void setAll(List<ManagedObject> settings) throws DeviceException {
		Map<String, String> params = new LinkedHashMap<>();
		List<String> labels = new ArrayList<>();
		for (ManagedObject setting : settings) {
			if (setting.kind().equals(Conventions.FIRMWARE)) {
				// First and alone: an upgrade that fails (or falls back) leaves the rest unapplied.
				firmwareVersion = FirmwareUpgrade.apply(client, firmwareVersion, Firmware.of(setting.attributes()),
						restartTimeout, restartPoll);
			}
		}
		try {
			for (ManagedObject setting : settings) {
				labels.add(setting.label());
				Map<String, String> a = setting.attributes();
				switch (setting.kind()) {
				case Conventions.FIRMWARE -> {
					// done above
				}
				case Conventions.TIME -> client.time().setTimeZone(TimeZone.of(a).zone());
				case Conventions.PARAM -> params.put(setting.key(), Param.of(a).value());
				// Read refuses a PTZ without a preset the design gives no position; one with a position is written.
				case Conventions.PRESET -> {
					if (!PtzPresets.positioned(setting)) {
						throw new DeviceException(client.device() + ": preset " + setting.key()
								+ " is not on the device; aim the camera and save the preset there", null);
					}
					PtzPresets.write(client, setting);
				}
				case Conventions.DOOR -> doors.set(client, setting);
				case Conventions.PORT -> {
					int index = Integer.parseInt(setting.key()) - 1;
					Port port = Port.of(a);
					params.putAll(VapixOperations.portParams(index, port));
					// A restore also puts back the names and levels of the direction not in use.
					port.ioParams().forEach((k, v) -> params.put("IOPort.I" + index + "." + k, v));
				}
				default -> throw new DeviceException(client.device() + ": unknown setting kind " + setting.kind(), null);
				}
			}
			if (!params.isEmpty()) {
				client.paramCgi().update(params);
			}
		} catch (VapixException e) {
			throw failure("set " + String.join(", ", labels), e);
		}
	}

	@Override
	public void create(ManagedObject item) throws DeviceException {
		Map<String, String> a = item.attributes();
		String name = Conventions.tagged(item.key());
		try {
			String handle = switch (item.kind()) {
			case Conventions.SCHEDULE -> {
				DeviceObjects.Schedule s = DeviceObjects.Schedule.of(a);
				yield client.event1().addScheduledEvent(s.eventId(), name, s.ical());
			}
			case Conventions.RECIPIENT -> {
				Configuration c = Configuration.of(a);
				yield client.action1().addRecipientConfiguration(name, c.template(), resolved(c.params()));
			}
			case Conventions.ACTION -> {
				Configuration c = Configuration.of(a);
				yield client.action1().addActionConfiguration(name, c.template(),
						capabilities.complete(c.template(), resolved(c.params())));
			}
			case Conventions.RULE -> client.action1().addActionRule(rule(name, DeviceObjects.Rule.of(a)));
			case Conventions.SHARE -> ShareItems.create(client, item, placeholders, Duration.ofMillis(200));
			case Conventions.STREAM_PROFILE -> {
				client.streamProfiles().create(StreamProfileItems.profile(item));
				yield item.key();
			}
			default -> throw new DeviceException(client.device() + ": unknown item kind " + item.kind(), null);
			};
			handles.put(item.id(), handle);
		} catch (VapixException e) {
			throw failure("create " + item.label(), e);
		} catch (IOException e) {
			throw new DeviceException(client.device() + ": create " + item.label() + ": " + e.getMessage(), e);
		}
	}

	/** Stream profiles next to each other go in one create request (#16: fewer calls per camera). */
	@Override
	public void createAll(List<ManagedObject> items) throws DeviceException {
		List<ManagedObject> profiles = new ArrayList<>();
		for (ManagedObject i : items) {
			if (i.kind().equals(Conventions.STREAM_PROFILE)) {
				profiles.add(i);
				continue;
			}
			createProfiles(profiles);
			create(i);
		}
		createProfiles(profiles);
	}

	private void createProfiles(List<ManagedObject> profiles) throws DeviceException {
		try {
			StreamProfileItems.create(client, profiles);
		} catch (VapixException e) {
			throw failure("create " + String.join(", ", profiles.stream().map(ManagedObject::label).toList()), e);
		}
		profiles.forEach(p -> handles.put(p.id(), p.key()));
		profiles.clear();
	}

	private Map<String, String> resolved(Map<String, String> params) throws IOException {
		Map<String, String> p = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : params.entrySet()) {
			p.put(e.getKey(), placeholders.resolve(e.getValue()));
		}
		return p;
	}

	private Action1.ActionRule rule(String name, DeviceObjects.Rule r) throws DeviceException {
		Action1.EventFilter start;
		List<Action1.EventFilter> conditions = new ArrayList<>();
		try {
			start = r.start() == null ? null
					: new Action1.EventFilter(capabilities.resolve(r.start().topic()),
							emptyToNull(placeholders.resolveDoorTokens(r.start().content())));
			for (Filter f : r.conditions()) {
				conditions.add(new Action1.EventFilter(capabilities.resolve(f.topic()),
						emptyToNull(placeholders.resolveDoorTokens(f.content()))));
			}
		} catch (IOException e) {
			throw new DeviceException(client.device() + ": rule \"" + name + "\": " + e.getMessage(), e);
		}
		String primary = r.primaryAction();
		String handle;
		if (primary != null && primary.startsWith("${ref:") && primary.endsWith("}")) {
			handle = handles.get(primary.substring(6, primary.length() - 1));
			if (handle == null) {
				throw new DeviceException(client.device() + ": rule \"" + name + "\" refers to " + primary
						+ ", which is not on the device", null);
			}
		} else if (primary != null && primary.startsWith("id:")) {
			handle = primary.substring(3);
		} else {
			throw new DeviceException(client.device() + ": rule \"" + name + "\" has no primary action", null);
		}
		return new Action1.ActionRule(null, name, r.enabled(), start, conditions, r.activationTimeout(), handle);
	}

	private static String emptyToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

	@Override
	public void delete(ManagedObject item) throws DeviceException {
		try {
			switch (item.kind()) {
			case Conventions.SCHEDULE -> client.event1().removeScheduledEvent(item.deviceId());
			case Conventions.RECIPIENT -> client.action1().removeRecipientConfiguration(item.deviceId());
			case Conventions.ACTION -> client.action1().removeActionConfiguration(item.deviceId());
			case Conventions.RULE -> client.action1().removeActionRule(item.deviceId());
			case Conventions.STREAM_PROFILE -> client.streamProfiles().remove(item.deviceId());
			case Conventions.SHARE -> ShareItems.delete(client, item);
			default -> throw new DeviceException(client.device() + ": unknown item kind " + item.kind(), null);
			}
			handles.remove(item.id(), item.deviceId());
		} catch (VapixException e) {
			throw failure("delete " + item.label(), e);
		}
	}

	private DeviceException failure(String what, VapixException e) {
		// VapixException messages are redacted by the client; they name the device and the call.
		return new DeviceException(what + ": " + e.getMessage(), e, e.kind() == VapixException.Kind.AUTHENTICATION);
	}

	@Override
	public void close() {
		placeholders.clear();
		client.close();
	}
}
