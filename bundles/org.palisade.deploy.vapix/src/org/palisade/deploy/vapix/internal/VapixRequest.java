package org.palisade.deploy.vapix.internal;

import java.util.List;
import java.util.Objects;

/**
 * One logical VAPIX call.
 *
 * @param method      GET or POST
 * @param path        absolute path, e.g. {@code /axis-cgi/param.cgi}
 * @param rawQuery    already-encoded query without {@code ?}, or {@code null}
 * @param body        request body, or {@code null}
 * @param contentType body type, or {@code null}
 * @param safety      retry class
 * @param call        human name for logs and errors, e.g. {@code param.cgi list}; never values
 * @param secrets     values to mask in any device text that ends up in an exception
 * @param headers     extra header name/value pairs (flattened)
 */
public record VapixRequest(String method, String path, String rawQuery, byte[] body, String contentType,
		Safety safety, String call, List<String> secrets, List<String> headers) {

	public VapixRequest {
		Objects.requireNonNull(method);
		Objects.requireNonNull(path);
		Objects.requireNonNull(safety);
		Objects.requireNonNull(call);
		secrets = List.copyOf(secrets);
		headers = List.copyOf(headers);
	}

	public static VapixRequest get(String path, String rawQuery, Safety safety, String call) {
		return new VapixRequest("GET", path, rawQuery, null, null, safety, call, List.of(), List.of());
	}

	public static VapixRequest post(String path, byte[] body, String contentType, Safety safety, String call) {
		return new VapixRequest("POST", path, null, body, contentType, safety, call, List.of(), List.of());
	}

	public VapixRequest withSecrets(List<String> values) {
		return new VapixRequest(method, path, rawQuery, body, contentType, safety, call, values, headers);
	}

	public VapixRequest withHeaders(List<String> nameValuePairs) {
		return new VapixRequest(method, path, rawQuery, body, contentType, safety, call, secrets, nameValuePairs);
	}
}
