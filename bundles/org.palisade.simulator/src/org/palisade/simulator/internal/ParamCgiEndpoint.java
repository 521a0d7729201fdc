package org.palisade.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /axis-cgi/param.cgi}: {@code action=list} and {@code action=update}, by GET query or by a
 * POST body of any Content-Type (vapix.md §1, vapix-notes.md section 1).
 * <p>
 * Shapes: list answers 200 text/plain {@code root.Group.Param=value} lines; groups are comma
 * separated, {@code root.} optional, a group matches itself and everything under it. An unknown
 * group makes the whole answer a single {@code # Error: Error -1 getting param in group '<g>'}
 * line (200), as acap-rs expects ("if any group is invalid, an error is returned"). Update answers
 * {@code OK}; any bad name or value answers one {@code # Error: ...} line with HTTP 200 and
 * changes nothing (the status of update errors is unconfirmed; clients should accept both).
 * {@code add}/{@code remove} of dynamic groups is unconfirmed and answered with an error.
 */
final class ParamCgiEndpoint implements Endpoint {

	private final StateStore store;
	private final DeviceCertificates certificates;

	ParamCgiEndpoint(StateStore store) {
		this(store, null);
	}

	/** @param certificates what {@code HTTPS.Certificate} chooses among, or {@code null} */
	ParamCgiEndpoint(StateStore store, DeviceCertificates certificates) {
		this.store = store;
		this.certificates = certificates;
	}

	@Override
	public Response handle(Request request) {
		String action = request.query().get("action");
		if ("list".equals(action)) {
			return list(request.query().get("group"));
		}
		if ("update".equals(action)) {
			return update(request.query());
		}
		return Response.text(200, "# Error: Unsupported action '" + (action == null ? "" : action) + "'\n",
				action == null ? "param.cgi" : action);
	}

	/**
	 * Each group is answered in the form it was asked: with {@code root.} when asked with it (or for
	 * a full listing), without it otherwise (recorded: {@code group=Properties.Image.Resolution}
	 * answers {@code Properties.Image.Resolution=...}; vapix-notes.md section 1).
	 */
	private Response list(String groups) {
		Map<String, String> all = store.parameters();
		if (store.ptz() != null) {
			// A PTZ's presets as the recorded PTZ.Preset tree lists them (P3245-LVE@11.11, #19), from the head.
			all = new LinkedHashMap<>(all);
			all.put("PTZ.Preset.P0.HomePosition", "1");
			for (Map.Entry<Integer, org.palisade.simulator.PtzPreset> e : store.ptz().presets().entrySet()) {
				String at = "PTZ.Preset.P0.Position.P" + e.getKey() + ".";
				all.put(at + "Data", String.format(java.util.Locale.ROOT, "pan=%.6f:tilt=%.6f:zoom=%.6f",
						e.getValue().pan(), e.getValue().tilt(), (double) e.getValue().zoom()));
				all.put(at + "Name", e.getValue().name());
			}
		}
		StringBuilder out = new StringBuilder();
		List<String> wanted = new ArrayList<>();
		if (groups == null || groups.isBlank()) {
			wanted.add("root");
		} else {
			for (String g : groups.split(",")) {
				wanted.add(g.trim());
			}
		}
		for (String asked : wanted) {
			boolean rooted = asked.equals("root") || asked.startsWith("root.");
			String g = asked.equals("root") ? "" : StateStore.stripRoot(asked);
			String prefix = rooted ? "root." : "";
			boolean found = false;
			for (Map.Entry<String, String> e : all.entrySet()) {
				String k = e.getKey();
				if (g.isEmpty() || k.equals(g) || k.startsWith(g + ".")) {
					out.append(prefix).append(k).append('=').append(e.getValue()).append('\n');
					found = true;
				}
			}
			if (!found) {
				return Response.text(200, "# Error: Error -1 getting param in group '" + asked + "'\n", "list");
			}
		}
		return Response.text(200, out.toString(), "list");
	}

	private Response update(Map<String, String> query) {
		Map<String, String> values = new LinkedHashMap<>();
		query.forEach((k, v) -> {
			if (!k.equals("action") && !k.equals("usergroup")) {
				values.put(StateStore.stripRoot(k), v);
			}
		});
		if (values.isEmpty()) {
			return Response.text(200, "# Error: No parameters to update\n", "update");
		}
		String error = store.atomically(() -> {
			for (Map.Entry<String, String> e : values.entrySet()) {
				String problem = validate(e.getKey(), e.getValue());
				if (problem != null) {
					return problem;
				}
			}
			String alias = values.get(NetworkParams.HTTPS_CERTIFICATE);
			if (alias != null && certificates != null) {
				String chosen = certificates.choose(alias);
				if (chosen != null) {
					return "# Error: Error setting 'root." + NetworkParams.HTTPS_CERTIFICATE + "' to '" + alias + "'! "
							+ chosen + "\n";
				}
			}
			store.setParameters(values);
			// The interface's own address follows the configured one (a static address applies at once here).
			for (String k : new String[] { "IPAddress", "SubnetMask" }) {
				if (values.containsKey("Network." + k)) {
					store.setParameters(Map.of("Network.eth0." + k, values.get("Network." + k)));
				}
			}
			for (String k : values.keySet()) {
				// A changed direction or active level puts the output back to its inactive state.
				if (k.matches("IOPort\\.I\\d+\\.(Direction|Output\\.Active)")) {
					store.resetOutputState(Integer.parseInt(k.substring(8, k.indexOf('.', 8))));
				}
			}
			return null;
		});
		// Recorded: the two bytes "OK", no newline.
		return error == null ? Response.text(200, "OK", "update") : Response.text(200, error, "update");
	}

	/** @return the Axis-style error line, or {@code null} when the value is acceptable */
	private String validate(String key, String value) {
		String shown = Redaction.isSecretName(key) ? "***" : value;
		String prefix = "# Error: Error setting 'root." + key + "' to '" + shown + "'! ";
		if (store.parameter(key) == null) {
			return prefix + "Parameter does not exist\n";
		}
		if (store.isReadOnly(key)) {
			return prefix + "Parameter is read-only\n";
		}
		Set<String> allowed = ParamDefaults.allowedValues(key);
		if (allowed != null && !allowed.contains(value)) {
			return prefix + "Invalid value\n";
		}
		String network = NetworkParams.problem(key, value);
		if (network != null) {
			return prefix + network + "\n";
		}
		if ((key.equals(NetworkParams.HTTPS_ENABLED) && "yes".equals(value)
				|| key.startsWith(NetworkParams.POLICY) && "https".equals(value)) && !store.descriptor().hasCertificate()) {
			return prefix + "No certificate installed\n";
		}
		if (ParamDefaults.isNumeric(key) && !value.matches("\\d{1,9}")) {
			return prefix + "Invalid value\n";
		}
		if (key.endsWith(".Direction") && !value.equals(store.parameter(key))) {
			String configurable = key.substring(0, key.length() - "Direction".length()) + "Configurable";
			if (!"yes".equals(store.parameter(configurable))) {
				return prefix + "Port is not configurable\n";
			}
		}
		return null;
	}
}
