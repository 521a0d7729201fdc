package org.palisade.simulator.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * One event message of a device, as the event service would send it: its topic (the levels'
 * local names, {@code [CameraApplicationPlatform, PerimeterDefender, Fence]}) and the simple items
 * of its Source and Data.
 */
public record DeviceEvent(List<String> topic, Map<String, String> source, Map<String, String> data) {

	/**
	 * One per thread: looking the factories up goes through class loaders (slow under OSGi), and
	 * neither an XPath nor a DocumentBuilder is thread-safe.
	 */
	private static final ThreadLocal<XPath> XPATH = ThreadLocal.withInitial(() -> XPathFactory.newInstance().newXPath());
	private static final ThreadLocal<DocumentBuilder> DOCUMENTS = ThreadLocal.withInitial(() -> {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder();
		} catch (javax.xml.parsers.ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	});

	public DeviceEvent {
		topic = List.copyOf(topic);
		source = Map.copyOf(source);
		data = Map.copyOf(data);
	}

	/** @return the levels of a Concrete topic expression without their prefixes */
	public static List<String> levels(String expression) {
		List<String> out = new ArrayList<>();
		for (String level : expression.trim().split("/")) {
			out.add(level.substring(level.indexOf(':') + 1).trim());
		}
		return out;
	}

	/** @return the topic as a path, {@code CameraApplicationPlatform/PerimeterDefender/Fence} */
	public String path() {
		return String.join("/", topic);
	}

	/**
	 * Evaluates a message-content filter (an XPath 1.0 boolean, as a rule's condition or an event
	 * stream's {@code contentFilter} carries) on this event's message: SimpleItems under Source
	 * and Data, as the event service evaluates an ItemFilter.
	 *
	 * @throws XPathExpressionException when the filter is not XPath
	 */
	public boolean matches(String contentFilter) throws XPathExpressionException {
		return (Boolean) XPATH.get().evaluate(contentFilter, message(), XPathConstants.BOOLEAN);
	}

	private Document message() {
		StringBuilder xml = new StringBuilder("<Message><Source>");
		source.forEach((k, v) -> item(xml, k, v));
		xml.append("</Source><Data>");
		data.forEach((k, v) -> item(xml, k, v));
		xml.append("</Data></Message>");
		try {
			return DOCUMENTS.get().parse(new InputSource(new StringReader(xml.toString())));
		} catch (java.io.IOException | org.xml.sax.SAXException x) {
			throw new IllegalStateException(x);
		}
	}

	private static void item(StringBuilder xml, String name, String value) {
		xml.append("<SimpleItem Name=\"").append(escape(name)).append("\" Value=\"").append(escape(value)).append("\"/>");
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}
}
