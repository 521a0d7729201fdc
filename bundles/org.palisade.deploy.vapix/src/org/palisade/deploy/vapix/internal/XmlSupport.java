package org.palisade.deploy.vapix.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** XXE-safe namespace-aware parsing and element helpers that match children by local name. */
public final class XmlSupport {

	public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
	public static final String EVENT1 = "http://www.axis.com/vapix/ws/event1";
	public static final String ACTION1 = "http://www.axis.com/vapix/ws/action1";
	public static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";
	public static final String TNS1 = "http://www.onvif.org/ver10/topics";
	public static final String TNSAXIS = "http://www.axis.com/2009/event/topics";
	public static final String CONCRETE = "http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete";
	public static final String ITEM_FILTER = "http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter";
	public static final String ICAL_DIALECT = "http://www.axis.com/vapix/ws/ical1";

	private XmlSupport() {
	}

	/**
	 * One configured parser per thread: creating a factory looks the implementation up through
	 * class loaders (slow under OSGi), and parsers are not thread-safe, but reusable after reset.
	 */
	private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setNamespaceAware(true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			return f.newDocumentBuilder();
		} catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	});

	public static Document parse(byte[] body) throws IOException, SAXException {
		DocumentBuilder b = PARSER.get();
		b.reset();
		b.setErrorHandler(null);
		return b.parse(new ByteArrayInputStream(body));
	}

	public static List<Element> children(Element parent) {
		List<Element> out = new ArrayList<>();
		if (parent == null) {
			return out;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				out.add(e);
			}
		}
		return out;
	}

	/** @return the first child with this local name in any namespace, or {@code null} */
	public static Element child(Element parent, String localName) {
		for (Element e : children(parent)) {
			if (localName.equals(e.getLocalName())) {
				return e;
			}
		}
		return null;
	}

	public static List<Element> childrenNamed(Element parent, String localName) {
		List<Element> out = new ArrayList<>();
		for (Element e : children(parent)) {
			if (localName.equals(e.getLocalName())) {
				out.add(e);
			}
		}
		return out;
	}

	/** @return trimmed text of the named child, or {@code null} */
	public static String childText(Element parent, String localName) {
		Element e = child(parent, localName);
		return e == null ? null : e.getTextContent().trim();
	}

	public static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '<' -> b.append("&lt;");
			case '>' -> b.append("&gt;");
			case '&' -> b.append("&amp;");
			case '"' -> b.append("&quot;");
			case '\'' -> b.append("&apos;");
			default -> b.append(c);
			}
		}
		return b.toString();
	}

	/** Appends {@code <tag>escaped</tag>}. */
	public static StringBuilder leaf(StringBuilder b, String tag, String text) {
		return b.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
	}
}
