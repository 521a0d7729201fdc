package org.palisade.simulator.internal;

import java.nio.charset.StandardCharsets;

/**
 * What a handler answers. {@code operation} names the call for the request log.
 */
public record Response(int status, String contentType, byte[] body, String operation) {

	public static Response text(int status, String body, String operation) {
		return new Response(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), operation);
	}

	public static Response json(int status, String body, String operation) {
		return new Response(status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
				operation);
	}

	public static Response soap(int status, String body, String operation) {
		return new Response(status, "application/soap+xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
				operation);
	}
}
