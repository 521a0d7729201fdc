package org.palisade.deploy;

import java.util.Locale;

/**
 * Which device the design means at an address (issue #17): its model and, when the design gives
 * them, its serial number and MAC address. A driver reads what the device reports before it
 * changes anything and refuses a device that is not this one, so a swapped cable or a replaced
 * camera is never configured as another. Values are kept as the device reports them: serial
 * numbers upper case, MAC addresses upper case with colons.
 *
 * @param model  the catalog model name, e.g. {@code AXIS Q1961-TE}, or {@code null}
 * @param serial the serial number, e.g. {@code ACCC8E012345}, or {@code null}
 * @param mac    the MAC address, e.g. {@code AC:CC:8E:01:23:45}, or {@code null}
 */
public record DeviceIdentity(String model, String serial, String mac) {

	public DeviceIdentity {
		serial = serial == null || serial.isBlank() ? null : serial.strip().toUpperCase(Locale.ROOT);
		mac = mac == null || mac.isBlank() ? null : mac.strip().toUpperCase(Locale.ROOT).replace('-', ':');
	}

	/** @return "AXIS Q1961-TE serial ACCC8E012345 MAC AC:CC:8E:01:23:45", leaving out what is unknown */
	public String describe() {
		StringBuilder b = new StringBuilder(model == null ? "a device of unknown model" : model);
		if (serial != null) {
			b.append(" serial ").append(serial);
		}
		if (mac != null) {
			b.append(" MAC ").append(mac);
		}
		return b.toString();
	}

	/**
	 * @param reported what the device says it is
	 * @return whether {@code reported} is this device: the same model (when both are known) and the
	 *         same serial and MAC where the design gives them
	 */
	public boolean matches(DeviceIdentity reported) {
		return (model == null || reported.model() == null || sameModel(model, reported.model()))
				&& (serial == null || serial.equals(reported.serial())) && (mac == null || mac.equals(reported.mac()));
	}

	private static boolean sameModel(String a, String b) {
		return a.strip().equalsIgnoreCase(b.strip());
	}
}
