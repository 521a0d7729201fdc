package org.palisade.simulator;

import java.time.Instant;

/**
 * One HTTP request as the virtual device saw it. Deliberately holds no query string, body or
 * header: those can carry passwords (Authorization, recipient passwords, param values).
 *
 * @param at        when the request arrived
 * @param method    HTTP method
 * @param path      request path without query, e.g. {@code /axis-cgi/param.cgi}
 * @param operation what was asked, when known: {@code list}, {@code getPorts}, {@code AddActionRule}, ...
 * @param status    HTTP status sent, or {@link #NO_RESPONSE} when the connection was dropped
 * @param fault     the injected fault, or {@code null}
 */
public record RequestRecord(Instant at, String method, String path, String operation, int status, String fault) {

	/** Status recorded when the device closed the connection without answering. */
	public static final int NO_RESPONSE = -1;
}
