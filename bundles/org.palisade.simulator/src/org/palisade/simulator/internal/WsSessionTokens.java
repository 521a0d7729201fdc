package org.palisade.simulator.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /axis-cgi/wssession.cgi}: a short-lived token that lets a client which cannot answer a
 * Digest challenge on a WebSocket handshake (a browser) open the event stream with
 * {@code ?wssession=<token>} instead ([ESW]: valid for 15 s). A token is taken by the first
 * handshake that shows it, so a leaked URL cannot be replayed.
 */
final class WsSessionTokens {

	static final Duration LIFETIME = Duration.ofSeconds(15);

	private final SecureRandom random = new SecureRandom();
	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
	private final Clock clock;

	WsSessionTokens(Clock clock) {
		this.clock = clock;
	}

	/** The endpoint: a GET (authenticated like every CGI) answers a new token as plain text. */
	Response issue(Request request) {
		if (!"GET".equals(request.method())) {
			return Response.text(405, "405 Method Not Allowed\n", "wssession");
		}
		return Response.text(200, issue(LIFETIME), "wssession");
	}

	/** @return a new token, valid for {@code lifetime} and for one handshake */
	String issue(Duration lifetime) {
		Instant now = clock.instant();
		tokens.values().removeIf(expiry -> expiry.isBefore(now));
		byte[] b = new byte[16];
		random.nextBytes(b);
		String token = HexFormat.of().formatHex(b);
		tokens.put(token, now.plus(lifetime));
		return token;
	}

	/** @return whether the token was issued, has not expired, and was not used; it is used up now */
	boolean take(String token) {
		if (token == null) {
			return false;
		}
		Instant expiry = tokens.remove(token);
		return expiry != null && !expiry.isBefore(clock.instant());
	}
}
