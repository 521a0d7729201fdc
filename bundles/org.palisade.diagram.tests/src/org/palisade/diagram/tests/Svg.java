package org.palisade.diagram.tests;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses SVG with the JDK's XML parser (namespace-aware, no external entities). */
final class Svg {

	private Svg() {
	}

	/** Saves a drawing under target/diagrams (as the UI tests save screenshots), for a person to look at. */
	static void keep(String name, String svg) throws java.io.IOException {
		java.nio.file.Path dir = java.nio.file.Path.of("target/diagrams");
		java.nio.file.Files.createDirectories(dir);
		java.nio.file.Files.writeString(dir.resolve(name + ".svg"), svg);
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
	}

	static Element byId(Document doc, String id) {
		for (Element e : all(doc.getDocumentElement(), "*")) {
			if (id.equals(e.getAttribute("id"))) {
				return e;
			}
		}
		throw new AssertionError("no element with id " + id);
	}

	static List<Element> all(Element root, String name) {
		NodeList list = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
		List<Element> result = new ArrayList<>();
		for (int i = 0; i < list.getLength(); i++) {
			result.add((Element) list.item(i));
		}
		return result;
	}

	/** @return the g.finding elements under root */
	static List<Element> findings(Element root) {
		return all(root, "g").stream().filter(g -> "finding".equals(g.getAttribute("class"))).toList();
	}
}
