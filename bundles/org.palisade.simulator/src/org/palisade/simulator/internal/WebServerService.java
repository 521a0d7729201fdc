package org.palisade.simulator.internal;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The web server service at {@code /vapix/services} ({@code http://www.axis.com/vapix/ws/webserver}):
 * {@code GetWebServerTlsConfiguration} names the certificate the HTTPS port presents in
 * {@code Configuration/CertificateSet/Certificates/Id} (as a third-party client reads it from AXIS OS
 * 12.11), and {@code SetWebServerTlsConfiguration} with the same element chooses it. The Set shape
 * is not recorded (vapix-notes.md section 17): any {@code Id} under a {@code Certificates} element is
 * taken, and Palisade itself chooses by param.cgi {@code HTTPS.Certificate}.
 */
final class WebServerService implements SoapEndpoint.Service {

	static final String NS = "http://www.axis.com/vapix/ws/webserver";
	static final String CERT = "http://www.axis.com/vapix/ws/cert";

	private final DeviceCertificates certificates;
	private final StateStore store;

	WebServerService(DeviceCertificates certificates, StateStore store) {
		this.certificates = certificates;
		this.store = store;
	}

	@Override
	public String handle(String operation, Element request) {
		switch (operation) {
		case "GetWebServerTlsConfiguration" -> {
			return "<aweb:GetWebServerTlsConfigurationResponse xmlns:aweb=\"" + NS + "\" xmlns:acert=\"" + CERT
					+ "\"><aweb:Configuration><aweb:Tls>true</aweb:Tls><aweb:CertificateSet><acert:Certificates><acert:Id>"
					+ Xml.escape(certificates.chosen())
					+ "</acert:Id></acert:Certificates></aweb:CertificateSet></aweb:Configuration>"
					+ "</aweb:GetWebServerTlsConfigurationResponse>";
		}
		case "SetWebServerTlsConfiguration" -> {
			String alias = null;
			NodeList ids = request.getElementsByTagNameNS("*", "Id");
			for (int i = 0; i < ids.getLength() && alias == null; i++) {
				if (ids.item(i).getParentNode() instanceof Element p && "Certificates".equals(p.getLocalName())) {
					alias = ids.item(i).getTextContent().strip();
				}
			}
			if (alias == null) {
				throw SoapFault.missing("CertificateSet/Certificates/Id");
			}
			String problem = certificates.choose(alias);
			if (problem != null) {
				throw SoapFault.sender(problem);
			}
			store.setParameters(java.util.Map.of(NetworkParams.HTTPS_CERTIFICATE, alias));
			return "<aweb:SetWebServerTlsConfigurationResponse xmlns:aweb=\"" + NS + "\"/>";
		}
		default -> throw SoapFault.sender("Unknown service or operation: " + operation);
		}
	}
}
