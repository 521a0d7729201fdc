package org.palisade.simulator.rules;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.xpath.XPathExpressionException;

import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.DoorBank;
import org.palisade.simulator.PtzHead;
import org.palisade.simulator.DeviceState.ActionRule;
import org.palisade.simulator.DeviceState.Configuration;
import org.palisade.simulator.DeviceState.EventFilter;
import org.palisade.simulator.DeviceState.IoPort;
import org.palisade.simulator.DeviceState.ScheduledEvent;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.rules.Timeline.Entry;
import org.palisade.simulator.rules.Timeline.Kind;

/**
 * Runs what one virtual device holds: its scheduled events become active and inactive on the
 * fleet's clock in the device's time zone, injected events and input changes are matched against
 * its action rules (start event and conditions, message content evaluated as the XPath it is),
 * and the rules' primary actions run: an output port held active for its duration, an HTTP(S)
 * notification sent. Everything is read from the device's state when it is needed, so it runs
 * what a deploy left on the device, not the design.
 * <p>
 * Events are handled one at a time under the device's monitor; events that an action causes (its
 * output port changing) are queued and handled after it, as a device's event service would.
 */
final class DeviceRules {

	private static final List<String> INTERVAL = List.of("UserAlarm", "Recurring", "Interval");
	private static final List<String> INPUT = List.of("Device", "IO", "Port");
	private static final List<String> OUTPUT = List.of("Device", "IO", "OutputPort");
	private static final List<String> READY = List.of("Device", "Status", "SystemReady");
	private static final String APP_ROOT = "CameraApplicationPlatform";

	private final VirtualDevice device;
	private final FleetRuntime fleet;
	private final Map<String, Boolean> scenarios = new HashMap<>();
	private final Map<String, Boolean> schedules = new HashMap<>();
	private final Map<String, VirtualClock.Timer> scheduleTimers = new HashMap<>();
	private final Map<Integer, VirtualClock.Timer> releases = new HashMap<>();
	private final Map<String, Boolean> ruleActive = new HashMap<>();
	private final Set<String> said = new HashSet<>();
	private final ArrayDeque<Fired> queue = new ArrayDeque<>();
	private boolean draining;

	/** An event with what caused it, for the timeline. */
	private record Fired(DeviceEvent event, String cause) {
	}

	DeviceRules(VirtualDevice device, FleetRuntime fleet) {
		this.device = device;
		this.fleet = fleet;
	}

	private DeviceState state() {
		return device.state();
	}

	private Instant now() {
		return fleet.clock().instant();
	}

	private ZoneId zone() {
		try {
			return ZoneId.of(state().timeZone());
		} catch (RuntimeException e) {
			return ZoneId.of("UTC");
		}
	}

	private void log(Kind kind, String trigger, String rule, String subject, Duration duration, String detail) {
		fleet.timeline().add(new Entry(now(), device.name(), kind, trigger, rule, subject, duration, detail));
	}

	private void sayOnce(String key, String text) {
		if (said.add(key)) {
			log(Kind.NOTE, null, null, null, null, text);
		}
	}

	// ---- schedules ---------------------------------------------------------------------------

	/** Reads the scheduled events the device holds now and sets a timer for each one's next change. */
	synchronized void sync() {
		scheduleTimers.values().forEach(VirtualClock.Timer::cancel);
		scheduleTimers.clear();
		Set<String> present = new HashSet<>();
		for (ScheduledEvent e : state().scheduledEvents()) {
			present.add(e.id());
			refresh(e.id());
		}
		schedules.keySet().retainAll(present);
		drain();
	}

	private ICalendarSchedule parse(ScheduledEvent e) {
		try {
			return ICalendarSchedule.parse(e.icalendar());
		} catch (IllegalArgumentException | java.time.DateTimeException x) {
			if (e.icalendar().contains("DTEND")) {
				sayOnce("schedule " + e.id() + e.icalendar(), "scheduled event \"" + e.name() + "\" (" + e.id()
						+ ") is never active on the virtual device: " + x.getMessage());
			}
			return null;
		}
	}

	/** Brings one schedule's state up to date (queuing its event if it changed) and sets its next timer. */
	private void refresh(String id) {
		VirtualClock.Timer old = scheduleTimers.remove(id);
		if (old != null) {
			old.cancel();
		}
		ScheduledEvent e = state().scheduledEvents().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
		ICalendarSchedule s = e == null ? null : parse(e);
		if (s == null) {
			return;
		}
		boolean active = s.activeAt(now(), zone());
		Boolean before = schedules.put(id, active);
		if (before != null ? before != active : active) {
			if (usedByRule(id)) { // the factory schedules no rule uses would only hide what matters
				log(Kind.SCHEDULE, null, null, display(e.name()), null, active ? "active" : "inactive");
			}
			queue.add(new Fired(new DeviceEvent(INTERVAL, Map.of("id", id), Map.of("active", active ? "1" : "0")),
					"schedule \"" + e.name() + "\" " + (active ? "active" : "inactive")));
		}
		Instant next = s.nextChange(now(), zone());
		if (next != null) {
			scheduleTimers.put(id, fleet.clock().schedule(next, () -> {
				synchronized (DeviceRules.this) {
					refresh(id);
					drain();
				}
			}));
		}
	}

	private boolean usedByRule(String scheduleId) {
		String quoted = "\"" + scheduleId + "\"";
		for (ActionRule r : state().actionRules()) {
			List<EventFilter> filters = new ArrayList<>(r.conditions());
			if (r.startEvent() != null) {
				filters.add(r.startEvent());
			}
			for (EventFilter f : filters) {
				if (f.messageContent() != null && (f.messageContent().contains(quoted)
						|| f.messageContent().contains("'" + scheduleId + "'"))) {
					return true;
				}
			}
		}
		return false;
	}

	// ---- injected events ---------------------------------------------------------------------

	/**
	 * An application's event becomes active or inactive.
	 *
	 * @param event a scenario the device declares, or any other name (an event kind such as
	 *              {@code intrusion}): then every scenario of the application
	 * @throws IllegalArgumentException when the device runs no such application
	 */
	synchronized void application(String app, String event, boolean active) {
		if (device.descriptor().kind() != DeviceKind.CAMERA || !device.descriptor().analyticsApp().equals(app)) {
			throw new IllegalArgumentException(device.name() + " runs no application " + app
					+ (device.descriptor().kind() == DeviceKind.CAMERA ? " (it runs " + device.descriptor().analyticsApp()
							+ ": " + String.join(", ", device.descriptor().scenarios()) + ")" : ""));
		}
		List<String> hit = device.descriptor().scenarios().contains(event) ? List.of(event)
				: device.descriptor().scenarios();
		for (String scenario : hit) {
			Boolean before = scenarios.put(scenario, active);
			if (before == null ? active : before != active) {
				String path = app + "/" + scenario;
				if (active) {
					log(Kind.EVENT, null, null, path, null, "active" + (hit.size() == 1 && !event.equals(scenario)
							? " (" + event + ")" : ""));
				}
				queue.add(new Fired(new DeviceEvent(List.of(APP_ROOT, app, scenario), Map.of(),
						Map.of("active", active ? "1" : "0")), path + " " + (active ? "active" : "inactive")));
			}
		}
		drain();
	}

	/**
	 * An input port (1-based, as the design counts) becomes active or returns to normal.
	 *
	 * @throws IllegalArgumentException when the port does not exist or is not an input
	 */
	synchronized void input(int port, boolean active) {
		List<IoPort> ports = state().ioPorts();
		if (port < 1 || port > ports.size() || !"input".equals(ports.get(port - 1).direction())) {
			throw new IllegalArgumentException(device.name() + " has no input port " + port);
		}
		IoPort p = ports.get(port - 1);
		boolean was = !p.state().equals(p.normalState());
		state().drivePort(port - 1, active ? opposite(p.normalState()) : null);
		if (was != active) {
			log(Kind.EVENT, null, null, "input " + port, null, active ? "active" : "normal");
			queue.add(new Fired(new DeviceEvent(INPUT, Map.of("port", Integer.toString(port - 1)),
					Map.of("state", active ? "1" : "0")), "input " + port + (active ? " active" : " normal")));
		}
		drain();
	}

	private static final List<String> DOOR_ALARM = List.of("Door", "State", "DoorAlarm");

	/**
	 * A door controller's door alarm ({@code DoorForcedOpen}, {@code DoorOpenTooLong}) begins, or
	 * ends ({@code Normal}): published on the event stream and matched against the rules.
	 *
	 * @throws IllegalArgumentException when the device is not a door controller or has no such door
	 */
	synchronized void door(String door, String alarm) {
		DoorBank doors = state().doors();
		if (doors == null) {
			throw new IllegalArgumentException(device.name() + " is not a door controller (" + device.descriptor().model() + ")");
		}
		DoorBank.Door before = doors.door(door);
		String token = doors.alarm(door, alarm);
		if (before != null && before.alarm().equals(alarm)) {
			return;
		}
		log(Kind.EVENT, null, null, "door " + door, null, alarm);
		queue.add(new Fired(new DeviceEvent(DOOR_ALARM, Map.of("DoorToken", token), Map.of("State", alarm)),
				"door " + door + " " + alarm));
		drain();
	}

	private static String opposite(String circuit) {
		return "open".equals(circuit) ? "closed" : "open";
	}

	// ---- rules -------------------------------------------------------------------------------

	private void drain() {
		if (draining) {
			return; // an action's own events are handled by the loop below, after the action
		}
		draining = true;
		try {
			Fired f;
			while ((f = queue.poll()) != null) {
				evaluate(f);
			}
		} finally {
			draining = false;
		}
	}

	private void evaluate(Fired f) {
		device.publish(f.event, now());
		for (ActionRule r : state().actionRules()) {
			if (!r.enabled()) {
				continue;
			}
			String name = display(r.name());
			if (r.startEvent() != null) {
				if (matches(r.startEvent(), f.event)) {
					EventFilter failed = failingCondition(r);
					if (failed == null) {
						run(r, name, f.cause, true);
					} else {
						log(Kind.HELD_BACK, f.cause, name, null, null, "not fired: " + describe(failed) + " does not hold");
					}
				}
			} else if (!r.conditions().isEmpty()) {
				boolean holds = conditionsHold(r);
				boolean was = ruleActive.getOrDefault(r.id(), false);
				if (holds != was) {
					ruleActive.put(r.id(), holds);
					run(r, name, f.cause, holds);
				}
			}
		}
	}

	/** The device's name for a rule, without the tag Palisade adds. */
	private static String display(String name) {
		return name != null && name.endsWith(" [palisade]") ? name.substring(0, name.length() - 11) : name;
	}

	private boolean conditionsHold(ActionRule r) {
		return failingCondition(r) == null;
	}

	private static final java.util.regex.Pattern SCHEDULE_ID = java.util.regex.Pattern
			.compile("@Name\\s*=\\s*[\"']id[\"']\\s+and\\s+@Value\\s*=\\s*[\"']([^\"']*)[\"']");

	/** A condition as a person reads it: the schedule's name, else the topic and filter. */
	private String describe(EventFilter c) {
		if (DeviceEvent.levels(c.topicExpression()).equals(INTERVAL) && c.messageContent() != null) {
			java.util.regex.Matcher m = SCHEDULE_ID.matcher(c.messageContent());
			if (m.find()) {
				String id = m.group(1);
				String name = state().scheduledEvents().stream().filter(e -> e.id().equals(id)).map(ScheduledEvent::name)
						.findFirst().orElse(id + " (no such scheduled event)");
				return "schedule \"" + display(name) + "\"";
			}
		}
		return String.join("/", DeviceEvent.levels(c.topicExpression()))
				+ (c.messageContent() == null ? "" : " " + c.messageContent());
	}

	/** @return the first condition of the rule that does not hold now, or {@code null} */
	private EventFilter failingCondition(ActionRule r) {
		for (EventFilter c : r.conditions()) {
			List<String> topic = DeviceEvent.levels(c.topicExpression());
			boolean any = false;
			for (DeviceEvent instance : instances(topic)) {
				if (matches(c, instance)) {
					any = true;
					break;
				}
			}
			if (!any) {
				return c;
			}
		}
		return null;
	}

	/** @return the current state of every instance of a stateful topic */
	private List<DeviceEvent> instances(List<String> topic) {
		List<DeviceEvent> out = new ArrayList<>();
		if (topic.equals(INTERVAL)) {
			for (ScheduledEvent e : state().scheduledEvents()) {
				ICalendarSchedule s = parse(e);
				if (s != null) {
					out.add(new DeviceEvent(INTERVAL, Map.of("id", e.id()),
							Map.of("active", s.activeAt(now(), zone()) ? "1" : "0")));
				}
			}
		} else if (topic.equals(INPUT) || topic.equals(OUTPUT)) {
			String direction = topic.equals(INPUT) ? "input" : "output";
			for (IoPort p : state().ioPorts()) {
				if (direction.equals(p.direction())) {
					out.add(new DeviceEvent(topic, Map.of("port", p.port()),
							Map.of("state", p.state().equals(p.normalState()) ? "0" : "1")));
				}
			}
		} else if (topic.equals(READY)) {
			out.add(new DeviceEvent(READY, Map.of(), Map.of("ready", "1")));
		} else if (topic.size() == 3 && topic.get(0).equals(APP_ROOT)) {
			out.add(new DeviceEvent(topic, Map.of(), Map.of("active", scenarios.getOrDefault(topic.get(2), false) ? "1" : "0")));
		}
		return out;
	}

	private boolean matches(EventFilter filter, DeviceEvent event) {
		if (!DeviceEvent.levels(filter.topicExpression()).equals(event.topic())) {
			return false;
		}
		if (filter.messageContent() == null || filter.messageContent().isBlank()) {
			return true;
		}
		try {
			return event.matches(filter.messageContent());
		} catch (XPathExpressionException e) {
			sayOnce("xpath " + filter.messageContent(), "message content " + filter.messageContent()
					+ " cannot be evaluated: " + e.getMessage());
			return false;
		}
	}

	// ---- actions -----------------------------------------------------------------------------

	private void run(ActionRule r, String name, String cause, boolean start) {
		Configuration a = state().actionConfigurations().stream().filter(c -> c.id().equals(r.primaryAction()))
				.findFirst().orElse(null);
		if (a == null) {
			log(Kind.RULE, cause, name, null, null, "its action " + r.primaryAction() + " does not exist; nothing done");
			return;
		}
		String t = a.templateToken();
		Map<String, String> p = a.parameters();
		switch (t) {
		case "com.axis.action.fixed.io.toggle" -> toggle(name, cause, p, true, true);
		case "com.axis.action.unlimited.io.toggle" -> toggle(name, cause, p, start, false);
		case "com.axis.action.fixed.notification.http", "com.axis.action.fixed.notification.https" -> notify(name, cause, p);
		case "com.axis.action.fixed.notification.tcp" -> new VmsActions(device, fleet).tcp(name, cause, p);
		case "com.axis.action.fixed.recording.storage" -> new VmsActions(device, fleet).record(name, cause, p);
		default -> sayOnce("template " + t, "rule \"" + name + "\": action template " + t
				+ " is not run by the virtual device");
		}
	}

	private void toggle(String rule, String cause, Map<String, String> p, boolean start, boolean fixed) {
		int port;
		try {
			port = Integer.parseInt(p.getOrDefault("port", ""));
		} catch (NumberFormatException e) {
			log(Kind.RULE, cause, rule, null, null, "port '" + p.get("port") + "' is not a port number; nothing done");
			return;
		}
		List<IoPort> ports = state().ioPorts();
		if (port < 0 || port >= ports.size() || !"output".equals(ports.get(port).direction())) {
			log(Kind.RULE, cause, rule, "port " + (port + 1), null, "not an output port; nothing done");
			return;
		}
		IoPort io = ports.get(port);
		// "high" drives the output to its active state, "low" back to its normal state.
		boolean activate = start && !"low".equalsIgnoreCase(p.get("state"));
		Duration duration = null;
		if (fixed) {
			try {
				long s = Long.parseLong(p.getOrDefault("duration", "0"));
				duration = s > 0 ? Duration.ofSeconds(s) : null;
			} catch (NumberFormatException e) {
				duration = null;
			}
		}
		String subject = "port " + (port + 1);
		boolean wasActive = !io.state().equals(io.normalState());
		VirtualClock.Timer pending = releases.remove(port);
		if (pending != null) {
			pending.cancel();
		}
		if (activate) {
			if (!wasActive) {
				state().drivePort(port, opposite(io.normalState()));
				queuePort(port, true, subject);
			}
			log(Kind.PORT_ACTIVE, cause, rule, subject, duration, (wasActive ? "still active, " : "active (")
					+ opposite(io.normalState()) + (wasActive ? "" : ")") + (duration == null ? fixed ? ", stays" : ", while the rule holds" : ""));
			if (duration != null) {
				Duration held = duration;
				releases.put(port, fleet.clock().schedule(now().plus(held), () -> {
					synchronized (DeviceRules.this) {
						releases.remove(port);
						release(port, rule, "after " + seconds(held));
						drain();
					}
				}));
			}
		} else if (wasActive) {
			release(port, rule, cause);
		}
	}

	private void release(int port, String rule, String why) {
		IoPort io = state().ioPorts().get(port);
		state().drivePort(port, null);
		log(Kind.PORT_NORMAL, why, rule, "port " + (port + 1), null, "normal (" + io.normalState() + ")");
		queuePort(port, false, "port " + (port + 1));
	}

	private void queuePort(int port, boolean active, String subject) {
		queue.add(new Fired(new DeviceEvent(OUTPUT, Map.of("port", Integer.toString(port)),
				Map.of("state", active ? "1" : "0")), subject + (active ? " active" : " normal")));
	}

	static String seconds(Duration d) {
		return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
	}

	private void notify(String rule, String cause, Map<String, String> p) {
		String url = p.get("upload_url");
		if (url == null || url.isBlank()) {
			log(Kind.NOTIFY, cause, rule, null, null, "not sent: the action has no upload_url");
			return;
		}
		URI target;
		try {
			target = fleet.notifier().translate(URI.create(url));
		} catch (IllegalArgumentException e) {
			target = null;
		}
		VirtualDevice receiver = target == null ? null : fleet.deviceAt(target);
		int before = receiver == null ? 0 : receiver.state().clipPlays().size();
		PtzHead head = receiver == null ? null : receiver.state().ptz();
		int movesBefore = head == null ? 0 : head.moves().size();
		DoorBank doors = receiver == null ? null : receiver.state().doors();
		int commandsBefore = doors == null ? 0 : doors.commands().size();
		int alertsBefore = receiver == null || receiver.state().inbox() == null ? 0 : receiver.state().inbox().alerts().size();
		// The camera sends the action's message as the CGI argument Message (Event and action services).
		String extra = p.get("parameters");
		String message = p.get("message");
		if (message != null && !message.isEmpty()) {
			String m = "Message=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
			extra = extra == null || extra.isBlank() ? m : extra + "&" + m;
		}
		Notifier.Result result = fleet.notifier().send(url, extra, p.get("login"), p.get("password"),
				p.get("method"), p.get("http_headers"), p.get("body"));
		log(Kind.NOTIFY, cause, rule, url, null, result.detail() + (p.get("login") != null && !p.get("login").isEmpty()
				? ", login " + p.get("login") : ""));
		if (receiver != null && result.sent()) {
			VmsActions.received(fleet, receiver, alertsBefore, device.name(), rule);
			// What the receiving device did in return, as it recorded it.
			List<DeviceState.ClipPlay> plays = receiver.state().clipPlays();
			for (DeviceState.ClipPlay play : plays.subList(Math.min(before, plays.size()), plays.size())) {
				fleet.timeline().add(new Entry(play.at(), receiver.name(), Kind.CLIP, device.name() + " rule \"" + rule + "\"",
						null, "clip " + play.clip(), null, "played \"" + play.clipName() + "\""));
			}
			if (doors != null) {
				List<DoorBank.Command> commands = doors.commands();
				for (DoorBank.Command c : commands.subList(Math.min(commandsBefore, commands.size()), commands.size())) {
					fleet.timeline().add(new Entry(c.at(), receiver.name(), Kind.DOOR, device.name() + " rule \"" + rule + "\"",
							null, "door " + c.door(), null, c.operation() + ": " + c.mode() + ", by " + c.user()));
				}
			}
			if (head != null) {
				List<PtzHead.Move> moves = head.moves();
				for (PtzHead.Move m : moves.subList(Math.min(movesBefore, moves.size()), moves.size())) {
					if (PtzHead.AUTORETURN.equals(m.user())) {
						continue; // its own timer put it on the timeline
					}
					fleet.timeline().add(new Entry(m.at(), receiver.name(), Kind.PTZ, device.name() + " rule \"" + rule + "\"",
							null, "preset " + m.preset(), null, String.format(java.util.Locale.ROOT,
									"moved to pan %.1f tilt %.1f zoom %d, by %s", m.pan(), m.tilt(), m.zoom(), m.user())));
				}
				returnHome(head, receiver.name(), rule);
			}
		}
	}

	/**
	 * Puts the PTZ's autoreturn on the timeline when it falls due (#19): the head settles it by
	 * itself; the timer only records it, and records nothing when a later move restarted the count.
	 */
	private void returnHome(PtzHead head, String ptz, String rule) {
		Instant due = head.returnAt();
		if (due == null) {
			return;
		}
		Instant movedAt = head.moves().get(head.moves().size() - 1).at();
		fleet.clock().schedule(due, () -> head.moves().stream()
				.filter(m -> m.at().equals(due) && PtzHead.AUTORETURN.equals(m.user())).findFirst()
				.ifPresent(m -> fleet.timeline().add(new Entry(m.at(), ptz, Kind.PTZ, "its autoreturn, after " + device.name()
						+ " rule \"" + rule + "\"", rule, "preset Home", null, String.format(java.util.Locale.ROOT,
								"returned home after %d s (PTZ.Various.V1.ReturnToOverview) to pan %.1f tilt %.1f zoom %d",
								Duration.between(movedAt, due).toSeconds(), m.pan(), m.tilt(), m.zoom())))));
	}

	/** @return the active state of every scenario, for tests and views */
	synchronized Map<String, Boolean> scenarios() {
		return new LinkedHashMap<>(scenarios);
	}
}
