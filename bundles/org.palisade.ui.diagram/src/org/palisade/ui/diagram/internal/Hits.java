package org.palisade.ui.diagram.internal;

import java.util.ArrayList;
import java.util.List;

import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Mark;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.Point;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.Diagram.Rect;
import org.palisade.diagram.Diagram.Side;

/** What lies under a point of the diagram, in diagram coordinates; no SWT, so it is plain to test. */
public final class Hits {

	/** How near (diagram pixels) the pointer must be to a wire, a wire end or a port. */
	static final double SLACK = 6;

	private Hits() {
	}

	/** @return where the finding glyph of a port is drawn */
	public static Point markAt(Port p) {
		Point a = p.anchor();
		return new Point(a.x() + (p.side() == Side.EAST ? 12 : -12), a.y() - 11);
	}

	public static Point markAt(Node n) {
		return new Point(n.bounds().x() + n.bounds().width() - 10, n.bounds().y() + 10);
	}

	public static Point markAt(Edge e) {
		Rect l = e.labelBox();
		if (l != null) {
			return new Point(l.x() - 10, l.y() + l.height() / 2);
		}
		return e.points().isEmpty() ? new Point(0, 0) : e.points().get(e.points().size() / 2);
	}

	/** @return the port whose square (or finding glyph) is under the point, or null */
	public static Port port(Diagram d, double x, double y) {
		for (Node n : d.nodes()) {
			for (Port p : n.ports()) {
				Rect r = p.bounds();
				if (new Rect(r.x() - SLACK, r.y() - SLACK, r.width() + 2 * SLACK, r.height() + 2 * SLACK).contains(x, y)
						|| !p.marks().isEmpty() && near(markAt(p), x, y, 8)) {
					return p;
				}
			}
		}
		return null;
	}

	/** @return the edge whose route or label is under the point, or null */
	public static Edge edge(Diagram d, double x, double y) {
		for (Edge e : d.edges()) {
			List<Point> pts = e.points();
			for (int i = 1; i < pts.size(); i++) {
				if (distance(pts.get(i - 1), pts.get(i), x, y) <= SLACK) {
					return e;
				}
			}
			if (e.labelBox() != null && e.labelBox().contains(x, y) || !e.marks().isEmpty() && near(markAt(e), x, y, 8)) {
				return e;
			}
		}
		return null;
	}

	public static Node node(Diagram d, double x, double y) {
		for (Node n : d.nodes()) {
			if (n.bounds().contains(x, y)) {
				return n;
			}
		}
		return null;
	}

	/**
	 * @return 0 or 1 when the point is on the first or last point of an edge's route (a wire end
	 *         to drag), with the edge; null otherwise
	 */
	public static EdgeEnd edgeEnd(Diagram d, double x, double y) {
		for (Edge e : d.edges()) {
			if (e.points().size() < 2) {
				continue;
			}
			Point first = e.points().get(0);
			Point last = e.points().get(e.points().size() - 1);
			// The end just off the port, so that a press on the port square itself starts a new wire.
			if (near(along(first, e.points().get(1), 14), x, y, SLACK)) {
				return new EdgeEnd(e, true);
			}
			if (near(along(last, e.points().get(e.points().size() - 2), 14), x, y, SLACK)) {
				return new EdgeEnd(e, false);
			}
		}
		return null;
	}

	/** A wire end: the source end when {@code source}. */
	public record EdgeEnd(Edge edge, boolean source) {
	}

	/** @return the point {@code distance} from {@code from} towards {@code to} */
	public static Point along(Point from, Point to, double distance) {
		double len = Math.hypot(to.x() - from.x(), to.y() - from.y());
		if (len == 0) {
			return from;
		}
		double t = Math.min(1, distance / len);
		return new Point(from.x() + (to.x() - from.x()) * t, from.y() + (to.y() - from.y()) * t);
	}

	/** @return the findings under the point, as tooltip text ("CODE: message" per line), or null */
	public static String tooltip(Diagram d, double x, double y) {
		List<Mark> marks = new ArrayList<>();
		String plain = null;
		Port p = port(d, x, y);
		if (p != null) {
			marks.addAll(p.marks());
			plain = (p.pin() != null ? "pin " : p.device() + ".") + p.label() + ": " + p.role();
		} else {
			Edge e = edge(d, x, y);
			if (e != null) {
				marks.addAll(e.marks());
				plain = "wire " + e.label();
			} else {
				Node n = node(d, x, y);
				if (n != null) {
					marks.addAll(n.marks());
					plain = n.title();
				}
			}
		}
		if (marks.isEmpty()) {
			return plain;
		}
		return String.join("\n", marks.stream().map(Mark::text).toList());
	}

	private static boolean near(Point p, double x, double y, double r) {
		return Math.hypot(p.x() - x, p.y() - y) <= r;
	}

	private static double distance(Point a, Point b, double x, double y) {
		double dx = b.x() - a.x();
		double dy = b.y() - a.y();
		double len2 = dx * dx + dy * dy;
		double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / len2));
		return Math.hypot(a.x() + t * dx - x, a.y() + t * dy - y);
	}
}
