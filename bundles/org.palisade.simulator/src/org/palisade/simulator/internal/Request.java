package org.palisade.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * An incoming request, fully read, as handlers see it.
 *
 * @param query decoded query parameters in request order; for a form POST the form fields too
 */
public record Request(String method, String path, Map<String, String> query, byte[] body, Headers headers) {

	/** @return the first value of a header, or {@code null} */
	public String header(String name) {
		return headers.getFirst(name);
	}

	/** @return the body decoded as UTF-8 */
	public String bodyText() {
		return new String(body, StandardCharsets.UTF_8);
	}
}
