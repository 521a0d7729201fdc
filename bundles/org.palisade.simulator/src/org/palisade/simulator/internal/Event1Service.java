package org.palisade.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.palisade.simulator.DeviceState.ScheduledEvent;
import org.w3c.dom.Element;

/**
 * event1 SOAP service (vapix.md §3): GetScheduledEvents, AddScheduledEvent,
 * RemoveScheduledEvent, GetEventInstances. Schedule IDs are assigned by the device
 * ({@code com.axis.schedules.genid.id-<n>}, the form the Axis event documentation lists as a
 * schedule source value) unless the request names one.
 */
final class Event1Service implements SoapEndpoint.Service {

	private static final Pattern TOKEN = Pattern.compile("(DTSTART|DTEND|RRULE):(\\S+)");
	/** Both {@code 19700101T180000} and the documented {@code 20111212T06:00} form. */
	private static final Pattern DATE = Pattern.compile("\\d{8}T(\\d{6}|\\d{2}:\\d{2}(:\\d{2})?)");
	private static final Set<String> FREQ = Set.of("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY",
			"SECONDLY");
	private static final Pattern BYDAY = Pattern.compile("(-?[0-5])?(MO|TU|WE|TH|FR|SA|SU)");

	private final StateStore store;
	private final TopicCatalog topics;

	Event1Service(StateStore store) {
		this.store = store;
		this.topics = new TopicCatalog(store);
	}

	@Override
	public String handle(String operation, Element request) {
		return switch (operation) {
		case "GetScheduledEvents" -> getScheduledEvents(request);
		case "AddScheduledEvent" -> addScheduledEvent(request);
		case "RemoveScheduledEvent" -> removeScheduledEvent(request);
		case "GetEventInstances" -> store.atomically(this::eventInstances);
		default -> throw SoapFault.sender("Operation not supported: " + operation);
		};
	}

	private String getScheduledEvents(Element request) {
		Element filter = Xml.child(request, "ScheduleFilter");
		String type = filter == null ? null : Xml.childText(filter, "ScheduleType");
		StringBuilder b = new StringBuilder("<aev:GetScheduledEventsResponse><aev:ScheduledEvents>");
		for (ScheduledEvent e : store.scheduledEvents()) {
			boolean interval = e.icalendar().contains("DTEND");
			if (type != null && !type.isEmpty() && !type.equalsIgnoreCase(interval ? "Interval" : "Pulse")) {
				continue;
			}
			b.append("<aev:ScheduledEvent>");
			Xml.leaf(b, "aev:EventID", e.id());
			Xml.leaf(b, "aev:Name", e.name());
			b.append("<aev:Schedule><aev:ICalendar Dialect=\"").append(Xml.ICAL_DIALECT).append("\">")
					.append(Xml.escape(e.icalendar())).append("</aev:ICalendar></aev:Schedule></aev:ScheduledEvent>");
		}
		return b.append("</aev:ScheduledEvents></aev:GetScheduledEventsResponse>").toString();
	}

	private String addScheduledEvent(Element request) {
		Element n = Xml.child(request, "NewScheduledEvent");
		if (n == null) {
			throw SoapFault.missing("NewScheduledEvent");
		}
		String name = Xml.childText(n, "Name");
		if (name == null || name.isEmpty()) {
			throw SoapFault.missing("Name");
		}
		Element schedule = Xml.child(n, "Schedule");
		String ical = schedule == null ? null : Xml.childText(schedule, "ICalendar");
		if (ical == null || ical.isEmpty()) {
			throw SoapFault.missing("Schedule/ICalendar");
		}
		validateICalendar(ical);
		String requestedId = Xml.childText(n, "EventID");
		String wanted = requestedId == null || requestedId.isEmpty() ? null : requestedId;
		String id = store.atomically(() -> {
			if (wanted != null && store.scheduledEvent(wanted) != null) {
				throw SoapFault.sender("Scheduled event '" + wanted + "' already exists");
			}
			return store.addScheduledEvent(wanted, name, ical);
		});
		return "<aev:AddScheduledEventResponse>" + Xml.leaf(new StringBuilder(), "aev:EventID", id)
				+ "</aev:AddScheduledEventResponse>";
	}

	/**
	 * Accepts the documented RFC 5545 subset: DTSTART required, DTEND optional (interval vs
	 * pulse), RRULE with a supported FREQ. An overnight DTEND earlier than DTSTART is accepted, as
	 * is a DTEND on the next day (which of the two devices require is unconfirmed).
	 */
	static void validateICalendar(String ical) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String token : ical.trim().split("\\s+")) {
			Matcher m = TOKEN.matcher(token);
			if (!m.matches() || fields.put(m.group(1), m.group(2)) != null) {
				throw SoapFault.sender("Invalid schedule: unexpected '" + token + "'");
			}
		}
		String start = fields.get("DTSTART");
		if (start == null || !DATE.matcher(start).matches()) {
			throw SoapFault.sender("Invalid schedule: DTSTART missing or malformed");
		}
		String end = fields.get("DTEND");
		if (end != null && !DATE.matcher(end).matches()) {
			throw SoapFault.sender("Invalid schedule: DTEND malformed");
		}
		String rrule = fields.get("RRULE");
		if (rrule != null) {
			Map<String, String> parts = new LinkedHashMap<>();
			for (String p : rrule.split(";")) {
				int eq = p.indexOf('=');
				if (eq <= 0) {
					throw SoapFault.sender("Invalid schedule: bad RRULE part '" + p + "'");
				}
				parts.put(p.substring(0, eq), p.substring(eq + 1));
			}
			if (!FREQ.contains(parts.getOrDefault("FREQ", ""))) {
				throw SoapFault.sender("Invalid schedule: RRULE needs a supported FREQ");
			}
			String byday = parts.get("BYDAY");
			if (byday != null) {
				for (String d : byday.split(",")) {
					if (!BYDAY.matcher(d).matches()) {
						throw SoapFault.sender("Invalid schedule: bad BYDAY '" + d + "'");
					}
				}
			}
			String interval = parts.get("INTERVAL");
			if (interval != null && !interval.matches("[1-9]\\d{0,5}")) {
				throw SoapFault.sender("Invalid schedule: bad INTERVAL");
			}
		}
	}

	private String removeScheduledEvent(Element request) {
		String id = Xml.childText(request, "EventID");
		if (id == null || id.isEmpty()) {
			throw SoapFault.missing("EventID");
		}
		if (!store.removeScheduledEvent(id)) {
			throw SoapFault.sender("Scheduled event '" + id + "' does not exist");
		}
		return "<aev:RemoveScheduledEventResponse></aev:RemoveScheduledEventResponse>";
	}

	/** Renders the topic tree in the documented {@code wstop:TopicSet} shape. */
	private String eventInstances() {
		Node root = new Node();
		for (TopicCatalog.Topic t : topics.topics()) {
			Node n = root;
			for (String seg : t.segments()) {
				n = n.children.computeIfAbsent(seg, k -> new Node());
			}
			n.topic = t;
		}
		StringBuilder b = new StringBuilder("<aev:GetEventInstancesResponse><wstop:TopicSet>");
		render(root, b);
		return b.append("</wstop:TopicSet></aev:GetEventInstancesResponse>").toString();
	}

	private static final class Node {
		final Map<String, Node> children = new LinkedHashMap<>();
		TopicCatalog.Topic topic;
	}

	private static void render(Node node, StringBuilder b) {
		for (Map.Entry<String, Node> e : node.children.entrySet()) {
			TopicCatalog.Topic t = e.getValue().topic;
			b.append('<').append(e.getKey());
			if (t != null) {
				b.append(" aev:NiceName=\"").append(Xml.escape(t.niceName())).append("\" wstop:topic=\"true\"");
			}
			b.append('>');
			if (t != null) {
				b.append("<aev:MessageInstance").append(t.stateful() ? " aev:isProperty=\"true\"" : "").append('>');
				if (!t.source().isEmpty()) {
					b.append("<aev:SourceInstance>");
					t.source().forEach(i -> item(b, i, false));
					b.append("</aev:SourceInstance>");
				}
				if (t.data() != null) {
					b.append("<aev:DataInstance>");
					item(b, t.data(), t.stateful());
					b.append("</aev:DataInstance>");
				}
				b.append("</aev:MessageInstance>");
			}
			render(e.getValue(), b);
			b.append("</").append(e.getKey()).append('>');
		}
	}

	private static void item(StringBuilder b, TopicCatalog.Item i, boolean propertyState) {
		b.append("<aev:SimpleItemInstance aev:NiceName=\"").append(Xml.escape(i.niceName())).append("\" Type=\"")
				.append(i.type()).append("\" Name=\"").append(i.name()).append('"')
				.append(propertyState ? " isPropertyState=\"true\"" : "").append('>');
		for (Map.Entry<String, String> v : i.values().entrySet()) {
			b.append("<aev:Value aev:NiceName=\"").append(Xml.escape(v.getValue())).append("\">")
					.append(Xml.escape(v.getKey())).append("</aev:Value>");
		}
		b.append("</aev:SimpleItemInstance>");
	}
}
