package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.DevicePlan.Step;
import org.palisade.deploy.ManagedObject;

/**
 * The VAPIX request each step makes, as text for people and files: what {@link VapixDriver} sends,
 * with placeholders in place of secrets (they are resolved only on the wire).
 */
public final class VapixOperations {

	/** One request: HTTP method and path, the VAPIX operation, and a readable body. */
	public record Operation(String method, String path, String operation, String body) {
		@Override
		public String toString() {
			return method + " " + path + " " + operation + (body.isEmpty() ? "" : "\n" + body.indent(4).stripTrailing());
		}
	}

	private VapixOperations() {
	}

	/** param.cgi values that configure an I/O port, for devices without the port-management API. */
	public static Map<String, String> portParams(int index, Map<String, String> a) {
		Map<String, String> p = new LinkedHashMap<>();
		String base = "IOPort.I" + index + ".";
		boolean output = "output".equals(a.get("direction"));
		p.put(base + "Direction", a.get("direction"));
		p.put(base + (output ? "Output.Name" : "Input.Name"), a.get("name"));
		// normal state open = the circuit closes when active (vapix.md §1, unconfirmed mapping)
		p.put(base + (output ? "Output.Active" : "Input.Trig"), "open".equals(a.get("normalState")) ? "closed" : "open");
		return p;
	}

	/**
	 * The requests of a plan, in order, as {@link VapixDriver} sends them: settings next to each
	 * other go out together (time.cgi, one setPorts, one param.cgi update for every parameter).
	 *
	 * @param portManagement whether the device has the port-management API
	 */
	public static List<Operation> describe(List<Step> steps, boolean portManagement) {
		List<Operation> out = new ArrayList<>();
		List<Step> settings = new ArrayList<>();
		for (Step s : steps) {
			if (s.action() == Step.Action.SET) {
				settings.add(s);
			} else {
				out.addAll(settings(settings, portManagement));
				settings.clear();
				out.add(describe(s, portManagement));
			}
		}
		out.addAll(settings(settings, portManagement));
		return out;
	}

	private static List<Operation> settings(List<Step> steps, boolean portManagement) {
		List<Operation> out = new ArrayList<>();
		List<String> ports = new ArrayList<>();
		Map<String, String> params = new LinkedHashMap<>();
		for (Step s : steps) {
			ManagedObject o = s.object();
			Map<String, String> a = o.attributes();
			switch (o.kind()) {
			case Conventions.PORT -> {
				int index = Integer.parseInt(o.key()) - 1;
				if (portManagement) {
					ports.add("{\"port\":\"" + index + "\",\"direction\":\"" + a.get("direction") + "\",\"name\":"
							+ json(a.get("name")) + ",\"normalState\":\"" + a.get("normalState") + "\"}");
				} else {
					params.putAll(portParams(index, a));
				}
			}
			case Conventions.PARAM -> params.put(o.key(), a.get("value"));
			default -> out.add(describe(s, portManagement));
			}
		}
		if (!ports.isEmpty()) {
			out.add(new Operation("POST", "/axis-cgi/io/portmanagement.cgi", "setPorts",
					"{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":[" + String.join(",", ports)
							+ "]}}"));
		}
		if (!params.isEmpty()) {
			out.add(param(params));
		}
		return out;
	}

	/** @param portManagement whether the device has the port-management API */
	public static Operation describe(Step step, boolean portManagement) {
		ManagedObject o = step.object();
		Map<String, String> a = o.attributes();
		String name = Conventions.tagged(o.key());
		return switch (step.action()) {
		case SET -> switch (o.kind()) {
			case Conventions.TIME -> new Operation("POST", "/axis-cgi/time.cgi", "setTimeZone",
					"{\"apiVersion\":\"1.0\",\"method\":\"setTimeZone\",\"params\":{\"timeZone\":" + json(a.get("timeZone"))
							+ "}}");
			case Conventions.PORT -> portManagement
					? new Operation("POST", "/axis-cgi/io/portmanagement.cgi", "setPorts",
							"{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":[{\"port\":\""
									+ (Integer.parseInt(o.key()) - 1) + "\",\"direction\":\"" + a.get("direction")
									+ "\",\"name\":" + json(a.get("name")) + ",\"normalState\":\"" + a.get("normalState")
									+ "\"}]}}")
					: param(portParams(Integer.parseInt(o.key()) - 1, a));
			default -> param(Map.of(o.key(), a.get("value")));
			};
		case CREATE -> switch (o.kind()) {
			case Conventions.SCHEDULE -> new Operation("POST", "/vapix/services", "event1 AddScheduledEvent",
					"Name: " + name + "\nEventID: " + a.get("eventId") + "\nSchedule/ICalendar:\n" + a.get("ical").indent(2).stripTrailing());
			case Conventions.RECIPIENT -> configuration("AddRecipientConfiguration", name, a);
			case Conventions.ACTION -> configuration("AddActionConfiguration", name, a);
			default -> rule(name, a);
			};
		case DELETE -> new Operation("POST", "/vapix/services", switch (o.kind()) {
			case Conventions.SCHEDULE -> "event1 RemoveScheduledEvent";
			case Conventions.RECIPIENT -> "action1 RemoveRecipientConfiguration";
			case Conventions.ACTION -> "action1 RemoveActionConfiguration";
			default -> "action1 RemoveActionRule";
			}, "ID: " + o.deviceId() + " (" + name + ")");
		};
	}

	private static Operation param(Map<String, String> values) {
		StringBuilder b = new StringBuilder("action=update");
		values.forEach((k, v) -> b.append('&').append(k).append('=').append(v));
		return new Operation("POST", "/axis-cgi/param.cgi", "param.cgi update", b.toString());
	}

	private static Operation configuration(String op, String name, Map<String, String> a) {
		StringBuilder b = new StringBuilder("Name: " + name + "\nTemplateToken: " + a.get("template") + "\nParameters:");
		a.forEach((k, v) -> {
			if (k.startsWith("param.")) {
				b.append("\n  ").append(k.substring(6)).append(" = ").append(v);
			}
		});
		return new Operation("POST", "/vapix/services", "action1 " + op, b.toString());
	}

	private static Operation rule(String name, Map<String, String> a) {
		StringBuilder b = new StringBuilder("Name: " + name + "\nEnabled: " + a.getOrDefault("enabled", "true"));
		if (a.containsKey("start.topic")) {
			b.append("\nStartEvent: ").append(a.get("start.topic")).append("\n  MessageContent: ").append(a.get("start.content"));
		}
		for (int n = 1; a.containsKey("condition." + n + ".topic"); n++) {
			b.append("\nCondition: ").append(a.get("condition." + n + ".topic")).append("\n  MessageContent: ")
					.append(a.get("condition." + n + ".content"));
		}
		if (a.containsKey("activationTimeout")) {
			b.append("\nActivationTimeout: ").append(a.get("activationTimeout"));
		}
		b.append("\nPrimaryAction: ").append(a.get("primaryAction")).append(" (the ConfigurationID the device assigned)");
		return new Operation("POST", "/vapix/services", "action1 AddActionRule", b.toString());
	}

	private static String json(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
