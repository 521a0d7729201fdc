package org.palisade.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.palisade.simulator.DoorBank;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * {@code POST /vapix/doorcontrol} of a virtual door controller, the part Palisade uses (door
 * control service guide on developer.axis.com; solution-devices.md section 2.2): one
 * {@code {"<prefix>:<Operation>": {arguments}}} object per request; {@code axtdc:GetDoorList},
 * {@code axtdc:GetDoorConfigurationList}, {@code axtdc:SetDoor}, {@code axtdc:SetDoorConfiguration},
 * {@code tdc:GetDoorState} and the door commands of {@link DoorBank#command}. Door operations answer
 * an empty object. A refusal (unknown token, a door in lockdown) answers 400 with
 * {@code {"Fault": ..., "FaultMsg": ...}}: the service's JSON fault shape is not recorded, so this
 * one is Palisade's guess.
 */
final class DoorControlEndpoint implements Endpoint {

	private static final Pattern USER = Pattern.compile("username=\"([^\"]*)\"");
	private static final Gson GSON = new Gson();

	private final DoorBank doors;

	DoorControlEndpoint(DoorBank doors) {
		this.doors = doors;
	}

	@Override
	public Response handle(Request request) {
		if (!"POST".equals(request.method())) {
			return Response.text(405, "POST a JSON door control request", "doorcontrol");
		}
		JsonObject body;
		try {
			JsonElement e = JsonParser.parseString(request.bodyText());
			if (!e.isJsonObject() || e.getAsJsonObject().size() != 1) {
				return fault("one operation object expected", "doorcontrol");
			}
			body = e.getAsJsonObject();
		} catch (JsonParseException e) {
			return fault("the request is not JSON", "doorcontrol");
		}
		String op = body.keySet().iterator().next();
		JsonObject args = body.get(op).isJsonObject() ? body.getAsJsonObject(op) : new JsonObject();
		String name = "doorcontrol " + op;
		switch (op) {
		case "axtdc:GetDoorList" -> {
			JsonArray list = new JsonArray();
			for (DoorBank.Door d : doors.doors()) {
				JsonObject o = new JsonObject();
				o.addProperty("token", d.token());
				d.fields().forEach(o::addProperty);
				list.add(o);
			}
			JsonObject out = new JsonObject();
			out.add("Door", list);
			return Response.json(200, GSON.toJson(out), name);
		}
		case "axtdc:GetDoorConfigurationList" -> {
			JsonArray list = new JsonArray();
			for (DoorBank.Door d : doors.doors()) {
				JsonObject o = new JsonObject();
				o.addProperty("token", d.token());
				JsonArray conf = new JsonArray();
				d.configuration().forEach((k, v) -> {
					JsonObject nv = new JsonObject();
					nv.addProperty("Name", k);
					nv.addProperty("Value", v);
					conf.add(nv);
				});
				o.add("Configuration", conf);
				list.add(o);
			}
			JsonObject out = new JsonObject();
			out.add("DoorConfiguration", list);
			return Response.json(200, GSON.toJson(out), name);
		}
		case "axtdc:SetDoor" -> {
			for (JsonElement e : array(args, "Door")) {
				JsonObject d = e.getAsJsonObject();
				Map<String, String> fields = new LinkedHashMap<>();
				d.entrySet().forEach(f -> {
					if (!f.getKey().equals("token") && f.getValue().isJsonPrimitive()) {
						fields.put(f.getKey(), f.getValue().getAsString());
					}
				});
				if (!d.has("token") || !doors.setDoor(d.get("token").getAsString(), fields)) {
					return fault("no door has the token " + (d.has("token") ? d.get("token").getAsString() : "(none)"), name);
				}
			}
			return Response.json(200, "{}", name);
		}
		case "axtdc:SetDoorConfiguration" -> {
			for (JsonElement e : array(args, "DoorConfiguration")) {
				JsonObject d = e.getAsJsonObject();
				Map<String, String> values = new LinkedHashMap<>();
				for (JsonElement c : array(d, "Configuration")) {
					JsonObject nv = c.getAsJsonObject();
					values.put(nv.get("Name").getAsString(), nv.has("Value") ? nv.get("Value").getAsString() : "");
				}
				if (!d.has("token") || !doors.setConfiguration(d.get("token").getAsString(), values)) {
					return fault("no door has the token " + (d.has("token") ? d.get("token").getAsString() : "(none)"), name);
				}
			}
			return Response.json(200, "{}", name);
		}
		case "tdc:GetDoorState" -> {
			DoorBank.Door d = args.has("Token") ? doors.door(args.get("Token").getAsString()) : null;
			if (d == null || !d.token().equals(args.get("Token").getAsString())) {
				return fault("no door has the token " + (args.has("Token") ? args.get("Token").getAsString() : "(none)"), name);
			}
			JsonObject state = new JsonObject();
			state.addProperty("DoorPhysicalState", "DoorForcedOpen".equals(d.alarm()) ? "Open" : "Closed");
			state.addProperty("Alarm", d.alarm());
			state.addProperty("DoorMode", d.mode());
			JsonObject out = new JsonObject();
			out.add("DoorState", state);
			return Response.json(200, GSON.toJson(out), name);
		}
		default -> {
			if (!args.has("Token")) {
				return fault(op + " needs a Token", name);
			}
			String refused = doors.command(args.get("Token").getAsString(), op, user(request.header("Authorization")));
			return refused == null ? Response.json(200, "{}", name) : fault(refused, name);
		}
		}
	}

	private static Response fault(String message, String name) {
		JsonObject o = new JsonObject();
		o.addProperty("Fault", "ter:InvalidArgVal");
		o.addProperty("FaultMsg", message);
		return Response.json(400, GSON.toJson(o), name);
	}

	private static JsonArray array(JsonObject o, String member) {
		JsonElement e = o.get(member);
		if (e == null) {
			return new JsonArray();
		}
		if (e.isJsonArray()) {
			return e.getAsJsonArray();
		}
		JsonArray one = new JsonArray();
		one.add(e);
		return one;
	}

	private static String user(String authorization) {
		if (authorization == null) {
			return "anonymous";
		}
		Matcher m = USER.matcher(authorization);
		if (m.find()) {
			return m.group(1);
		}
		if (authorization.startsWith("Basic ")) {
			try {
				String pair = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
						java.nio.charset.StandardCharsets.UTF_8);
				return pair.substring(0, Math.max(0, pair.indexOf(':')));
			} catch (IllegalArgumentException e) {
				return "unknown";
			}
		}
		return "unknown";
	}
}
