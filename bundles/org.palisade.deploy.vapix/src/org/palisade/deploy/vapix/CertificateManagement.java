package org.palisade.deploy.vapix;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.vapix.internal.Failures;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The Certificate Management API ({@code /config/rest/cert/v1}, a Device Configuration API;
 * developer.axis.com/vapix/device-configuration/certificate-management, vapix-notes.md section 17):
 * certificates with private keys are added to the {@code certificates} collection as PEM text
 * ({@code POST .../certificates} with {@code {"data":{"alias","certificate","private_key"}}}) and
 * listed without their keys. Which certificate the web server presents is chosen elsewhere
 * ({@link ParamCgi}: {@code HTTPS.Certificate}). The private key is registered as the request's
 * secret, so no message of the transport repeats it; the page says to use it over HTTPS only.
 */
public final class CertificateManagement {

	static final String PATH = "/config/rest/cert/v1/certificates";

	private final HttpTransport transport;

	CertificateManagement(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Adds a certificate with its private key under an alias.
	 *
	 * @param certificate PEM, the leaf first (a chain may follow)
	 * @param privateKey  PEM; the caller clears it
	 */
	public void add(String alias, String certificate, char[] privateKey) throws VapixException {
		String key = new String(privateKey);
		JsonObject data = new JsonObject();
		data.addProperty("alias", alias);
		data.addProperty("certificate", certificate);
		data.addProperty("private_key", key);
		JsonObject body = new JsonObject();
		body.add("data", data);
		String json = body.toString();
		// The key as it stands in the JSON text too (newlines escaped), so neither form is ever repeated.
		String quoted = new JsonPrimitive(key).toString();
		VapixRequest req = VapixRequest.post(PATH, json.getBytes(StandardCharsets.UTF_8), "application/json",
				Safety.NON_IDEMPOTENT, "cert add " + alias)
				.withSecrets(List.of(key, quoted.substring(1, quoted.length() - 1)));
		check(req, transport.execute(req));
	}

	/** @return alias to PEM certificate of every certificate with a private key (never the keys) */
	public Map<String, String> list() throws VapixException {
		VapixRequest req = VapixRequest.get(PATH, null, Safety.READ, "cert list");
		JsonObject answer = check(req, transport.execute(req));
		Map<String, String> out = new LinkedHashMap<>();
		JsonElement data = answer.get("data");
		if (data != null && data.isJsonArray()) {
			for (JsonElement e : data.getAsJsonArray()) {
				JsonObject o = e.getAsJsonObject();
				out.put(o.get("alias").getAsString(), o.has("certificate") ? o.get("certificate").getAsString() : "");
			}
		}
		return out;
	}

	private JsonObject check(VapixRequest req, VapixResponse r) throws VapixException {
		JsonObject answer;
		try {
			answer = JsonParser.parseString(r.text() == null ? "" : r.text()).getAsJsonObject();
		} catch (RuntimeException e) {
			if (!r.ok()) {
				throw Failures.httpStatus(transport.device(), req, r);
			}
			throw Failures.protocol(transport.device(), req, r, "a Device Configuration answer (JSON)", e);
		}
		// {"status":"error","error":{"code":...,"message":...}} on failure, as the Device Configuration APIs answer.
		if (!r.ok() || !"success".equals(answer.has("status") ? answer.get("status").getAsString() : null)) {
			JsonObject error = answer.has("error") && answer.get("error").isJsonObject() ? answer.getAsJsonObject("error")
					: new JsonObject();
			String message = error.has("message") ? error.get("message").getAsString() : "HTTP " + r.status();
			String code = error.has("code") ? error.get("code").getAsString() : null;
			throw Failures.deviceError(transport.device(), req, r, message, code);
		}
		return answer;
	}
}
