package org.palisade.deploy.vapix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.Safety;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * I/O port management JSON API, {@code /axis-cgi/io/portmanagement.cgi}, API version 1.0
 * (vapix.md §2). Ports are numbered from {@code "0"} (web page port 1 is {@code "0"}).
 */
public final class PortManagement {

	private static final String PATH = "/axis-cgi/io/portmanagement.cgi";
	private static final String VERSION = "1.0";

	/** A port as reported; {@code state}/{@code normalState} are {@code open} or {@code closed}. */
	public record IoPort(String port, boolean configurable, String usage, String name, String direction, String state,
			String normalState) {
	}

	/**
	 * Desired settings for one port; {@code null} fields are left as they are on the device.
	 * {@code state} only applies to outputs.
	 */
	public record PortSetting(String port, String usage, String direction, String name, String normalState,
			String state) {
		public PortSetting {
			Objects.requireNonNull(port, "port");
		}

		public static PortSetting of(String port) {
			return new PortSetting(port, null, null, null, null, null);
		}

		public PortSetting withUsage(String v) { return new PortSetting(port, v, direction, name, normalState, state); }
		public PortSetting withDirection(String v) { return new PortSetting(port, usage, v, name, normalState, state); }
		public PortSetting withName(String v) { return new PortSetting(port, usage, direction, v, normalState, state); }
		public PortSetting withNormalState(String v) { return new PortSetting(port, usage, direction, name, v, state); }
		public PortSetting withState(String v) { return new PortSetting(port, usage, direction, name, normalState, v); }
	}

	/** One step of an output sequence: hold {@code state} for {@code timeMs} milliseconds. */
	public record StateStep(String state, long timeMs) {
	}

	/**
	 * The API's error codes as developer.axis.com's I/O port management page lists them
	 * (vapix-notes.md section 2); older virtual devices and other APIs used 1000/2004/4002.
	 */
	static final java.util.Map<String, String> MEANINGS = java.util.Map.of(
			"1100", "internal error on the device",
			"2100", "the device does not support the requested API version",
			"2101", "the request is not valid JSON",
			"2102", "the device's port management does not have this method",
			"2103", "a required parameter is missing",
			"2104", "a parameter has an invalid value (a port the device lacks, a fixed port's direction, a state for an input)",
			"2105", "the account is not authorized for this call",
			"2200", "a state sequence is already running on the port");

	private final JsonRpcClient rpc;

	PortManagement(JsonRpcClient rpc) {
		this.rpc = rpc;
	}

	public List<IoPort> getPorts() throws VapixException {
		JsonObject data = rpc.call(PATH, VERSION, "getPorts", null, Safety.READ, "portmanagement getPorts", MEANINGS);
		List<IoPort> out = new ArrayList<>();
		JsonElement items = data.get("items"); // absent when the device has no ports
		if (items != null && items.isJsonArray()) {
			for (JsonElement e : items.getAsJsonArray()) {
				JsonObject o = e.getAsJsonObject();
				out.add(new IoPort(str(o, "port"), o.has("configurable") && o.get("configurable").getAsBoolean(),
						str(o, "usage"), str(o, "name"), str(o, "direction"), str(o, "state"), str(o, "normalState")));
			}
		}
		return out;
	}

	/** Applies all settings in one request (the device applies all or none); idempotent. */
	public void setPorts(List<PortSetting> settings) throws VapixException {
		JsonArray ports = new JsonArray();
		for (PortSetting s : settings) {
			JsonObject o = new JsonObject();
			o.addProperty("port", s.port());
			put(o, "usage", s.usage());
			put(o, "direction", s.direction());
			put(o, "name", s.name());
			put(o, "normalState", s.normalState());
			put(o, "state", s.state());
			ports.add(o);
		}
		JsonObject params = new JsonObject();
		params.add("ports", ports);
		rpc.call(PATH, VERSION, "setPorts", params, Safety.IDEMPOTENT_WRITE, "portmanagement setPorts", MEANINGS);
	}

	/** Runs a state sequence on an output; not retried on unknown outcome (it would run twice). */
	public void setStateSequence(String port, List<StateStep> steps) throws VapixException {
		JsonArray seq = new JsonArray();
		for (StateStep s : steps) {
			JsonObject o = new JsonObject();
			o.addProperty("state", s.state());
			o.addProperty("time", s.timeMs());
			seq.add(o);
		}
		JsonObject params = new JsonObject();
		params.addProperty("port", port);
		params.add("sequence", seq);
		rpc.call(PATH, VERSION, "setStateSequence", params, Safety.NON_IDEMPOTENT, "portmanagement setStateSequence", MEANINGS);
	}

	public List<String> getSupportedVersions() throws VapixException {
		JsonObject data = rpc.call(PATH, VERSION, "getSupportedVersions", null, Safety.READ,
				"portmanagement getSupportedVersions", MEANINGS);
		List<String> out = new ArrayList<>();
		if (data.has("apiVersions")) {
			data.getAsJsonArray("apiVersions").forEach(e -> out.add(e.getAsString()));
		}
		return out;
	}

	private static void put(JsonObject o, String k, String v) {
		if (v != null) {
			o.addProperty(k, v);
		}
	}

	private static String str(JsonObject o, String k) {
		JsonElement e = o.get(k);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}
}
