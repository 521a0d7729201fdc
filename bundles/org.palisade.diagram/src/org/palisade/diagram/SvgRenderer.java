package org.palisade.diagram;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.palisade.diagram.internal.Svg;

import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Mark;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.Point;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.Diagram.Rect;
import org.palisade.diagram.Diagram.Side;

/**
 * Writes a {@link Diagram} as a standalone SVG document, to embed in HTML or open alone.
 * <p>
 * The document is written with the JDK's StAX writer, which escapes text and attributes; the
 * drawing is a few rectangles, polylines and texts, so no SVG library is needed (the target's
 * Batik bundles hold only its CSS parser, not its SVG generator). Elements carry the
 * diagram's ids ({@code pin:2}, {@code wire:0}) and findings are {@code <g class="finding">}
 * with a {@code <title>} (the browser's tooltip) reading "CODE: message".
 */
public final class SvgRenderer {


	private SvgRenderer() {
	}

	/** @return the diagram as SVG, with an XML declaration */
	public static String render(Diagram d) {
		return write(d, true);
	}

	/** @return the diagram as an {@code <svg>} element only, to inline in an HTML page */
	public static String element(Diagram d) {
		return write(d, false);
	}

	private static String write(Diagram d, boolean document) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			Svg.start(w, document, d.width(), d.height(), d.title());
			rect(w, new Rect(0, 0, d.width(), d.height()), "#ffffff", "none", 0);
			for (Edge e : d.edges()) {
				edge(w, e);
			}
			for (Node node : d.nodes()) {
				node(w, node);
			}
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		} catch (XMLStreamException e) {
			// Writing to a StringWriter fails only on a programming error (unbalanced elements).
			throw new IllegalStateException(e);
		}
		return out.toString();
	}

	private static void edge(XMLStreamWriter w, Edge e) throws XMLStreamException {
		w.writeStartElement("g");
		w.writeAttribute("class", "edge");
		w.writeAttribute("id", e.id());
		if (!e.colourName().isEmpty()) {
			w.writeAttribute("data-colour", e.colourName());
		}
		String points = e.points().stream().map(p -> Svg.n(p.x()) + "," + Svg.n(p.y())).collect(Collectors.joining(" "));
		if (!e.marks().isEmpty()) {
			polyline(w, points, Styles.severity(Styles.worst(e.marks())), 8, "0.35");
		}
		if (!e.colourName().isEmpty()) {
			polyline(w, points, Styles.WIRE_CASING, 4.5, null);
			polyline(w, points, e.colour(), 2.5, null);
		} else {
			polyline(w, points, e.colour(), 1.5, null);
			Point end = e.points().isEmpty() ? null : e.points().get(e.points().size() - 1);
			if (end != null) {
				// Arrowhead: overview links point from the camera to what its rule drives.
				w.writeStartElement("path");
				w.writeAttribute("d", "M" + Svg.n(end.x()) + "," + Svg.n(end.y()) + " l-8,-4 v8 z");
				w.writeAttribute("fill", e.colour());
				w.writeEndElement();
			}
		}
		Rect l = e.labelBox();
		if (l != null) {
			rect(w, l, "#ffffff", "none", 0);
			Svg.label(w, l.x() + 2, l.y() + l.height() - 4, e.label(), "start", false);
		}
		if (!e.marks().isEmpty()) {
			Point at = l != null ? new Point(l.x() - 10, l.y() + l.height() / 2) : middle(e.points());
			mark(w, at, e.marks());
		}
		w.writeEndElement();
	}

	private static void node(XMLStreamWriter w, Node node) throws XMLStreamException {
		Rect b = node.bounds();
		w.writeStartElement("g");
		w.writeAttribute("class", "node " + node.kind().name().toLowerCase(Locale.ROOT));
		w.writeAttribute("id", node.id());
		rect(w, b, Styles.fill(node.kind()), node.marks().isEmpty() ? Styles.BORDER
				: Styles.severity(Styles.worst(node.marks())), node.marks().isEmpty() ? 1.2 : 2.5);
		Svg.label(w, b.x() + 10, b.y() + Styles.LINE_HEIGHT + 2, node.title(), "start", true);
		double y = b.y() + Styles.LINE_HEIGHT + 2;
		for (String line : node.lines()) {
			y += Styles.LINE_HEIGHT;
			Svg.label(w, b.x() + 10, y, line, "start", false);
		}
		for (Port p : node.ports()) {
			port(w, p);
		}
		if (!node.marks().isEmpty()) {
			mark(w, new Point(b.x() + b.width() - 10, b.y() + 10), node.marks());
		}
		w.writeEndElement();
	}

	private static void port(XMLStreamWriter w, Port p) throws XMLStreamException {
		Rect r = p.bounds();
		w.writeStartElement("g");
		w.writeAttribute("class", "port");
		w.writeAttribute("id", p.id());
		rect(w, r, p.marks().isEmpty() ? "#ffffff" : Styles.severity(Styles.worst(p.marks())), Styles.BORDER, 1);
		double baseline = r.y() + r.height() / 2 + Styles.FONT_SIZE / 2 - 1.5;
		String text = p.label() + "  " + p.role();
		if (p.side() == Side.EAST) {
			Svg.label(w, r.x() - 6, baseline, text, "end", false);
		} else {
			Svg.label(w, r.x() + r.width() + 6, baseline, text, "start", false);
		}
		if (!p.marks().isEmpty()) {
			Point a = p.anchor();
			mark(w, new Point(a.x() + (p.side() == Side.EAST ? 12 : -12), a.y() - 11), p.marks());
		}
		w.writeEndElement();
	}

	/** One glyph per element; its tooltip lists every finding, one per line. */
	private static void mark(XMLStreamWriter w, Point at, List<Mark> marks) throws XMLStreamException {
		w.writeStartElement("g");
		w.writeAttribute("class", "finding");
		w.writeAttribute("data-codes", marks.stream().map(Mark::code).distinct().collect(Collectors.joining(" ")));
		Svg.text(w, "title", marks.stream().map(Mark::text).collect(Collectors.joining("\n")));
		w.writeStartElement("circle");
		w.writeAttribute("cx", Svg.n(at.x()));
		w.writeAttribute("cy", Svg.n(at.y()));
		w.writeAttribute("r", "7");
		w.writeAttribute("fill", Styles.severity(Styles.worst(marks)));
		w.writeEndElement();
		w.writeStartElement("text");
		w.writeAttribute("x", Svg.n(at.x()));
		w.writeAttribute("y", Svg.n(at.y() + 4));
		w.writeAttribute("text-anchor", "middle");
		w.writeAttribute("font-weight", "bold");
		w.writeAttribute("fill", "#ffffff");
		w.writeCharacters("!");
		w.writeEndElement();
		w.writeEndElement();
	}

	private static Point middle(List<Point> points) {
		if (points.isEmpty()) {
			return new Point(0, 0);
		}
		if (points.size() == 1) {
			return points.get(0);
		}
		Point a = points.get(points.size() / 2 - (points.size() % 2 == 0 ? 1 : 0));
		Point b = points.get(points.size() / 2);
		return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
	}

	private static void polyline(XMLStreamWriter w, String points, String colour, double width, String opacity)
			throws XMLStreamException {
		w.writeStartElement("polyline");
		w.writeAttribute("points", points);
		w.writeAttribute("fill", "none");
		w.writeAttribute("stroke", colour);
		w.writeAttribute("stroke-width", Svg.n(width));
		w.writeAttribute("stroke-linejoin", "round");
		if (opacity != null) {
			w.writeAttribute("stroke-opacity", opacity);
		}
		w.writeEndElement();
	}

	private static void rect(XMLStreamWriter w, Rect r, String fill, String stroke, double width) throws XMLStreamException {
		w.writeStartElement("rect");
		w.writeAttribute("x", Svg.n(r.x()));
		w.writeAttribute("y", Svg.n(r.y()));
		w.writeAttribute("width", Svg.n(r.width()));
		w.writeAttribute("height", Svg.n(r.height()));
		w.writeAttribute("fill", fill);
		w.writeAttribute("stroke", stroke);
		if (width > 0) {
			w.writeAttribute("stroke-width", Svg.n(width));
		}
		w.writeEndElement();
	}



}
