package org.palisade.simulator.internal;

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

/** Namespace-aware, XXE-safe DOM parsing and tiny XML writing helpers. */
final class Xml {

	static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
	static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
	static final String EVENT1 = "http://www.axis.com/vapix/ws/event1";
	static final String ACTION1 = "http://www.axis.com/vapix/ws/action1";
	static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";
	static final String WSTOP = "http://docs.oasis-open.org/wsn/t-1";
	static final String TNS1 = "http://www.onvif.org/ver10/topics";
	static final String TNSAXIS = "http://www.axis.com/2009/event/topics";
	static final String CONCRETE = "http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete";
	static final String ITEM_FILTER = "http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter";
	static final String TER = "http://www.onvif.org/ver10/error";
	static final String WSRFBF = "http://docs.oasis-open.org/wsrf/bf-2";
	static final String ICAL_DIALECT = "http://www.axis.com/vapix/ws/ical1";

	private Xml() {
	}

	/**
	 * Parsers with DTDs and external entities disabled (request bodies are untrusted), one per
	 * thread: creating a factory looks the implementation up through
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

	static Document parse(byte[] body) throws IOException, SAXException {
		DocumentBuilder b = PARSER.get();
		b.reset();
		b.setErrorHandler(null);
		return b.parse(new ByteArrayInputStream(body));
	}

	/** @return element children, in order */
	static List<Element> children(Element parent) {
		List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				out.add(e);
			}
		}
		return out;
	}

	/**
	 * @return the first child with this local name, in any namespace: clients put request children
	 *         in the service namespace, in a default namespace, or in none, and devices accept all
	 */
	static Element child(Element parent, String localName) {
		for (Element e : children(parent)) {
			if (localName.equals(e.getLocalName())) {
				return e;
			}
		}
		return null;
	}

	static List<Element> childrenNamed(Element parent, String localName) {
		List<Element> out = new ArrayList<>();
		for (Element e : children(parent)) {
			if (localName.equals(e.getLocalName())) {
				out.add(e);
			}
		}
		return out;
	}

	/** @return the trimmed text of the named child, or {@code null} if there is no such child */
	static String childText(Element parent, String localName) {
		Element e = child(parent, localName);
		return e == null ? null : e.getTextContent().trim();
	}

	static String escape(String s) {
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

	/** Appends {@code <tag>escaped text</tag>}. */
	static StringBuilder leaf(StringBuilder b, String tag, String text) {
		return b.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
	}
}
