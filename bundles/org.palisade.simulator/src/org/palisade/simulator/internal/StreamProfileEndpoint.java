package org.palisade.simulator.internal;

import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code /axis-cgi/streamprofile.cgi} (Stream profile API 1.0, developer.axis.com): list (all, or
 * the names asked), create and remove, each taking several profiles; {@code maxProfiles} as the
 * how-to guide's example answers (26). A create of a name that exists, or a remove of one that does
 * not, is an error and changes nothing (the codes are unconfirmed: the general ones are used).
 */
final class StreamProfileEndpoint implements Endpoint {

	static final int MAX_PROFILES = 26;

	private final StateStore store;

	StreamProfileEndpoint(StateStore store) {
		this.store = store;
	}

	@Override
	public Response handle(Request request) {
		try {
			JsonRpc.Call call = JsonRpc.parse(request, "1.0");
			return switch (call.method()) {
			case "list" -> JsonRpc.ok(call, list(call.params()));
			case "create" -> {
				JsonArray items = array(call.params(), "streamProfile");
				yield store.atomically(() -> {
					Map<String, String[]> have = store.streamProfiles();
					if (have.size() + items.size() > MAX_PROFILES) {
						throw new JsonRpc.RpcError(JsonRpc.BAD_VALUE, "Too many stream profiles (at most " + MAX_PROFILES + ")");
					}
					for (JsonElement e : items) {
						String name = name(e);
						if (have.containsKey(name)) {
							throw new JsonRpc.RpcError(JsonRpc.BAD_VALUE, "Stream profile already exists: " + name);
						}
					}
					for (JsonElement e : items) {
						JsonObject o = e.getAsJsonObject();
						store.addStreamProfile(name(e), nonNull(JsonRpc.string(o, "description")),
								nonNull(JsonRpc.string(o, "parameters")));
					}
					return JsonRpc.ok(call, new JsonObject());
				});
			}
			case "remove" -> {
				JsonArray items = array(call.params(), "streamProfileName");
				yield store.atomically(() -> {
					Map<String, String[]> have = store.streamProfiles();
					for (JsonElement e : items) {
						if (!have.containsKey(name(e))) {
							throw new JsonRpc.RpcError(JsonRpc.BAD_VALUE, "No such stream profile: " + name(e));
						}
					}
					for (JsonElement e : items) {
						store.removeStreamProfile(name(e));
					}
					return JsonRpc.ok(call, new JsonObject());
				});
			}
			case "getSupportedVersions" -> {
				JsonObject data = new JsonObject();
				JsonArray v = new JsonArray();
				v.add("1.0");
				data.add("apiVersions", v);
				yield JsonRpc.ok(call, data);
			}
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, "1.0");
		}
	}

	private JsonObject list(JsonObject params) {
		JsonArray wanted = params.has("streamProfileName") && params.get("streamProfileName").isJsonArray()
				? params.getAsJsonArray("streamProfileName") : new JsonArray();
		java.util.Set<String> names = new java.util.HashSet<>();
		wanted.forEach(e -> names.add(name(e)));
		JsonArray out = new JsonArray();
		store.streamProfiles().forEach((name, v) -> {
			if (names.isEmpty() || names.contains(name)) {
				JsonObject o = new JsonObject();
				o.addProperty("name", name);
				o.addProperty("description", v[0]);
				o.addProperty("parameters", v[1]);
				out.add(o);
			}
		});
		JsonObject data = new JsonObject();
		data.add("streamProfile", out);
		data.addProperty("maxProfiles", MAX_PROFILES);
		return data;
	}

	private static JsonArray array(JsonObject params, String member) {
		JsonElement e = params.get(member);
		if (e == null || !e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
			throw new JsonRpc.RpcError(JsonRpc.MISSING_PARAM, "Missing parameter: " + member);
		}
		for (JsonElement item : e.getAsJsonArray()) {
			if (!item.isJsonObject() || JsonRpc.string(item.getAsJsonObject(), "name") == null
					|| JsonRpc.string(item.getAsJsonObject(), "name").isBlank()) {
				throw new JsonRpc.RpcError(JsonRpc.BAD_VALUE, "Invalid stream profile name");
			}
		}
		return e.getAsJsonArray();
	}

	private static String name(JsonElement e) {
		return JsonRpc.string(e.getAsJsonObject(), "name");
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}
}
