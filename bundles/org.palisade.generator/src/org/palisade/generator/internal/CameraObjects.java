package org.palisade.generator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.deploy.vapix.driver.DeviceObjects;
import org.palisade.deploy.vapix.driver.DeviceObjects.Configuration;
import org.palisade.deploy.vapix.driver.DeviceObjects.Filter;
import org.palisade.deploy.vapix.driver.DeviceObjects.Param;
import org.palisade.deploy.vapix.driver.DeviceObjects.Port;
import org.palisade.deploy.vapix.driver.DeviceObjects.TimeZone;
import org.palisade.model.site.Action;
import org.palisade.model.site.ApplicationInstance;
import org.palisade.model.site.ApplicationTrigger;
import org.palisade.model.site.ApplicationType;
import org.palisade.model.site.CircuitState;
import org.palisade.model.site.Condition;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceKind;
import org.palisade.model.site.Door;
import org.palisade.model.site.DoorAction;
import org.palisade.model.site.DoorAlarm;
import org.palisade.model.site.DoorTrigger;
import org.palisade.model.site.LockKind;
import org.palisade.model.site.ScheduleTrigger;
import org.palisade.model.site.InputCondition;
import org.palisade.model.site.InputTrigger;
import org.palisade.model.site.NotifyAction;
import org.palisade.model.site.OutputAction;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.Preset;
import org.palisade.model.site.PtzAction;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.ScheduleCondition;
import org.palisade.model.site.Stream;
import org.palisade.model.site.StreamAudience;

/**
 * The desired objects of one camera (see {@link Conventions}): its time zone, I/O ports, stream and image
 * parameters, and, for its rules, the scheduled events, recipients, action configurations and
 * action rules that realise them.
 * <p>
 * Rule shapes (vapix.md §4): an action with a duration ({@code com.axis.action.fixed.*}) puts the
 * trigger in StartEvent and the extra conditions in Conditions; an action that lasts while the rule
 * is active ({@code com.axis.action.unlimited.io.toggle}) puts everything in Conditions. A schedule
 * that becomes several scheduled events (intervals with different times) makes the rule one rule
 * per event, since rule conditions can only be combined with "and".
 */
public final class CameraObjects {

	/** The ItemFilter of a stateful event that is active. */
	static final String ACTIVE = "boolean(//SimpleItem[@Name=\"active\" and @Value=\"1\"])";
	static final String INTERVAL_TOPIC = "tns1:UserAlarm/tnsaxis:Recurring/Interval";
	static final String PORT_TOPIC = "tns1:Device/tnsaxis:IO/Port";
	/** A door's alarm (door control service events; solution-devices.md section 2.2). */
	static final String DOOR_ALARM_TOPIC = "tns1:Door/State/DoorAlarm";
	/** Fallback scenario when the design names none (the virtual device's default profile). */
	static final String DEFAULT_SCENARIO = "Camera1Profile1";

	private final Device camera;
	private final String timeZone;
	private final List<ManagedObject> objects = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();
	private final Map<Schedule, List<String>> scheduleKeys = new LinkedHashMap<>();
	private final Map<String, ManagedObject> recipients = new LinkedHashMap<>();

	/** @param timeZone the site's IANA zone, or {@code null} */
	public CameraObjects(Device camera, String timeZone) {
		this.camera = camera;
		this.timeZone = timeZone;
	}

	public List<ManagedObject> objects() {
		return objects;
	}

	public List<String> notes() {
		return notes;
	}

	/** Builds everything; call once. */
	public CameraObjects build() {
		objects.addAll(DeviceSettings.firmware(camera));
		if (timeZone != null) {
			// Scheduled events are written in local time: the device's clock must be in the site's zone.
			objects.add(ManagedObject.setting(Conventions.TIME, TimeZone.KEY, new TimeZone(timeZone).attributes()));
		}
		for (PortConfig p : camera.getPorts()) {
			CircuitState normal = p.getNormalState() == null ? CircuitState.OPEN : p.getNormalState();
			objects.add(ManagedObject.setting(Conventions.PORT, Integer.toString(p.getPort()),
					new Port(p.getDirection().getLiteral(), p.getName(), normal.getLiteral(), Map.of()).attributes()));
		}
		streams();
		// HTTPS only (#17), on any device of the design: a PTZ or a door controller has no streams.
		objects.addAll(DeviceSecurity.settings(camera));
		for (Preset p : camera.getPresets()) {
			// Without a position: checked to exist on the PTZ (an installer aims it). With one: written
			// there, and plan compares where the device's preset points (#19).
			objects.add(ManagedObject.setting(Conventions.PRESET, p.getName(), p.getPan() == null || p.getTilt() == null
					? Map.of() : Conventions.presetPosition(p.getPan(), p.getTilt(), p.getZoom())));
		}
		returnHome();
		for (int i = 0; i < camera.getDoors().size(); i++) {
			door(camera.getDoors().get(i), i + 1);
		}
		List<ManagedObject> actions = new ArrayList<>();
		List<ManagedObject> rules = new ArrayList<>();
		for (Rule r : camera.getRules()) {
			rule(r, actions, rules);
		}
		scheduleKeys.forEach((s, keys) -> {
			List<String> icals = ICalendar.of(s);
			for (int i = 0; i < keys.size(); i++) {
				objects.add(ManagedObject.item(Conventions.SCHEDULE, keys.get(i),
						new DeviceObjects.Schedule(Conventions.eventId(keys.get(i)), icals.get(i)).attributes(), List.of()));
			}
		});
		objects.addAll(recipients.values());
		objects.addAll(actions);
		objects.addAll(rules);
		return this;
	}

	/**
	 * A PTZ that rules move with "return home after N s" gets its autoreturn set to N (#19): the PTZ
	 * goes back home on its own, as the ptz.cgi call the camera sends cannot say when. Validation
	 * makes every such rule of the site agree (PTZ-RETURN-CONFLICT); the rules may sit in other
	 * files of the design (areas), hence the whole resource set.
	 */
	private void returnHome() {
		if (camera.getType() == null || camera.getType().getKind() != DeviceKind.PTZ_CAMERA || camera.eResource() == null) {
			return;
		}
		Integer seconds = null;
		var resources = camera.eResource().getResourceSet() == null ? List.of(camera.eResource())
				: camera.eResource().getResourceSet().getResources();
		for (var resource : List.copyOf(resources)) {
			for (var it = resource.getAllContents(); it.hasNext();) {
				if (it.next() instanceof PtzAction a && a.getPtz() == camera && a.getReturnHome() != null) {
					seconds = seconds == null ? a.getReturnHome() : Math.min(seconds, a.getReturnHome());
				}
			}
		}
		if (seconds != null) {
			param(Conventions.PTZ_RETURN_HOME, seconds.toString());
		}
	}

	/** Image.I0 carries one stream's settings: the one for applications, else the first. */
	private void streams() {
		if (camera.getStreams().isEmpty()) {
			return;
		}
		Stream chosen = camera.getStreams().stream().filter(s -> s.getAudience() == StreamAudience.APPLICATIONS)
				.findFirst().orElse(camera.getStreams().get(0));
		if (chosen.getResolution() != null) {
			param("Image.I0.Appearance.Resolution", chosen.getResolution());
		}
		if (chosen.getFps() != null) {
			param("Image.I0.Stream.FPS", chosen.getFps().toString());
		}
		if (chosen.getBitrateMode() != null) {
			param("Image.I0.RateControl.Mode", chosen.getBitrateMode().getLiteral());
			if (chosen.getBitrate() != null) {
				param(chosen.getBitrateMode().getLiteral().equals("mbr") ? "Image.I0.RateControl.MaxBitrate"
						: "Image.I0.RateControl.TargetBitrate", chosen.getBitrate().toString());
			}
		}
		boolean thermal = camera.getType() != null && camera.getType().getKind() == DeviceKind.THERMAL_CAMERA;
		if (chosen.getPalette() != null && thermal) {
			String literal = chosen.getPalette().getLiteral();
			if (literal.equals("natural")) {
				notes.add("stream \"" + chosen.getName() + "\": palette natural has no thermal palette parameter; not set");
			} else {
				String v = Character.toUpperCase(literal.charAt(0)) + literal.substring(1);
				param("ImageSource.I0.Sensor.ThermalPalette", v);
			}
		}
		// Every stream of the design is a stream profile viewers and recorders ask for by name (#17).
		for (Stream s : camera.getStreams()) {
			objects.add(DeviceSettings.streamProfile(s, thermal));
		}
		// EIS steadies the image channel, so it is one setting for all streams: on when a stream asks.
		param("ImageSource.I0.Sensor.Stabilizer",
				camera.getStreams().stream().anyMatch(Stream::isEis) ? "on" : "off");
		objects.addAll(DeviceSettings.storage(camera, notes));
	}

	/**
	 * A door controller's door (#19): the SetDoor fields the design gives (its name and description, AccessTime and
	 * OpenTooLongTime as xs:duration) and the configuration keys of its lock and door monitor.
	 */
	private void door(Door d, int index) {
		Map<String, String> fields = new LinkedHashMap<>();
		// The door's name is the design's, so that a person, a rehearsal and the design name it alike;
		// the label is its description.
		fields.put("Name", d.getName());
		if (d.getLabel() != null) {
			fields.put("Description", d.getLabel());
		}
		if (d.getAccessTime() != null) {
			fields.put("AccessTime", "PT" + d.getAccessTime() + "S");
		}
		if (d.getOpenTooLongTime() != null) {
			fields.put("OpenTooLongTime", "PT" + d.getOpenTooLongTime() + "S");
		}
		Map<String, String> config = new LinkedHashMap<>();
		config.put("Lock.Type", d.getLock() == LockKind.RELAY ? "Relay" : "Standard");
		if (d.isMonitor()) {
			// The door monitor reads an open circuit as an open door (the A1601's default wiring).
			config.put("DoorMonitor.ValueWhenOpen", "Input Open");
			config.put("DoorMonitor.ValueWhenClosed", "Input Ground");
		}
		objects.add(ManagedObject.setting(Conventions.DOOR, d.getName(),
				new DeviceObjects.Door(index, fields, config).attributes()));
	}

	private void param(String name, String value) {
		objects.add(ManagedObject.setting(Conventions.PARAM, name, new Param(value).attributes()));
	}

	private void rule(Rule r, List<ManagedObject> actions, List<ManagedObject> rules) {
		String actionKey = r.getName();
		Action action = r.getAction();
		boolean unlimited = action instanceof OutputAction o && o.getDuration() == null;
		String template = null;
		Map<String, String> params = new LinkedHashMap<>();
		if (action instanceof OutputAction o) {
			template = unlimited ? "com.axis.action.unlimited.io.toggle" : "com.axis.action.fixed.io.toggle";
			params.put("port", Integer.toString(o.getPort().getPort() - 1));
			params.put("state", "high");
			if (!unlimited) {
				params.put("duration", o.getDuration().toString());
			}
		} else if (action instanceof NotifyAction || action instanceof PtzAction || action instanceof DoorAction) {
			ManagedObject target = action instanceof NotifyAction n ? recipient(n.getRecipient())
					: action instanceof PtzAction pa ? ptzRecipient(pa) : doorRecipient((DoorAction) action);
			Configuration recipient = Configuration.of(target.attributes());
			boolean https = recipient.template().endsWith("https");
			template = "com.axis.action.fixed.notification." + (https ? "https" : "http");
			params.putAll(recipient.params());
			if (action instanceof DoorAction da) {
				// The door control service takes a JSON POST (Event and action services: the HTTP
				// notification's method, http_headers and body parameters).
				params.put("method", "POST");
				params.put("http_headers", "Content-Type: application/json");
				params.put("body", doorCommand(da));
			}
		}
		List<String> actionDeps = List.of();
		if (action instanceof org.palisade.model.site.AlertAction || action instanceof org.palisade.model.site.RecordAction) {
			// The surveillance center (#19 item 3): an alert to the VMS, or a recording on alarm.
			Configuration c = action instanceof org.palisade.model.site.AlertAction aa ? VmsObjects.alert(aa)
					: VmsObjects.record((org.palisade.model.site.RecordAction) action);
			template = c.template();
			params.putAll(c.params());
			if (action instanceof org.palisade.model.site.RecordAction ra) {
				actionDeps = VmsObjects.dependencies(ra, camera);
			}
		}
		actions.add(ManagedObject.item(Conventions.ACTION, actionKey, new Configuration(template, params).attributes(),
				actionDeps));

		List<Filter> triggers = new ArrayList<>();
		List<String> triggerDeps = new ArrayList<>();
		if (r.getTrigger() instanceof ScheduleTrigger st) {
			// A schedule's start or end: its scheduled event becoming active or inactive; a schedule
			// of several events gives one rule per event, as a "during" condition does.
			for (String key : scheduleKeys(st.getSchedule())) {
				triggers.add(new Filter(INTERVAL_TOPIC, "boolean(//SimpleItem[@Name=\"id\" and @Value=\""
						+ Conventions.eventId(key) + "\"]) and boolean(//SimpleItem[@Name=\"active\" and @Value=\""
						+ (st.isEnds() ? "0" : "1") + "\"])"));
				triggerDeps.add(ManagedObject.id(Conventions.SCHEDULE, key));
			}
		} else {
			triggers.add(trigger(r));
			triggerDeps.add(null);
		}
		List<List<Filter>> conditionSets = new ArrayList<>();
		conditionSets.add(new ArrayList<>());
		List<List<String>> depSets = new ArrayList<>();
		depSets.add(new ArrayList<>());
		for (Condition c : r.getConditions()) {
			if (c instanceof ScheduleCondition sc) {
				List<String> keys = scheduleKeys(sc.getSchedule());
				List<List<Filter>> grown = new ArrayList<>();
				List<List<String>> grownDeps = new ArrayList<>();
				for (int i = 0; i < conditionSets.size(); i++) {
					for (String key : keys) {
						List<Filter> set = new ArrayList<>(conditionSets.get(i));
						set.add(new Filter(INTERVAL_TOPIC, "boolean(//SimpleItem[@Name=\"id\" and @Value=\""
								+ Conventions.eventId(key) + "\"]) and " + ACTIVE));
						List<String> deps = new ArrayList<>(depSets.get(i));
						deps.add(ManagedObject.id(Conventions.SCHEDULE, key));
						grown.add(set);
						grownDeps.add(deps);
					}
				}
				conditionSets = grown;
				depSets = grownDeps;
			} else if (c instanceof InputCondition ic) {
				conditionSets.forEach(set -> set.add(portFilter(ic.getPort(), ic.getState())));
			}
		}
		int total = triggers.size() * conditionSets.size();
		int n = 0;
		for (int t = 0; t < triggers.size(); t++) {
			Filter trigger = triggers.get(t);
			for (int i = 0; i < conditionSets.size(); i++) {
				// An output held for as long as the trigger lasts runs while it holds: a condition, not a start event.
				List<Filter> conditions = new ArrayList<>();
				if (unlimited) {
					conditions.add(trigger);
				}
				conditions.addAll(conditionSets.get(i));
				Map<String, String> a = new DeviceObjects.Rule(!r.isDisabled(), unlimited ? null : trigger, conditions,
						Conventions.ref(Conventions.ACTION, actionKey), null).attributes();
				List<String> deps = new ArrayList<>();
				if (triggerDeps.get(t) != null) {
					deps.add(triggerDeps.get(t));
				}
				deps.addAll(depSets.get(i));
				deps.add(ManagedObject.id(Conventions.ACTION, actionKey));
				n++;
				String key = total == 1 ? r.getName() : r.getName() + " (" + n + ")";
				rules.add(ManagedObject.item(Conventions.RULE, key, a, deps));
			}
		}
	}

	/** @return topic expression and message content of the rule's trigger */
	private Filter trigger(Rule r) {
		if (r.getTrigger() instanceof ApplicationTrigger t) {
			ApplicationType app = t.getApplication();
			String topic = app.getTopic() != null ? app.getTopic() : app.getName();
			String scenario = t.getScenario() != null ? t.getScenario().getName() : firstScenario(app);
			// The device's own topic is looked up when deploying (its spelling is the device's).
			return new Filter(Conventions.applicationEvent(topic, scenario), ACTIVE);
		}
		if (r.getTrigger() instanceof DoorTrigger t) {
			// The alarm of one of this controller's doors: the event's source is the door's token,
			// which only the controller knows (resolved when deploying).
			int index = doorIndex(camera, t.getDoor());
			return new Filter(DOOR_ALARM_TOPIC, "boolean(//SimpleItem[@Name=\"DoorToken\" and @Value=\""
					+ Conventions.doorToken(camera.getCredentials(), camera.getAddress(), index)
					+ "\"]) and boolean(//SimpleItem[@Name=\"State\" and @Value=\""
					+ (t.getAlarm() == DoorAlarm.FORCED ? "DoorForcedOpen" : "DoorOpenTooLong") + "\"])");
		}
		InputTrigger in = (InputTrigger) r.getTrigger();
		return portFilter(in.getPort(), in.getState());
	}

	private static int doorIndex(Device controller, String door) {
		for (int i = 0; i < controller.getDoors().size(); i++) {
			if (controller.getDoors().get(i).getName().equals(door)) {
				return i + 1;
			}
		}
		throw new IllegalStateException("no door " + door + " on " + controller.getName() + " (validation passed?)");
	}

	/** The door control service's request for a door command, with the door's token as a placeholder. */
	private static String doorCommand(DoorAction a) {
		String op = switch (a.getCommand()) {
		case LOCK -> "tdc:LockDoor";
		case UNLOCK -> "tdc:UnlockDoor";
		case ACCESS -> "tdc:AccessDoor";
		case LOCKDOWN -> "tdc:LockDownDoor";
		case RELEASE -> "tdc:LockDownReleaseDoor";
		};
		Device c = a.getController();
		return "{\"" + op + "\":{\"Token\":\"" + Conventions.doorToken(c.getCredentials(), c.getAddress(),
				doorIndex(c, a.getDoor())) + "\"}}";
	}

	/**
	 * A door controller's door control service as an HTTP(S) recipient, with the controller's login
	 * (solution-devices.md section 2.3); the action adds the POST body of the command.
	 */
	private ManagedObject doorRecipient(DoorAction a) {
		Device c = a.getController();
		String key = "Doors " + c.getName();
		boolean https = a.isSecure();
		return recipients.computeIfAbsent(key + (https ? "" : " (http)"), k -> {
			Map<String, String> params = new LinkedHashMap<>();
			params.put("upload_url", (https ? "https" : "http") + "://" + c.getAddress() + "/vapix/doorcontrol");
			if (https) {
				params.put("validate_server_cert", "1");
			}
			if (c.getCredentials() != null) {
				params.put("login", Conventions.user(c.getCredentials()));
				params.put("password", Conventions.password(c.getCredentials()));
			}
			return ManagedObject.item(Conventions.RECIPIENT, k, new Configuration(
					https ? "com.axis.recipient.https" : "com.axis.recipient.http", params).attributes(), List.of());
		});
	}

	private String firstScenario(ApplicationType app) {
		for (ApplicationInstance i : camera.getApplications()) {
			if (i.getType() == app && !i.getScenarios().isEmpty()) {
				return i.getScenarios().get(0).getName();
			}
		}
		return DEFAULT_SCENARIO;
	}

	/** Input port events number ports from 0, as IOPort.I# (recorded; vapix-notes.md section 4). */
	private static Filter portFilter(PortConfig port, CircuitState state) {
		CircuitState normal = port.getNormalState() == null ? CircuitState.OPEN : port.getNormalState();
		boolean active = state == null || state != normal;
		return new Filter(PORT_TOPIC, "boolean(//SimpleItem[@Name=\"port\" and @Value=\"" + (port.getPort() - 1)
				+ "\"]) and boolean(//SimpleItem[@Name=\"state\" and @Value=\"" + (active ? "1" : "0") + "\"])");
	}

	private List<String> scheduleKeys(Schedule s) {
		return scheduleKeys.computeIfAbsent(s, k -> {
			String label = s.getLabel() != null ? s.getLabel() : s.getName();
			int n = ICalendar.of(s).size();
			List<String> keys = new ArrayList<>();
			for (int i = 1; i <= n; i++) {
				keys.add(n == 1 ? label : label + " " + i);
			}
			return keys;
		});
	}

	/**
	 * The PTZ's preset call as an HTTP(S) recipient of the camera: {@code ptz.cgi?gotoserverpresetname=}
	 * with the PTZ's own login (PTZ API; solution-devices.md section 1.1, way 2). The notification
	 * sends no {@code message}, so ptz.cgi gets no argument beyond the preset.
	 */
	private ManagedObject ptzRecipient(PtzAction a) {
		Device ptz = a.getPtz();
		String key = "PTZ " + ptz.getName() + " " + a.getPreset();
		return recipients.computeIfAbsent(key, k -> {
			boolean https = a.isSecure();
			Map<String, String> params = new LinkedHashMap<>();
			params.put("upload_url", (https ? "https" : "http") + "://" + ptz.getAddress()
					+ "/axis-cgi/com/ptz.cgi?gotoserverpresetname="
					+ java.net.URLEncoder.encode(a.getPreset(), java.nio.charset.StandardCharsets.UTF_8));
			if (https) {
				params.put("validate_server_cert", "1");
			}
			if (ptz.getCredentials() != null) {
				params.put("login", Conventions.user(ptz.getCredentials()));
				params.put("password", Conventions.password(ptz.getCredentials()));
			}
			return ManagedObject.item(Conventions.RECIPIENT, key, new Configuration(
					https ? "com.axis.recipient.https" : "com.axis.recipient.http", params).attributes(), List.of());
		});
	}

	private ManagedObject recipient(Recipient r) {
		String key = r.getLabel() != null ? r.getLabel() : r.getName();
		return recipients.computeIfAbsent(key, k -> {
			String url;
			String credentials = r.getCredentials();
			boolean https;
			if (r.getSpeaker() != null) {
				Device speaker = r.getSpeaker();
				https = r.isSecure();
				url = (https ? "https" : "http") + "://" + speaker.getAddress() + "/axis-cgi/playclip.cgi?clip=" + r.getClip();
				if (credentials == null) {
					credentials = speaker.getCredentials();
				}
			} else {
				url = r.getUrl();
				https = url != null && url.toLowerCase(Locale.ROOT).startsWith("https:");
			}
			Map<String, String> params = new LinkedHashMap<>();
			params.put("upload_url", url);
			if (https) {
				// The camera checks the speaker's certificate, as Palisade checks the camera's: a
				// horn that answers with a certificate the camera does not trust is not called.
				params.put("validate_server_cert", "1");
			}
			if (credentials != null) {
				params.put("login", Conventions.user(credentials));
				params.put("password", Conventions.password(credentials));
			}
			String template = https ? "com.axis.recipient.https" : "com.axis.recipient.http";
			return ManagedObject.item(Conventions.RECIPIENT, key, new Configuration(template, params).attributes(),
					List.of());
		});
	}
}
