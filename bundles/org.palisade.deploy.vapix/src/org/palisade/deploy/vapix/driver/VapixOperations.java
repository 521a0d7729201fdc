package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.DevicePlan.Step;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.driver.DeviceObjects.Configuration;
import org.palisade.deploy.vapix.driver.DeviceObjects.Param;
import org.palisade.deploy.vapix.driver.DeviceObjects.Port;
import org.palisade.deploy.vapix.driver.DeviceObjects.TimeZone;

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

	/** param.cgi values that configure an I/O port ([IO]; the driver writes ports this way, #16). */
	public static Map<String, String> portParams(int index, Port port) {
		Map<String, String> p = new LinkedHashMap<>();
		String base = "IOPort.I" + index + ".";
		boolean output = "output".equals(port.direction());
		p.put(base + "Direction", port.direction());
		p.put(base + (output ? "Output.Name" : "Input.Name"), port.name());
		// normal state open = the circuit closes when active (vapix.md §1, unconfirmed mapping)
		p.put(base + (output ? "Output.Active" : "Input.Trig"), "open".equals(port.normalState()) ? "closed" : "open");
		return p;
	}

	/**
	 * The requests of a plan, in order, as {@link VapixDriver} sends them: settings next to each
	 * other go out together (time.cgi, one param.cgi update for every parameter and port).
	 */
	public static List<Operation> describe(List<Step> steps) {
		List<Operation> out = new ArrayList<>();
		List<Step> settings = new ArrayList<>();
		List<String> profiles = new ArrayList<>();
		for (Step s : steps) {
			if (s.action() == Step.Action.SET) {
				settings.add(s);
				continue;
			}
			out.addAll(settings(settings));
			settings.clear();
			if (s.action() == Step.Action.CREATE && s.object().kind().equals(Conventions.STREAM_PROFILE)) {
				profiles.add(profile(s.object()));
				continue;
			}
			profiles(profiles, out);
			out.add(describe(s));
		}
		profiles(profiles, out);
		out.addAll(settings(settings));
		return out;
	}

	/** Stream profiles created next to each other go in one request, as the driver sends them. */
	private static void profiles(List<String> profiles, List<Operation> out) {
		if (!profiles.isEmpty()) {
			out.add(new Operation("POST", "/axis-cgi/streamprofile.cgi", "streamprofile create",
					"{\"apiVersion\":\"1.0\",\"method\":\"create\",\"params\":{\"streamProfile\":["
							+ String.join(",", profiles) + "]}}"));
			profiles.clear();
		}
	}

	private static String profile(ManagedObject o) {
		DeviceObjects.StreamProfile p = DeviceObjects.StreamProfile.of(o.attributes());
		return "{\"name\":" + json(o.key()) + ",\"description\":" + json(Conventions.tagged(p.description()))
				+ ",\"parameters\":" + json(p.parameters()) + "}";
	}

	private static List<Operation> settings(List<Step> steps) {
		List<Operation> out = new ArrayList<>();
		Map<String, String> params = new LinkedHashMap<>();
		for (Step s : steps) {
			ManagedObject o = s.object();
			Map<String, String> a = o.attributes();
			switch (o.kind()) {
			case Conventions.PORT -> params.putAll(portParams(Integer.parseInt(o.key()) - 1, Port.of(a)));
			case Conventions.PARAM -> params.put(o.key(), Param.of(a).value());
			case Conventions.PRESET -> out.add(describe(s));
			case Conventions.FIRMWARE -> {
				// Without a file nothing is sent: a drift fails the device (#17).
				if (DeviceObjects.Firmware.of(a).file() != null) {
					out.add(describe(s));
				}
			}
			default -> out.add(describe(s));
			}
		}
		if (!params.isEmpty()) {
			out.add(param(params));
		}
		return out;
	}

	/** The request of one step. */
	public static Operation describe(Step step) {
		ManagedObject o = step.object();
		Map<String, String> a = o.attributes();
		String name = Conventions.tagged(o.key());
		return switch (step.action()) {
		case SET -> switch (o.kind()) {
			case Conventions.TIME -> new Operation("POST", "/axis-cgi/time.cgi", "setTimeZone",
					"{\"apiVersion\":\"1.0\",\"method\":\"setTimeZone\",\"params\":{\"timeZone\":"
							+ json(TimeZone.of(a).zone()) + "}}");
			case Conventions.PORT -> param(portParams(Integer.parseInt(o.key()) - 1, Port.of(a)));
			// A preset without a position is checked, never written (#19): the read that plan makes. One
			// with a position is the absolute move, then the save under its name.
			case Conventions.PRESET -> a.containsKey("pan")
					? new Operation("GET", "/axis-cgi/com/ptz.cgi?pan=" + a.get("pan") + "&tilt=" + a.get("tilt")
							+ (a.containsKey("zoom") ? "&zoom=" + a.get("zoom") : ""), "ptz.cgi absolute move, then "
							+ "GET /axis-cgi/com/ptzconfig.cgi?setserverpresetname=" + java.net.URLEncoder.encode(o.key(),
									java.nio.charset.StandardCharsets.UTF_8), "")
					: new Operation("GET", "/axis-cgi/com/ptz.cgi?query=presetposall",
							"ptz.cgi query=presetposall (preset " + o.key() + " must exist)", "");
			case Conventions.DOOR -> door(o);
			case Conventions.FIRMWARE -> new Operation("POST", "/axis-cgi/firmwaremanagement.cgi",
					"firmwaremanagement upgrade", "multipart: data = {\"apiVersion\":\"1.0\",\"method\":\"upgrade\"}, bin = "
							+ DeviceObjects.Firmware.of(a).file() + "\nthen firmwaremanagement status until the device is back"
							+ " on " + DeviceObjects.Firmware.of(a).version());
			default -> param(Map.of(o.key(), Param.of(a).value()));
			};
		case CREATE -> switch (o.kind()) {
			case Conventions.SCHEDULE -> new Operation("POST", "/vapix/services", "event1 AddScheduledEvent",
					"Name: " + name + "\nEventID: " + DeviceObjects.Schedule.of(a).eventId() + "\nSchedule/ICalendar:\n"
							+ DeviceObjects.Schedule.of(a).ical().indent(2).stripTrailing());
			case Conventions.RECIPIENT -> configuration("AddRecipientConfiguration", name, a);
			case Conventions.ACTION -> configuration("AddActionConfiguration", name, a);
			case Conventions.STREAM_PROFILE -> new Operation("POST", "/axis-cgi/streamprofile.cgi", "streamprofile create",
					"{\"apiVersion\":\"1.0\",\"method\":\"create\",\"params\":{\"streamProfile\":[" + profile(o) + "]}}");
			default -> rule(name, a);
			};
		case DELETE -> o.kind().equals(Conventions.STREAM_PROFILE)
				? new Operation("POST", "/axis-cgi/streamprofile.cgi", "streamprofile remove",
						"{\"apiVersion\":\"1.0\",\"method\":\"remove\",\"params\":{\"streamProfileName\":[{\"name\":"
								+ json(o.key()) + "}]}}")
				: new Operation("POST", "/vapix/services", switch (o.kind()) {
			case Conventions.SCHEDULE -> "event1 RemoveScheduledEvent";
			case Conventions.RECIPIENT -> "action1 RemoveRecipientConfiguration";
			case Conventions.ACTION -> "action1 RemoveActionConfiguration";
			default -> "action1 RemoveActionRule";
			}, "ID: " + o.deviceId() + " (" + name + ")");
		};
	}

	/** A door's two writes (#19): the door's fields, then its configuration keys. */
	private static Operation door(ManagedObject o) {
		DeviceObjects.Door door = DeviceObjects.Door.of(o.attributes());
		StringBuilder fields = new StringBuilder();
		StringBuilder config = new StringBuilder();
		door.fields().forEach((k, v) -> fields.append(",").append(json(k)).append(':').append(json(v)));
		door.config().forEach((k, v) -> config.append(config.isEmpty() ? "" : ",").append("{\"Name\":").append(json(k))
				.append(",\"Value\":").append(json(v)).append('}'));
		String token = "<door " + door.index() + "'s token>";
		return new Operation("POST", "/vapix/doorcontrol", "axtdc:SetDoor, axtdc:SetDoorConfiguration (door " + o.key() + ")",
				"{\"axtdc:SetDoor\":{\"Door\":[{\"token\":\"" + token + "\"" + fields + "}]}}\n"
						+ "{\"axtdc:SetDoorConfiguration\":{\"DoorConfiguration\":[{\"token\":\"" + token
						+ "\",\"Configuration\":[" + config + "]}]}}");
	}

	private static Operation param(Map<String, String> values) {
		StringBuilder b = new StringBuilder("action=update");
		values.forEach((k, v) -> b.append('&').append(k).append('=').append(v));
		return new Operation("POST", "/axis-cgi/param.cgi", "param.cgi update", b.toString());
	}

	private static Operation configuration(String op, String name, Map<String, String> a) {
		Configuration c = Configuration.of(a);
		StringBuilder b = new StringBuilder("Name: " + name + "\nTemplateToken: " + c.template() + "\nParameters:");
		c.params().forEach((k, v) -> b.append("\n  ").append(k).append(" = ").append(v));
		return new Operation("POST", "/vapix/services", "action1 " + op, b.toString());
	}

	private static Operation rule(String name, Map<String, String> a) {
		DeviceObjects.Rule r = DeviceObjects.Rule.of(a);
		StringBuilder b = new StringBuilder("Name: " + name + "\nEnabled: " + r.enabled());
		if (r.start() != null) {
			b.append("\nStartEvent: ").append(r.start().topic()).append("\n  MessageContent: ").append(r.start().content());
		}
		for (DeviceObjects.Filter f : r.conditions()) {
			b.append("\nCondition: ").append(f.topic()).append("\n  MessageContent: ").append(f.content());
		}
		if (r.activationTimeout() != null) {
			b.append("\nActivationTimeout: ").append(r.activationTimeout());
		}
		b.append("\nPrimaryAction: ").append(r.primaryAction()).append(" (the ConfigurationID the device assigned)");
		return new Operation("POST", "/vapix/services", "action1 AddActionRule", b.toString());
	}

	private static String json(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
