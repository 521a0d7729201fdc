package org.palisade.deploy.vapix.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.palisade.deploy.vapix.VapixException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * SOAP 1.2 calls to {@code /vapix/services} (vapix.md §3, §4).
 * <p>
 * Emitted form: all request elements carry the service prefix ({@code aa:} / {@code aev:}, as the
 * Axis guide's examples do); the envelope declares {@code wsnt}, {@code tns1} and {@code tnsaxis}
 * so topic expressions resolve; the action goes both in the content type ({@code action=}, SOAP
 * 1.2) and in a {@code SOAPAction} header (sent by Kane610/axis), since devices accept either.
 * Parsing accepts any prefixes and matches by local name.
 */
public final class SoapClient {

	private final HttpTransport transport;

	public SoapClient(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * @param prefix  {@code aa} for action1, {@code aev} for event1
	 * @param inner   the operation's child elements, already escaped, using {@code prefix}
	 * @param secrets values to mask in errors
	 * @return the {@code <op>Response} element
	 */
	public Element call(String namespace, String prefix, String operation, String inner, Safety safety,
			List<String> secrets) throws VapixException {
		return call(namespace, prefix, operation, inner, safety, secrets, true);
	}

	/**
	 * For operations whose answer carries nothing (Remove*): the response bodies devices send for
	 * them are unconfirmed, so an empty Body or any non-fault element is accepted as success.
	 */
	public void callWithoutResult(String namespace, String prefix, String operation, String inner, Safety safety)
			throws VapixException {
		call(namespace, prefix, operation, inner, safety, List.of(), false);
	}

	private Element call(String namespace, String prefix, String operation, String inner, Safety safety,
			List<String> secrets, boolean resultNeeded) throws VapixException {
		String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + "<soap:Envelope xmlns:soap=\""
				+ XmlSupport.SOAP12 + "\" xmlns:aev=\"" + XmlSupport.EVENT1 + "\" xmlns:aa=\"" + XmlSupport.ACTION1
				+ "\" xmlns:wsnt=\"" + XmlSupport.WSNT + "\" xmlns:tns1=\"" + XmlSupport.TNS1 + "\" xmlns:tnsaxis=\""
				+ XmlSupport.TNSAXIS + "\"><soap:Body><" + prefix + ":" + operation + ">" + inner + "</" + prefix + ":"
				+ operation + "></soap:Body></soap:Envelope>";
		String action = namespace + "/" + operation;
		String service = namespace.endsWith("event1") ? "event1" : "action1";
		VapixRequest req = VapixRequest
				.post("/vapix/services", envelope.getBytes(StandardCharsets.UTF_8),
						"application/soap+xml; charset=utf-8; action=\"" + action + "\"", safety,
						service + " " + operation)
				.withSecrets(secrets).withHeaders(List.of("SOAPAction", "\"" + action + "\""));
		VapixResponse r = transport.execute(req);
		if (!resultNeeded && r.ok() && r.body().length == 0) {
			return null;
		}
		Document doc;
		try {
			doc = XmlSupport.parse(r.body());
		} catch (IOException | SAXException e) {
			throw r.ok() ? Failures.protocol(transport.device(), req, r, "response is not XML", e)
					: Failures.httpStatus(transport.device(), req, r);
		}
		Element body = XmlSupport.child(doc.getDocumentElement(), "Body");
		Element first = XmlSupport.children(body).stream().findFirst().orElse(null);
		if (first != null && "Fault".equals(first.getLocalName())) {
			throw fault(req, r, first);
		}
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		if (!resultNeeded) {
			return first;
		}
		if (first == null || !(operation + "Response").equals(first.getLocalName())) {
			throw Failures.protocol(transport.device(), req, r, "expected " + operation + "Response", null);
		}
		return first;
	}

	/**
	 * What each recorded fault means, for the message (vapix-notes.md section 3; the fault names are
	 * the action1 WSDL's, "Missmatch" is Axis' spelling).
	 */
	private static final java.util.Map<String, String> MEANINGS = java.util.Map.ofEntries(
			java.util.Map.entry("ActionTemplateNotFoundFault", "the device has no action template with that token"),
			java.util.Map.entry("RecipientTemplateNotFoundFault", "the device has no recipient template with that token"),
			java.util.Map.entry("ParametersMissmatchFault",
					"the parameters do not match the device's template: every template parameter must be given"),
			java.util.Map.entry("ActionConfigurationNotFoundFault", "no action configuration with that ID on the device"),
			java.util.Map.entry("RecipientConfigurationNotFoundFault",
					"no recipient configuration with that ID on the device"),
			java.util.Map.entry("ActionRuleNotFoundFault", "no action rule with that ID on the device"),
			java.util.Map.entry("ActionConfigurationIsInUseFault",
					"action rules still use the action configuration; remove them first"),
			java.util.Map.entry("InvalidConditionFilterFault",
					"a condition names an event the device does not declare as a stateful (property) event"),
			java.util.Map.entry("InvalidFilterFault", "a filter names an event the device does not declare"),
			java.util.Map.entry("InvalidTopicExpressionFault", "the topic expression is not a valid Concrete expression"),
			java.util.Map.entry("InvalidMessageContentExpressionFault", "the message content filter is not valid XPath"),
			java.util.Map.entry("InsufficientActivationRuleFault", "the rule has no start event and no condition"),
			java.util.Map.entry("InvalidArgs", "the request does not match the service's schema"));

	/** Fault{Code/Value[/Subcode], Reason/Text, Detail/*}: code = detail element name, else the (sub)code's local part. */
	private VapixException fault(VapixRequest req, VapixResponse r, Element fault) {
		Element code = XmlSupport.child(fault, "Code");
		String value = code == null ? null : XmlSupport.childText(code, "Value");
		Element sub = code == null ? null : XmlSupport.child(code, "Subcode");
		String subValue = sub == null ? null : XmlSupport.childText(sub, "Value");
		Element reason = XmlSupport.child(fault, "Reason");
		String text = reason == null ? null : XmlSupport.childText(reason, "Text");
		if (text == null) {
			text = XmlSupport.childText(fault, "faultstring"); // SOAP 1.1 shape, should a device use it
		}
		Element detail = XmlSupport.children(XmlSupport.child(fault, "Detail")).stream().findFirst().orElse(null);
		String codeName;
		String more = null;
		if (subValue != null) {
			codeName = subValue.substring(subValue.indexOf(':') + 1);
			more = detail == null ? null : detail.getTextContent().trim(); // ter:InvalidArgs: the violation as text
		} else if (detail != null) {
			codeName = detail.getLocalName();
			if (codeName.equals("ActionConfigurationIsInUseFault")) {
				java.util.List<String> rules = new java.util.ArrayList<>();
				for (Element rule : XmlSupport.childrenNamed(XmlSupport.child(detail, "UsedByActionRules"), "ActionRule")) {
					rules.add(XmlSupport.childText(rule, "ActionRuleID") + " \"" + XmlSupport.childText(rule, "ActionRuleName")
							+ "\"");
				}
				more = "used by rule(s) " + String.join(", ", rules);
			}
		} else {
			codeName = value == null ? null : value.substring(value.indexOf(':') + 1);
		}
		String meaning = codeName == null ? null : MEANINGS.get(codeName);
		if (more != null && !more.isEmpty()) {
			meaning = meaning == null ? more : meaning + " (" + more + ")";
		}
		return Failures.deviceError(transport.device(), req, r, text, codeName, meaning);
	}
}
