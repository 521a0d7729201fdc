package org.palisade.simulator.internal;

import java.nio.charset.StandardCharsets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code /config/rest/cert/v1/certificates}, the Certificate Management API's collection of
 * certificates with private keys (developer.axis.com/vapix/device-configuration/certificate-management;
 * vapix-notes.md section 17): GET lists {@code {"status":"success","data":[{"alias","certificate","keystore"}]}}
 * without keys; POST adds {@code {"data":{"alias","certificate","private_key","keystore"?}}}. The
 * documented field is {@code private_key}; {@code privateKey} and {@code key} are taken too, since
 * the request shape is not recorded from a device. Errors answer
 * {@code {"status":"error","error":{"code","message"}}} (the Device Configuration framework's shape;
 * codes unconfirmed). The key is never answered, logged or kept beyond memory.
 */
final class CertificateEndpoint implements Endpoint {

	private final DeviceCertificates certificates;

	CertificateEndpoint(DeviceCertificates certificates) {
		this.certificates = certificates;
	}

	@Override
	public Response handle(Request request) {
		if ("GET".equals(request.method())) {
			JsonArray data = new JsonArray();
			certificates.list().forEach((alias, pem) -> {
				JsonObject o = new JsonObject();
				o.addProperty("alias", alias);
				o.addProperty("certificate", pem);
				o.addProperty("keystore", "SW0");
				data.add(o);
			});
			JsonObject answer = new JsonObject();
			answer.addProperty("status", "success");
			answer.add("data", data);
			return Response.json(200, answer.toString(), "cert list");
		}
		if (!"POST".equals(request.method())) {
			return error(405, "method not allowed", "cert");
		}
		JsonObject data;
		try {
			JsonElement body = JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8));
			data = body.getAsJsonObject().getAsJsonObject("data");
		} catch (RuntimeException e) {
			return error(400, "malformed JSON", "cert add");
		}
		if (data == null) {
			return error(400, "data is required", "cert add");
		}
		String key = text(data, "private_key", "privateKey", "key");
		String problem = certificates.add(text(data, "alias"), text(data, "certificate"), key);
		return problem == null ? Response.json(200, "{\"status\":\"success\"}", "cert add") : error(400, problem, "cert add");
	}

	private static String text(JsonObject o, String... names) {
		for (String n : names) {
			if (o.has(n) && o.get(n).isJsonPrimitive()) {
				return o.get(n).getAsString();
			}
		}
		return null;
	}

	private static Response error(int status, String message, String operation) {
		JsonObject error = new JsonObject();
		error.addProperty("code", status);
		error.addProperty("message", message);
		JsonObject answer = new JsonObject();
		answer.addProperty("status", "error");
		answer.add("error", error);
		return Response.json(status, answer.toString(), operation);
	}
}
