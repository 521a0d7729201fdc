package org.palisade.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.xpath.XPathExpressionException;

import org.palisade.simulator.rules.DeviceEvent;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The events a virtual device sends to clients that watch it, as AXIS OS serves them over
 * WebSocket ({@code /vapix/ws-data-stream?sources=events}; [ESW], vapix-notes section 11): a
 * client sends {@code events:configure} with its {@code eventFilterList}, is answered with
 * {@code data: {}} (or an {@code error}), and from then on gets one {@code events:notify} per
 * event whose topic and content match one of its filters. The latest configure replaces the
 * filters before it; an empty list stops the events.
 * <p>
 * Topics go out in the device's own spelling (the one GetEventInstances declares), and a filter
 * is matched level by level, namespace and name, as the device matches a rule's topic: a filter
 * in another spelling gets nothing. A filter may list alternatives with {@code |} and take a
 * level's whole subtree with a trailing {@code //.} (ONVIF topic expression dialect).
 * <p>
 * After a configure, the last state of every property (stateful) event this device has sent is
 * replayed to the client, as ONVIF's property semantics say a subscriber first gets the current
 * state; whether AXIS OS does so on this stream is not recorded (vapix-notes section 11).
 * <p>
 * Jetty-free: the WebSocket side is {@link EventStreamSocket}; this class knows only text.
 */
public final class EventStream {

	/** Where a client's frames go (its WebSocket session); must not block. */
	public interface Peer {
		void send(String text);
	}

	/** One connected client and the filters of its latest configure ({@code null} until then). */
	public static final class Subscriber {
		private final Peer peer;
		private volatile List<Filter> filters;

		Subscriber(Peer peer) {
			this.peer = peer;
		}
	}

	/** One subscription: topic alternatives (each a level list, maybe a subtree) and a content XPath. */
	private record Filter(List<Alternative> topics, String content) {
	}

	private record Alternative(List<TopicCatalog.Segment> levels, boolean subtree) {
	}

	/** An event sent, kept for the replay when it is a property event. */
	private record Sent(DeviceEvent event, List<TopicCatalog.Segment> levels, String notification) {
	}

	private final StateStore store;
	private final TopicCatalog catalog;
	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
	/** Property events' last state, by topic and source, in the order first seen. */
	private final Map<String, Sent> states = new LinkedHashMap<>();

	EventStream(StateStore store) {
		this.store = store;
		this.catalog = new TopicCatalog(store);
	}

	Subscriber open(Peer peer) {
		Subscriber s = new Subscriber(peer);
		subscribers.add(s);
		return s;
	}

	void closed(Subscriber s) {
		subscribers.remove(s);
	}

	/** @return how many clients are connected now */
	public int clients() {
		return subscribers.size();
	}

	/**
	 * Sends an event to every client whose filters match it.
	 *
	 * @param at the event's time on the device's clock (a rehearsal's virtual time)
	 */
	public void publish(DeviceEvent event, Instant at) {
		List<String> spelled = spelling(event);
		List<TopicCatalog.Segment> levels = segments(spelled);
		String text = notification(String.join("/", spelled), event, at);
		Sent sent = new Sent(event, levels, text);
		if (stateful(event)) {
			synchronized (states) {
				states.put(String.join("/", spelled) + event.source(), sent);
			}
		}
		for (Subscriber s : subscribers) {
			if (wants(s.filters, sent)) {
				s.peer.send(text);
			}
		}
	}

	/**
	 * Answers one text frame of a client.
	 *
	 * @return the frames to send back, in order: the answer, then (after a configure) the replayed states
	 */
	List<String> receive(Subscriber s, String text) {
		JsonObject request;
		try {
			JsonElement e = JsonParser.parseString(text);
			if (!e.isJsonObject()) {
				return List.of(error(null, null, 2101, "Invalid JSON"));
			}
			request = e.getAsJsonObject();
		} catch (JsonParseException e) {
			return List.of(error(null, null, 2101, "Invalid JSON"));
		}
		String method = string(request, "method");
		String context = string(request, "context");
		String version = string(request, "apiVersion");
		if (version == null) {
			return List.of(error(method, context, 2103, "Required parameter missing: apiVersion"));
		}
		if (!version.equals("1.0")) {
			return List.of(error(method, context, 2100, "The requested API version is not supported"));
		}
		if (!"events:configure".equals(method)) {
			return List.of(error(method, context, 2102, "The requested method is not supported"));
		}
		JsonElement params = request.get("params");
		JsonElement list = params != null && params.isJsonObject() ? params.getAsJsonObject().get("eventFilterList") : null;
		if (list == null || !list.isJsonArray()) {
			return List.of(error(method, context, 2103, "Required parameter missing: eventFilterList"));
		}
		List<Filter> filters = new ArrayList<>();
		for (JsonElement f : list.getAsJsonArray()) {
			String problem = null;
			Filter filter = null;
			if (!f.isJsonObject() || string(f.getAsJsonObject(), "topicFilter") == null) {
				problem = "every filter needs a topicFilter";
			} else {
				String topic = string(f.getAsJsonObject(), "topicFilter");
				String content = string(f.getAsJsonObject(), "contentFilter");
				List<Alternative> alternatives = alternatives(topic);
				if (alternatives == null) {
					problem = "topicFilter '" + topic + "' is not a topic expression";
				} else if (content != null && !content.isBlank() && !TopicCatalog.isXPath(content)) {
					problem = "contentFilter '" + content + "' is not an XPath expression";
				} else {
					filter = new Filter(alternatives, content == null || content.isBlank() ? null : content);
				}
			}
			if (problem != null) {
				return List.of(error(method, context, 2104, "Invalid parameter value: " + problem));
			}
			filters.add(filter);
		}
		s.filters = List.copyOf(filters);
		JsonObject answer = envelope(method, context);
		answer.add("data", new JsonObject());
		List<String> out = new ArrayList<>();
		out.add(answer.toString());
		List<Sent> replay;
		synchronized (states) {
			replay = List.copyOf(states.values());
		}
		for (Sent sent : replay) {
			if (wants(s.filters, sent)) {
				out.add(sent.notification());
			}
		}
		return out;
	}

	private static boolean wants(List<Filter> filters, Sent sent) {
		if (filters == null) {
			return false;
		}
		for (Filter f : filters) {
			if (f.topics().stream().anyMatch(a -> matches(a, sent.levels())) && content(f, sent.event())) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(Alternative a, List<TopicCatalog.Segment> levels) {
		if (a.subtree() ? levels.size() < a.levels().size() : levels.size() != a.levels().size()) {
			return false;
		}
		return levels.subList(0, a.levels().size()).equals(a.levels());
	}

	private static boolean content(Filter f, DeviceEvent event) {
		try {
			return f.content() == null || event.matches(f.content());
		} catch (XPathExpressionException e) {
			return false; // checked at configure; a filter the JDK cannot evaluate matches nothing
		}
	}

	/** @return the alternatives of a topic filter, or {@code null} when one does not parse */
	private List<Alternative> alternatives(String filter) {
		List<Alternative> out = new ArrayList<>();
		for (String alternative : filter.split("\\|", -1)) {
			String a = alternative.trim();
			boolean subtree = a.endsWith("//.");
			if (subtree) {
				a = a.substring(0, a.length() - 3);
			}
			List<TopicCatalog.Segment> levels = a.isEmpty() ? null : catalog.parse(a, null);
			if (levels == null) {
				return null;
			}
			out.add(new Alternative(levels, subtree));
		}
		return out;
	}

	/** @return the event's topic levels as the device declares them ({@code tns1:Device}, {@code tnsaxis:IO}, {@code Port}) */
	private List<String> spelling(DeviceEvent event) {
		List<TopicCatalog.Topic> declared = store.atomically(catalog::topics);
		for (TopicCatalog.Topic t : declared) {
			if (DeviceEvent.levels(String.join("/", t.segments())).equals(event.topic())) {
				return t.segments();
			}
		}
		// Not declared (cannot happen for the events the rules raise): the recorded convention,
		// first level in a namespace, the rest unqualified.
		List<String> out = new ArrayList<>(event.topic());
		out.set(0, (out.get(0).equals("CameraApplicationPlatform") ? "tnsaxis:" : "tns1:") + out.get(0));
		return out;
	}

	private static List<TopicCatalog.Segment> segments(List<String> spelled) {
		List<TopicCatalog.Segment> out = new ArrayList<>();
		for (String s : spelled) {
			int colon = s.indexOf(':');
			String ns = colon < 0 ? "" : s.startsWith("tns1:") ? Xml.TNS1 : Xml.TNSAXIS;
			out.add(new TopicCatalog.Segment(ns, s.substring(colon + 1)));
		}
		return out;
	}

	/** Property events carry a state; a pulse (tampering, a schedule's pulse) does not. */
	private static boolean stateful(DeviceEvent e) {
		return !e.data().isEmpty() && !e.topic().contains("Pulse") && !e.topic().contains("Tampering");
	}

	private static String notification(String topic, DeviceEvent event, Instant at) {
		JsonObject message = new JsonObject();
		message.add("source", items(event.source()));
		message.add("key", new JsonObject());
		message.add("data", items(event.data()));
		JsonObject n = new JsonObject();
		n.addProperty("timestamp", at.toEpochMilli());
		n.addProperty("topic", topic);
		n.add("message", message);
		JsonObject params = new JsonObject();
		params.add("notification", n);
		JsonObject o = new JsonObject();
		o.addProperty("apiVersion", "1.0");
		o.addProperty("method", "events:notify");
		o.add("params", params);
		return o.toString();
	}

	private static JsonObject items(Map<String, String> items) {
		JsonObject o = new JsonObject();
		new java.util.TreeMap<>(items).forEach(o::addProperty);
		return o;
	}

	private static JsonObject envelope(String method, String context) {
		JsonObject o = new JsonObject();
		o.addProperty("apiVersion", "1.0");
		if (context != null) {
			o.addProperty("context", context);
		}
		if (method != null) {
			o.addProperty("method", method);
		}
		return o;
	}

	/**
	 * An error answer. The codes are the ones VAPIX JSON APIs share (2100 version, 2101 JSON, 2102
	 * method, 2103 missing parameter, 2104 invalid value); [ESW]'s own table is not recorded here.
	 */
	private static String error(String method, String context, int code, String message) {
		JsonObject e = new JsonObject();
		e.addProperty("code", code);
		e.addProperty("message", message);
		JsonObject o = envelope(method, context);
		o.add("error", e);
		return o.toString();
	}

	private static String string(JsonObject o, String member) {
		JsonElement e = o.get(member);
		return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
	}
}
