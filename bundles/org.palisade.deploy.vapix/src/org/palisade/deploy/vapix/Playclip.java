package org.palisade.deploy.vapix;

import org.palisade.deploy.vapix.internal.Failures;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Redactor;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

/**
 * {@code GET /axis-cgi/playclip.cgi?clip=<n>} (vapix.md §6): plays media clip {@code MediaClip.M<n>}.
 * Not idempotent (a repeat plays the clip again), so it is retried only when the request never
 * reached the device. developer.axis.com's Media clip API (not recorded): success is 200
 * {@code text/plain} starting {@code OK}; a bad request is 400 {@code text/plain} {@code 400 Bad Request}
 * followed by the reason, which becomes the error's device text. Any non-2xx answer, or a 2xx whose
 * text starts with {@code Error}/{@code # Error} (older firmware's form), is a device error.
 * <p>
 * Known limit: java.net.http itself replays a GET once when the connection closes before any
 * answer, so in that rare case a clip may play twice. The request stays a GET because that is
 * the form vapix.md documents for playclip.cgi.
 */
public final class Playclip {

	private final HttpTransport transport;

	Playclip(HttpTransport transport) {
		this.transport = transport;
	}

	public void play(int clip) throws VapixException {
		if (clip < 0) {
			throw new IllegalArgumentException("clip must be >= 0");
		}
		VapixRequest req = VapixRequest.get("/axis-cgi/playclip.cgi", "clip=" + clip, Safety.NON_IDEMPOTENT,
				"playclip.cgi clip=" + clip);
		VapixResponse r = transport.execute(req);
		String first = reason(r.text());
		boolean errorText = first != null && (first.startsWith("# Error") || first.startsWith("Error"));
		if (!r.ok() || errorText) {
			if (first != null && !first.isEmpty()) {
				throw Failures.deviceError(transport.device(), req, r, first.replaceFirst("^# Error:?\\s*", ""), null);
			}
			throw Failures.httpStatus(transport.device(), req, r);
		}
	}

	/** The first line that is not the {@code 400 Bad Request} status repeated in the text. */
	private static String reason(String text) {
		if (text == null) {
			return null;
		}
		for (String line : text.split("\\r?\\n")) {
			String l = line.strip();
			if (!l.isEmpty() && !l.matches("\\d{3} [A-Za-z ]+")) {
				return l;
			}
		}
		return Redactor.firstLine(text);
	}
}
