package org.palisade.deploy.vapix;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.vapix.internal.Failures;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Redactor;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

/**
 * {@code /axis-cgi/param.cgi} (vapix.md §1).
 * <p>
 * Emitted forms: list is a GET with {@code action=list&group=a,b} (groups comma-joined, as given);
 * update is a form POST ({@code application/x-www-form-urlencoded}, as Kane610/axis does) so
 * that values stay out of URLs and device access logs; parameter names are sent as given
 * ({@code root.} optional). Accepted answers: list lines {@code [root.]Group.Param=value};
 * update {@code OK}; an error is any answer whose text starts with {@code # Error:} (or
 * {@code Error}), whatever its HTTP status.
 */
public final class ParamCgi {

	private static final String PATH = "/axis-cgi/param.cgi";

	private final HttpTransport transport;

	ParamCgi(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * @param groups groups or parameters ({@code root.} optional); none lists everything
	 * @return parameters in device order, keys without {@code root.}
	 * @throws VapixException {@code DEVICE_ERROR} if the device does not know a group
	 */
	public Map<String, String> list(String... groups) throws VapixException {
		String query = "action=list" + (groups.length == 0 ? "" : "&group=" + encode(String.join(",", groups)));
		VapixRequest req = VapixRequest.get(PATH, query, Safety.READ, "param.cgi list");
		VapixResponse r = transport.execute(req);
		String text = r.text();
		String error = errorLine(text);
		if (error != null) {
			throw Failures.deviceError(transport.device(), req, r, error, null);
		}
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		Map<String, String> out = new LinkedHashMap<>();
		for (String line : text.split("\r?\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				String key = line.substring(0, eq);
				out.put(key.startsWith("root.") ? key.substring(5) : key, line.substring(eq + 1));
			}
		}
		return out;
	}

	/**
	 * Sets parameters in one request; the device applies all or none.
	 *
	 * @param values names ({@code root.} optional) to values, sent in map order
	 * @throws VapixException {@code DEVICE_ERROR} with the device's {@code # Error:} text; values
	 *                        of secret-looking parameters are masked in it
	 */
	public void update(Map<String, String> values) throws VapixException {
		if (values.isEmpty()) {
			return;
		}
		StringBuilder form = new StringBuilder("action=update");
		List<String> secrets = new ArrayList<>();
		values.forEach((k, v) -> {
			form.append('&').append(encode(k)).append('=').append(encode(v));
			if (Redactor.isSecretName(k)) {
				secrets.add(v);
			}
		});
		VapixRequest req = VapixRequest.post(PATH, form.toString().getBytes(StandardCharsets.UTF_8),
				"application/x-www-form-urlencoded", Safety.IDEMPOTENT_WRITE, "param.cgi update").withSecrets(secrets);
		VapixResponse r = transport.execute(req);
		String text = r.text();
		String error = errorLine(text);
		if (error != null) {
			throw Failures.deviceError(transport.device(), req, r, error, null);
		}
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		boolean okLine = Arrays.stream(text.split("\r?\n")).map(String::strip).anyMatch("OK"::equalsIgnoreCase);
		if (!okLine) {
			throw Failures.protocol(transport.device(), req, r, "expected OK", null);
		}
	}

	/** @return the error text without the {@code # Error:} marker, or {@code null} */
	private static String errorLine(String text) {
		for (String line : text.split("\r?\n")) {
			String l = line.strip();
			if (l.startsWith("# Error")) {
				return l.replaceFirst("^# Error:?\\s*", "");
			}
			if (l.startsWith("Error")) {
				return l;
			}
		}
		return null;
	}

	/** Percent-encodes with {@code %20} for spaces, which every CGI parser understands. */
	static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
