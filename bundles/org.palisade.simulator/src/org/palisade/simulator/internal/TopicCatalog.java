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
 * Matching rule, and why: the first segment's namespace must be tns1 or tnsaxis as declared;
 * later segments compare by local name only, because published examples disagree on their
 * prefixes ({@code tns1:UserAlarm/tnsaxis:Recurring/Interval} in vapix.md versus
 * {@code .../tnsaxis:Interval} in the Axis event documentation) and both work on devices.
 */
final class TopicCatalog {

	/** A simple item of a message instance; {@code values} (value to nice name) may be empty. */
	record Item(String name, String type, String niceName, Map<String, String> values, boolean restrictive) {
	}

	/** One declared leaf topic; segments are {@code prefix:local} with prefix tns1 or tnsaxis. */
	record Topic(List<String> segments, String niceName, boolean stateful, List<Item> source, Item data) {
		String firstNamespace() {
			return segments.get(0).startsWith("tns1:") ? Xml.TNS1 : Xml.TNSAXIS;
		}

		String local(int i) {
			String s = segments.get(i);
			return s.substring(s.indexOf(':') + 1);
		}
	}

	/** A resolved filter: the matching topic, the normalised expression to store. */
	record Match(Topic topic, String normalized) {
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
		t.add(new Topic(List.of("tns1:UserAlarm", "tnsaxis:Recurring", "tnsaxis:Interval"), "Scheduled event", true,
				List.of(new Item("id", "xsd:string", "Schedule", intervals, true)), active));
		t.add(new Topic(List.of("tns1:UserAlarm", "tnsaxis:Recurring", "tnsaxis:Pulse"), "Recurring pulse", false,
				List.of(new Item("id", "xsd:string", "Schedule", pulses, true)), null));
		int ports = store.portCount();
		if (ports > 0) {
			Map<String, String> portValues = new LinkedHashMap<>();
			for (int i = 1; i <= ports; i++) {
				portValues.put(Integer.toString(i), "Port " + i);
			}
			// Event port numbering (1-based here, as in the recorded Kane610 stream) is unconfirmed,
			// so port values are listed but not enforced.
			t.add(new Topic(List.of("tns1:Device", "tnsaxis:IO", "tnsaxis:Port"), "Digital input port", true,
					List.of(new Item("port", "xsd:int", "Port", portValues, false)),
					new Item("state", "xsd:boolean", "Active", Map.of(), false)));
			t.add(new Topic(List.of("tns1:Device", "tns1:Trigger", "tns1:Relay"), "Digital output port", true,
					List.of(new Item("RelayToken", "tt:ReferenceToken", "Port", portValues, false)),
					new Item("LogicalState", "tt:RelayLogicalState", "Active", Map.of(), false)));
		}
		t.add(new Topic(List.of("tns1:Device", "tnsaxis:IO", "tnsaxis:VirtualInput"), "Virtual input", true,
				List.of(new Item("port", "xsd:int", "Port", Map.of(), false)), active));
		t.add(new Topic(List.of("tns1:Device", "tnsaxis:Status", "tnsaxis:SystemReady"), "System ready", true,
				List.of(), new Item("ready", "xsd:boolean", "Ready", Map.of(), false)));
		if (store.descriptor().kind() == DeviceKind.CAMERA) {
			t.add(new Topic(List.of("tns1:VideoSource", "tnsaxis:Tampering"), "Camera tampering", false,
					List.of(new Item("channel", "xsd:int", "Channel", Map.of("1", "Thermal"), false)), null));
			String app = store.descriptor().analyticsApp();
			for (String scenario : store.descriptor().scenarios()) {
				t.add(new Topic(List.of("tnsaxis:CameraApplicationPlatform", "tnsaxis:" + app, "tnsaxis:" + scenario),
						app + ": " + scenario, true, List.of(), active));
			}
		} else {
			t.add(new Topic(List.of("tns1:MediaClip", "tnsaxis:Playing"), "Media clip playing", true,
					List.of(new Item("clip", "xsd:int", "Clip", Map.of(), false)), active));
		}
		return t;
	}

	/**
	 * Resolves a topic expression written in an element's namespace context.
	 *
	 * @throws SoapFault when a prefix is undeclared or unknown
	 * @return the match, or {@code null} when no declared topic has that path
	 */
	Match match(String expression, Element context) {
		String[] parts = expression.trim().split("/");
		List<String> locals = new ArrayList<>();
		StringBuilder normalized = new StringBuilder();
		String firstNs = null;
		for (int i = 0; i < parts.length; i++) {
			String seg = parts[i].trim();
			int colon = seg.indexOf(':');
			String local = colon < 0 ? seg : seg.substring(colon + 1);
			String canonicalPrefix = null;
			if (colon >= 0) {
				String prefix = seg.substring(0, colon);
				String ns = context.lookupNamespaceURI(prefix);
				if (ns == null) {
					// Lenient: the conventional prefixes are understood even when undeclared.
					ns = "tns1".equals(prefix) ? Xml.TNS1 : "tnsaxis".equals(prefix) ? Xml.TNSAXIS : null;
				}
				canonicalPrefix = Xml.TNS1.equals(ns) ? "tns1" : Xml.TNSAXIS.equals(ns) ? "tnsaxis" : null;
				if (canonicalPrefix == null) {
					throw SoapFault.sender("Unknown topic namespace prefix '" + prefix + "' in " + expression);
				}
				if (i == 0) {
					firstNs = ns;
				}
			}
			if (local.isEmpty()) {
				return null;
			}
			locals.add(local);
			normalized.append(i == 0 ? "" : "/").append(canonicalPrefix == null ? "" : canonicalPrefix + ":").append(local);
		}
		for (Topic t : topics()) {
			if (t.segments().size() != locals.size() || (firstNs != null && !firstNs.equals(t.firstNamespace()))) {
				continue;
			}
			boolean same = true;
			for (int i = 0; i < locals.size() && same; i++) {
				same = locals.get(i).equals(t.local(i));
			}
			if (same) {
				return new Match(t, normalized.toString());
			}
		}
		return null;
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
