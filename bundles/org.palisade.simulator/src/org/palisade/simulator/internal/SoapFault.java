package org.palisade.simulator.internal;

/**
 * A SOAP 1.2 fault to answer with. Shape (vapix.md §4, recorded from a device):
 * {@code Fault{Code/Value, Reason/Text xml:lang="en", Detail/<detail>}}; Sender faults are sent
 * with HTTP 400, Receiver faults with 500.
 */
final class SoapFault extends RuntimeException {

	private static final long serialVersionUID = 1L;

	final boolean sender;
	/** Qualified detail element, e.g. {@code aa:InvalidConditionFilterFault}, or {@code null}. */
	final String detail;

	private SoapFault(boolean sender, String reason, String detail) {
		super(reason, null, false, false);
		this.sender = sender;
		this.detail = detail;
	}

	static SoapFault sender(String reason) {
		return new SoapFault(true, reason, null);
	}

	static SoapFault sender(String reason, String detail) {
		return new SoapFault(true, reason, detail);
	}

	static SoapFault receiver(String reason) {
		return new SoapFault(false, reason, null);
	}

	static SoapFault missing(String element) {
		return sender("Missing required element: " + element);
	}
}
