package org.palisade.validation.internal;

import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceKind;
import org.palisade.model.site.DeviceRole;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.PinFunction;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.TerminalPolarity;
import org.palisade.model.site.TerminalSpec;

/**
 * What a device is, as the rules need to know it: read from its catalog entry.
 */
final class Devices {

	private Devices() {
	}

	/** @return the device's catalog entry, or null while it is unresolved */
	static DeviceType type(Device d) {
		DeviceType t = d == null ? null : d.getType();
		return t == null || t.eIsProxy() ? null : t;
	}

	/**
	 * @return whether a catalog model lists an application. Not {@code EList.contains}: on a
	 *         catalog's lazily linked list that resolves every proxy again on each call without
	 *         keeping the result (a twentieth of a keystroke's check at 1,000 cameras); iterating
	 *         resolves them once, in place.
	 */
	static boolean runs(DeviceType type, org.palisade.model.site.ApplicationType app) {
		for (org.palisade.model.site.ApplicationType a : type.getApplications()) {
			if (a == app) {
				return true;
			}
		}
		return false;
	}

	static boolean hasIoTerminal(Device d) {
		DeviceType t = type(d);
		return t != null && !t.getPins().isEmpty();
	}

	static PinSpec pin(DeviceType type, int number) {
		for (PinSpec p : type.getPins()) {
			if (p.getNumber() == number) {
				return p;
			}
		}
		return null;
	}

	/** @return the configurable pin that the web page calls I/O port {@code port} */
	static PinSpec pinOfPort(DeviceType type, int port) {
		for (PinSpec p : type.getPins()) {
			if (p.getFunction() == PinFunction.CONFIGURABLE && p.getPort() != null && p.getPort() == port) {
				return p;
			}
		}
		return null;
	}

	static boolean isSupply(Device d) {
		DeviceType t = type(d);
		return d.getRole() == DeviceRole.SUPPLY || t != null && t.getKind() == DeviceKind.POWER_SUPPLY;
	}

	static boolean isSensor(Device d) {
		DeviceType t = type(d);
		if (d.getRole() == DeviceRole.SENSOR) {
			return true;
		}
		return t != null && (t.getKind() == DeviceKind.PIR || t.getKind() == DeviceKind.DOOR_CONTACT
				|| t.getKind() == DeviceKind.GLASS_BREAK);
	}

	static boolean isBeacon(Device d) {
		DeviceType t = type(d);
		return d.getRole() == DeviceRole.BEACON || t != null && t.getKind() == DeviceKind.BEACON;
	}

	/** @return true for a peripheral that draws current between a + and a - terminal */
	static boolean isLoad(Device d) {
		DeviceType t = type(d);
		return t != null && !isSupply(d) && !isSensor(d) && t.getCurrent() != null
				&& terminal(t, TerminalPolarity.POSITIVE) != null && terminal(t, TerminalPolarity.NEGATIVE) != null;
	}

	static TerminalSpec terminal(DeviceType t, TerminalPolarity polarity) {
		for (TerminalSpec s : t.getTerminals()) {
			if (s.getPolarity() == polarity) {
				return s;
			}
		}
		return null;
	}
}
