package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.DeviceUnsuitableException;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * Which device answers at an address, asked before anything else of it (issue #17): basic device
 * info's getAllUnrestrictedProperties (ProdShortName, SerialNumber, Version; vapix-notes.md
 * "Identity"), and the MAC address from param.cgi {@code Network.eth0.MACAddress} only when the
 * design gives one. A device that is not the design's is refused with both identities named; the
 * caller has then sent nothing but these reads. Commissioning asks basic device info (a factory-new
 * device answers it without a password); the deploy driver, which holds the device's credentials,
 * lists the same values from param.cgi in its first request ({@link #groups}, #16).
 */
final class IdentityCheck {

	private static final String MAC = "Network.eth0.MACAddress";
	/** Model, serial number and firmware in param.cgi (the names devices before AXIS OS 8.40 have too). */
	private static final List<String> GROUPS = List.of("Brand", "Properties.System.SerialNumber",
			"Properties.Firmware.Version");

	/** What the device said it is, with its firmware for messages. */
	record Reported(DeviceIdentity identity, String firmware) {
		/** @return "AXIS Q1961-TE, AXIS OS 11.11.73", as capability messages name a device */
		String label() {
			return (identity.model() == null ? "model unknown" : identity.model()) + ", AXIS OS "
					+ (firmware == null ? "?" : firmware);
		}
	}

	private IdentityCheck() {
	}

	/**
	 * @param expected what the design says is there, or {@code null} to only read the identity
	 * @param where    the design's address of the device, or {@code null} (then the address reached)
	 * @throws DeviceUnsuitableException when the device is another one
	 */
	static Reported check(VapixClient client, DeviceIdentity expected, String where)
			throws VapixException, DeviceUnsuitableException {
		Map<String, String> p;
		try {
			p = client.basicDeviceInfo().getAllUnrestrictedProperties();
		} catch (VapixException e) {
			if (e.httpStatus() != 404 && !"2004".equals(e.deviceCode())) {
				throw e;
			}
			// Before AXIS OS 8.40 there is no basic device info: the same values from param.cgi.
			p = properties(client.paramCgi().list(GROUPS.toArray(String[]::new)));
		}
		String mac = null;
		if (expected != null && expected.mac() != null) {
			mac = client.paramCgi().list(MAC).get(MAC);
		}
		return verdict(client, p, mac, expected, where);
	}

	/**
	 * The param.cgi groups that tell which device answers, for a caller that lists them together
	 * with what it reads anyway (#16: the driver's first read costs no request of its own for it).
	 */
	static List<String> groups(DeviceIdentity expected) {
		List<String> g = new ArrayList<>(GROUPS);
		if (expected != null && expected.mac() != null) {
			g.add(MAC);
		}
		return g;
	}

	/**
	 * As {@link #check(VapixClient, DeviceIdentity, String)}, from a param.cgi list that held
	 * {@link #groups(DeviceIdentity)}.
	 */
	static Reported check(VapixClient client, Map<String, String> listed, DeviceIdentity expected, String where)
			throws DeviceUnsuitableException {
		String mac = expected != null && expected.mac() != null ? listed.get(MAC) : null;
		return verdict(client, properties(listed), mac, expected, where);
	}

	/** Basic device info's names for what param.cgi lists in {@link #GROUPS}. */
	private static Map<String, String> properties(Map<String, String> l) {
		return Map.of("ProdShortName", l.getOrDefault("Brand.ProdShortName", ""),
				"Brand", l.getOrDefault("Brand.Brand", ""), "ProdNbr", l.getOrDefault("Brand.ProdNbr", ""),
				"SerialNumber", l.getOrDefault("Properties.System.SerialNumber", ""),
				"Version", l.getOrDefault("Properties.Firmware.Version", ""));
	}

	private static Reported verdict(VapixClient client, Map<String, String> p, String mac, DeviceIdentity expected,
			String where) throws DeviceUnsuitableException {
		String model = model(p, expected == null ? null : expected.model());
		Reported reported = new Reported(new DeviceIdentity(model, blankToNull(p.get("SerialNumber")), mac),
				blankToNull(p.get("Version")));
		if (expected != null && !expected.matches(reported.identity())) {
			String at = where != null ? where : client.baseUri().getAuthority();
			String reached = where != null && !client.baseUri().getAuthority().equals(where)
					? " (reached at " + client.baseUri().getAuthority() + ")" : "";
			throw new DeviceUnsuitableException(client.device() + " at " + at + reached + " is "
					+ reportedAs(reported.identity(), expected) + ", the design expects " + expected.describe()
					+ "; nothing was changed on it: check which device is cabled to that address, or correct the design");
		}
		return reported;
	}

	/**
	 * The device's model as the design would name it: its short name (AXIS P3719-PLE), or brand and
	 * product number where those are what the design names.
	 */
	private static String model(Map<String, String> p, String expected) {
		String shortName = blankToNull(p.get("ProdShortName"));
		String brand = blankToNull(p.get("Brand"));
		String number = blankToNull(p.get("ProdNbr"));
		String byNumber = brand != null && number != null ? brand + " " + number : number;
		if (expected != null && byNumber != null && byNumber.equalsIgnoreCase(expected.strip())) {
			return byNumber;
		}
		return shortName != null ? shortName : byNumber;
	}

	/** The reported identity, naming what the design names (a serial the design does not give is shown too). */
	private static String reportedAs(DeviceIdentity reported, DeviceIdentity expected) {
		String s = reported.model() == null ? "a device of unknown model" : reported.model();
		s += " serial " + (reported.serial() == null ? "unknown" : reported.serial());
		if (expected.mac() != null) {
			s += " MAC " + (reported.mac() == null ? "unknown" : reported.mac());
		}
		return s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
