package org.palisade.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.Point;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.Diagram.Rect;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/**
 * Where the person moved the boxes of a design's diagrams, kept beside the design in
 * {@code <design>.layout.json} (not in the DSL text, which says what is wired, not where it
 * is drawn): per diagram ({@code overview}, {@code wiring:North1}), the top-left corner of each
 * moved box. ELK lays out the diagram as before; the moved boxes are then put where the person
 * left them, and the wires or links that touch them drawn straight, so the rest of the layout
 * stays ELK's. A box whose element is gone is ignored.
 */
public final class Positions {

	public static final String OVERVIEW = "overview";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	// Sorted, so that the file changes only where a box moved (it may be kept in version control).
	private final Map<String, Map<String, double[]>> diagrams = new TreeMap<>();

	public static String wiring(String camera) {
		return "wiring:" + camera;
	}

	/** @return the file beside a design that holds its positions: {@code site.perimeter} -> {@code site.layout.json} */
	public static Path fileFor(Path design) {
		String name = design.getFileName().toString().replaceFirst("\\.perimeter$", "");
		return design.resolveSibling(name + ".layout.json");
	}

	/**
	 * @return the positions in the file, none when it does not exist
	 * @throws IOException when it cannot be read or is not a layout file (naming the file)
	 */
	public static Positions load(Path file) throws IOException {
		Positions p = new Positions();
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			return p;
		}
		try {
			Map<String, Map<String, double[]>> read = GSON.fromJson(text,
					new TypeToken<Map<String, Map<String, double[]>>>() {
					}.getType());
			if (read != null) {
				for (var d : read.entrySet()) {
					for (var n : d.getValue().entrySet()) {
						double[] xy = n.getValue();
						if (xy == null || xy.length != 2 || !Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
							throw new IOException(file + ": " + d.getKey() + " / " + n.getKey() + " is not an [x, y] position");
						}
						p.put(d.getKey(), n.getKey(), new Point(xy[0], xy[1]));
					}
				}
			}
		} catch (JsonParseException | IllegalStateException e) {
			throw new IOException(file + ": not a layout file (" + e.getMessage() + ")", e);
		}
		return p;
	}

	public void save(Path file) throws IOException {
		Files.writeString(file, GSON.toJson(diagrams) + "\n", StandardCharsets.UTF_8);
	}

	/** Remembers that a box of a diagram was moved, its top-left corner now at {@code at}. */
	public void put(String diagram, String node, Point at) {
		diagrams.computeIfAbsent(diagram, k -> new TreeMap<>()).put(node, new double[] { at.x(), at.y() });
	}

	/** @return the moved boxes of a diagram: node id to top-left corner */
	public Map<String, Point> of(String diagram) {
		Map<String, Point> result = new LinkedHashMap<>();
		diagrams.getOrDefault(diagram, Map.of()).forEach((k, v) -> result.put(k, new Point(v[0], v[1])));
		return result;
	}

	/**
	 * @return the diagram with these boxes (node id to top-left corner) where they were put, their
	 *         ports with them, the edges touching them drawn straight, and the drawing grown to
	 *         hold them
	 */
	public static Diagram apply(Diagram d, Map<String, Point> moved) {
		if (moved.isEmpty()) {
			return d;
		}
		List<Node> nodes = new ArrayList<>();
		Map<String, Node> movedNodes = new LinkedHashMap<>();
		Map<String, Port> movedPorts = new LinkedHashMap<>();
		double width = d.width();
		double height = d.height();
		for (Node n : d.nodes()) {
			Point to = moved.get(n.id());
			if (to == null || n.bounds() == null) {
				nodes.add(n);
				continue;
			}
			double dx = Math.max(0, to.x()) - n.bounds().x();
			double dy = Math.max(0, to.y()) - n.bounds().y();
			List<Port> ports = new ArrayList<>();
			for (Port p : n.ports()) {
				Port q = new Port(p.id(), p.pin(), p.device(), p.terminal(), p.label(), p.role(), shift(p.bounds(), dx, dy),
						p.side(), p.marks());
				ports.add(q);
				movedPorts.put(q.id(), q);
			}
			Node m = new Node(n.id(), n.ref(), n.kind(), n.title(), n.lines(), shift(n.bounds(), dx, dy), ports, n.marks());
			nodes.add(m);
			movedNodes.put(m.id(), m);
			width = Math.max(width, m.bounds().x() + m.bounds().width() + 20);
			height = Math.max(height, m.bounds().y() + m.bounds().height() + 20);
		}
		if (movedNodes.isEmpty()) {
			return d;
		}
		Map<String, Port> allPorts = new LinkedHashMap<>();
		Map<String, Node> allNodes = new LinkedHashMap<>();
		for (Node n : nodes) {
			allNodes.put(n.id(), n);
			n.ports().forEach(p -> allPorts.put(p.id(), p));
		}
		List<Edge> edges = new ArrayList<>();
		for (Edge e : d.edges()) {
			boolean touches = movedNodes.containsKey(e.source()) || movedNodes.containsKey(e.target())
					|| movedPorts.containsKey(e.source()) || movedPorts.containsKey(e.target());
			if (!touches) {
				edges.add(e);
				continue;
			}
			Point a = end(e.source(), allNodes, allPorts, e.target());
			Point b = end(e.target(), allNodes, allPorts, e.source());
			if (a == null || b == null) {
				edges.add(e);
				continue;
			}
			Rect label = labelBeside(e.labelBox(), a, b);
			edges.add(new Edge(e.id(), e.ref(), e.source(), e.target(), e.colour(), e.colourName(), e.label(), List.of(a, b),
					label, e.marks()));
		}
		return new Diagram(d.kind(), d.title(), width, height, nodes, edges);
	}

	/**
	 * The label at the middle of a straight edge, beside the line rather than across it: above a
	 * flat line, to the right of a steep one.
	 */
	static Rect labelBeside(Rect box, Point a, Point b) {
		if (box == null) {
			return null;
		}
		double mx = (a.x() + b.x()) / 2;
		double my = (a.y() + b.y()) / 2;
		if (Math.abs(b.x() - a.x()) >= Math.abs(b.y() - a.y())) {
			return new Rect(mx - box.width() / 2, my - box.height() - 2, box.width(), box.height());
		}
		// The line crosses the label's height; its half-width moves with the slope.
		double slope = Math.abs((b.x() - a.x()) / (b.y() - a.y()));
		return new Rect(mx + slope * box.height() / 2 + 4, my - box.height() / 2, box.width(), box.height());
	}

	/** Where an edge meets a port (its anchor) or a box (its border, towards the other end). */
	private static Point end(String id, Map<String, Node> nodes, Map<String, Port> ports, String other) {
		Port p = ports.get(id);
		if (p != null) {
			return p.anchor();
		}
		Node n = nodes.get(id);
		Node o = nodes.get(other);
		Point towards = o != null ? o.bounds().centre() : ports.containsKey(other) ? ports.get(other).anchor() : null;
		if (n == null || n.bounds() == null || towards == null) {
			return null;
		}
		return border(n.bounds(), towards);
	}

	/** @return the point where the line from the box's centre to {@code to} leaves the box */
	static Point border(Rect r, Point to) {
		Point c = r.centre();
		double dx = to.x() - c.x();
		double dy = to.y() - c.y();
		if (dx == 0 && dy == 0) {
			return c;
		}
		double tx = dx == 0 ? Double.POSITIVE_INFINITY : (r.width() / 2) / Math.abs(dx);
		double ty = dy == 0 ? Double.POSITIVE_INFINITY : (r.height() / 2) / Math.abs(dy);
		double t = Math.min(tx, ty);
		return new Point(c.x() + dx * t, c.y() + dy * t);
	}

	private static Rect shift(Rect r, double dx, double dy) {
		return new Rect(r.x() + dx, r.y() + dy, r.width(), r.height());
	}
}
