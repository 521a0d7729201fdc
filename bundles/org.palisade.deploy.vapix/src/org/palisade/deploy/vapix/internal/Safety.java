package org.palisade.deploy.vapix.internal;

/**
 * How safe a call is to repeat, which decides which faults are retried.
 * <table>
 * <caption>Retried faults per class</caption>
 * <tr><th>fault</th><th>READ</th><th>IDEMPOTENT_WRITE</th><th>NON_IDEMPOTENT</th></tr>
 * <tr><td>connect refused / connect timeout (request never sent)</td><td>yes</td><td>yes</td><td>yes</td></tr>
 * <tr><td>HTTP 503 (server did not process the request)</td><td>yes</td><td>yes</td><td>yes</td></tr>
 * <tr><td>HTTP 502, 504</td><td>yes</td><td>yes</td><td>no</td></tr>
 * <tr><td>dropped connection, read timeout (outcome unknown)</td><td>yes</td><td>yes</td><td>no</td></tr>
 * <tr><td>HTTP 500 (the device may have acted partly)</td><td>yes</td><td>no</td><td>no</td></tr>
 * </table>
 * A non-idempotent call (Add*, playclip, setStateSequence) whose outcome is unknown is reported,
 * not repeated: a repeat could create a second object or sound the horn twice. The deployer
 * reads the device back to learn what happened.
 */
public enum Safety {
	/** Reads: list, Get*, getPorts. Repeating changes nothing. */
	READ,
	/** Writes of absolute values or deletions: param.cgi update, setPorts, Remove*. */
	IDEMPOTENT_WRITE,
	/** Writes whose repetition has a further effect: Add* (new device-assigned ID), playclip, setStateSequence. */
	NON_IDEMPOTENT;

	/** @return whether this HTTP status is worth another attempt for this class */
	public boolean retriesStatus(int status) {
		return switch (status) {
		case 503 -> true;
		case 502, 504 -> this != NON_IDEMPOTENT;
		case 500 -> this == READ;
		default -> false;
		};
	}

	/** @return whether an I/O failure after the request may have been sent is worth another attempt */
	public boolean retriesUnknownOutcome() {
		return this != NON_IDEMPOTENT;
	}
}
