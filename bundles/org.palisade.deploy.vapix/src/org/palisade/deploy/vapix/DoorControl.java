package org.palisade.deploy.vapix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.vapix.internal.Failures;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The door control service of an Axis door controller ({@code POST /vapix/doorcontrol}, JSON form
 * of the ONVIF {@code tdc} and Axis {@code axtdc} services; developer.axis.com, Door control
 * service guide; solution-devices.md section 2.2): a request is {@code {"<prefix>:<Operation>":
 * {arguments}}}. Palisade reads the doors ({@code axtdc:GetDoorList}) and their hardware
 * configuration ({@code axtdc:GetDoorConfigurationList}), writes the timers ({@code axtdc:SetDoor})
 * and the lock and door monitor keys ({@code axtdc:SetDoorConfiguration}), and reads a door's state
 * ({@code tdc:GetDoorState}). The reply members' names ({@code Door}, {@code DoorConfiguration},
 * {@code DoorState}) follow the services' schema; no A1601 reply was recorded (vapix-notes.md).
 */
public final class DoorControl {

	private static final String PATH = "/vapix/doorcontrol";
	private static final Gson GSON = new Gson();

	/** A door as the controller lists it: its token and the SetDoor fields, as strings. */
	public record Door(String token, Map<String, String> fields) {
		public Door {
			fields = Map.copyOf(fields);
		}
	}

	/** The door's state: {@code DoorPhysicalState}, {@code Alarm}, {@code DoorMode}. */
	public record DoorState(String physical, String alarm, String mode) {
	}

	private final HttpTransport transport;

	DoorControl(HttpTransport transport) {
		this.transport = transport;
	}

	/** @return the controller's doors in its order (door 1 first) */
	public List<Door> doors() throws VapixException {
		List<Door> out = new ArrayList<>();
		for (JsonElement e : array(call("axtdc:GetDoorList", new JsonObject(), Safety.READ), "Door")) {
			JsonObject o = e.getAsJsonObject();
			Map<String, String> fields = new LinkedHashMap<>();
			for (Map.Entry<String, JsonElement> f : o.entrySet()) {
				if (!f.getKey().equals("token") && f.getValue().isJsonPrimitive()) {
					fields.put(f.getKey(), f.getValue().getAsString());
				}
			}
			out.add(new Door(o.get("token").getAsString(), fields));
		}
		return out;
	}

	/** @return door token to its configuration (name to value; the controller lists its defaults too) */
	public Map<String, Map<String, String>> configurations() throws VapixException {
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		for (JsonElement e : array(call("axtdc:GetDoorConfigurationList", new JsonObject(), Safety.READ), "DoorConfiguration")) {
			JsonObject o = e.getAsJsonObject();
			Map<String, String> values = new LinkedHashMap<>();
			for (JsonElement c : array(o, "Configuration")) {
				JsonObject nv = c.getAsJsonObject();
				values.put(nv.get("Name").getAsString(), nv.has("Value") ? nv.get("Value").getAsString() : "");
			}
			out.put(o.get("token").getAsString(), values);
		}
		return out;
	}

	/** Writes a door's fields (token kept); absolute values, so a repeat changes nothing. */
	public void setDoor(String token, Map<String, String> fields) throws VapixException {
		JsonObject door = new JsonObject();
		door.addProperty("token", token);
		fields.forEach(door::addProperty);
		JsonArray doors = new JsonArray();
		doors.add(door);
		JsonObject args = new JsonObject();
		args.add("Door", doors);
		call("axtdc:SetDoor", args, Safety.IDEMPOTENT_WRITE);
	}

	/** Writes the given configuration keys of a door; the others keep their values. */
	public void setDoorConfiguration(String token, Map<String, String> values) throws VapixException {
		JsonArray list = new JsonArray();
		values.forEach((k, v) -> {
			JsonObject nv = new JsonObject();
			nv.addProperty("Name", k);
			nv.addProperty("Value", v);
			list.add(nv);
		});
		JsonObject conf = new JsonObject();
		conf.addProperty("token", token);
		conf.add("Configuration", list);
		JsonArray confs = new JsonArray();
		confs.add(conf);
		JsonObject args = new JsonObject();
		args.add("DoorConfiguration", confs);
		call("axtdc:SetDoorConfiguration", args, Safety.IDEMPOTENT_WRITE);
	}

	public DoorState state(String token) throws VapixException {
		JsonObject args = new JsonObject();
		args.addProperty("Token", token);
		JsonObject reply = call("tdc:GetDoorState", args, Safety.READ);
		JsonObject s = reply.has("DoorState") && reply.get("DoorState").isJsonObject() ? reply.getAsJsonObject("DoorState") : reply;
		return new DoorState(str(s, "DoorPhysicalState"), str(s, "Alarm"), str(s, "DoorMode"));
	}

	/** The JSON body of a door command, {@code {"tdc:LockDownDoor":{"Token":"..."}}}: what a rule's notification sends. */
	public static String command(String operation, String token) {
		JsonObject args = new JsonObject();
		args.addProperty("Token", token);
		JsonObject o = new JsonObject();
		o.add(operation, args);
		return GSON.toJson(o);
	}

	private JsonObject call(String operation, JsonObject args, Safety safety) throws VapixException {
		JsonObject o = new JsonObject();
		o.add(operation, args);
		VapixRequest req = VapixRequest.post(PATH, GSON.toJson(o).getBytes(StandardCharsets.UTF_8), "application/json",
				safety, "doorcontrol " + operation);
		VapixResponse r = transport.execute(req);
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		if (r.text().isBlank()) {
			return new JsonObject(); // door operations return no values
		}
		try {
			JsonElement e = JsonParser.parseString(r.text());
			if (!e.isJsonObject()) {
				throw new JsonParseException("not an object");
			}
			return e.getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw Failures.protocol(transport.device(), req, r, "response is not JSON", e);
		}
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

	private static String str(JsonObject o, String k) {
		return o.has(k) && o.get(k).isJsonPrimitive() ? o.get(k).getAsString() : null;
	}
}
