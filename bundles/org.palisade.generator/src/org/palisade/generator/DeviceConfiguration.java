package org.palisade.generator;

import java.util.List;

import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.ManagedObject;

/**
 * The desired configuration of one networked device, as plain values.
 *
 * @param name        the design's device name
 * @param role        {@code camera}, {@code controller} (a door controller) or {@code speaker}
 * @param model       the catalog model name
 * @param address     the design's address (host or IPv4), or {@code null}
 * @param serial      the serial number the design expects the device to report, or {@code null}
 * @param mac         the MAC address the design expects, or {@code null}
 * @param credentials the credentials reference (never a password), or {@code null}
 * @param objects     what the device should hold, in the object model of
 *                    {@link org.palisade.deploy.vapix.driver.Conventions}
 * @param wiring      the installer's wiring sheet (cameras with wires), or {@code null}
 * @param notes       what of the design is not expressed on the device, and why
 */
public record DeviceConfiguration(String name, String role, String model, String address, String serial, String mac,
		String credentials, List<ManagedObject> objects, WiringSheet wiring, List<String> notes) {

	public DeviceConfiguration {
		objects = List.copyOf(objects);
		notes = List.copyOf(notes);
	}

	/** @return what the device at the address must report before anything is changed on it */
	public DeviceIdentity identity() {
		return new DeviceIdentity(model, serial, mac);
	}

	/** @return whether the device is a camera (speakers are only targets of recipients) */
	public boolean isCamera() {
		return "camera".equals(role);
	}
}
