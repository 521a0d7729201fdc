package org.palisade.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.NodeKind;
import org.palisade.diagram.internal.Elk;
import org.palisade.diagram.internal.Marks;
import org.palisade.model.site.Device;
import org.palisade.model.site.NotifyAction;
import org.palisade.model.site.PtzAction;
import org.palisade.model.site.OutputAction;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Section;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.Wire;
import org.palisade.validation.Finding;
import org.palisade.validation.SiteContext;

/**
 * The site overview: every device with its model, address and network, and which rule of
 * which camera drives which output (the peripherals wired to that port) or notifies which
 * recipient (its speaker), laid out by ELK. Peripherals wired to a camera but driven by no
 * rule are linked to it as "wired".
 */
public final class SiteOverviews {

	private SiteOverviews() {
	}

	public static String deviceId(String name) {
		return "device:" + name;
	}

	/** @return the overview of the site or area's whole site, with these findings marked */
	public static Diagram of(Section section, List<Finding> findings) {
		return of(section, findings, null);
	}

	/**
	 * The overview again after a change of the design: when the boxes (their ids and sizes) and
	 * the links (their ends and labels) are those of {@code previous}, the previous layout is kept
	 * and only what is drawn in it (findings, lines, references) is new. Most checks of the text
	 * change findings only, and ELK took 0.3-0.9 s over a 1,000-device site for each.
	 *
	 * @param previous the overview shown so far, or {@code null}
	 */
	public static Diagram of(Section section, List<Finding> findings, Diagram previous) {
		Marks marks = new Marks(findings);
		SiteContext site = SiteContext.of(section);
		ElkNode root = Elk.graph(24, 90);
		Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
		Map<String, Node> draft = new LinkedHashMap<>();
		for (Device d : site.devices()) {
			if (d.getName() == null) {
				continue;
			}
			String id = deviceId(d.getName());
			List<String> lines = new ArrayList<>();
			lines.add(d.getType() == null || d.getType().eIsProxy() ? "?" : d.getType().getName());
			if (d.getAddress() != null) {
				lines.add(d.getAddress() + (d.getNetwork() == null || d.getNetwork().getName() == null ? ""
						: " on " + d.getNetwork().getName()));
			}
			NodeKind kind = switch (d.getRole()) {
			case CAMERA -> NodeKind.CAMERA;
			case SPEAKER -> NodeKind.SPEAKER;
			case CONTROLLER, VMS -> NodeKind.OTHER;
			default -> NodeKind.PERIPHERAL;
			};
			double width = Styles.textWidth(d.getName()) + 24;
			for (String l : lines) {
				width = Math.max(width, Styles.textWidth(l) + 24);
			}
			elkNodes.put(id, Elk.node(root, width, (lines.size() + 1) * Styles.LINE_HEIGHT + 14));
			draft.put(id, new Node(id, WiringDiagrams.ref(d), kind, d.getName(), lines, null, List.of(), marks.of(d)));
		}
		record Link(String from, String to, String label, String ref, List<Diagram.Mark> marks, boolean drives) {
		}
		List<Link> links = new ArrayList<>();
		for (Device camera : site.devices()) {
			if (camera.getName() == null) {
				continue;
			}
			String from = deviceId(camera.getName());
			Set<String> driven = new LinkedHashSet<>();
			for (Rule r : camera.getRules()) {
				Set<String> targets = new LinkedHashSet<>();
				if (r.getAction() instanceof OutputAction out && out.getPort() != null) {
					for (Device p : wiredTo(camera, out.getPort().getPort())) {
						targets.add(deviceId(p.getName()));
					}
				} else if (r.getAction() instanceof PtzAction move && move.getPtz() != null && !move.getPtz().eIsProxy()
						&& move.getPtz().getName() != null) {
					// The camera turns a PTZ camera (#19): a link to it, labelled with the rule.
					targets.add(deviceId(move.getPtz().getName()));
				} else if (r.getAction() instanceof org.palisade.model.site.DoorAction door && door.getController() != null
						&& !door.getController().eIsProxy() && door.getController().getName() != null) {
					// The camera commands a door controller's door (#19): a link to the controller.
					targets.add(deviceId(door.getController().getName()));
				} else if (r.getAction() instanceof org.palisade.model.site.AlertAction alert && alert.getVms() != null
						&& !alert.getVms().eIsProxy() && alert.getVms().getName() != null) {
					// The camera alerts the site's VMS (#19 item 3).
					targets.add(deviceId(alert.getVms().getName()));
				} else if (r.getAction() instanceof NotifyAction n && n.getRecipient() != null
						&& !n.getRecipient().eIsProxy()) {
					Recipient rc = n.getRecipient();
					if (rc.getSpeaker() != null && !rc.getSpeaker().eIsProxy() && rc.getSpeaker().getName() != null) {
						targets.add(deviceId(rc.getSpeaker().getName()));
					} else if (rc.getName() != null) {
						String id = "recipient:" + rc.getName();
						if (!elkNodes.containsKey(id)) {
							String text = rc.getLabel() == null ? "recipient" : rc.getLabel();
							elkNodes.put(id, Elk.node(root, Math.max(Styles.textWidth(rc.getName()), Styles.textWidth(text))
									+ 24, 2 * Styles.LINE_HEIGHT + 14));
							draft.put(id, new Node(id, WiringDiagrams.ref(rc), NodeKind.OTHER, rc.getName(), List.of(text),
									null, List.of(), marks.of(rc)));
						}
						targets.add(id);
					}
				}
				for (String t : targets) {
					if (elkNodes.containsKey(t)) {
						links.add(new Link(from, t, r.getName() == null ? "rule" : r.getName(), WiringDiagrams.ref(r),
								marks.of(r), true));
						driven.add(t);
					}
				}
			}
			for (Wire w : camera.getWires()) {
				for (Object end : new Object[] { w.getFrom(), w.getTo() }) {
					if (end instanceof TerminalEndpoint t && t.getDevice() != null && t.getDevice().getName() != null) {
						String id = deviceId(t.getDevice().getName());
						if (elkNodes.containsKey(id) && driven.add(id)) {
							links.add(new Link(from, id, "wired", "", List.of(), false));
						}
					}
				}
			}
		}
		String name = site.site() == null || site.site().getName() == null ? "?" : site.site().getName();
		if (previous != null
				&& sameShape(previous, elkNodes, links.stream().map(l -> l.from() + ">" + l.to() + ":" + l.label()).toList())) {
			List<Node> nodes = new ArrayList<>();
			int i = 0;
			for (Node n : draft.values()) {
				nodes.add(new Node(n.id(), n.ref(), n.kind(), n.title(), n.lines(), previous.nodes().get(i++).bounds(), List.of(),
						n.marks()));
			}
			List<Edge> edges = new ArrayList<>();
			for (int k = 0; k < links.size(); k++) {
				Link l = links.get(k);
				Edge was = previous.edges().get(k);
				edges.add(new Edge(was.id(), l.ref(), l.from(), l.to(), l.drives() ? Styles.TEXT : Styles.LINK, "", l.label(),
						was.points(), was.labelBox(), l.marks()));
			}
			return new Diagram(Diagram.Kind.OVERVIEW, name + ": site overview", previous.width(), previous.height(), nodes, edges);
		}
		List<ElkEdge> elkEdges = new ArrayList<>();
		for (Link l : links) {
			elkEdges.add(Elk.edge(elkNodes.get(l.from()), elkNodes.get(l.to()), l.label()));
		}

		Elk.layout(root);

		List<Node> nodes = new ArrayList<>();
		for (Map.Entry<String, Node> e : draft.entrySet()) {
			Node n = e.getValue();
			nodes.add(new Node(n.id(), n.ref(), n.kind(), n.title(), n.lines(), Elk.bounds(elkNodes.get(e.getKey())),
					List.of(), n.marks()));
		}
		List<Edge> edges = new ArrayList<>();
		for (int i = 0; i < links.size(); i++) {
			Link l = links.get(i);
			ElkEdge e = elkEdges.get(i);
			edges.add(new Edge("link:" + i, l.ref(), l.from(), l.to(), l.drives() ? Styles.TEXT : Styles.LINK, "", l.label(),
					Elk.route(e), Elk.labelBox(e), l.marks()));
		}
		return new Diagram(Diagram.Kind.OVERVIEW, name + ": site overview", root.getWidth(), root.getHeight(), nodes, edges);
	}

	/** Whether the boxes, in order with their sizes, and the links, in order, are those drawn before. */
	private static boolean sameShape(Diagram previous, Map<String, ElkNode> boxes, List<String> links) {
		if (previous.kind() != Diagram.Kind.OVERVIEW || previous.nodes().size() != boxes.size()
				|| previous.edges().size() != links.size()) {
			return false;
		}
		int i = 0;
		for (Map.Entry<String, ElkNode> box : boxes.entrySet()) {
			Node was = previous.nodes().get(i++);
			if (!was.id().equals(box.getKey()) || was.bounds().width() != box.getValue().getWidth()
					|| was.bounds().height() != box.getValue().getHeight()) {
				return false;
			}
		}
		for (int k = 0; k < links.size(); k++) {
			Edge was = previous.edges().get(k);
			if (!links.get(k).equals(was.source() + ">" + was.target() + ":" + was.label())) {
				return false;
			}
		}
		return true;
	}

	/** @return the peripherals wired to the pin of that I/O port of the camera */
	private static List<Device> wiredTo(Device camera, int port) {
		Set<Integer> pins = new LinkedHashSet<>();
		if (camera.getType() != null && !camera.getType().eIsProxy()) {
			for (PinSpec p : camera.getType().getPins()) {
				if (p.getPort() != null && p.getPort() == port) {
					pins.add(p.getNumber());
				}
			}
		}
		Set<Device> result = new LinkedHashSet<>();
		for (Wire w : camera.getWires()) {
			boolean atPin = w.getFrom() instanceof PinEndpoint f && pins.contains(f.getPin())
					|| w.getTo() instanceof PinEndpoint t && pins.contains(t.getPin());
			if (!atPin) {
				continue;
			}
			for (Object end : new Object[] { w.getFrom(), w.getTo() }) {
				if (end instanceof TerminalEndpoint t && t.getDevice() != null && !t.getDevice().eIsProxy()
						&& t.getDevice().getName() != null) {
					result.add(t.getDevice());
				}
			}
		}
		return new ArrayList<>(result);
	}
}
