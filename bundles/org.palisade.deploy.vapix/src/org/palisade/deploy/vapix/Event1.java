package org.palisade.deploy.vapix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.SoapClient;
import org.palisade.deploy.vapix.internal.XmlSupport;
import org.w3c.dom.Element;

/**
 * Event service {@code event1} over SOAP (vapix.md §3): scheduled events and the declared event
 * topics.
 * <p>
 * Schedules are sent as {@code Schedule/ICalendar Dialect="http://www.axis.com/vapix/ws/ical1"}
 * holding the given iCalendar text unchanged (lines separated by {@code \n}).
 */
public final class Event1 {

	private static final String NS = XmlSupport.EVENT1;

	/** A scheduled event; {@code icalendar} holds DTSTART/DTEND/RRULE lines. */
	public record ScheduledEvent(String id, String name, String icalendar) {
		/** @return whether it is an interval (has DTEND) rather than a pulse */
		public boolean interval() {
			return icalendar != null && icalendar.contains("DTEND");
		}
	}

	/**
	 * A declared leaf topic, e.g. {@code tns1:UserAlarm/tnsaxis:Recurring/tnsaxis:Interval}.
	 * Prefixes are tns1 and tnsaxis for their namespaces, else the device's own prefix.
	 *
	 * @param stateful   whether it can be used as a rule condition ({@code isProperty})
	 * @param sourceValues source item name to its listed values (e.g. {@code id} to schedule IDs)
	 */
	public record EventTopic(String expression, String niceName, boolean stateful,
			Map<String, List<String>> sourceValues) {
	}

	private final SoapClient soap;

	Event1(SoapClient soap) {
		this.soap = soap;
	}

	public List<ScheduledEvent> getScheduledEvents() throws VapixException {
		Element r = soap.call(NS, "aev", "GetScheduledEvents", "", Safety.READ, List.of());
		List<ScheduledEvent> out = new ArrayList<>();
		for (Element e : XmlSupport.childrenNamed(XmlSupport.child(r, "ScheduledEvents"), "ScheduledEvent")) {
			Element schedule = XmlSupport.child(e, "Schedule");
			String ical = schedule == null ? null : XmlSupport.childText(schedule, "ICalendar");
			out.add(new ScheduledEvent(XmlSupport.childText(e, "EventID"), XmlSupport.childText(e, "Name"), ical));
		}
		return out;
	}

	/** Creates a schedule with a device-assigned ID. Not retried on unknown outcome. @return the ID */
	public String addScheduledEvent(String name, String icalendar) throws VapixException {
		return addScheduledEvent(null, name, icalendar);
	}

	/**
	 * @param eventId an ID to request, or {@code null} to let the device choose
	 * @return the ID the device reports
	 */
	public String addScheduledEvent(String eventId, String name, String icalendar) throws VapixException {
		StringBuilder b = new StringBuilder("<aev:NewScheduledEvent>");
		XmlSupport.leaf(b, "aev:Name", name);
		if (eventId != null) {
			XmlSupport.leaf(b, "aev:EventID", eventId);
		}
		b.append("<aev:Schedule><aev:ICalendar Dialect=\"").append(XmlSupport.ICAL_DIALECT).append("\">")
				.append(XmlSupport.escape(icalendar)).append("</aev:ICalendar></aev:Schedule></aev:NewScheduledEvent>");
		Element r = soap.call(NS, "aev", "AddScheduledEvent", b.toString(), Safety.NON_IDEMPOTENT, List.of());
		return XmlSupport.childText(r, "EventID");
	}

	/**
	 * Removes a schedule. Retried like an idempotent write; if a retry is answered with a fault
	 * because the first attempt already removed it, the schedule's absence is confirmed by reading
	 * and the call succeeds.
	 */
	public void removeScheduledEvent(String id) throws VapixException {
		StringBuilder b = XmlSupport.leaf(new StringBuilder(), "aev:EventID", id);
		try {
			soap.callWithoutResult(NS, "aev", "RemoveScheduledEvent", b.toString(), Safety.IDEMPOTENT_WRITE);
		} catch (VapixException e) {
			if (e.kind() == VapixException.Kind.DEVICE_ERROR && e.attempts() > 1
					&& getScheduledEvents().stream().noneMatch(s -> id.equals(s.id()))) {
				return;
			}
			throw e;
		}
	}

	/** @return every declared leaf topic, in device order */
	public List<EventTopic> getEventInstances() throws VapixException {
		Element r = soap.call(NS, "aev", "GetEventInstances", "", Safety.READ, List.of());
		List<EventTopic> out = new ArrayList<>();
		walk(XmlSupport.child(r, "TopicSet"), "", out);
		return out;
	}

	private static void walk(Element node, String path, List<EventTopic> out) {
		for (Element e : XmlSupport.children(node)) {
			if (NS.equals(e.getNamespaceURI())) {
				continue; // MessageInstance and friends describe the parent topic
			}
			String prefix = XmlSupport.TNS1.equals(e.getNamespaceURI()) ? "tns1"
					: XmlSupport.TNSAXIS.equals(e.getNamespaceURI()) ? "tnsaxis" : e.getPrefix();
			String segment = (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + e.getLocalName();
			String expression = path.isEmpty() ? segment : path + "/" + segment;
			Element message = XmlSupport.child(e, "MessageInstance");
			if (message != null && NS.equals(message.getNamespaceURI())) {
				String nice = e.getAttributeNS(NS, "NiceName");
				boolean stateful = "true".equals(message.getAttributeNS(NS, "isProperty"));
				Map<String, List<String>> values = new java.util.LinkedHashMap<>();
				for (Element item : XmlSupport.childrenNamed(XmlSupport.child(message, "SourceInstance"),
						"SimpleItemInstance")) {
					List<String> v = new ArrayList<>();
					XmlSupport.childrenNamed(item, "Value").forEach(x -> v.add(x.getTextContent().trim()));
					values.put(item.getAttribute("Name"), List.copyOf(v));
				}
				out.add(new EventTopic(expression, nice, stateful, values));
			}
			walk(e, expression, out);
		}
	}
}
