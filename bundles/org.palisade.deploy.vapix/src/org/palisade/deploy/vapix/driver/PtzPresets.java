package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.DeviceUnsuitableException;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * A PTZ camera's presets as {@code preset} settings (issue #19): read from the device with
 * {@code ptz.cgi?query=presetposall}. An installer aims a preset by looking at the picture, so a
 * preset the design names without a position must exist, and plan refuses, before any change, a
 * device that lacks PTZ control (ptz.cgi answers 404) or such a preset. A preset the design gives a
 * position is compared with where the device's points (the {@code PTZ.Preset} param tree, read in
 * the read's one param.cgi list) and written when missing or elsewhere.
 */
public final class PtzPresets {

	private PtzPresets() {
	}

	/**
	 * @param wanted the preset settings of the design
	 * @param label  the model and firmware the device reported, for messages
	 */
	static List<ManagedObject> read(VapixClient client, Collection<ManagedObject> wanted, String label,
			Map<String, String> params) throws VapixException, DeviceUnsuitableException {
		Map<Integer, String> have;
		try {
			have = client.ptz().presets();
		} catch (VapixException e) {
			if (e.httpStatus() == 404) {
				throw new DeviceUnsuitableException(client.device() + " (" + label + ") has no PTZ control (ptz.cgi "
						+ "answered 404) and the design gives it presets " + keys(wanted) + ": check the model at its address");
			}
			throw e;
		}
		List<String> missing = new ArrayList<>();
		for (ManagedObject w : wanted) {
			// A preset with a position is written when missing (#19 item 2); one without is aimed by hand.
			if (!have.containsValue(w.key()) && !positioned(w)) {
				missing.add(w.key());
			}
		}
		if (!missing.isEmpty()) {
			throw new DeviceUnsuitableException(client.device() + " (" + label + ") lacks what the design needs: "
					+ (missing.size() == 1 ? "preset " : "presets ") + String.join(", ", missing)
					+ " (PTZ-PRESET-UNKNOWN); its presets: " + (have.isEmpty() ? "none" : String.join(", ", have.values()))
					+ " (aim the camera and save the preset under that name on the device, or correct the design)");
		}
		rights(client, label);
		List<ManagedObject> out = new ArrayList<>();
		Map<String, Map<String, String>> positions = positions(params);
		for (String name : have.values()) {
			// Where it points, only for a preset the design positions: the others are compared by name.
			boolean compare = wanted.stream().anyMatch(w -> w.key().equals(name) && positioned(w));
			Map<String, String> at = compare ? positions.getOrDefault(name, Map.of()) : Map.of();
			out.add(new ManagedObject(Conventions.PRESET, name, Nature.SETTING, Origin.FACTORY, at, List.of(), null));
		}
		return out;
	}

	/** The param.cgi group that holds the presets' positions (recorded, P3245-LVE@11.11). */
	static final String POSITIONS = "PTZ.Preset";

	static boolean positioned(ManagedObject preset) {
		return preset.attributes().containsKey("pan");
	}

	/**
	 * Preset positions from the param tree ([C] P3245-LVE@11.11: {@code PTZ.Preset.P0.Position.P1.Name=Home},
	 * {@code ...Data=pan=0.000000:tilt=0.000000:zoom=1.000000}). That the Data's zoom is on ptz.cgi's
	 * 1..9999 scale on a mechanical PTZ is **unconfirmed** (the recording is a digital PTZ at zoom 1);
	 * {@code ;} and {@code &} are taken as separators too, and a figure that does not parse is left
	 * out, so plan shows a change rather than a guess.
	 */
	public static Map<String, Map<String, String>> positions(Map<String, String> params) {
		Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
		java.util.regex.Pattern name = java.util.regex.Pattern.compile("PTZ\\.Preset\\.P\\d+\\.Position\\.P\\d+\\.Name");
		for (Map.Entry<String, String> e : params.entrySet()) {
			if (!name.matcher(e.getKey()).matches() || e.getValue().isBlank()) {
				continue;
			}
			String data = params.get(e.getKey().substring(0, e.getKey().length() - "Name".length()) + "Data");
			if (data == null) {
				continue;
			}
			Map<String, String> figures = new java.util.HashMap<>();
			for (String part : data.split("[:;&]")) {
				int eq = part.indexOf('=');
				if (eq > 0) {
					figures.put(part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), part.substring(eq + 1).strip());
				}
			}
			try {
				double pan = Double.parseDouble(figures.get("pan"));
				double tilt = Double.parseDouble(figures.get("tilt"));
				Integer zoom = figures.containsKey("zoom") ? (int) Math.round(Double.parseDouble(figures.get("zoom"))) : null;
				out.put(e.getValue().strip(), Conventions.presetPosition(pan, tilt, zoom));
			} catch (NumberFormatException | NullPointerException bad) {
				// left out: the preset reads as having no position, a change when the design gives one
			}
		}
		return out;
	}

	/** Writes a positioned preset: the absolute move, then the save under its name. */
	static void write(VapixClient client, ManagedObject preset) throws VapixException {
		Map<String, String> a = preset.attributes();
		client.ptz().savePresetAt(preset.key(), a.get("pan"), a.get("tilt"), a.get("zoom"));
	}

	/**
	 * The account the moving camera logs in with must be in the PTZ's group {@code ptz} (ptz.cgi needs
	 * it; [SYS]). It is the PTZ's credentials reference, the one this read logs in with, so one
	 * {@code pwdgrp.cgi?action=get} answers it at plan (SEC-PTZ-RIGHTS). An account that may not list
	 * the groups (401, 403) or a device without the call (404) is left to the move itself.
	 */
	private static void rights(VapixClient client, String label) throws VapixException, DeviceUnsuitableException {
		Map<String, List<String>> groups;
		try {
			groups = client.userAccounts().groups();
		} catch (VapixException e) {
			if (e.httpStatus() == 401 || e.httpStatus() == 403 || e.httpStatus() == 404) {
				return; // not an administrator, or no pwdgrp.cgi: the move itself will tell
			}
			throw e;
		}
		String problem = rightsProblem(client.device() + " (" + label + ")", client.user(), groups);
		if (problem != null) {
			throw new DeviceUnsuitableException(problem);
		}
	}

	/**
	 * @param groups what {@code pwdgrp.cgi?action=get} lists
	 * @return why {@code user} may not move the PTZ, or {@code null} when it is in group {@code ptz}
	 */
	public static String rightsProblem(String device, String user, Map<String, List<String>> groups) {
		if (groups.getOrDefault("ptz", List.of()).contains(user)) {
			return null;
		}
		List<String> in = groups.entrySet().stream().filter(e -> !e.getKey().equals("digusers")
				&& e.getValue().contains(user)).map(Map.Entry::getKey).toList();
		return device + ": account " + user + ", which the camera's rules log in with to move it, is not in group ptz "
				+ "(SEC-PTZ-RIGHTS); its groups: " + (in.isEmpty() ? "none" : String.join(", ", in))
				+ " (give the account PTZ control on the device, pwdgrp.cgi sgrp ...:ptz, or name an account that has it)";
	}

	private static String keys(Collection<ManagedObject> wanted) {
		return String.join(", ", wanted.stream().map(ManagedObject::key).toList());
	}
}
