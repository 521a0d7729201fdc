package org.palisade.diagram;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Mark;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.NodeKind;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.Diagram.Side;
import org.palisade.diagram.internal.Elk;
import org.palisade.diagram.internal.Marks;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceRole;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Endpoint;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.Section;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.TerminalSpec;
import org.palisade.model.site.Wire;
import org.palisade.validation.Finding;
import org.palisade.validation.PerimeterValidator;
import org.palisade.validation.SiteContext;

/**
 * The wiring diagram of one camera: its multicable I/O terminal with every pin and its role,
 * the peripherals its wires reach with their terminals, and the wires in their colours with
 * area and length, laid out by ELK. Findings of the design rules are attached to the wires,
 * pins and peripherals they are about. Peripherals of the site that no camera is wired to are
 * drawn too, unconnected, so that they can be wired from the diagram.
 * <p>
 * Tolerates an incomplete model as the parser gives it while someone types: a wire whose end
 * does not resolve is left out, a pin missing from the catalog is drawn as "unknown pin".
 */
public final class WiringDiagrams {

	private static final Set<DeviceRole> PERIPHERAL_ROLES = EnumSet.of(DeviceRole.BEACON, DeviceRole.SIREN,
			DeviceRole.RELAY, DeviceRole.LOCK, DeviceRole.SENSOR, DeviceRole.SUPPLY);
	private static final double PORT = 10;
	private static final double ROW = 30;
	private static final double HEADER = 2 * Styles.LINE_HEIGHT + 16;

	private WiringDiagrams() {
	}

	/** @return the diagram with the findings of the camera's design (the Problems view's checks) */
	public static Diagram of(Device camera) {
		return of(camera, findings(camera));
	}

	/** @return what {@link PerimeterValidator} finds in the design that holds the camera */
	public static List<Finding> findings(EObject element) {
		return EcoreUtil.getRootContainer(element) instanceof Design design ? new PerimeterValidator().validate(design)
				: List.of();
	}

	public static String pinId(int pin) {
		return "pin:" + pin;
	}

	public static String terminalId(String device, String terminal) {
		return "terminal:" + device + "." + terminal;
	}

	public static String wireId(int index) {
		return "wire:" + index;
	}

	/** @return the camera's wiring diagram with these findings marked on it */
	public static Diagram of(Device camera, List<Finding> findings) {
		Marks marks = new Marks(findings);
		DeviceType type = camera.getType();
		ElkNode root = Elk.graph(40, 110);

		// The terminal: every pin of the catalog, plus any pin a wire names that the catalog lacks.
		Map<Integer, PinSpec> pins = new TreeMap<>();
		if (type != null && !type.eIsProxy()) {
			type.getPins().forEach(p -> pins.put(p.getNumber(), p));
		}
		for (Wire w : camera.getWires()) {
			for (Endpoint e : ends(w)) {
				if (e instanceof PinEndpoint p) {
					pins.putIfAbsent(p.getPin(), null);
				}
			}
		}
		String title = camera.getName();
		String subtitle = (type == null || type.eIsProxy() ? "?" : type.getName()) + " - multicable I/O terminal";
		List<String[]> rows = new ArrayList<>();
		double width = Math.max(Styles.textWidth(title), Styles.textWidth(subtitle)) + 30;
		for (Map.Entry<Integer, PinSpec> p : pins.entrySet()) {
			String role = role(camera, p.getValue());
			rows.add(new String[] { Integer.toString(p.getKey()), role });
			width = Math.max(width, Styles.textWidth(p.getKey() + "  " + role) + 40);
		}
		ElkNode terminal = Elk.node(root, width, HEADER + rows.size() * ROW + 6);
		Map<String, ElkPort> elkPorts = new LinkedHashMap<>();
		Map<String, String[]> portText = new LinkedHashMap<>();
		int i = 0;
		for (Integer number : pins.keySet()) {
			String id = pinId(number);
			elkPorts.put(id, Elk.port(terminal, width - PORT / 2, HEADER + i * ROW + (ROW - PORT) / 2, PORT, Side.EAST));
			portText.put(id, rows.get(i));
			i++;
		}

		// The peripherals, in the order the wires first reach them.
		Map<Device, ElkNode> peripherals = new LinkedHashMap<>();
		for (Wire w : camera.getWires()) {
			for (Endpoint e : ends(w)) {
				if (e instanceof TerminalEndpoint t && resolved(t.getDevice()) && !peripherals.containsKey(t.getDevice())) {
					peripherals.put(t.getDevice(), peripheral(root, t.getDevice(), elkPorts, portText));
				}
			}
		}

		// Peripherals of the site no camera is wired to yet, so that a person can wire them here.
		for (Device d : unwired(camera)) {
			peripherals.put(d, peripheral(root, d, elkPorts, portText));
		}

		// The wires, from the camera's pin when there is one, so the terminal stays on the left.
		Map<Wire, ElkEdge> edges = new LinkedHashMap<>();
		for (Wire w : camera.getWires()) {
			String from = portId(w.getFrom());
			String to = portId(w.getTo());
			if (from == null || to == null || !elkPorts.containsKey(from) || !elkPorts.containsKey(to)) {
				continue;
			}
			if (!(w.getFrom() instanceof PinEndpoint) && w.getTo() instanceof PinEndpoint) {
				String swap = from;
				from = to;
				to = swap;
			}
			edges.put(w, Elk.edge(elkPorts.get(from), elkPorts.get(to), label(w)));
		}

		Elk.layout(root);

		List<Node> nodes = new ArrayList<>();
		List<Port> terminalPorts = new ArrayList<>();
		for (Integer number : pins.keySet()) {
			String id = pinId(number);
			String[] text = portText.get(id);
			List<Mark> pinMarks = new ArrayList<>(marks.ofPin(number));
			PinSpec spec = pins.get(number);
			if (spec != null && spec.getPort() != null) {
				for (PortConfig pc : camera.getPorts()) {
					if (pc.getPort() == spec.getPort()) {
						pinMarks.addAll(marks.of(pc));
					}
				}
			}
			terminalPorts.add(new Port(id, number, null, null, text[0], text[1], Elk.bounds(elkPorts.get(id)), Side.EAST,
					pinMarks));
		}
		nodes.add(new Node("io:" + camera.getName(), ref(camera), NodeKind.IO_TERMINAL, title, List.of(subtitle),
				Elk.bounds(terminal), terminalPorts, List.of()));
		for (Map.Entry<Device, ElkNode> p : peripherals.entrySet()) {
			Device d = p.getKey();
			List<Port> ports = new ArrayList<>();
			if (d.getType() != null && !d.getType().eIsProxy()) {
				for (TerminalSpec t : d.getType().getTerminals()) {
					String id = terminalId(d.getName(), t.getName());
					String[] text = portText.get(id);
					List<Mark> termMarks = new ArrayList<>();
					for (Wire w : camera.getWires()) {
						for (Endpoint e : ends(w)) {
							if (e instanceof TerminalEndpoint te && te.getDevice() == d && te.getTerminal() == t) {
								termMarks.addAll(marks.of(te));
							}
						}
					}
					ports.add(new Port(id, null, d.getName(), t.getName(), text[0], text[1], Elk.bounds(elkPorts.get(id)),
							Side.WEST, termMarks));
				}
			}
			nodes.add(new Node("device:" + d.getName(), ref(d), NodeKind.PERIPHERAL, d.getName(), peripheralLines(d),
					Elk.bounds(p.getValue()), ports, marks.of(d)));
		}
		List<Edge> result = new ArrayList<>();
		for (Map.Entry<Wire, ElkEdge> e : edges.entrySet()) {
			Wire w = e.getKey();
			ElkEdge elk = e.getValue();
			result.add(new Edge(wireId(camera.getWires().indexOf(w)), ref(w), id(elk.getSources().get(0), elkPorts),
					id(elk.getTargets().get(0), elkPorts), Styles.wire(w.getColour()),
					w.getColour() == null ? "" : w.getColour(), label(w), Elk.route(elk), Elk.labelBox(elk), marks.of(w)));
		}
		return new Diagram(Diagram.Kind.WIRING,
				title + " (" + (type == null || type.eIsProxy() ? "?" : type.getName()) + "): multicable I/O terminal",
				root.getWidth(), root.getHeight(), nodes, result);
	}

	/** @return the site's peripherals (beacons, sirens, relays...) that no camera's wire reaches */
	private static List<Device> unwired(Device camera) {
		if (!(camera.eContainer() instanceof Section section)) {
			return List.of();
		}
		SiteContext site = SiteContext.of(section);
		Set<Device> wired = new HashSet<>();
		for (Device d : site.devices()) {
			for (Wire w : d.getWires()) {
				for (Endpoint e : ends(w)) {
					if (e instanceof TerminalEndpoint t && t.getDevice() != null) {
						wired.add(t.getDevice());
					}
				}
			}
		}
		List<Device> result = new ArrayList<>();
		for (Device d : site.devices()) {
			if (PERIPHERAL_ROLES.contains(d.getRole()) && resolved(d) && !wired.contains(d)) {
				result.add(d);
			}
		}
		return result;
	}

	private static ElkNode peripheral(ElkNode root, Device d, Map<String, ElkPort> elkPorts,
			Map<String, String[]> portText) {
		List<String> lines = peripheralLines(d);
		double width = Styles.textWidth(d.getName()) + 30;
		for (String l : lines) {
			width = Math.max(width, Styles.textWidth(l) + 30);
		}
		List<TerminalSpec> terminals = d.getType() == null || d.getType().eIsProxy() ? List.of() : d.getType().getTerminals();
		double header = (lines.size() + 1) * Styles.LINE_HEIGHT + 16;
		for (TerminalSpec t : terminals) {
			width = Math.max(width, Styles.textWidth(t.getName() + "  " + polarity(t)) + 40);
		}
		ElkNode n = Elk.node(root, width, header + terminals.size() * ROW + 6);
		int i = 0;
		for (TerminalSpec t : terminals) {
			String id = terminalId(d.getName(), t.getName());
			elkPorts.put(id, Elk.port(n, -PORT / 2, header + i * ROW + (ROW - PORT) / 2, PORT, Side.WEST));
			portText.put(id, new String[] { t.getName(), polarity(t) });
			i++;
		}
		return n;
	}

	private static List<String> peripheralLines(Device d) {
		DeviceType t = d.getType();
		if (t == null || t.eIsProxy()) {
			return List.of("?");
		}
		List<String> lines = new ArrayList<>(List.of(t.getName()));
		if (t.getCurrent() != null) {
			lines.add((t.getNominalVoltage() == null ? "" : num(t.getNominalVoltage()) + " V, ") + num(t.getCurrent()) + " mA"
					+ (t.isInductive() ? ", inductive" : ""));
		}
		return lines;
	}

	private static String role(Device camera, PinSpec spec) {
		if (spec == null) {
			return "unknown pin";
		}
		return switch (spec.getFunction()) {
		case GROUND -> "0 V";
		case DC_OUT -> (spec.getVoltage() == null ? "" : num(spec.getVoltage()) + " V ") + "out"
				+ (spec.getMaxCurrent() == null ? "" : ", max " + num(spec.getMaxCurrent()) + " mA");
		case CONFIGURABLE -> {
			PortConfig port = camera.getPorts().stream()
					.filter(p -> spec.getPort() != null && p.getPort() == spec.getPort()).findFirst().orElse(null);
			yield "I/O " + spec.getPort()
					+ (port == null ? "" : " " + port.getDirection().getLiteral() + " \"" + port.getName() + "\"");
		}
		};
	}

	private static String polarity(TerminalSpec t) {
		return switch (t.getPolarity()) {
		case POSITIVE -> "+";
		case NEGATIVE -> "-";
		case SIGNAL -> "signal";
		case COMMON -> "common";
		};
	}

	private static String label(Wire w) {
		return (w.getColour() == null ? "" : w.getColour() + " ") + num(w.getArea()) + " mm2 " + num(w.getLength()) + " m";
	}

	private static List<Endpoint> ends(Wire w) {
		List<Endpoint> ends = new ArrayList<>(2);
		if (w.getFrom() != null) {
			ends.add(w.getFrom());
		}
		if (w.getTo() != null) {
			ends.add(w.getTo());
		}
		return ends;
	}

	private static boolean resolved(Device d) {
		return d != null && !d.eIsProxy() && d.getName() != null;
	}

	private static String portId(Endpoint e) {
		if (e instanceof PinEndpoint p) {
			return pinId(p.getPin());
		}
		if (e instanceof TerminalEndpoint t && resolved(t.getDevice()) && t.getTerminal() != null
				&& !t.getTerminal().eIsProxy()) {
			return terminalId(t.getDevice().getName(), t.getTerminal().getName());
		}
		return null;
	}

	private static String id(Object elkPort, Map<String, ElkPort> ports) {
		return ports.entrySet().stream().filter(e -> e.getValue() == elkPort).map(Map.Entry::getKey).findFirst()
				.orElseThrow();
	}

	static String ref(EObject o) {
		return o.eResource() == null ? "" : o.eResource().getURIFragment(o);
	}

	static String num(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
	}
}
