package org.palisade.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An incoming request, fully read, as handlers see it.
 *
 * @param query   decoded query parameters in request order; for a form POST the form fields too
 * @param headers header names in lower case to their first value
 */
public record Request(String method, String path, Map<String, String> query, byte[] body, Map<String, String> headers) {

	/** @return the first value of a header, or {@code null} */
	public String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}

	/** @return the body decoded as UTF-8 */
	public String bodyText() {
		return new String(body, StandardCharsets.UTF_8);
	}
}
