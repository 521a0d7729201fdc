package org.palisade.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.palisade.simulator.internal.Redaction;
import org.palisade.simulator.internal.StateStore;

/**
 * Read access to everything a virtual device stores, for test assertions and the demo; plus a few
 * {@code seed*} methods that create "hand-made" objects directly, as an installer would through
 * the device's web page.
 * <p>
 * Every getter returns an immutable snapshot taken under the device's state lock, so a snapshot
 * never shows half of a request. {@link #snapshot()} bundles all of them into one comparable value.
 */
public final class DeviceState {

	/** One scheduled event of the event1 service; {@code icalendar} is the schedule text as stored. */
	public record ScheduledEvent(String id, String name, String icalendar) {
	}

	/**
	 * A recipient configuration or an action configuration of the action1 service. Parameter
	 * values whose name looks secret (password, ...) are masked in {@link #toString()}.
	 */
	public record Configuration(String id, String name, String templateToken, Map<String, String> parameters) {
		public Configuration {
			parameters = Map.copyOf(parameters);
		}

		@Override
		public String toString() {
			return "Configuration[" + id + ", " + name + ", " + templateToken + ", "
					+ Redaction.maskParameters(parameters) + "]";
		}
	}

	/** A topic filter as stored: topic expression (prefixes normalised to tns1/tnsaxis) and message content. */
	public record EventFilter(String topicExpression, String messageContent) {
	}

	/** An action rule; {@code startEvent} may be {@code null}, {@code activationTimeout} too. */
	public record ActionRule(String id, String name, boolean enabled, EventFilter startEvent,
			List<EventFilter> conditions, Integer activationTimeout, String primaryAction) {
		public ActionRule {
			conditions = List.copyOf(conditions);
		}
	}

	/** I/O port {@code IOPort.I<port>} as the port-management API reports it. */
	public record IoPort(String port, boolean configurable, String usage, String direction, String name,
			String state, String normalState) {
	}

	/** One step of an output state sequence; {@code timeMs} is how long the state is held. */
	public record StateStep(String state, long timeMs) {
	}

	/** A {@code setStateSequence} request the device accepted. */
	public record StateSequence(String port, List<StateStep> steps) {
		public StateSequence {
			steps = List.copyOf(steps);
		}
	}

	/** One accepted {@code playclip.cgi} call. */
	public record ClipPlay(int clip, String clipName, Instant at) {
	}

	/** Everything at once; records compare by value, so two snapshots can be compared with equals. */
	public record Snapshot(Map<String, String> parameters, List<IoPort> ioPorts,
			List<ScheduledEvent> scheduledEvents, List<Configuration> recipientConfigurations,
			List<Configuration> actionConfigurations, List<ActionRule> actionRules, String timeZone,
			Map<String, String> streamProfiles, String firmware) {
	}

	private final StateStore store;

	/** @param store the device's store; created by {@link VirtualDevice} */
	public DeviceState(StateStore store) {
		this.store = Objects.requireNonNull(store);
	}

	/** @return all parameters, keys without the {@code root.} prefix, in device order */
	public Map<String, String> parameters() {
		return store.parameters();
	}

	/** @return one parameter ({@code root.} optional), or {@code null} */
	public String parameter(String key) {
		return store.parameter(key);
	}

	public List<IoPort> ioPorts() {
		return store.ioPorts();
	}

	public List<StateSequence> stateSequences() {
		return store.stateSequences();
	}

	public List<ScheduledEvent> scheduledEvents() {
		return store.scheduledEvents();
	}

	public List<Configuration> recipientConfigurations() {
		return store.recipients();
	}

	public List<Configuration> actionConfigurations() {
		return store.actionConfigurations();
	}

	public List<ActionRule> actionRules() {
		return store.actionRules();
	}

	/** @return the stream profiles, name to {@code "description | parameters"}, in creation order (#17) */
	public Map<String, String> streamProfiles() {
		return snapshot().streamProfiles();
	}

	/** @return the firmware version the device runs now (an upgrade changes it, a fallback does not) */
	public String firmware() {
		return store.firmware();
	}

	/** @return the device's IANA time zone (time.cgi), {@code UTC} from the factory */
	public String timeZone() {
		return store.timeZone();
	}

	public List<ClipPlay> clipPlays() {
		return store.clipPlays();
	}

	/** @return the doors of a door controller (their modes, alarms and the commands received), else {@code null} */
	public DoorBank doors() {
		return store.doors();
	}

	/** @return a camera's SD card, network shares and recordings (#19), else {@code null} */
	public EdgeStorage storage() {
		return store.storage();
	}

	/** @return the alerts a virtual VMS received (#19), else {@code null} */
	public VmsInbox inbox() {
		return store.inbox();
	}

	/** @return the PTZ head of a PTZ camera (presets, position, moves), else {@code null} */
	public PtzHead ptz() {
		return store.ptz();
	}

	/** @return a consistent snapshot of the configuration (not of the clip plays or sequences) */
	public Snapshot snapshot() {
		return store.snapshot();
	}

	/**
	 * Drives a port's circuit, as a rule's action does to an output or a wire to an input: visible
	 * in getPorts as the port's state.
	 *
	 * @param port    {@code IOPort.I<port>}, from 0
	 * @param circuit {@code open} or {@code closed}, or {@code null} for the port's normal state
	 */
	public void drivePort(int port, String circuit) {
		if (circuit == null) {
			store.resetOutputState(port);
		} else {
			store.setOutputState(port, circuit);
		}
	}

	/** Creates a scheduled event without request validation; @return its device-assigned ID. */
	public String seedScheduledEvent(String name, String icalendar) {
		return store.addScheduledEvent(null, name, icalendar);
	}

	/** Creates a recipient configuration without request validation; @return its ID. */
	public String seedRecipientConfiguration(String name, String templateToken, Map<String, String> parameters) {
		return store.addRecipient(name, templateToken, parameters);
	}

	/** Creates an action configuration without request validation; @return its ID. */
	public String seedActionConfiguration(String name, String templateToken, Map<String, String> parameters) {
		return store.addActionConfiguration(name, templateToken, parameters);
	}

	/** Creates an action rule without request validation (the rule's id is ignored); @return its ID. */
	public String seedActionRule(ActionRule rule) {
		return store.addActionRule(rule);
	}
}
