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
 * {@code ptz.cgi?query=presetposall}, never invented. An installer aims a preset by looking at the
 * picture, so the design names the presets the camera's rules move to, and plan refuses, before any
 * change, a device that lacks PTZ control (ptz.cgi answers 404) or one of those presets.
 */
final class PtzPresets {

	private PtzPresets() {
	}

	/**
	 * @param wanted the preset settings of the design
	 * @param label  the model and firmware the device reported, for messages
	 */
	static List<ManagedObject> read(VapixClient client, Collection<ManagedObject> wanted, String label)
			throws VapixException, DeviceUnsuitableException {
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
			if (!have.containsValue(w.key())) {
				missing.add(w.key());
			}
		}
		if (!missing.isEmpty()) {
			throw new DeviceUnsuitableException(client.device() + " (" + label + ") lacks what the design needs: "
					+ (missing.size() == 1 ? "preset " : "presets ") + String.join(", ", missing)
					+ " (PTZ-PRESET-UNKNOWN); its presets: " + (have.isEmpty() ? "none" : String.join(", ", have.values()))
					+ " (aim the camera and save the preset under that name on the device, or correct the design)");
		}
		List<ManagedObject> out = new ArrayList<>();
		for (String name : have.values()) {
			out.add(new ManagedObject(Conventions.PRESET, name, Nature.SETTING, Origin.FACTORY, Map.of(), List.of(), null));
		}
		return out;
	}

	private static String keys(Collection<ManagedObject> wanted) {
		return String.join(", ", wanted.stream().map(ManagedObject::key).toList());
	}
}
