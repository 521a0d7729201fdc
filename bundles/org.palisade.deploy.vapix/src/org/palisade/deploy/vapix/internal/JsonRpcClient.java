package org.palisade.deploy.vapix.internal;

import java.nio.charset.StandardCharsets;

import org.palisade.deploy.vapix.VapixException;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Calls in the JSON envelope of Axis' newer APIs (vapix.md §2, §8): POST
 * {@code {apiVersion, context, method, params}}; the answer carries {@code data} or
 * {@code error{code, message}}. An error envelope is a device error whatever the HTTP status
 * (devices answer it with 200: recorded for firmware management, documented for port management).
 */
public final class JsonRpcClient {

	private static final Gson GSON = new Gson();
	private static final String CONTEXT = "palisade";

	private final HttpTransport transport;

	public JsonRpcClient(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * @param params {@code params} member, or {@code null} to omit it
	 * @return the {@code data} member, or an empty object when the reply has none
	 */
	public JsonObject call(String path, String apiVersion, String method, JsonObject params, Safety safety,
			String callName) throws VapixException {
		return call(path, apiVersion, method, params, safety, callName, java.util.Map.of());
	}

	/**
	 * @param meanings what the API's error codes mean, by code: the codes differ per API
	 *                 (vapix-notes.md section 2), so each API's client gives its own; an error's
	 *                 message then says what its code means besides the device's own text
	 */
	public JsonObject call(String path, String apiVersion, String method, JsonObject params, Safety safety,
			String callName, java.util.Map<String, String> meanings) throws VapixException {
		JsonObject o = new JsonObject();
		o.addProperty("apiVersion", apiVersion);
		o.addProperty("context", CONTEXT);
		o.addProperty("method", method);
		if (params != null) {
			o.add("params", params);
		}
		VapixRequest req = VapixRequest.post(path, GSON.toJson(o).getBytes(StandardCharsets.UTF_8),
				"application/json", safety, callName);
		VapixResponse r = transport.execute(req);
		JsonObject reply;
		try {
			JsonElement e = JsonParser.parseString(r.text());
			if (!e.isJsonObject()) {
				throw new JsonParseException("not an object");
			}
			reply = e.getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw r.ok() ? Failures.protocol(transport.device(), req, r, "response is not JSON", e)
					: Failures.httpStatus(transport.device(), req, r);
		}
		if (reply.has("error") && reply.get("error").isJsonObject()) {
			JsonObject err = reply.getAsJsonObject("error");
			String code = err.has("code") ? err.get("code").getAsString() : null;
			String message = err.has("message") ? err.get("message").getAsString() : null;
			throw Failures.deviceError(transport.device(), req, r, message, code, code == null ? null : meanings.get(code));
		}
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		return reply.has("data") && reply.get("data").isJsonObject() ? reply.getAsJsonObject("data") : new JsonObject();
	}
}
