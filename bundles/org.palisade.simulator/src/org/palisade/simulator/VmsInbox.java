package org.palisade.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a virtual VMS received (issue #19 item 3): each alert with how it came (a TCP generic event,
 * or an HTTP(S) call with its path and the Digest user that made it), its text and when. The
 * virtual VMS accepts every plausible form of the camera's notification (a message with or without a
 * line break; a GET, POST or PUT on any path; the text as {@code Message} argument or as the body),
 * since which one a real VMS needs is not confirmed. Thread-safe; stamped with the fleet's clock.
 */
public final class VmsInbox {

	/** One alert: {@code via} is {@code tcp} or {@code http(s) METHOD /path}; {@code user} the login, or {@code null}. */
	public record Alert(Instant at, String via, String text, String user) {
	}

	private final List<Alert> alerts = new ArrayList<>();
	private volatile Clock clock = Clock.systemUTC();

	public void clock(Clock value) {
		this.clock = value;
	}

	public synchronized Alert add(String via, String text, String user) {
		Alert a = new Alert(Instant.now(clock), via, text == null ? "" : text, user);
		alerts.add(a);
		return a;
	}

	public synchronized List<Alert> alerts() {
		return List.copyOf(alerts);
	}
}
