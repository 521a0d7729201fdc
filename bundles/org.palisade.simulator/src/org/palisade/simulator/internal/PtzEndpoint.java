package org.palisade.simulator.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.palisade.simulator.PtzHead;
import org.palisade.simulator.PtzPreset;

/**
 * {@code /axis-cgi/com/ptz.cgi} and {@code /axis-cgi/com/ptzconfig.cgi} of a virtual PTZ camera, the
 * part Palisade uses (PTZ API on developer.axis.com; solution-devices.md section 1.2):
 * {@code query=presetposall} (a title line, then {@code presetposno<n>=<name>}), {@code query=position}
 * ({@code pan=}, {@code tilt=}, {@code zoom=} lines), {@code gotoserverpresetname}, absolute
 * {@code pan}/{@code tilt}/{@code zoom}, {@code move=home}; ptzconfig's {@code setserverpresetname}
 * and {@code removeserverpresetname}. Commands answer 204 No Content, errors 200 text/plain
 * {@code Error:<message>}, as the API documents. Every move records the Digest user that asked.
 */
final class PtzEndpoint implements Endpoint {

	private static final Pattern USER = Pattern.compile("username=\"([^\"]*)\"");
	/** ptzconfig.cgi: at most 31 characters, none of {@code "<>~:}. */
	private static final Pattern NAME = Pattern.compile("[^\"<>~:]{1,31}");

	private final PtzHead head;
	private final boolean config;

	PtzEndpoint(PtzHead head, boolean config) {
		this.head = head;
		this.config = config;
	}

	@Override
	public Response handle(Request request) {
		Map<String, String> q = request.query();
		String user = user(request.header("Authorization"));
		return config ? configure(q) : command(q, user);
	}

	private Response command(Map<String, String> q, String user) {
		String query = q.get("query");
		if ("presetposall".equals(query) || "presetposcam".equals(query)) {
			StringBuilder b = new StringBuilder("Preset Positions for camera 1\n");
			head.presets().forEach((n, p) -> b.append("presetposno").append(n).append('=').append(p.name()).append('\n'));
			return Response.text(200, b.toString(), "ptz query=" + query);
		}
		if ("position".equals(query)) {
			return Response.text(200, String.format(Locale.ROOT, "pan=%.4f\ntilt=%.4f\nzoom=%d\n", head.pan(), head.tilt(),
					head.zoom()), "ptz query=position");
		}
		if (query != null) {
			return error("Unsupported query " + query, "ptz query");
		}
		String name = q.get("gotoserverpresetname");
		if (name != null) {
			PtzPreset p = head.preset(name);
			if (p == null) {
				return error("Preset " + name + " does not exist", "ptz gotoserverpresetname");
			}
			head.move(p.name(), p.pan(), p.tilt(), p.zoom(), user);
			return Response.text(204, "", "ptz gotoserverpresetname");
		}
		if ("home".equals(q.get("move"))) {
			PtzPreset home = head.preset("Home");
			head.move("Home", home.pan(), home.tilt(), home.zoom(), user);
			return Response.text(204, "", "ptz move=home");
		}
		if (q.containsKey("pan") || q.containsKey("tilt") || q.containsKey("zoom")) {
			try {
				double pan = q.containsKey("pan") ? Double.parseDouble(q.get("pan")) : head.pan();
				double tilt = q.containsKey("tilt") ? Double.parseDouble(q.get("tilt")) : head.tilt();
				int zoom = q.containsKey("zoom") ? Integer.parseInt(q.get("zoom")) : head.zoom();
				if (pan < -180 || pan > 180 || tilt < -90 || tilt > 90 || zoom < 1 || zoom > 9999) {
					return error("Position out of range", "ptz position");
				}
				head.move(null, pan, tilt, zoom, user);
				return Response.text(204, "", "ptz position");
			} catch (NumberFormatException e) {
				return error("Invalid position", "ptz position");
			}
		}
		return error("No command", "ptz");
	}

	private Response configure(Map<String, String> q) {
		String set = q.get("setserverpresetname");
		if (set != null) {
			if (!NAME.matcher(set).matches()) {
				return error("Invalid preset name", "ptzconfig setserverpresetname");
			}
			head.savePreset(set);
			return Response.text(204, "", "ptzconfig setserverpresetname");
		}
		String remove = q.get("removeserverpresetname");
		if (remove != null) {
			return head.removePreset(remove) ? Response.text(204, "", "ptzconfig removeserverpresetname")
					: error("Preset " + remove + " does not exist", "ptzconfig removeserverpresetname");
		}
		return error("No command", "ptzconfig");
	}

	private static Response error(String message, String operation) {
		return Response.text(200, "Error:" + message + "\n", operation);
	}

	/** The caller's account, from the Digest (or Basic) header that the server already checked. */
	static String user(String authorization) {
		if (authorization == null) {
			return "anonymous";
		}
		Matcher m = USER.matcher(authorization);
		if (m.find()) {
			return m.group(1);
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
						java.nio.charset.StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? decoded : decoded.substring(0, colon);
			} catch (IllegalArgumentException e) {
				return "unknown";
			}
		}
		return "unknown";
	}
}
