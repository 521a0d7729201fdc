package org.palisade.simulator.internal;

/**
 * A SOAP 1.2 fault to answer with, in the shape recorded from devices (vapix-notes.md section 3):
 * {@code Fault{Code/Value[/Subcode/Value], Reason/Text xml:lang="en", Detail/<detail>}}; Sender
 * faults are sent with HTTP 400, Receiver faults with 500.
 */
final class SoapFault extends RuntimeException {

	private static final long serialVersionUID = 1L;

	final boolean sender;
	/** The Detail element's content (XML, prefixes of the envelope), or {@code null}. */
	final String detail;
	/** A qualified Subcode value ({@code ter:InvalidArgs}), or {@code null}. */
	final String subcode;

	private SoapFault(boolean sender, String reason, String detail, String subcode) {
		super(reason, null, false, false);
		this.sender = sender;
		this.detail = detail;
		this.subcode = subcode;
	}

	static SoapFault sender(String reason) {
		return new SoapFault(true, reason, null, null);
	}

	/** @param faultElement a qualified element name such as {@code aa:ActionRuleNotFoundFault}, rendered empty */
	static SoapFault sender(String reason, String faultElement) {
		return new SoapFault(true, reason, "<" + faultElement + "></" + faultElement + ">", null);
	}

	/** @param detailXml the Detail's content as devices send it */
	static SoapFault senderWithDetail(String reason, String detailXml) {
		return new SoapFault(true, reason, detailXml, null);
	}

	/** A WS-BaseFaults fault ({@code wsnt:InvalidTopicExpressionFault}...), with the timestamp devices add. */
	static SoapFault baseFault(String reason, String faultElement) {
		String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		return new SoapFault(true, reason, "<" + faultElement + "><wsrfbf:Timestamp>" + now + "</wsrfbf:Timestamp></"
				+ faultElement + ">", null);
	}

	/**
	 * A schema violation: recorded for an empty {@code Conditions} as Subcode {@code ter:InvalidArgs},
	 * reason "Invalid argument" and the violation as {@code Detail/Text}.
	 */
	static SoapFault invalidArgs(String violation) {
		return new SoapFault(true, "Invalid argument", "<SOAP-ENV:Text>" + Xml.escape(violation) + "</SOAP-ENV:Text>",
				"ter:InvalidArgs");
	}

	static SoapFault receiver(String reason) {
		return new SoapFault(false, reason, null, null);
	}

	/** A required element left out: a schema violation, as devices report it. */
	static SoapFault missing(String element) {
		// gSOAP's occurrence check, as recorded for an empty Conditions (the text for a missing element
		// is unconfirmed).
		return invalidArgs("Validation constraint violation: occurrence violation in element " + element);
	}
}
