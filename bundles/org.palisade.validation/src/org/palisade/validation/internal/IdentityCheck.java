package org.palisade.validation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EAttribute;
import org.palisade.model.site.Device;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;

/**
 * A device's serial number and MAC address as the design gives them (issue #17): plan and deploy
 * refuse a device whose reported identity differs, so a malformed value, or one value given to two
 * devices, would refuse every device or let the wrong one through. Axis serial numbers are the
 * twelve hexadecimal digits of the label's S/N (the same digits as the MAC address); a MAC is
 * written as six pairs of hexadecimal digits separated by colons or dashes.
 */
public final class IdentityCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;
	private static final Pattern SERIAL = Pattern.compile("[0-9A-Fa-f]{12}");
	private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}");

	private IdentityCheck() {
	}

	/** @return the serial in the form devices report it (upper case), or {@code null} when malformed */
	public static String normalSerial(String serial) {
		return serial != null && SERIAL.matcher(serial).matches() ? serial.toUpperCase(Locale.ROOT) : null;
	}

	/** @return the MAC as {@code AC:CC:8E:01:23:45}, or {@code null} when malformed */
	public static String normalMac(String mac) {
		return mac != null && MAC.matcher(mac).matches() ? mac.toUpperCase(Locale.ROOT).replace('-', ':') : null;
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		Map<String, List<Device>> serials = new HashMap<>();
		Map<String, List<Device>> macs = new HashMap<>();
		for (Device d : site.devices()) {
			String s = normalSerial(d.getSerial());
			if (s != null) {
				serials.computeIfAbsent(s, k -> new ArrayList<>(1)).add(d);
			}
			String m = normalMac(d.getMac());
			if (m != null) {
				macs.computeIfAbsent(m, k -> new ArrayList<>(1)).add(d);
			}
		}
		for (Device d : section.getDevices()) {
			if (d.getSerial() != null) {
				String s = normalSerial(d.getSerial());
				if (s == null) {
					findings.error(Codes.NET_IDENTITY, d, P.getDevice_Serial(), "serial \"" + d.getSerial() + "\" of "
							+ d.getName() + " is not an Axis serial number (12 hexadecimal digits, as the label's S/N: "
							+ "ACCC8E012345)");
				} else {
					shared(d, serials.get(s), "serial number " + s, P.getDevice_Serial(), findings);
				}
			}
			if (d.getMac() != null) {
				String m = normalMac(d.getMac());
				if (m == null) {
					findings.error(Codes.NET_IDENTITY, d, P.getDevice_Mac(), "mac \"" + d.getMac() + "\" of " + d.getName()
							+ " is not a MAC address (six pairs of hexadecimal digits: AC:CC:8E:01:23:45)");
				} else {
					shared(d, macs.get(m), "MAC address " + m, P.getDevice_Mac(), findings);
				}
			}
		}
	}

	private static void shared(Device d, List<Device> same, String what, EAttribute feature, Findings findings) {
		if (same != null && same.size() > 1) {
			List<String> others = same.stream().filter(o -> o != d).map(Device::getName).toList();
			findings.error(Codes.NET_IDENTITY, d, feature, d.getName() + " and " + String.join(", ", others)
					+ " have the " + what + "; one device has one identity, so one of them names the wrong device");
		}
	}
}
