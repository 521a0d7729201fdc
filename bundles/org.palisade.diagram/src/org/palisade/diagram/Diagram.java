package org.palisade.diagram;

import java.util.List;
import java.util.Optional;

import org.palisade.validation.Severity;

/**
 * A laid-out diagram as plain geometry and style: what the SVG renderer and the SWT canvas
 * both draw, so the installer's sheet and the Studio show the same picture. Coordinates are
 * absolute, in pixels at 100 %, origin top left. Immutable.
 *
 * @param kind   what it shows
 * @param title  e.g. "North1 (AXIS Q1961-TE): multicable I/O terminal"
 * @param width  the drawing's width
 * @param height the drawing's height
 * @param nodes  boxes: the camera's I/O terminal, peripherals, devices
 * @param edges  wires (wiring) or "drives" links (overview)
 */
public record Diagram(Kind kind, String title, double width, double height, List<Node> nodes, List<Edge> edges) {

	public Diagram {
		nodes = List.copyOf(nodes);
		edges = List.copyOf(edges);
	}

	public enum Kind {
		WIRING, OVERVIEW
	}

	/** What a box stands for; the renderers pick its fill from this. */
	public enum NodeKind {
		/** The multicable I/O terminal of the camera a wiring diagram is about. */
		IO_TERMINAL,
		/** A beacon, siren, relay, sensor or supply wired to a camera. */
		PERIPHERAL,
		CAMERA, SPEAKER, OTHER
	}

	/** Which side of its box a port sits on. */
	public enum Side {
		EAST, WEST
	}

	public record Point(double x, double y) {
	}

	public record Rect(double x, double y, double width, double height) {

		public boolean contains(double px, double py) {
			return px >= x && py >= y && px <= x + width && py <= y + height;
		}

		public Point centre() {
			return new Point(x + width / 2, y + height / 2);
		}
	}

	/**
	 * One validation finding shown on the drawing: the same code and message as the Problems
	 * view.
	 */
	public record Mark(String code, Severity severity, String message) {

		/** @return "CODE: message", as tooltips and SVG titles show it */
		public String text() {
			return code + ": " + message;
		}
	}

	/**
	 * A box.
	 *
	 * @param id     unique in the diagram (a device name, "terminal" for the I/O terminal)
	 * @param ref    the model element's URI fragment in its resource, or "" when it has none
	 * @param kind   what it is
	 * @param title  the first line, bold
	 * @param lines  further lines (model, address, current)
	 * @param bounds where
	 * @param ports  pins or terminals on its sides
	 * @param marks  findings about the element itself
	 */
	public record Node(String id, String ref, NodeKind kind, String title, List<String> lines, Rect bounds,
			List<Port> ports, List<Mark> marks) {

		public Node {
			lines = List.copyOf(lines);
			ports = List.copyOf(ports);
			marks = List.copyOf(marks);
		}
	}

	/**
	 * A pin of the camera's terminal or a terminal of a peripheral.
	 *
	 * @param id       unique in the diagram: {@code pin:2} or {@code terminal:Beacon1.plus}
	 * @param pin      the pin number, or null for a peripheral terminal
	 * @param device   the peripheral's name, or null for a pin
	 * @param terminal the peripheral terminal's name, or null for a pin
	 * @param label    drawn beside it ("2", "plus")
	 * @param role     what it is ("12 V out, max 50 mA", "+")
	 * @param bounds   the small square where wires attach
	 * @param side     the side of its box
	 * @param marks    findings about it (e.g. ELEC-DCOUT-CURRENT on pin 2)
	 */
	public record Port(String id, Integer pin, String device, String terminal, String label, String role, Rect bounds,
			Side side, List<Mark> marks) {

		public Port {
			marks = List.copyOf(marks);
		}

		/** @return where a wire attaches: the middle of the outer edge */
		public Point anchor() {
			return new Point(side == Side.EAST ? bounds.x() + bounds.width() : bounds.x(), bounds.y() + bounds.height() / 2);
		}
	}

	/**
	 * A wire, or a link in the overview.
	 *
	 * @param id         unique in the diagram
	 * @param ref        the model element's URI fragment (the wire, the rule), or ""
	 * @param source     id of the port (wiring) or node (overview) it starts at
	 * @param target     id of the port or node it ends at
	 * @param colour     CSS colour to draw it in (#rrggbb)
	 * @param colourName the wire colour as the design names it ("red"), or ""
	 * @param label      e.g. "red 0.25 mm2 40 m"
	 * @param points     the route, first point at the source
	 * @param labelBox   where the label goes
	 * @param marks      findings about the wire
	 */
	public record Edge(String id, String ref, String source, String target, String colour, String colourName, String label,
			List<Point> points, Rect labelBox, List<Mark> marks) {

		public Edge {
			points = List.copyOf(points);
			marks = List.copyOf(marks);
		}
	}

	public Optional<Node> node(String id) {
		return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
	}

	public Optional<Port> port(String id) {
		return nodes.stream().flatMap(n -> n.ports().stream()).filter(p -> p.id().equals(id)).findFirst();
	}

	public Optional<Edge> edge(String id) {
		return edges.stream().filter(e -> e.id().equals(id)).findFirst();
	}

	/** @return every finding on the drawing, on nodes, ports and edges */
	public List<Mark> marks() {
		return java.util.stream.Stream.concat(
				nodes.stream().flatMap(n -> java.util.stream.Stream.concat(n.marks().stream(),
						n.ports().stream().flatMap(p -> p.marks().stream()))),
				edges.stream().flatMap(e -> e.marks().stream())).toList();
	}
}
