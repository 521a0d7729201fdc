package org.palisade.simulator.internal;

import java.io.IOException;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * {@code /vapix/services}: SOAP 1.2 over POST (vapix.md §3, §4). Dispatches on the namespace and
 * local name of the first element in {@code Body}; a {@code SOAPAction} header or an
 * {@code action=} content-type parameter is optional and not needed for dispatch, because clients
 * differ in whether they send it.
 */
final class SoapEndpoint implements Endpoint {

	/** One SOAP service: answers the inner XML of {@code Body}, or throws {@link SoapFault}. */
	interface Service {
		String handle(String operation, Element request);
	}

	private static final String ENVELOPE_OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			+ "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + Xml.SOAP12 + "\" xmlns:aa=\"" + Xml.ACTION1 + "\" xmlns:aev=\""
			+ Xml.EVENT1 + "\" xmlns:wsnt=\"" + Xml.WSNT + "\" xmlns:wstop=\"" + Xml.WSTOP + "\" xmlns:tns1=\""
			+ Xml.TNS1 + "\" xmlns:tnsaxis=\"" + Xml.TNSAXIS + "\" xmlns:ter=\"" + Xml.TER + "\" xmlns:wsrfbf=\"" + Xml.WSRFBF
			+ "\"><SOAP-ENV:Body>";
	private static final String ENVELOPE_CLOSE = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

	private final Map<String, Service> services;

	SoapEndpoint(Service event1, Service action1) {
		this.services = Map.of(Xml.EVENT1, event1, Xml.ACTION1, action1);
	}

	/** With the web server service too (its TLS configuration, #17). */
	SoapEndpoint(Service event1, Service action1, Service webServer) {
		this.services = Map.of(Xml.EVENT1, event1, Xml.ACTION1, action1, WebServerService.NS, webServer);
	}

	@Override
	public Response handle(Request request) {
		if (!"POST".equals(request.method())) {
			return Response.text(405, "405 Method Not Allowed\n", null);
		}
		Document doc;
		try {
			doc = Xml.parse(request.body());
		} catch (IOException | SAXException e) {
			return fault(SoapFault.sender("Malformed XML in request"), null, null);
		}
		Element envelope = doc.getDocumentElement();
		if (!"Envelope".equals(envelope.getLocalName())
				|| !Xml.SOAP12.equals(envelope.getNamespaceURI())) {
			boolean soap11 = Xml.SOAP11.equals(envelope.getNamespaceURI());
			return fault(SoapFault.sender(soap11 ? "SOAP 1.1 is not supported; use SOAP 1.2" : "Not a SOAP envelope"),
					soap11 ? "SOAP-ENV:VersionMismatch" : null, null);
		}
		Element body = Xml.child(envelope, "Body");
		Element op = body == null ? null : Xml.children(body).stream().findFirst().orElse(null);
		if (op == null) {
			return fault(SoapFault.missing("Body operation"), null, null);
		}
		Service service = services.get(op.getNamespaceURI());
		if (service == null) {
			return fault(SoapFault.sender("Unknown service or operation: " + op.getLocalName()), null,
					op.getLocalName());
		}
		try {
			return Response.soap(200, ENVELOPE_OPEN + service.handle(op.getLocalName(), op) + ENVELOPE_CLOSE,
					op.getLocalName());
		} catch (SoapFault f) {
			return fault(f, null, op.getLocalName());
		}
	}

	private static Response fault(SoapFault f, String codeOverride, String operation) {
		String code = codeOverride != null ? codeOverride : f.sender ? "SOAP-ENV:Sender" : "SOAP-ENV:Receiver";
		StringBuilder b = new StringBuilder(ENVELOPE_OPEN);
		b.append("<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>").append(code).append("</SOAP-ENV:Value>");
		if (f.subcode != null) {
			b.append("<SOAP-ENV:Subcode><SOAP-ENV:Value>").append(f.subcode).append("</SOAP-ENV:Value></SOAP-ENV:Subcode>");
		}
		b.append("</SOAP-ENV:Code><SOAP-ENV:Reason>");
		// An empty reason is sent as an empty element (recorded: RemoveActionConfiguration of an unknown ID).
		if (f.getMessage().isEmpty()) {
			b.append("<SOAP-ENV:Text xml:lang=\"en\"/>");
		} else {
			b.append("<SOAP-ENV:Text xml:lang=\"en\">").append(Xml.escape(f.getMessage())).append("</SOAP-ENV:Text>");
		}
		b.append("</SOAP-ENV:Reason>");
		if (f.detail != null) {
			b.append("<SOAP-ENV:Detail>").append(f.detail).append("</SOAP-ENV:Detail>");
		}
		b.append("</SOAP-ENV:Fault>").append(ENVELOPE_CLOSE);
		return Response.soap(f.sender ? 400 : 500, b.toString(), operation);
	}
}
