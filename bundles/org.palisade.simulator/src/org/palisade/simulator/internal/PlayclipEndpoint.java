package org.palisade.simulator.internal;

import org.palisade.simulator.DeviceKind;

/**
 * {@code /axis-cgi/playclip.cgi?clip=<n>} (vapix-notes.md section 6). Answers as developer.axis.com's
 * Media clip API documents (not recorded): success is 200 {@code text/plain} starting {@code OK}
 * (the exact rest of the line is not documented for playclip.cgi: {@code OK} alone here), a bad
 * request is 400 {@code text/plain} {@code 400 Bad Request} followed by the reason on the next
 * line. Optional {@code repeat}, {@code volume}, {@code audiooutput}, {@code audiodeviceid},
 * {@code audiooutputid} arguments are accepted and ignored.
 */
final class PlayclipEndpoint implements Endpoint {

	static final String BAD_REQUEST = "400 Bad Request\n";

	private final StateStore store;

	PlayclipEndpoint(StateStore store) {
		this.store = store;
	}

	@Override
	public Response handle(Request request) {
		String clip = request.query().get("clip");
		if (store.descriptor().kind() != DeviceKind.SPEAKER) {
			return Response.text(400, BAD_REQUEST + "This device has no audio clips\n", "playclip");
		}
		if (clip == null || !clip.matches("\\d{1,3}")) {
			return Response.text(400, BAD_REQUEST + "Missing or invalid argument 'clip'\n", "playclip");
		}
		int n = Integer.parseInt(clip);
		String name = store.parameter("MediaClip.M" + n + ".Name");
		if (name == null) {
			return Response.text(400, BAD_REQUEST + "Clip " + n + " does not exist\n", "playclip");
		}
		store.addClipPlay(n, name);
		return Response.text(200, "OK\n", "playclip");
	}
}
