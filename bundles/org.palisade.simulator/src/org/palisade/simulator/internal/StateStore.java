package org.palisade.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceState.ActionRule;
import org.palisade.simulator.DeviceState.ClipPlay;
import org.palisade.simulator.DeviceState.Configuration;
import org.palisade.simulator.DeviceState.IoPort;
import org.palisade.simulator.DeviceState.ScheduledEvent;
import org.palisade.simulator.DeviceState.Snapshot;
import org.palisade.simulator.DeviceState.StateSequence;

/**
 * All mutable state of one virtual device, guarded by the store's monitor.
 * <p>
 * Contract for handlers: a request validates everything first and mutates only after validation
 * passed, all inside one {@link #atomically(Supplier)} block, so a rejected request changes nothing
 * and no reader sees half of an accepted one. The I/O ports have a single source of truth, the
 * {@code IOPort.I<n>.*} parameters, so param.cgi and port management always agree; only the
 * current output state lives beside them.
 */
public final class StateStore {

	private static final String SCHEDULE_PREFIX = "com.axis.schedules.";

	private final DeviceDescriptor descriptor;
	private final Map<String, String> params = ParamDefaults.newTree();
	private final Set<String> readOnly = new HashSet<>();
	private final Map<Integer, String> outputStates = new HashMap<>();
	private final List<StateSequence> sequences = new ArrayList<>();
	private final Map<String, ScheduledEvent> schedules = new LinkedHashMap<>();
	private final Map<String, Configuration> recipients = new LinkedHashMap<>();
	private final Map<String, Configuration> actions = new LinkedHashMap<>();
	private final Map<String, ActionRule> rules = new LinkedHashMap<>();
	private final List<ClipPlay> plays = new ArrayList<>();
	/** The PTZ head of a PTZ model, else {@code null}. */
	private final org.palisade.simulator.PtzHead ptz;
	/** The doors of a door controller model, else {@code null}. */
	private final org.palisade.simulator.DoorBank doors;
	/** A camera's SD card, network shares and recordings (#19 item 3), else {@code null}. */
	private final org.palisade.simulator.EdgeStorage storage;
	/** What a virtual VMS received, else {@code null}. */
	private final org.palisade.simulator.VmsInbox inbox;
	/** IANA zone of the device clock; schedules run in its local time. Factory default UTC. */
	private String timeZone = "UTC";
	/** What stamps recorded plays: the fleet's clock, virtual during a rehearsal. */
	private volatile java.time.Clock clock = java.time.Clock.systemUTC();
	/** Told when what a running schedule depends on changes (its events, the zone); must not block. */
	private volatile Runnable schedulesChanged = () -> {
	};
	private int nextScheduleId;
	private int nextRecipientId = 1;
	private int nextActionId = 1;
	private int nextRuleId = 1;

	public StateStore(DeviceDescriptor descriptor) {
		this.descriptor = descriptor;
		this.ptz = org.palisade.simulator.PtzHead.isPtzModel(descriptor.model())
				? new org.palisade.simulator.PtzHead(descriptor.presets()) : null;
		if (ptz != null) {
			// What a deploy wrote to the autoreturn, read at each move (#19); anything but digits is off.
			ptz.returnAfter(() -> {
				String v = parameter("PTZ.Various.V1.ReturnToOverview");
				return v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : 0;
			});
		}
		this.doors = org.palisade.simulator.DoorBank.isDoorControllerModel(descriptor.model())
				? new org.palisade.simulator.DoorBank(descriptor.serial(), descriptor.doors()) : null;
		this.storage = descriptor.kind() == org.palisade.simulator.DeviceKind.CAMERA && doors == null
				? new org.palisade.simulator.EdgeStorage(SD_CARD_GB) : null;
		this.inbox = descriptor.kind() == org.palisade.simulator.DeviceKind.VMS ? new org.palisade.simulator.VmsInbox() : null;
		ParamDefaults.populate(descriptor, params, readOnly);
		if (descriptor.builtInSchedules()) {
			// Axis devices ship these four (IDs from the event1 documentation's "Scheduled event"
			// source instance table); their exact iCalendar text is unconfirmed.
			builtIn("weekdays", "Weekdays", "DTSTART:19700101T000000\nDTEND:19700101T235959\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
			builtIn("office_hours", "Office Hours", "DTSTART:19700101T080000\nDTEND:19700101T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
			builtIn("after_hours", "After Hours", "DTSTART:19700101T180000\nDTEND:19700102T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
			builtIn("weekends", "Weekends", "DTSTART:19700101T000000\nDTEND:19700101T235959\nRRULE:FREQ=WEEKLY;BYDAY=SA,SU");
		}
		FactoryItems.seed(this);
	}

	private void builtIn(String id, String name, String ical) {
		schedules.put(SCHEDULE_PREFIX + id, new ScheduledEvent(SCHEDULE_PREFIX + id, name, ical));
	}

	/** The running and the previous firmware; an upgrade swaps them, a fallback swaps them back (#17). */
	private String firmware;
	private String previousFirmware;
	private static final String FIRMWARE_VERSION = "Properties.Firmware.Version";
	/** Until when the device restarts after an upgrade (it answers 503 meanwhile), or {@code null}. */
	private java.time.Instant restartingUntil;
	/** Stream profiles by name: {@code [description, parameters]}, in creation order. */
	private final Map<String, String[]> streamProfiles = new LinkedHashMap<>();

	public synchronized String firmware() {
		return firmware != null ? firmware : descriptor.firmware();
	}

	public synchronized String previousFirmware() {
		return previousFirmware;
	}

	/**
	 * Starts a restart into {@code version}, or back into the running one when {@code fallback}: the
	 * device goes away for its restart delay and comes back on the firmware that started.
	 */
	public synchronized void upgrade(String version, boolean fallback) {
		String running = firmware();
		if (!fallback) {
			previousFirmware = running;
			firmware = version;
			// param.cgi lists the running firmware too, as basic device info and status tell it.
			if (params.containsKey(FIRMWARE_VERSION)) {
				params.put(FIRMWARE_VERSION, version);
			}
		}
		restartingUntil = java.time.Instant.now().plus(descriptor.restartDelay());
	}

	/** @return whether the device is restarting now (it then answers nothing but 503) */
	public synchronized boolean restarting() {
		if (restartingUntil != null && java.time.Instant.now().isAfter(restartingUntil)) {
			restartingUntil = null;
		}
		return restartingUntil != null;
	}

	/** @return the stream profiles, name to {@code [description, parameters]} */
	public synchronized Map<String, String[]> streamProfiles() {
		Map<String, String[]> copy = new LinkedHashMap<>();
		streamProfiles.forEach((k, v) -> copy.put(k, v.clone()));
		return copy;
	}

	/** @return {@code false} when a profile of that name exists */
	public synchronized boolean addStreamProfile(String name, String description, String parameters) {
		return streamProfiles.putIfAbsent(name, new String[] { description, parameters }) == null;
	}

	/** @return {@code false} when there is no such profile */
	public synchronized boolean removeStreamProfile(String name) {
		return streamProfiles.remove(name) != null;
	}

	public DeviceDescriptor descriptor() {
		return descriptor;
	}

	/** Runs {@code body} holding the state lock: validate, then mutate. */
	public synchronized <T> T atomically(Supplier<T> body) {
		return body.get();
	}

	// ---- parameters -------------------------------------------------------------------------

	public static String stripRoot(String key) {
		return key.startsWith("root.") ? key.substring(5) : key;
	}

	public synchronized Map<String, String> parameters() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(params));
	}

	public synchronized String parameter(String key) {
		return params.get(stripRoot(key));
	}

	public synchronized boolean isReadOnly(String key) {
		return readOnly.contains(stripRoot(key));
	}

	/** Sets existing parameters; the caller has validated names and values. */
	public synchronized void setParameters(Map<String, String> values) {
		values.forEach((k, v) -> params.put(stripRoot(k), v));
	}

	// ---- I/O ports --------------------------------------------------------------------------

	public int portCount() {
		return descriptor.ioPorts();
	}

	public synchronized List<IoPort> ioPorts() {
		List<IoPort> out = new ArrayList<>();
		for (int i = 0; i < portCount(); i++) {
			out.add(ioPort(i));
		}
		return List.copyOf(out);
	}

	/**
	 * Port view derived from the parameters. normalState is the circuit state while inactive:
	 * inactive is the opposite of {@code Input.Trig} / {@code Output.Active} (vapix.md §1, the mapping
	 * "normal state open = Active closed" is unconfirmed but the only consistent reading).
	 */
	public synchronized IoPort ioPort(int i) {
		String p = "IOPort.I" + i + ".";
		String direction = params.get(p + "Direction");
		boolean output = "output".equals(direction);
		String active = params.get(p + (output ? "Output.Active" : "Input.Trig"));
		String normal = opposite(active);
		// Inputs too: a rehearsal drives an input as a wire on the terminal would.
		String state = outputStates.getOrDefault(i, normal);
		return new IoPort(Integer.toString(i), "yes".equals(params.get(p + "Configurable")), params.get(p + "Usage"),
				direction, params.get(p + (output ? "Output.Name" : "Input.Name")), state, normal);
	}

	public static String opposite(String circuit) {
		return "open".equals(circuit) ? "closed" : "open";
	}

	public synchronized void setOutputState(int port, String state) {
		outputStates.put(port, state);
	}

	/** Forgets an explicitly set output state, so the port shows its normal state again. */
	public synchronized void resetOutputState(int port) {
		outputStates.remove(port);
	}

	public synchronized List<StateSequence> stateSequences() {
		return List.copyOf(sequences);
	}

	public synchronized void addStateSequence(StateSequence sequence) {
		sequences.add(sequence);
	}

	// ---- scheduled events -------------------------------------------------------------------

	public synchronized List<ScheduledEvent> scheduledEvents() {
		return List.copyOf(schedules.values());
	}

	public synchronized ScheduledEvent scheduledEvent(String id) {
		return schedules.get(id);
	}

	/** @param id the requested ID, or {@code null} to let the device assign one; @return the ID */
	public synchronized String addScheduledEvent(String id, String name, String icalendar) {
		String actual = id;
		if (actual == null) {
			do {
				actual = SCHEDULE_PREFIX + "genid.id-" + nextScheduleId++;
			} while (schedules.containsKey(actual));
		}
		schedules.put(actual, new ScheduledEvent(actual, name, icalendar));
		schedulesChanged.run();
		return actual;
	}

	public synchronized boolean removeScheduledEvent(String id) {
		boolean removed = schedules.remove(id) != null;
		schedulesChanged.run();
		return removed;
	}

	/** @param listener told after a scheduled event or the time zone changed, under this store's lock: it must hand off, not block */
	public void onSchedulesChanged(Runnable listener) {
		schedulesChanged = listener;
	}

	// ---- recipients, action configurations, rules --------------------------------------------

	public synchronized List<Configuration> recipients() {
		return List.copyOf(recipients.values());
	}

	public synchronized String addRecipient(String name, String token, Map<String, String> parameters) {
		String id = Integer.toString(nextRecipientId++);
		recipients.put(id, new Configuration(id, name, token, parameters));
		return id;
	}

	public synchronized boolean removeRecipient(String id) {
		return recipients.remove(id) != null;
	}

	public synchronized List<Configuration> actionConfigurations() {
		return List.copyOf(actions.values());
	}

	public synchronized Configuration actionConfiguration(String id) {
		return actions.get(id);
	}

	public synchronized String addActionConfiguration(String name, String token, Map<String, String> parameters) {
		String id = Integer.toString(nextActionId++);
		actions.put(id, new Configuration(id, name, token, parameters));
		return id;
	}

	public synchronized boolean removeActionConfiguration(String id) {
		return actions.remove(id) != null;
	}

	public synchronized List<ActionRule> actionRules() {
		return List.copyOf(rules.values());
	}

	/** @return the IDs of the rules whose primary action is {@code actionId} */
	public synchronized List<String> rulesUsing(String actionId) {
		return rules.values().stream().filter(r -> actionId.equals(r.primaryAction())).map(ActionRule::id).toList();
	}

	public synchronized String addActionRule(ActionRule rule) {
		String id = Integer.toString(nextRuleId++);
		rules.put(id, new ActionRule(id, rule.name(), rule.enabled(), rule.startEvent(), rule.conditions(),
				rule.activationTimeout(), rule.primaryAction()));
		return id;
	}

	public synchronized boolean removeActionRule(String id) {
		return rules.remove(id) != null;
	}

	// ---- time ------------------------------------------------------------------------------

	public synchronized String timeZone() {
		return timeZone;
	}

	public synchronized void setTimeZone(String zone) {
		this.timeZone = zone;
		schedulesChanged.run();
	}

	// ---- media clips ------------------------------------------------------------------------

	public synchronized List<ClipPlay> clipPlays() {
		return List.copyOf(plays);
	}

	public synchronized void addClipPlay(int clip, String clipName) {
		plays.add(new ClipPlay(clip, clipName, Instant.now(clock)));
	}

	public void clock(java.time.Clock value) {
		this.clock = value;
		if (ptz != null) {
			ptz.clock(value);
		}
		if (doors != null) {
			doors.clock(value);
		}
		if (storage != null) {
			storage.clock(value);
		}
		if (inbox != null) {
			inbox.clock(value);
		}
	}

	/** The virtual camera's SD card, in GB (the research note's default; the design's figure is checked, not simulated). */
	static final int SD_CARD_GB = 64;

	/** @return a camera's edge storage, else {@code null} */
	public org.palisade.simulator.EdgeStorage storage() {
		return storage;
	}

	/** @return what a virtual VMS received, else {@code null} */
	public org.palisade.simulator.VmsInbox inbox() {
		return inbox;
	}

	/** @return the doors of a door controller model, else {@code null} */
	public org.palisade.simulator.DoorBank doors() {
		return doors;
	}

	/** @return the PTZ head of a PTZ model, else {@code null} */
	public org.palisade.simulator.PtzHead ptz() {
		return ptz;
	}

	public synchronized Snapshot snapshot() {
		Map<String, String> profiles = new LinkedHashMap<>();
		streamProfiles.forEach((k, v) -> profiles.put(k, v[0] + " | " + v[1]));
		return new Snapshot(parameters(), ioPorts(), scheduledEvents(), recipients(), actionConfigurations(),
				actionRules(), timeZone, profiles, firmware());
	}
}
