package org.palisade.ui.diagram.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Mark;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.Diagram.Rect;
import org.palisade.diagram.Diagram.Side;
import org.palisade.diagram.Styles;

/**
 * Draws a {@link Diagram} with a GC in diagram coordinates (the caller sets the zoom and pan
 * transform), with the same colours and shapes as {@link org.palisade.diagram.SvgRenderer}, so
 * the canvas and the installer's sheet look alike. Owns its colours and fonts.
 */
public final class Painter {

	private final Display display;
	private final Map<String, Color> colours = new HashMap<>();
	private final Font font;
	private final Font bold;

	public Painter(Display display) {
		this.display = display;
		FontData base = display.getSystemFont().getFontData()[0];
		// Styles.FONT_SIZE is in pixels; SWT heights are in points (96 dpi under Xvfb and most desktops).
		int points = (int) Math.round(Styles.FONT_SIZE * 72 / 96);
		font = new Font(display, base.getName(), points, SWT.NORMAL);
		bold = new Font(display, base.getName(), points, SWT.BOLD);
	}

	public void dispose() {
		colours.values().forEach(Color::dispose);
		font.dispose();
		bold.dispose();
	}

	public Color colour(String hex) {
		return colours.computeIfAbsent(hex, h -> new Color(display, Integer.parseInt(h.substring(1, 3), 16),
				Integer.parseInt(h.substring(3, 5), 16), Integer.parseInt(h.substring(5, 7), 16)));
	}

	/** Paints the diagram; {@code selected} is the id of the selected edge, or null. */
	public void paint(GC gc, Diagram d, String selected) {
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		gc.setLineJoin(SWT.JOIN_ROUND);
		for (Edge e : d.edges()) {
			edge(gc, e, e.id().equals(selected));
		}
		for (Node n : d.nodes()) {
			node(gc, n);
		}
	}

	private void edge(GC gc, Edge e, boolean selected) {
		int[] points = points(e.points());
		if (selected) {
			gc.setForeground(colour(Styles.INFO));
			gc.setAlpha(90);
			gc.setLineWidth(11);
			gc.drawPolyline(points);
			gc.setAlpha(255);
		}
		if (!e.marks().isEmpty()) {
			gc.setForeground(colour(Styles.severity(Styles.worst(e.marks()))));
			gc.setAlpha(90);
			gc.setLineWidth(8);
			gc.drawPolyline(points);
			gc.setAlpha(255);
		}
		if (!e.colourName().isEmpty()) {
			gc.setForeground(colour(Styles.WIRE_CASING));
			gc.setLineWidth(5);
			gc.drawPolyline(points);
			gc.setForeground(colour(e.colour()));
			gc.setLineWidth(3);
			gc.drawPolyline(points);
		} else {
			gc.setForeground(colour(e.colour()));
			gc.setLineWidth(2);
			gc.drawPolyline(points);
		}
		Rect l = e.labelBox();
		if (l != null) {
			gc.setFont(font);
			gc.setForeground(colour(Styles.TEXT));
			gc.drawText(e.label(), (int) l.x() + 2, (int) l.y(), true);
		}
		if (!e.marks().isEmpty()) {
			Diagram.Point at = Hits.markAt(e);
			mark(gc, at.x(), at.y(), e.marks());
		}
	}

	private void node(GC gc, Node n) {
		Rect b = n.bounds();
		gc.setBackground(colour(Styles.fill(n.kind())));
		gc.fillRectangle((int) b.x(), (int) b.y(), (int) b.width(), (int) b.height());
		gc.setForeground(colour(n.marks().isEmpty() ? Styles.BORDER : Styles.severity(Styles.worst(n.marks()))));
		gc.setLineWidth(n.marks().isEmpty() ? 1 : 3);
		gc.drawRectangle((int) b.x(), (int) b.y(), (int) b.width(), (int) b.height());
		gc.setForeground(colour(Styles.TEXT));
		gc.setFont(bold);
		gc.drawText(n.title(), (int) b.x() + 10, (int) b.y() + 5, true);
		gc.setFont(font);
		int y = (int) (b.y() + 5 + Styles.LINE_HEIGHT);
		for (String line : n.lines()) {
			gc.drawText(line, (int) b.x() + 10, y, true);
			y += Styles.LINE_HEIGHT;
		}
		for (Port p : n.ports()) {
			port(gc, p);
		}
		if (!n.marks().isEmpty()) {
			Diagram.Point at = Hits.markAt(n);
			mark(gc, at.x(), at.y(), n.marks());
		}
	}

	private void port(GC gc, Port p) {
		Rect r = p.bounds();
		gc.setBackground(colour(p.marks().isEmpty() ? "#ffffff" : Styles.severity(Styles.worst(p.marks()))));
		gc.fillRectangle((int) r.x(), (int) r.y(), (int) r.width(), (int) r.height());
		gc.setForeground(colour(Styles.BORDER));
		gc.setLineWidth(1);
		gc.drawRectangle((int) r.x(), (int) r.y(), (int) r.width(), (int) r.height());
		gc.setFont(font);
		gc.setForeground(colour(Styles.TEXT));
		String text = p.label() + "  " + p.role();
		Point extent = gc.textExtent(text);
		int ty = (int) (r.y() + r.height() / 2 - extent.y / 2.0);
		int tx = p.side() == Side.EAST ? (int) r.x() - 6 - extent.x : (int) (r.x() + r.width() + 6);
		gc.drawText(text, tx, ty, true);
		if (!p.marks().isEmpty()) {
			Diagram.Point at = Hits.markAt(p);
			mark(gc, at.x(), at.y(), p.marks());
		}
	}

	private void mark(GC gc, double x, double y, List<Mark> marks) {
		gc.setBackground(colour(Styles.severity(Styles.worst(marks))));
		gc.fillOval((int) x - 7, (int) y - 7, 14, 14);
		gc.setForeground(colour("#ffffff"));
		gc.setFont(bold);
		Point e = gc.textExtent("!");
		gc.drawText("!", (int) x - e.x / 2, (int) y - e.y / 2, true);
	}

	/** Draws the rubber band of a wire being dragged, in diagram coordinates. */
	public void rubberBand(GC gc, double x1, double y1, double x2, double y2) {
		gc.setForeground(colour(Styles.INFO));
		gc.setLineWidth(2);
		gc.setLineStyle(SWT.LINE_DASH);
		gc.drawLine((int) x1, (int) y1, (int) x2, (int) y2);
		gc.setLineStyle(SWT.LINE_SOLID);
	}

	private static int[] points(List<Diagram.Point> points) {
		int[] xy = new int[points.size() * 2];
		for (int i = 0; i < points.size(); i++) {
			xy[2 * i] = (int) Math.round(points.get(i).x());
			xy[2 * i + 1] = (int) Math.round(points.get(i).y());
		}
		return xy;
	}
}
