package org.palisade.diagram.internal;

import java.util.Locale;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.palisade.diagram.Styles;

/**
 * What every SVG Palisade draws starts with and writes text with: the root element sized to
 * the drawing, its title, labels, and numbers without needless decimals. Shared by the wiring,
 * overview and schedule renderers, so their drawings read alike.
 */
public final class Svg {

	private static final String NS = "http://www.w3.org/2000/svg";

	private Svg() {
	}

	/** Opens the document (when asked) and the {@code svg} element, and writes its title. */
	public static void start(XMLStreamWriter w, boolean document, double width, double height, String title)
			throws XMLStreamException {
		if (document) {
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
		}
		w.writeStartElement("svg");
		w.writeDefaultNamespace(NS);
		w.writeAttribute("width", n(width));
		w.writeAttribute("height", n(height));
		w.writeAttribute("viewBox", "0 0 " + n(width) + " " + n(height));
		w.writeAttribute("font-family", "DejaVu Sans, Arial, sans-serif");
		w.writeAttribute("font-size", n(Styles.FONT_SIZE));
		w.writeAttribute("role", "img");
		text(w, "title", title);
	}

	public static void label(XMLStreamWriter w, double x, double y, String s, String anchor, boolean bold)
			throws XMLStreamException {
		w.writeStartElement("text");
		w.writeAttribute("x", n(x));
		w.writeAttribute("y", n(y));
		w.writeAttribute("fill", Styles.TEXT);
		if (!"start".equals(anchor)) {
			w.writeAttribute("text-anchor", anchor);
		}
		if (bold) {
			w.writeAttribute("font-weight", "bold");
		}
		w.writeCharacters(s);
		w.writeEndElement();
	}

	/** An element holding only text ({@code title}, {@code tspan}). */
	public static void text(XMLStreamWriter w, String element, String s) throws XMLStreamException {
		w.writeStartElement(element);
		w.writeCharacters(s);
		w.writeEndElement();
	}

	/** @return a coordinate: whole numbers without decimals, others with one */
	public static String n(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}
}
