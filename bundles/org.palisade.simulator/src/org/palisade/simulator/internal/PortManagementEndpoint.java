package org.palisade.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.simulator.DeviceState.IoPort;
import org.palisade.simulator.DeviceState.StateSequence;
import org.palisade.simulator.DeviceState.StateStep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code /axis-cgi/io/portmanagement.cgi} (vapix.md §2): getPorts, setPorts, setStateSequence,
 * getSupportedVersions. It reads and writes the same {@code IOPort.I<n>.*} parameters as
 * param.cgi. setStateSequence is recorded and the port is left in the last step's state at once
 * (the device would get there after the sum of the times).
 */
final class PortManagementEndpoint implements Endpoint {

	/** The version AXIS OS 11.11 and 12.9 list in API discovery (recorded). */
	private static final String VERSION = "1.1";
	private static final Set<String> CIRCUIT = Set.of("open", "closed");
	/**
	 * The API's own error codes, as developer.axis.com's I/O port management page lists them (not
	 * recorded): 2100 version not supported, 2101 invalid JSON, 2102 method not supported, 2103
	 * required parameter missing, 2104 invalid parameter value. A GET has no JSON body: 2101.
	 */
	static final int VERSION_UNSUPPORTED = 2100;
	static final int INVALID_JSON = 2101;
	static final int METHOD_UNSUPPORTED = 2102;
	static final int MISSING = 2103;
	static final int INVALID_VALUE = 2104;
	private static final JsonRpc.Codes CODES = new JsonRpc.Codes(INVALID_VALUE, INVALID_JSON, VERSION_UNSUPPORTED,
			METHOD_UNSUPPORTED, INVALID_JSON, MISSING);

	private final StateStore store;

	PortManagementEndpoint(StateStore store) {
		this.store = store;
	}

	@Override
	public Response handle(Request request) {
		try {
			JsonRpc.Call call = JsonRpc.parse(request, VERSION, CODES);
			return switch (call.method()) {
			case "getPorts" -> JsonRpc.ok(call, getPorts());
			case "setPorts" -> {
				// Documented: success answers data.ports, the ports the request changed.
				JsonObject data = new JsonObject();
				data.add("ports", setPorts(call.params()));
				yield JsonRpc.ok(call, data);
			}
			case "setStateSequence" -> {
				setStateSequence(call.params());
				// Documented: success answers data.port.
				JsonObject data = new JsonObject();
				data.addProperty("port", JsonRpc.string(call.params(), "port"));
				yield JsonRpc.ok(call, data);
			}
			case "getSupportedVersions" -> {
				JsonObject data = new JsonObject();
				JsonArray versions = new JsonArray();
				versions.add(VERSION);
				data.add("apiVersions", versions);
				yield JsonRpc.ok(call, data);
			}
			default -> throw new JsonRpc.RpcError(METHOD_UNSUPPORTED, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, VERSION);
		}
	}

	private JsonObject getPorts() {
		List<IoPort> ports = store.ioPorts();
		JsonObject data = new JsonObject();
		data.addProperty("numberOfPorts", ports.size());
		if (!ports.isEmpty()) { // recorded replies omit "items" when there are no ports
			JsonArray items = new JsonArray();
			for (IoPort p : ports) {
				JsonObject o = new JsonObject();
				o.addProperty("port", p.port());
				o.addProperty("configurable", p.configurable());
				o.addProperty("usage", p.usage());
				o.addProperty("name", p.name());
				o.addProperty("direction", p.direction());
				o.addProperty("state", p.state());
				o.addProperty("normalState", p.normalState());
				items.add(o);
			}
			data.add("items", items);
		}
		return data;
	}

	private int port(JsonObject o) {
		String p = JsonRpc.string(o, "port");
		if (p == null) {
			throw new JsonRpc.RpcError(MISSING, "Missing parameter: port");
		}
		if (!p.matches("\\d{1,2}") || Integer.parseInt(p) >= store.portCount()) {
			throw new JsonRpc.RpcError(INVALID_VALUE, "Invalid port: " + p);
		}
		return Integer.parseInt(p);
	}

	/** @return the ids of the ports the items name, in request order */
	private JsonArray setPorts(JsonObject params) {
		JsonElement list = params.get("ports");
		if (list == null || !list.isJsonArray()) {
			throw new JsonRpc.RpcError(MISSING, "Missing parameter: ports");
		}
		store.atomically(() -> {
			// Validate the whole list against a scratch copy of the parameters, then commit once.
			Map<String, String> scratch = new LinkedHashMap<>(store.parameters());
			Map<Integer, String> states = new LinkedHashMap<>();
			for (JsonElement e : list.getAsJsonArray()) {
				if (!e.isJsonObject()) {
					throw new JsonRpc.RpcError(INVALID_VALUE, "Invalid port item");
				}
				applyItem(e.getAsJsonObject(), scratch, states);
			}
			Map<String, String> changed = new LinkedHashMap<>();
			scratch.forEach((k, v) -> {
				if (!v.equals(store.parameter(k))) {
					changed.put(k, v);
				}
			});
			store.setParameters(changed);
			for (String k : changed.keySet()) {
				if (k.matches("IOPort\\.I\\d+\\.(Direction|Output\\.Active)")) {
					store.resetOutputState(Integer.parseInt(k.substring(8, k.indexOf('.', 8))));
				}
			}
			states.forEach(store::setOutputState);
			return null;
		});
		JsonArray ports = new JsonArray();
		for (JsonElement e : list.getAsJsonArray()) {
			String p = JsonRpc.string(e.getAsJsonObject(), "port");
			if (!ports.contains(new com.google.gson.JsonPrimitive(p))) {
				ports.add(p);
			}
		}
		return ports;
	}

	private void applyItem(JsonObject item, Map<String, String> p, Map<Integer, String> states) {
		int n = port(item);
		String base = "IOPort.I" + n + ".";
		String direction = JsonRpc.string(item, "direction");
		if (direction != null) {
			if (!direction.equals("input") && !direction.equals("output")) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Invalid direction: " + direction);
			}
			if (!direction.equals(p.get(base + "Direction")) && !"yes".equals(p.get(base + "Configurable"))) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Port " + n + " is not configurable");
			}
			p.put(base + "Direction", direction);
		}
		boolean output = "output".equals(p.get(base + "Direction"));
		String usage = JsonRpc.string(item, "usage");
		if (usage != null) {
			p.put(base + "Usage", usage);
		}
		String name = JsonRpc.string(item, "name");
		if (name != null) {
			p.put(base + (output ? "Output.Name" : "Input.Name"), name);
		}
		String normal = JsonRpc.string(item, "normalState");
		if (normal != null) {
			if (!CIRCUIT.contains(normal)) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Invalid normalState: " + normal);
			}
			p.put(base + (output ? "Output.Active" : "Input.Trig"), StateStore.opposite(normal));
		}
		String state = JsonRpc.string(item, "state");
		if (state != null) {
			if (!CIRCUIT.contains(state)) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Invalid state: " + state);
			}
			if (!output) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Port " + n + " is an input; its state cannot be set");
			}
			states.put(n, state);
		}
	}

	private void setStateSequence(JsonObject params) {
		int n = port(params);
		JsonElement seq = params.get("sequence");
		if (seq == null || !seq.isJsonArray() || seq.getAsJsonArray().isEmpty()) {
			throw new JsonRpc.RpcError(MISSING, "Missing parameter: sequence");
		}
		List<StateStep> steps = new ArrayList<>();
		for (JsonElement e : seq.getAsJsonArray()) {
			if (!e.isJsonObject()) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Invalid sequence item");
			}
			String state = JsonRpc.string(e.getAsJsonObject(), "state");
			String time = JsonRpc.string(e.getAsJsonObject(), "time");
			if (state == null || time == null) {
				throw new JsonRpc.RpcError(MISSING, "Missing parameter: state or time");
			}
			if (!CIRCUIT.contains(state) || !time.matches("\\d{1,9}")) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Invalid sequence item");
			}
			steps.add(new StateStep(state, Long.parseLong(time)));
		}
		store.atomically(() -> {
			if (!"output".equals(store.ioPort(n).direction())) {
				throw new JsonRpc.RpcError(INVALID_VALUE, "Port " + n + " is not an output");
			}
			store.addStateSequence(new StateSequence(Integer.toString(n), steps));
			store.setOutputState(n, steps.get(steps.size() - 1).state());
			return null;
		});
	}
}
