package org.palisade.validation.internal;

import static org.palisade.validation.internal.Format.mA;
import static org.palisade.validation.internal.Format.metres;
import static org.palisade.validation.internal.Format.mm2;
import static org.palisade.validation.internal.Format.num;
import static org.palisade.validation.internal.Format.volts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PinFunction;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.PortDirection;
import org.palisade.model.site.PowerSupply;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.TerminalPolarity;
import org.palisade.model.site.Wire;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.internal.Wiring.Node;

/**
 * Electrical rules of a camera's multicable I/O terminal: what each pin may be wired to,
 * the current it carries, and the voltage that reaches each load at the end of its wires.
 */
public final class ElectricalCheck {

	/** Resistivity of annealed copper at 20 C, in ohm * mm2 / m. */
	static final double COPPER_RESISTIVITY = 0.01724;

	/** Above this share of the supply voltage lost in the wires, a drop is worth a warning. */
	static final double DROP_WARNING = 0.05;

	private static final SitePackage P = SitePackage.eINSTANCE;

	private ElectricalCheck() {
	}

	public static void check(Section section, Findings findings) {
		for (Device device : section.getDevices()) {
			if (Devices.hasIoTerminal(device)) {
				new Terminal(device, findings).check();
			}
		}
	}

	/** The checks of one camera's terminal. */
	private static final class Terminal {
		private final Device camera;
		private final DeviceType type;
		private final Findings findings;
		private final Wiring wiring;

		Terminal(Device camera, Findings findings) {
			this.camera = camera;
			this.type = Devices.type(camera);
			this.findings = findings;
			this.wiring = new Wiring(camera.getWires());
		}

		void check() {
			checkPowerInput();
			checkPinsAndAreas();
			checkPorts();
			checkNets();
			checkLoads();
			checkSensors();
		}

		private void checkPowerInput() {
			PowerSupply s = camera.getSupply();
			if (s == null || s.isPoe() && s.getPower() == null && s.getCurrent() == null) {
				return;
			}
			if (s.isUnlimited()) {
				findings.error(Codes.ELEC_POWER_INPUT, s, P.getPowerSupply_Unlimited(), camera.getName()
						+ " is powered from a supply that is not a SELV limited power source; use an LPS rated "
						+ limits());
				return;
			}
			Double power = s.getPower();
			Double current = s.getCurrent();
			if (current == null && power != null && s.getVoltage() != null && s.getVoltage() > 0) {
				current = power / s.getVoltage();
			}
			Double maxW = type.getSupplyMaxPower();
			Double maxA = type.getSupplyMaxCurrent();
			boolean overPower = maxW != null && power != null && power > maxW;
			boolean overCurrent = maxA != null && current != null && current > maxA;
			// A limited power source may exceed one limit as long as it keeps the other.
			boolean fails = overPower && (overCurrent || current == null) || overCurrent && power == null;
			if (fails) {
				findings.error(Codes.ELEC_POWER_INPUT, s, null, camera.getName() + " supply: "
						+ (power != null ? num(power, 1) + " W" : "?") + ", "
						+ (current != null ? num(current, 2) + " A" : "current unknown") + "; the camera takes a limited "
						+ "power source rated " + limits());
			}
		}

		private String limits() {
			return (type.getSupplyMaxPower() != null ? "<= " + num(type.getSupplyMaxPower(), 0) + " W" : "")
					+ (type.getSupplyMaxPower() != null && type.getSupplyMaxCurrent() != null ? " or " : "")
					+ (type.getSupplyMaxCurrent() != null ? "<= " + num(type.getSupplyMaxCurrent(), 1) + " A" : "");
		}

		private void checkPinsAndAreas() {
			for (Wire wire : camera.getWires()) {
				for (var end : java.util.Arrays.asList(wire.getFrom(), wire.getTo())) {
					if (end instanceof PinEndpoint p && Devices.pin(type, p.getPin()) == null) {
						findings.error(Codes.ELEC_PIN_UNKNOWN, end, P.getPinEndpoint_Pin(), "the I/O terminal of "
								+ type.getName() + " has no pin " + p.getPin() + " (pins " + pinList() + ")");
					}
				}
				Double min = type.getWireAreaMin();
				Double max = type.getWireAreaMax();
				double area = wire.getArea();
				if (min != null && area < min || max != null && area > max) {
					findings.error(Codes.ELEC_WIRE_AREA, wire, P.getWire_Area(), "wire " + describe(wire) + " is "
							+ mm2(area) + "; the I/O terminal of " + type.getName() + " takes " + mm2(min == null ? 0 : min)
							+ " to " + mm2(max == null ? area : max));
				}
			}
		}

		private String pinList() {
			return String.join(", ", type.getPins().stream().map(p -> String.valueOf(p.getNumber())).toList());
		}

		private void checkPorts() {
			Set<Integer> seen = new java.util.HashSet<>();
			for (PortConfig port : camera.getPorts()) {
				if (Devices.pinOfPort(type, port.getPort()) == null) {
					List<String> ports = new ArrayList<>();
					type.getPins().stream().filter(p -> p.getFunction() == PinFunction.CONFIGURABLE && p.getPort() != null)
							.forEach(p -> ports.add(p.getPort() + " (pin " + p.getNumber() + ")"));
					findings.error(Codes.ELEC_PIN_UNKNOWN, port, P.getPortConfig_Port(), type.getName()
							+ " has no configurable I/O port " + port.getPort() + "; its ports are "
							+ (ports.isEmpty() ? "none" : String.join(", ", ports))
							+ ". Pin 1 (0 V) and pin 2 (12 V out) cannot be configured");
				} else if (!seen.add(port.getPort())) {
					findings.error(Codes.NAME_DUPLICATE, port, P.getPortConfig_Port(), "I/O port " + port.getPort()
							+ " of " + camera.getName() + " is configured twice");
				}
			}
		}

		/** Shorts and pins used against their role. */
		private void checkNets() {
			for (PinSpec pin : type.getPins()) {
				Node node = new Node(pin.getNumber(), null, null);
				Set<Node> net = wiring.net(node);
				for (Node other : net) {
					if (other.isPin() && other.pin() > pin.getNumber()) {
						PinSpec otherPin = Devices.pin(type, other.pin());
						if (otherPin != null && isShort(pin, otherPin)) {
							findings.error(pin.getFunction() == PinFunction.GROUND ? Codes.ELEC_GROUND_ROLE
									: Codes.ELEC_DCOUT_ROLE, wireTo(node, other), null, "pin " + pin.getNumber() + " ("
									+ role(pin) + ") and pin " + other.pin() + " (" + role(otherPin)
									+ ") are connected: a short circuit");
						}
					}
					if (other.isPin()) {
						continue;
					}
					TerminalPolarity polarity = other.terminal().getPolarity();
					if (pin.getFunction() == PinFunction.DC_OUT && (Devices.isSensor(other.device())
							|| Devices.isSupply(other.device()))) {
						findings.error(Codes.ELEC_DCOUT_ROLE, wireTo(node, other), null, "pin " + pin.getNumber()
								+ " is the 12 V DC output, for powering loads only: it is wired to " + other.label()
								+ (Devices.isSensor(other.device()) ? ", a sensor contact; wire sensors to an I/O port (pin 3 or 4) and pin 1"
										: ", a supply terminal; never feed or load it from another supply"));
					}
					if (pin.getFunction() == PinFunction.GROUND && Devices.isSupply(other.device())
							&& polarity == TerminalPolarity.POSITIVE) {
						findings.error(Codes.ELEC_GROUND_ROLE, wireTo(node, other), null, "pin " + pin.getNumber()
								+ " is the 0 V reference: it is wired to " + other.label()
								+ ", the + of a supply, which shorts that supply");
					}
				}
			}
		}

		private static boolean isShort(PinSpec a, PinSpec b) {
			// Two supply-side pins, or a supply pin and a configurable one, must never meet.
			return a.getFunction() != b.getFunction() || a.getFunction() == PinFunction.DC_OUT;
		}

		/** @return the wire that reaches {@code to} on the way from {@code from} */
		private Wire wireTo(Node from, Node to) {
			List<Wire> path = wiring.path(from, to);
			return path.isEmpty() ? firstWire(from) : path.get(path.size() - 1);
		}

		private Wire firstWire(Node node) {
			for (Wire w : camera.getWires()) {
				if (node.equals(Node.of(w.getFrom())) || node.equals(Node.of(w.getTo()))) {
					return w;
				}
			}
			return null;
		}

		private static String role(PinSpec pin) {
			return switch (pin.getFunction()) {
			case GROUND -> "0 V";
			case DC_OUT -> num(pin.getVoltage() == null ? 12 : pin.getVoltage(), 1) + " V DC out";
			case CONFIGURABLE -> "I/O port " + pin.getPort();
			};
		}

		/** Every load, its supply side and its return side. */
		private void checkLoads() {
			Map<Integer, List<Load>> byPin = new LinkedHashMap<>();
			List<Load> loads = new ArrayList<>();
			for (Node node : wiring.nodes()) {
				if (!node.isPin() && node.terminal().getPolarity() == TerminalPolarity.POSITIVE
						&& Devices.isLoad(node.device()) && loads.stream().noneMatch(l -> l.device == node.device())) {
					loads.add(new Load(node.device()));
				}
			}
			for (Load load : loads) {
				load.resolve();
				if (load.sourcePin != null) {
					byPin.computeIfAbsent(load.sourcePin.getNumber(), k -> new ArrayList<>()).add(load);
				}
				if (load.sinkPin != null && load.sinkPin.getFunction() == PinFunction.CONFIGURABLE) {
					byPin.computeIfAbsent(load.sinkPin.getNumber(), k -> new ArrayList<>()).add(load);
				}
			}
			for (Map.Entry<Integer, List<Load>> e : byPin.entrySet()) {
				checkPinCurrent(Devices.pin(type, e.getKey()), e.getValue());
			}
			for (Load load : loads) {
				load.checkDrop();
			}
		}

		private void checkPinCurrent(PinSpec pin, List<Load> loads) {
			double total = 0;
			for (Load l : loads) {
				total += l.current;
			}
			Double limit = pin.getMaxCurrent();
			if (loads.size() < 2 && (limit == null || total <= limit)) {
				// The common case, checked for every camera of a site: nothing to say, so no message
				// is built.
				return;
			}
			String parts = String.join(" + ", loads.stream().map(l -> l.device.getName() + " " + mA(l.current)).toList());
			if (loads.size() > 1) {
				for (Load l : loads) {
					findings.warning(Codes.ELEC_PIN_SHARED, l.wireAt(pin), null, "pin " + pin.getNumber() + " is shared by "
							+ loads.size() + " loads (" + parts + "): wire them in parallel; their currents add up to "
							+ mA(total));
				}
			}
			if (limit == null || total <= limit) {
				return;
			}
			String code = pin.getFunction() == PinFunction.DC_OUT ? Codes.ELEC_DCOUT_CURRENT : Codes.ELEC_OUT_CURRENT;
			String what = pin.getFunction() == PinFunction.DC_OUT ? "draws" : "sinks";
			for (Load l : loads) {
				findings.error(code, l.wireAt(pin), null, "pin " + pin.getNumber() + " " + what + " "
						+ num(total, Format.decimalsToShow(total, limit)) + " mA"
						+ (loads.size() > 1 ? " (" + parts + ")" : "") + ", limit " + mA(limit)
						+ (pin.getFunction() == PinFunction.DC_OUT
								? "; power the extra loads from an external supply switched by an I/O port"
								: "; switch the load through a relay"));
			}
		}

		private void checkSensors() {
			for (Node node : wiring.nodes()) {
				if (node.isPin() || !Devices.isSensor(node.device())) {
					continue;
				}
				for (Node other : wiring.net(node)) {
					if (other.isPin()) {
						PinSpec pin = Devices.pin(type, other.pin());
						if (pin != null && pin.getFunction() == PinFunction.CONFIGURABLE) {
							requireDirection(pin, PortDirection.INPUT, node.device(), firstWire(other));
						}
					}
				}
			}
		}

		private void requireDirection(PinSpec pin, PortDirection wanted, Device peripheral, Wire wire) {
			PortConfig config = portConfig(pin.getPort());
			if (config == null) {
				findings.error(Codes.ELEC_DIRECTION, wire, null, "I/O port " + pin.getPort() + " (pin " + pin.getNumber()
						+ ") is wired to " + peripheral.getName() + " but not configured; add: port " + pin.getPort()
						+ " " + wanted.getLiteral() + " \"" + peripheral.getName() + "\"");
			} else if (config.getDirection() != wanted) {
				findings.error(Codes.ELEC_DIRECTION, config, P.getPortConfig_Direction(), "I/O port " + pin.getPort()
						+ " is wired to " + peripheral.getName() + (wanted == PortDirection.INPUT ? ", a sensor" : ", a load")
						+ ", so it must be an " + wanted.getLiteral() + ", not an " + config.getDirection().getLiteral());
			}
		}

		private PortConfig portConfig(Integer port) {
			for (PortConfig c : camera.getPorts()) {
				if (port != null && c.getPort() == port) {
					return c;
				}
			}
			return null;
		}

		private String describe(Wire wire) {
			Node a = Node.of(wire.getFrom());
			Node b = Node.of(wire.getTo());
			return (wire.getColour() == null ? "" : wire.getColour() + " ") + "from " + (a == null ? "?" : a.label())
					+ " to " + (b == null ? "?" : b.label());
		}

		/** A load on the terminal: where its current comes from and where it returns. */
		private final class Load {
			final Device device;
			final DeviceType loadType;
			final double current;
			Node plus;
			Node minus;
			Node source;
			Node sink;
			PinSpec sourcePin;
			PinSpec sinkPin;
			double sourceVoltage = Double.NaN;

			Load(Device device) {
				this.device = device;
				this.loadType = Devices.type(device);
				this.current = loadType.getCurrent();
			}

			void resolve() {
				plus = wiring.terminalNode(device, Devices.terminal(loadType, TerminalPolarity.POSITIVE));
				minus = wiring.terminalNode(device, Devices.terminal(loadType, TerminalPolarity.NEGATIVE));
				if (plus != null) {
					for (Node n : wiring.net(plus)) {
						if (n.isPin()) {
							PinSpec pin = Devices.pin(type, n.pin());
							if (pin == null) {
								continue;
							}
							if (pin.getFunction() == PinFunction.DC_OUT) {
								source = n;
								sourcePin = pin;
								sourceVoltage = pin.getVoltage() == null ? Double.NaN : pin.getVoltage();
							} else {
								findings.error(Codes.ELEC_POLARITY, firstWireOf(plus), null, device.getName()
										+ " + is wired to pin " + pin.getNumber() + " (" + role(pin) + "); its + goes to "
										+ "the supply (pin 2 or an external supply), its - to the switching output");
							}
						} else if (Devices.isSupply(n.device()) && n.terminal().getPolarity() == TerminalPolarity.POSITIVE) {
							source = n;
							DeviceType st = Devices.type(n.device());
							sourceVoltage = st == null || st.getNominalVoltage() == null ? Double.NaN : st.getNominalVoltage();
						}
					}
				}
				if (minus != null) {
					for (Node n : wiring.net(minus)) {
						if (n.isPin()) {
							PinSpec pin = Devices.pin(type, n.pin());
							if (pin == null) {
								continue;
							}
							if (pin.getFunction() == PinFunction.DC_OUT) {
								findings.error(Codes.ELEC_POLARITY, firstWireOf(minus), null, device.getName()
										+ " - is wired to pin " + pin.getNumber() + " (" + role(pin)
										+ "); wire its - to the switching output (pin 3 or 4) and its + to the supply");
							} else {
								sink = n;
								sinkPin = pin;
							}
						} else if (Devices.isSupply(n.device()) && n.terminal().getPolarity() == TerminalPolarity.NEGATIVE) {
							sink = n;
						}
					}
				}
				checkLoadVoltage();
				if (sinkPin != null && sinkPin.getFunction() == PinFunction.CONFIGURABLE) {
					requireDirection(sinkPin, PortDirection.OUTPUT, device, firstWireOf(minus));
					if (loadType.isInductive() && !device.isDiode()) {
						findings.error(Codes.ELEC_INDUCTIVE_DIODE, firstWireOf(minus), null, device.getName()
								+ " is an inductive load on I/O port " + sinkPin.getPort() + ": fit a diode in parallel "
								+ "with it against voltage transients and mark it 'with-diode'");
					}
					Double max = sinkPin.getMaxVoltage();
					if (max != null && !Double.isNaN(sourceVoltage) && sourceVoltage > max) {
						findings.error(Codes.ELEC_IO_VOLTAGE, firstWireOf(minus), null, "pin " + sinkPin.getNumber()
								+ " switches " + device.getName() + " on a " + volts(sourceVoltage) + " supply; the I/O "
								+ "port takes 0 to " + volts(max) + " DC");
					}
				}
				if (Devices.isBeacon(device) && type.isPtMount()) {
					findings.error(Codes.ELEC_VARIANT, firstWireOf(plus != null ? plus : minus), null, device.getName()
							+ " is a flashing beacon, which is not valid on " + type.getName()
							+ " (a PT Mount variant)");
				}
			}

			/** ELEC-LOAD-VOLTAGE: what feeds the load stays within the load's rated maximum. */
			private void checkLoadVoltage() {
				Double max = loadType.getMaxVoltage();
				if (max == null || Double.isNaN(sourceVoltage) || sourceVoltage <= max) {
					return;
				}
				String feed = sourcePin != null ? "pin " + sourcePin.getNumber() + " (DC out)"
						: "the supply " + source.device().getName();
				findings.error(Codes.ELEC_LOAD_VOLTAGE, firstWireOf(plus), null, device.getName() + " is fed "
						+ num(sourceVoltage, Format.decimalsToShow(sourceVoltage, max)) + " V by " + feed + ", above its "
						+ volts(max) + " maximum ("
						+ loadType.getName() + "); feed it from a supply within its rating or use a load rated for "
						+ volts(sourceVoltage));
			}

			private Wire firstWireOf(Node n) {
				return n == null ? null : firstWire(n);
			}

			Wire wireAt(PinSpec pin) {
				Node pinNode = new Node(pin.getNumber(), null, null);
				Node end = pin == sourcePin ? plus : minus;
				List<Wire> path = end == null ? List.of() : wiring.path(pinNode, end);
				return path.isEmpty() ? firstWire(pinNode) : path.get(0);
			}

			/** The voltage left at the load after the drop in its supply and return wires. */
			void checkDrop() {
				if (source == null || sink == null || Double.isNaN(sourceVoltage)) {
					return;
				}
				List<Wire> out = wiring.path(source, plus);
				List<Wire> back = wiring.path(minus, sink);
				if (out.isEmpty() || back.isEmpty()) {
					return;
				}
				Map<Wire, Double> currents = new HashMap<>();
				for (Load other : loadsSharing(out, back)) {
					for (Wire w : union(wiring.path(other.source, other.plus), wiring.path(other.minus, other.sink))) {
						currents.merge(w, other.current, Double::sum);
					}
				}
				double drop = 0;
				for (Wire w : union(out, back)) {
					if (w.getArea() <= 0) {
						return;
					}
					double ohms = COPPER_RESISTIVITY * w.getLength() / w.getArea();
					drop += ohms * currents.getOrDefault(w, current) / 1000.0;
				}
				double left = sourceVoltage - drop;
				double share = drop / sourceVoltage;
				Double min = loadType.getMinVoltage();
				boolean tooLow = min != null && left < min;
				if (!tooLow && share <= DROP_WARNING) {
					return;
				}
				Wire first = out.get(0);
				// Enough decimals that the figures show why: never "leaves 10.8 V, below its 10.8 V minimum".
				int decimals = tooLow ? Format.decimalsToShow(left, min) : Format.decimalsToShow(drop, sourceVoltage * DROP_WARNING);
				String head = "wire to " + device.getName() + " (" + metres(first.getLength()) + ", "
						+ mm2(first.getArea()) + "): " + num(drop, decimals) + " V drop (" + percent(share) + ") leaves "
						+ num(left, decimals) + " V";
				String longest = longest(first.getArea(), min);
				if (tooLow) {
					findings.error(Codes.ELEC_WIRE_DROP, first, P.getWire_Length(), head + ", below its " + volts(min)
							+ " minimum" + longest);
				} else if (share > DROP_WARNING) {
					findings.warning(Codes.ELEC_WIRE_DROP, first, P.getWire_Length(), head + ", more than "
							+ num(DROP_WARNING * 100, 0) + " % of " + volts(sourceVoltage) + longest);
				}
			}

			/** "57 %", or as many decimals as it takes not to read as exactly 5 %: "5.01 %". */
			private String percent(double share) {
				return num(share * 100, Format.decimalsToShow(share * 100, DROP_WARNING * 100, 0)) + " %";
			}

			/** "; at 0.25 mm2 the longest wire is 174 m", for a pair of equal wires to this load. */
			private String longest(double area, Double min) {
				double allowed = min != null ? sourceVoltage - min : sourceVoltage * DROP_WARNING;
				if (allowed <= 0 || current <= 0) {
					return "";
				}
				double ohms = allowed / (current / 1000.0);
				double length = ohms * area / (COPPER_RESISTIVITY * 2);
				return "; at " + mm2(area) + " the longest wire is " + metres(Math.floor(length));
			}

			private List<Load> loadsSharing(List<Wire> out, List<Wire> back) {
				List<Load> sharing = new ArrayList<>();
				Set<Wire> mine = new LinkedHashSet<>(union(out, back));
				for (Node n : wiring.nodes()) {
					if (!n.isPin() && n.terminal().getPolarity() == TerminalPolarity.POSITIVE && Devices.isLoad(n.device())) {
						Load other = n.device() == device ? this : new Load(n.device());
						if (other != this) {
							other.plus = n;
							other.minus = wiring.terminalNode(other.device,
									Devices.terminal(other.loadType, TerminalPolarity.NEGATIVE));
							other.source = source;
							other.sink = sink;
							if (other.minus == null || wiring.path(other.source, other.plus).stream().noneMatch(mine::contains)
									&& wiring.path(other.minus, other.sink).stream().noneMatch(mine::contains)) {
								continue;
							}
						}
						sharing.add(other);
					}
				}
				return sharing;
			}
		}

		private static List<Wire> union(List<Wire> a, List<Wire> b) {
			List<Wire> all = new ArrayList<>(a);
			b.stream().filter(w -> !all.contains(w)).forEach(all::add);
			return all;
		}
	}
}
