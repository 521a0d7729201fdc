package org.palisade.simulator.internal;

import org.palisade.simulator.VmsInbox;

/**
 * A virtual VMS's HTTP(S) event input (issue #19 item 3): any path, any method, behind the device's
 * Digest login (the server checks it before this runs). The alert's text is the {@code Message}
 * argument the camera's notification appends, else the body, else the query: AXIS Camera Station's
 * external trigger carries its trigger name in a JSON query, and whether it tolerates the appended
 * {@code &Message=} is unconfirmed, so every form is taken.
 */
final class VmsEndpoint implements Endpoint {

	private final VmsInbox inbox;

	VmsEndpoint(VmsInbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public Response handle(Request r) {
		String text = r.query().get("Message");
		if (text == null) {
			text = r.query().get("message");
		}
		if (text == null && r.body().length > 0) {
			text = r.bodyText();
		}
		if (text == null) {
			text = String.join("&", r.query().keySet());
		}
		String user = user(r.header("Authorization"));
		inbox.add("http " + r.method() + " " + r.path(), text, user);
		return Response.text(200, "OK\n", "vms alert");
	}

	private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("username=\"([^\"]*)\"");

	/** The Digest user that made the call (the server has checked it), or {@code null}. */
	private static String user(String authorization) {
		if (authorization == null) {
			return null;
		}
		java.util.regex.Matcher m = USER.matcher(authorization);
		return m.find() ? m.group(1) : null;
	}
}
