package org.palisade.simulator.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The JSON envelope shared by Axis' newer CGI APIs (vapix.md §2, §8): request
 * {@code {apiVersion, context, method, params}}, reply with {@code data} or
 * {@code error{code, message}}. Error replies use HTTP 200 (recorded for firmware management,
 * documented for port management).
 */
final class JsonRpc {

	static final int BAD_VALUE = 1000;
	static final int POST_ONLY = 2002;
	static final int VERSION = 2003;
	static final int METHOD = 2004;
	static final int BAD_JSON = 4000;
	static final int MISSING_PARAM = 4002;
	static final int INTERNAL = 8000;

	/**
	 * The error codes of one API: they differ per API (vapix-notes.md section 2). {@link #GENERAL}
	 * are the codes the virtual device used before (from Kane610/axis' models) and stays with for
	 * basic device info, API discovery and time, whose own codes are not recorded.
	 */
	record Codes(int badValue, int postOnly, int version, int method, int badJson, int missing) {
	}

	static final Codes GENERAL = new Codes(BAD_VALUE, POST_ONLY, VERSION, METHOD, BAD_JSON, MISSING_PARAM);

	private static final Gson GSON = new Gson();

	/** A parsed call; {@code params} is never null (empty when absent). */
	record Call(String apiVersion, String context, String method, JsonObject params) {
	}

	/** Thrown by handlers to answer with the error envelope. */
	static final class RpcError extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final int code;

		RpcError(int code, String message) {
			super(message, null, false, false);
			this.code = code;
		}
	}

	private JsonRpc() {
	}

	/**
	 * @param deviceVersion the version this device implements ({@code 1.1}); a request may ask for
	 *                      it or an older minor version, and the reply carries the device's version,
	 *                      not the request's (recorded: asked 1.0, API discovery answers 1.1)
	 * @throws RpcError for GET, bad JSON, a missing method or an unsupported version
	 */
	static Call parse(Request r, String deviceVersion) {
		return parse(r, deviceVersion, GENERAL);
	}

	/** @param codes the API's own error codes */
	static Call parse(Request r, String deviceVersion, Codes codes) {
		if (!"POST".equals(r.method())) {
			throw new RpcError(codes.postOnly(), "Only POST supported");
		}
		JsonObject o;
		try {
			JsonElement e = JsonParser.parseString(r.bodyText());
			if (!e.isJsonObject()) {
				throw new RpcError(codes.badJson(), "JSON input error");
			}
			o = e.getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw new RpcError(codes.badJson(), "JSON input error");
		}
		String version = string(o, "apiVersion");
		String context = string(o, "context");
		String method = string(o, "method");
		if (method == null) {
			throw new RpcError(codes.missing(), "Missing method");
		}
		JsonObject params = o.has("params") && o.get("params").isJsonObject() ? o.getAsJsonObject("params")
				: new JsonObject();
		if (version == null) {
			// Devices answer getSupportedVersions without apiVersion, and reply without one (recorded).
			if (method.equals("getSupportedVersions")) {
				return new Call(null, context, method, params);
			}
			throw new RpcError(codes.missing(), "Missing apiVersion");
		}
		if (!version.matches("1(\\.\\d+)?") || minor(version) > minor(deviceVersion)) {
			throw new RpcError(codes.version(), "The requested API version is not supported");
		}
		return new Call(deviceVersion, context, method, params);
	}

	private static int minor(String version) {
		int dot = version.indexOf('.');
		return dot < 0 ? 0 : Integer.parseInt(version.substring(dot + 1));
	}

	/** @return the string member, also accepting a JSON number, or {@code null} */
	static String string(JsonObject o, String name) {
		JsonElement e = o.get(name);
		if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
			return null;
		}
		return e.getAsString();
	}

	/** @param data the {@code data} member, or {@code null} to omit it */
	static Response ok(Call c, JsonObject data) {
		return ok(c, data, true);
	}

	/** @param echoMethod {@code false} for APIs whose replies carry no {@code method} (basic device info, recorded) */
	static Response ok(Call c, JsonObject data, boolean echoMethod) {
		JsonObject o = envelope(c.apiVersion(), c.context(), echoMethod ? c.method() : null);
		if (data != null) {
			o.add("data", data);
		}
		return Response.json(200, GSON.toJson(o), c.method());
	}

	static Response error(Request r, RpcError e, String apiVersion) {
		String method = null;
		String context = null;
		try {
			JsonObject o = JsonParser.parseString(r.bodyText()).getAsJsonObject();
			method = string(o, "method");
			context = string(o, "context");
		} catch (RuntimeException ignored) {
			// bad JSON: echo nothing
		}
		JsonObject o = envelope(apiVersion, context, method);
		JsonObject err = new JsonObject();
		err.addProperty("code", e.code);
		err.addProperty("message", e.getMessage());
		o.add("error", err);
		return Response.json(200, GSON.toJson(o), method);
	}

	private static JsonObject envelope(String apiVersion, String context, String method) {
		JsonObject o = new JsonObject();
		if (apiVersion != null) {
			o.addProperty("apiVersion", apiVersion);
		}
		if (context != null) {
			o.addProperty("context", context);
		}
		if (method != null) {
			o.addProperty("method", method);
		}
		return o;
	}
}
