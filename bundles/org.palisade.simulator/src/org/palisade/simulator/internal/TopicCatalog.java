package org.palisade.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.DeviceState.ScheduledEvent;
import org.w3c.dom.Element;

/**
 * The event topics a device declares (GetEventInstances) and the matching of rule filters
 * against them.
 * <p>
 * Spelling, as recorded from AXIS OS 10.12 to 12.9 (vapix-notes.md section 4): only the levels that
 * belong to a namespace are prefixed; leaves and Axis' lower levels are unqualified elements
 * ({@code tns1:Device/tnsaxis:IO/Port}, {@code tnsaxis:CameraApplicationPlatform/ObjectAnalytics/...}).
 * A filter matches a topic only when every level has the declared namespace (or none) and local
 * name, so a filter in another spelling ({@code .../tnsaxis:Port}) matches nothing, as the issue
 * (#14) reports for devices.
 */
final class TopicCatalog {

	/** One level of a topic path: its namespace ({@code ""} for none) and local name. */
	record Segment(String namespace, String local) {
	}

	/** A simple item of a message instance; {@code values} (value to nice name) may be empty. */
	record Item(String name, String type, String niceName, Map<String, String> values, boolean restrictive) {
	}

	/** One declared leaf topic; segments are {@code prefix:local} with prefix tns1 or tnsaxis. */
	record Topic(List<String> segments, String niceName, boolean stateful, List<Item> source, Item data) {
		Segment segment(int i) {
			String s = segments.get(i);
			int colon = s.indexOf(':');
			String ns = colon < 0 ? "" : s.startsWith("tns1:") ? Xml.TNS1 : Xml.TNSAXIS;
			return new Segment(ns, s.substring(colon + 1));
		}
	}

	private static final Pattern PAIR = Pattern.compile(
			"@Name\\s*=\\s*[\"']([^\"']*)[\"']\\s+and\\s+@Value\\s*=\\s*[\"']([^\"']*)[\"']");

	private final StateStore store;

	TopicCatalog(StateStore store) {
		this.store = store;
	}

	/** @return the declared topics now; schedule IDs are read from the store (caller holds the lock) */
	List<Topic> topics() {
		List<Topic> t = new ArrayList<>();
		Map<String, String> intervals = new LinkedHashMap<>();
		Map<String, String> pulses = new LinkedHashMap<>();
		for (ScheduledEvent e : store.scheduledEvents()) {
			(e.icalendar().contains("DTEND") ? intervals : pulses).put(e.id(), e.name());
		}
		Item active = new Item("active", "xsd:boolean", "Active", Map.of(), false);
		t.add(new Topic(List.of("tns1:UserAlarm", "tnsaxis:Recurring", "Interval"), "Scheduled event", true,
				List.of(new Item("id", "xsd:string", "Schedule", intervals, true)), active));
		if (!pulses.isEmpty()) { // recorded: no Pulse topic while no pulse schedule exists
			t.add(new Topic(List.of("tns1:UserAlarm", "tnsaxis:Recurring", "Pulse"), "Recurring pulse", false,
					List.of(new Item("id", "xsd:string", "Schedule", pulses, true)), null));
		}
		int ports = store.portCount();
		if (ports > 0) {
			// Recorded: event ports are the # of IOPort.I#, from 0, plus -1 for "any".
			Map<String, String> portValues = new LinkedHashMap<>();
			portValues.put("-1", "Any");
			for (int i = 0; i < ports; i++) {
				portValues.put(Integer.toString(i), "Port " + (i + 1));
			}
			t.add(new Topic(List.of("tns1:Device", "tnsaxis:IO", "Port"), "Digital input port", true,
					List.of(new Item("port", "xsd:int", "Port", portValues, false)),
					new Item("state", "xsd:boolean", "Active", Map.of(), false)));
			t.add(new Topic(List.of("tns1:Device", "tnsaxis:IO", "OutputPort"), "Digital output port", true,
					List.of(new Item("port", "xsd:int", "Port", portValues, false)),
					new Item("state", "xsd:boolean", "Active", Map.of(), false)));
			Map<String, String> relays = new LinkedHashMap<>(portValues);
			relays.remove("-1");
			t.add(new Topic(List.of("tns1:Device", "Trigger", "Relay"), "Relay", true,
					List.of(new Item("RelayToken", "tt:ReferenceToken", "Port", relays, false)),
					new Item("LogicalState", "tt:RelayLogicalState", "Active", Map.of(), false)));
		}
		t.add(new Topic(List.of("tns1:Device", "tnsaxis:IO", "VirtualInput"), "Virtual input", true,
				List.of(new Item("port", "xsd:int", "Port", Map.of(), false)), active));
		t.add(new Topic(List.of("tns1:Device", "tnsaxis:Status", "SystemReady"), "System ready", true,
				List.of(), new Item("ready", "xsd:boolean", "Ready", Map.of(), false)));
		t.add(new Topic(List.of("tnsaxis:MediaClip", "Playing"), "Media clip playing", true,
				List.of(new Item("AudioOutput", "xsd:int", "Audio output", Map.of("1", "Audio output"), false)),
				new Item("Playing", "xsd:boolean", "Playing", Map.of(), false)));
		if (store.doors() != null) {
			// The door control service's events (solution-devices.md section 2.2): source DoorToken,
			// data State; the A1601's own spelling in GetEventInstances is not recorded.
			Map<String, String> doors = new LinkedHashMap<>();
			store.doors().doors().forEach(d -> doors.put(d.token(), d.name()));
			t.add(new Topic(List.of("tns1:Door", "State", "DoorAlarm"), "Door alarm", true,
					List.of(new Item("DoorToken", "tt:ReferenceToken", "Door", doors, false)),
					new Item("State", "tdc:DoorAlarmState", "Alarm", Map.of(), false)));
			t.add(new Topic(List.of("tns1:Door", "State", "DoorMode"), "Door mode", true,
					List.of(new Item("DoorToken", "tt:ReferenceToken", "Door", doors, false)),
					new Item("State", "tdc:DoorMode", "Mode", Map.of(), false)));
		}
		if (store.descriptor().kind() == DeviceKind.CAMERA) {
			t.add(new Topic(List.of("tns1:VideoSource", "tnsaxis:Tampering"), "Camera tampering", false,
					List.of(new Item("channel", "xsd:int", "Channel", Map.of("1", "Thermal"), false)), null));
			String app = store.descriptor().analyticsApp();
			for (String scenario : store.descriptor().scenarios()) {
				// Recorded applications: first level in tnsaxis, lower levels unqualified. The
				// application and scenario levels of AXIS Perimeter Defender are unconfirmed.
				t.add(new Topic(List.of("tnsaxis:CameraApplicationPlatform", app, scenario), app + ": " + scenario,
						true, List.of(), active));
			}
		}
		return t;
	}

	/** A Concrete topic expression: levels separated by '/', each an optionally prefixed XML name. */
	private static final Pattern LEVEL = Pattern.compile("(?:([A-Za-z_][\\w.-]*):)?([A-Za-z_][\\w.-]*)");

	/**
	 * Parses a topic expression written in an element's namespace context.
	 *
	 * @param context the element whose namespace declarations apply, or {@code null} when only the
	 *                conventional prefixes {@code tns1} and {@code tnsaxis} are known (a JSON filter)
	 * @return its levels, or {@code null} when it is not a Concrete expression or uses an unknown prefix
	 */
	List<Segment> parse(String expression, Element context) {
		List<Segment> out = new ArrayList<>();
		for (String level : expression.trim().split("/", -1)) {
			Matcher m = LEVEL.matcher(level.trim());
			if (!m.matches()) {
				return null;
			}
			String ns = "";
			if (m.group(1) != null) {
				String prefix = m.group(1);
				ns = context == null ? null : context.lookupNamespaceURI(prefix);
				if (ns == null) {
					// Lenient: the conventional prefixes are understood even when undeclared.
					ns = "tns1".equals(prefix) ? Xml.TNS1 : "tnsaxis".equals(prefix) ? Xml.TNSAXIS : null;
				}
				if (ns == null) {
					return null;
				}
			}
			out.add(new Segment(ns, m.group(2)));
		}
		return out;
	}

	/** @return the declared topic with exactly these levels (namespace and name), or {@code null} */
	Topic match(List<Segment> path) {
		for (Topic t : topics()) {
			if (t.segments().size() != path.size()) {
				continue;
			}
			boolean same = true;
			for (int i = 0; i < path.size() && same; i++) {
				same = path.get(i).equals(t.segment(i));
			}
			if (same) {
				return t;
			}
		}
		return null;
	}

	/**
	 * One XPath per thread: looking the factory up goes through class loaders (slow under OSGi),
	 * and an XPath object is not thread-safe.
	 */
	private static final ThreadLocal<javax.xml.xpath.XPath> XPATH = ThreadLocal
			.withInitial(() -> javax.xml.xpath.XPathFactory.newInstance().newXPath());

	/** @return whether the text is an XPath 1.0 expression */
	static boolean isXPath(String content) {
		try {
			javax.xml.xpath.XPath x = XPATH.get();
			x.reset();
			x.compile(content);
			return true;
		} catch (javax.xml.xpath.XPathExpressionException e) {
			return false;
		}
	}

	/**
	 * Checks a message-content filter against the topic's restrictive source items.
	 *
	 * @param condition conditions must select exactly one stateful event instance
	 * @return a reason why it matches nothing (or too much), or {@code null} if acceptable
	 */
	static String checkContent(Topic topic, String content, boolean condition) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (content != null) {
			Matcher m = PAIR.matcher(content);
			while (m.find()) {
				pairs.put(m.group(1), m.group(2));
			}
		}
		for (Item item : topic.source()) {
			if (!item.restrictive()) {
				continue;
			}
			String value = pairs.get(item.name());
			if (value != null && !item.values().containsKey(value)) {
				return "no " + item.niceName().toLowerCase(java.util.Locale.ROOT) + " '" + value + "' exists";
			}
			if (value == null && condition && item.values().size() != 1) {
				return "the filter must select one " + item.niceName().toLowerCase(java.util.Locale.ROOT);
			}
		}
		return null;
	}
}
