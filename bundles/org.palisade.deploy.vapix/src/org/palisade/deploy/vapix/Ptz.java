package org.palisade.deploy.vapix;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.vapix.internal.Failures;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Redactor;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

/**
 * The PTZ API's reads and moves ({@code /axis-cgi/com/ptz.cgi}, PTZ API on developer.axis.com;
 * solution-devices.md section 1.2): the preset list ({@code query=presetposall}: a title line, then
 * {@code presetposno<n>=<name>} lines), the position ({@code query=position}: {@code pan=},
 * {@code tilt=}, {@code zoom=} lines) and a move to a named preset ({@code gotoserverpresetname},
 * 204 No Content). An error is a 200 {@code text/plain} answer starting {@code Error:}; a device
 * without PTZ answers 404.
 */
public final class Ptz {

	private static final String PATH = "/axis-cgi/com/ptz.cgi";

	private final HttpTransport transport;

	Ptz(HttpTransport transport) {
		this.transport = transport;
	}

	/** @return preset number to name, in the device's order */
	public Map<Integer, String> presets() throws VapixException {
		Map<Integer, String> out = new LinkedHashMap<>();
		for (String line : read("query=presetposall", "ptz.cgi query=presetposall")) {
			int eq = line.indexOf('=');
			if (line.startsWith("presetposno") && eq > 11) {
				try {
					out.put(Integer.parseInt(line.substring(11, eq)), line.substring(eq + 1).strip());
				} catch (NumberFormatException e) {
					// not a preset line
				}
			}
		}
		return out;
	}

	/** @return {@code pan}, {@code tilt}, {@code zoom} (and whatever else the device lists) */
	public Map<String, String> position() throws VapixException {
		Map<String, String> out = new LinkedHashMap<>();
		for (String line : read("query=position", "ptz.cgi query=position")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
			}
		}
		return out;
	}

	/** Moves to a named preset; not idempotent in effect (the head moves), so retried only when unsent. */
	public void gotoPreset(String name) throws VapixException {
		String q = "gotoserverpresetname=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		VapixRequest req = VapixRequest.get(PATH, q, Safety.NON_IDEMPOTENT, "ptz.cgi gotoserverpresetname");
		check(req, transport.execute(req));
	}

	/**
	 * Moves the head to an absolute position ({@code pan}, {@code tilt} in degrees, {@code zoom}
	 * 1..9999 or {@code null} to keep it), then saves it under a preset name
	 * ({@code ptzconfig.cgi?setserverpresetname=}, which overwrites a preset of that name): the PTZ
	 * API's way of making a preset at a position ([PTZ]; solution-devices.md section 1.2). Saving the
	 * same place again leaves the same preset, so the pair is idempotent in effect.
	 */
	public void savePresetAt(String name, String pan, String tilt, String zoom) throws VapixException {
		String q = "pan=" + pan + "&tilt=" + tilt + (zoom == null ? "" : "&zoom=" + zoom);
		VapixRequest move = VapixRequest.get(PATH, q, Safety.IDEMPOTENT_WRITE, "ptz.cgi absolute move");
		check(move, transport.execute(move));
		VapixRequest save = VapixRequest.get("/axis-cgi/com/ptzconfig.cgi", "setserverpresetname="
				+ URLEncoder.encode(name, StandardCharsets.UTF_8), Safety.IDEMPOTENT_WRITE, "ptzconfig.cgi setserverpresetname");
		check(save, transport.execute(save));
	}

	private List<String> read(String query, String call) throws VapixException {
		VapixRequest req = VapixRequest.get(PATH, query, Safety.READ, call);
		VapixResponse r = transport.execute(req);
		check(req, r);
		List<String> lines = new ArrayList<>();
		for (String line : r.text().split("\r?\n")) {
			if (!line.isBlank()) {
				lines.add(line.strip());
			}
		}
		return lines;
	}

	private void check(VapixRequest req, VapixResponse r) throws VapixException {
		String first = Redactor.firstLine(r.text());
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		if (first != null && (first.startsWith("Error") || first.startsWith("# Error"))) {
			throw Failures.deviceError(transport.device(), req, r, first.replaceFirst("^#? ?Error:?\\s*", ""), null);
		}
	}
}
