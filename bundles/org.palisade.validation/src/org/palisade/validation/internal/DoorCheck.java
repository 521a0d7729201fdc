package org.palisade.validation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceKind;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Door;
import org.palisade.model.site.DoorAction;
import org.palisade.model.site.DoorCommand;
import org.palisade.model.site.DoorTrigger;
import org.palisade.model.site.LockKind;
import org.palisade.model.site.Network;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PinFunction;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.RelaySupply;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.Wire;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;

/**
 * A door controller's doors and the rules that act on them (issue #19): the door count, lock
 * options and relay limits of the controller's catalog entry (AXIS A1601: two doors; a "Relay" lock
 * on one door only, and with two doors on the second; relays 30 V DC, 2 A; the relay power jumper
 * and the AUX 12 V share 1600 mA at 12 V or 800 mA at 24 V on DC IN, half on PoE; door monitor
 * cable up to 30 m), door alarms that need a door monitor, a lockdown that nothing releases, and
 * the door commands another device sends (the controller must be reachable and have credentials
 * by reference). Figures and sources: solution-devices.md section 2.
 */
public final class DoorCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	private DoorCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		for (Device d : section.getDevices()) {
			if (!d.getDoors().isEmpty()) {
				doors(d, findings);
			}
			for (Rule r : d.getRules()) {
				if (r.getTrigger() instanceof DoorTrigger t) {
					trigger(d, r, t, findings);
				}
				if (r.getAction() instanceof DoorAction a) {
					action(d, r, a, site, findings);
				}
			}
		}
	}

	private static void doors(Device d, Findings findings) {
		DeviceType type = type(d);
		if (type == null) {
			return;
		}
		if (type.getKind() != DeviceKind.DOOR_CONTROLLER) {
			findings.error(Codes.DOOR_TARGET, d.getDoors().get(0), P.getDoor_Name(), "door " + d.getDoors().get(0).getName()
					+ " on " + d.getName() + ", which is " + model(d) + ", not a door controller; doors belong to a door controller");
			return;
		}
		List<Door> doors = d.getDoors();
		Integer max = type.getDoors();
		if (max != null && doors.size() > max) {
			findings.error(Codes.DOOR_COUNT, doors.get(max), P.getDoor_Name(), d.getName() + " has " + doors.size()
					+ " doors; " + type.getName() + " drives at most " + max);
		}
		List<Door> relay = doors.stream().filter(x -> x.getLock() == LockKind.RELAY).toList();
		if (relay.size() > 1) {
			findings.error(Codes.DOOR_RELAY_LOCK, relay.get(1), P.getDoor_Lock(), "doors " + relay.get(0).getName() + " and "
					+ relay.get(1).getName() + " both use a relay lock; " + type.getName() + " takes the relay lock on one lock only");
		} else if (relay.size() == 1 && doors.size() >= 2 && doors.indexOf(relay.get(0)) != 1) {
			findings.error(Codes.DOOR_RELAY_LOCK, relay.get(0), P.getDoor_Lock(), "door " + relay.get(0).getName()
					+ " is door " + (doors.indexOf(relay.get(0)) + 1) + " of 2 and uses a relay lock; with two doors "
					+ type.getName() + " takes the relay lock only on the second door's lock");
		}
		for (Door door : doors) {
			if (door.getLock() == LockKind.RELAY) {
				relayLimits(d, type, door, findings);
			}
			if (door.getMonitorCable() != null && type.getMonitorCableMax() != null
					&& door.getMonitorCable() > type.getMonitorCableMax()) {
				findings.warning(Codes.DOOR_MONITOR_CABLE, door, P.getDoor_MonitorCable(), "door " + door.getName()
						+ ": " + fmt(door.getMonitorCable()) + " m of door monitor cable; " + type.getName()
						+ " recommends at most " + fmt(type.getMonitorCableMax()) + " m");
			}
		}
		budget(d, type, findings);
	}

	private static void relayLimits(Device d, DeviceType type, Door door, Findings findings) {
		Double v = door.getLockVoltage();
		Double ma = door.getLockCurrent();
		if (v != null && type.getRelayMaxVoltage() != null && v > type.getRelayMaxVoltage()) {
			findings.error(Codes.DOOR_RELAY_LIMIT, door, P.getDoor_LockVoltage(), "door " + door.getName() + ": a "
					+ fmt(v) + " V lock on a relay of " + type.getName() + ", which switches at most "
					+ fmt(type.getRelayMaxVoltage()) + " V DC");
		}
		if (ma != null && type.getRelayMaxCurrent() != null && ma > type.getRelayMaxCurrent()) {
			findings.error(Codes.DOOR_RELAY_LIMIT, door, P.getDoor_LockCurrent(), "door " + door.getName() + ": the lock draws "
					+ fmt(ma) + " mA; a relay of " + type.getName() + " switches at most " + fmt(type.getRelayMaxCurrent()) + " mA");
		}
	}

	/**
	 * The relay power jumper feeds the powered relay locks, and the AUX 12 V pin shares its supply:
	 * the catalog gives the current per voltage (1600 mA at 12 V, 800 mA at 24 V on DC IN: the same
	 * 19.2 W), so locks at either voltage and the AUX loads are added as power.
	 */
	private static void budget(Device d, DeviceType type, Findings findings) {
		if (type.getRelaySupplies().isEmpty()) {
			return;
		}
		boolean poe = d.getSupply() != null && d.getSupply().isPoe();
		double watts = 0;
		List<String> parts = new ArrayList<>();
		Door last = null;
		for (Door door : d.getDoors()) {
			if (!door.isPowered()) {
				continue;
			}
			last = door;
			if (door.getLock() != LockKind.RELAY) {
				findings.error(Codes.DOOR_POWER_BUDGET, door, P.getDoor_Powered(), "door " + door.getName() + ": 'powered' "
						+ "means fed by the relay power jumper, which feeds a relay lock; this lock is on the lock connector");
				continue;
			}
			Double v = door.getLockVoltage();
			Double ma = door.getLockCurrent();
			RelaySupply s = v == null ? null : supply(type, v);
			if (v == null || ma == null) {
				findings.error(Codes.DOOR_POWER_BUDGET, door, P.getDoor_Powered(), "door " + door.getName()
						+ ": a powered lock needs its voltage and current ('lock relay fail-secure 12 V 500 mA powered')");
				continue;
			}
			if (s == null) {
				findings.error(Codes.DOOR_POWER_BUDGET, door, P.getDoor_LockVoltage(), "door " + door.getName() + ": the relay "
						+ "power jumper of " + type.getName() + " gives " + voltages(type) + ", not " + fmt(v) + " V");
				continue;
			}
			watts += v * ma / 1000;
			parts.add(door.getName() + " " + fmt(ma) + " mA at " + fmt(v) + " V");
		}
		double aux = auxLoad(d, type);
		if (aux > 0) {
			watts += 12 * aux / 1000;
			parts.add("AUX 12 V " + fmt(aux) + " mA");
		}
		if (parts.isEmpty() || last == null) {
			return;
		}
		RelaySupply first = type.getRelaySupplies().get(0);
		double limit = first.getVoltage() * (poe ? first.getPoeCurrent() : first.getCurrent()) / 1000;
		if (watts > limit + 1e-9) {
			String offer = type.getRelaySupplies().stream().map(s -> fmt(poe ? s.getPoeCurrent() : s.getCurrent())
					+ " mA at " + fmt(s.getVoltage()) + " V").collect(Collectors.joining(" or "));
			findings.error(Codes.DOOR_POWER_BUDGET, last, P.getDoor_LockCurrent(), d.getName() + " feeds "
					+ String.join(" + ", parts) + " = " + String.format(Locale.ROOT, "%.1f", watts) + " W from the relay "
					+ "power jumper; on " + (poe ? "PoE" : "DC IN") + " " + type.getName() + " gives " + offer + " ("
					+ String.format(Locale.ROOT, "%.1f", limit) + " W): feed the locks from an external supply"
					+ (poe ? " or power the controller on DC IN" : ""));
		}
	}

	/** mA drawn from the AUX dc-out pin by the loads wired to it (each load once). */
	private static double auxLoad(Device d, DeviceType type) {
		Set<Device> loads = new LinkedHashSet<>();
		for (Wire w : d.getWires()) {
			PinEndpoint pin = w.getFrom() instanceof PinEndpoint p ? p : w.getTo() instanceof PinEndpoint p ? p : null;
			TerminalEndpoint end = w.getTo() instanceof TerminalEndpoint t ? t : w.getFrom() instanceof TerminalEndpoint t ? t : null;
			if (pin == null || end == null || end.getDevice() == null || end.getDevice().eIsProxy()) {
				continue;
			}
			PinSpec spec = type.getPins().stream().filter(s -> s.getNumber() == pin.getPin()).findFirst().orElse(null);
			if (spec != null && spec.getFunction() == PinFunction.DC_OUT) {
				loads.add(end.getDevice());
			}
		}
		double ma = 0;
		for (Device load : loads) {
			DeviceType t = type(load);
			if (t != null && t.getCurrent() != null) {
				ma += t.getCurrent();
			}
		}
		return ma;
	}

	private static RelaySupply supply(DeviceType type, double v) {
		return type.getRelaySupplies().stream().filter(s -> Math.abs(s.getVoltage() - v) < 1e-9).findFirst().orElse(null);
	}

	private static String voltages(DeviceType type) {
		return type.getRelaySupplies().stream().map(s -> fmt(s.getVoltage()) + " V").collect(Collectors.joining(" or "));
	}

	private static void trigger(Device d, Rule r, DoorTrigger t, Findings findings) {
		Door door = door(d, t.getDoor());
		if (door == null) {
			findings.error(Codes.DOOR_TARGET, t, P.getDoorTrigger_Door(), "rule \"" + r.getName() + "\" waits for door "
					+ t.getDoor() + ", which " + d.getName() + " does not have (its doors: " + names(d) + ")");
		} else if (!door.isMonitor()) {
			findings.error(Codes.DOOR_ALARM_MONITOR, t, P.getDoorTrigger_Alarm(), "rule \"" + r.getName() + "\" waits for door "
					+ door.getName() + " " + t.getAlarm().getLiteral() + ", which needs a door monitor: door "
					+ door.getName() + " has none; add 'monitor' to the door");
		}
	}

	private static void action(Device from, Rule r, DoorAction a, SiteContext site, Findings findings) {
		Device c = a.getController();
		if (c == null || c.eIsProxy()) {
			return;
		}
		String where = "rule \"" + r.getName() + "\" sends " + a.getCommand().getLiteral() + " to " + c.getName();
		if (type(c) == null || type(c).getKind() != DeviceKind.DOOR_CONTROLLER) {
			findings.error(Codes.DOOR_TARGET, a, P.getDoorAction_Controller(), where + ", which is " + model(c)
					+ ", not a door controller");
			return;
		}
		if (door(c, a.getDoor()) == null) {
			findings.error(Codes.DOOR_TARGET, a, P.getDoorAction_Door(), where + " for door " + a.getDoor() + ", which "
					+ c.getName() + " does not have (its doors: " + names(c) + ")");
			return;
		}
		if (a.getCommand() == DoorCommand.LOCKDOWN && !released(site, c, a.getDoor())) {
			findings.warning(Codes.DOOR_LOCKDOWN_RELEASE, a, P.getDoorAction_Command(), where + "." + a.getDoor()
					+ ", and no rule of the site releases it: a door in lockdown refuses every other command until "
					+ "released; add a rule that does 'release " + c.getName() + "." + a.getDoor() + "'");
		}
		if (c.getAddress() == null) {
			findings.error(Codes.DOOR_UNREACHABLE, a, P.getDoorAction_Controller(), where + ", which has no address: "
					+ from.getName() + " cannot call it");
		} else {
			Network n1 = net(from);
			Network n2 = net(c);
			if (n1 != null && n2 != null && n1 != n2 && (n1.getGateway() == null || n2.getGateway() == null)) {
				Network isolated = n1.getGateway() == null ? n1 : n2;
				findings.error(Codes.DOOR_UNREACHABLE, a, P.getDoorAction_Controller(), where + " at " + c.getAddress()
						+ " on " + n2.getName() + " " + n2.getSubnet() + " from " + from.getName() + " on " + n1.getName()
						+ " " + n1.getSubnet() + ", and network " + isolated.getName() + " has no gateway");
			}
		}
		if (c.getCredentials() == null) {
			findings.error(Codes.DOOR_CREDENTIALS, a, P.getDoorAction_Controller(), where + ", which has no credentials "
					+ "reference: " + from.getName() + " logs in to the door control service with an account of "
					+ c.getName() + "; give " + c.getName() + " credentials \"<key>\"");
		} else if (!a.isSecure()) {
			findings.warning(Codes.SEC_HTTP_CREDENTIALS, a, P.getDoorAction_Door(), where + " over plain HTTP with "
					+ c.getName() + "'s credentials; add 'https' after the door");
		}
	}

	private static boolean released(SiteContext site, Device controller, String door) {
		for (Device d : site.devices()) {
			for (Rule r : d.getRules()) {
				if (r.getAction() instanceof DoorAction a && a.getController() == controller && door.equals(a.getDoor())
						&& a.getCommand() == DoorCommand.RELEASE && !r.isDisabled()) {
					return true;
				}
			}
		}
		return false;
	}

	private static Door door(Device d, String name) {
		return name == null ? null : d.getDoors().stream().filter(x -> name.equals(x.getName())).findFirst().orElse(null);
	}

	private static String names(Device d) {
		return d.getDoors().isEmpty() ? "none" : d.getDoors().stream().map(Door::getName).collect(Collectors.joining(", "));
	}

	private static Network net(Device d) {
		return d.getNetwork() != null && !d.getNetwork().eIsProxy() ? d.getNetwork() : null;
	}

	private static DeviceType type(Device d) {
		return d.getType() == null || d.getType().eIsProxy() ? null : d.getType();
	}

	private static String model(Device d) {
		return type(d) == null ? "of no known model" : d.getType().getName() + " (" + d.getType().getKind().getLiteral() + ")";
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
	}
}
