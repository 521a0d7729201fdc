package org.palisade.simulator.internal;

import org.palisade.simulator.DeviceKind;

/**
 * {@code /axis-cgi/playclip.cgi?clip=<n>} (vapix.md §6). 200 with an empty body when clip
 * {@code MediaClip.M<n>} exists on a speaker, and the play is recorded; otherwise 400 with a
 * one-line {@code # Error: ...} text (error status and body are unconfirmed). Optional
 * {@code repeat}, {@code volume}, {@code audiooutput}, {@code audiodeviceid},
 * {@code audiooutputid} arguments are accepted and ignored.
 */
final class PlayclipEndpoint implements Endpoint {

	private final StateStore store;

	PlayclipEndpoint(StateStore store) {
		this.store = store;
	}

	@Override
	public Response handle(Request request) {
		String clip = request.query().get("clip");
		if (store.descriptor().kind() != DeviceKind.SPEAKER) {
			return Response.text(400, "# Error: This device has no audio clips\n", "playclip");
		}
		if (clip == null || !clip.matches("\\d{1,3}")) {
			return Response.text(400, "# Error: Missing or invalid argument 'clip'\n", "playclip");
		}
		int n = Integer.parseInt(clip);
		String name = store.parameter("MediaClip.M" + n + ".Name");
		if (name == null) {
			return Response.text(400, "# Error: Clip " + n + " does not exist\n", "playclip");
		}
		store.addClipPlay(n, name);
		return Response.text(200, "", "playclip");
	}
}
