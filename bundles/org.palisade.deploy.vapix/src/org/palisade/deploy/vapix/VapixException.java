package org.palisade.deploy.vapix;

/**
 * A VAPIX call that did not succeed. Carries which device and call failed, the HTTP status (if a
 * response arrived), the device's own error text and code (param.cgi {@code # Error:} line, JSON
 * {@code error.code/message}, SOAP Fault code/detail and reason), and how many attempts were made.
 * <p>
 * Never contains credentials: request bodies, query strings and headers are not included, and
 * secret values the caller sent are masked out of device texts.
 */
public final class VapixException extends Exception {

	private static final long serialVersionUID = 1L;

	/** What went wrong, coarsely; decides what a caller can do about it. */
	public enum Kind {
		/** The device rejected the credentials, or demands an unsupported scheme. */
		AUTHENTICATION,
		/** The device answered with its error shape (param.cgi, JSON error, SOAP Fault). */
		DEVICE_ERROR,
		/** An HTTP error status without a device error shape (e.g. 503 after all retries). */
		HTTP_STATUS,
		/** No usable answer: connection refused, timed out or dropped. */
		TRANSPORT,
		/** The TLS handshake failed: certificate not trusted or pin mismatch. */
		TLS,
		/** A response arrived but could not be understood. */
		PROTOCOL
	}

	/** Status value when no HTTP response was received. */
	public static final int NO_STATUS = -1;

	private final Kind kind;
	private final String device;
	private final String call;
	private final int httpStatus;
	private final String deviceError;
	private final String deviceCode;
	private final int attempts;

	/**
	 * @param deviceError the device's error text (already redacted), or {@code null}
	 * @param deviceCode  the device's error code (JSON code, SOAP fault detail or code), or {@code null}
	 */
	public VapixException(Kind kind, String device, String call, int httpStatus, String deviceError,
			String deviceCode, int attempts, String detail, Throwable cause) {
		super(message(kind, device, call, httpStatus, deviceError, deviceCode, attempts, detail), cause);
		this.kind = kind;
		this.device = device;
		this.call = call;
		this.httpStatus = httpStatus;
		this.deviceError = deviceError;
		this.deviceCode = deviceCode;
		this.attempts = attempts;
	}

	private static String message(Kind kind, String device, String call, int status, String deviceError,
			String deviceCode, int attempts, String detail) {
		StringBuilder b = new StringBuilder(device).append(": ").append(call).append(" failed: ");
		b.append(switch (kind) {
		case AUTHENTICATION -> "authentication failed";
		case DEVICE_ERROR -> "device error";
		case HTTP_STATUS -> "HTTP error";
		case TRANSPORT -> "no response";
		case TLS -> "TLS handshake failed";
		case PROTOCOL -> "unexpected response";
		});
		if (status != NO_STATUS) {
			b.append(" (HTTP ").append(status).append(')');
		}
		if (deviceCode != null) {
			b.append(" [").append(deviceCode).append(']');
		}
		if (deviceError != null && !deviceError.isEmpty()) {
			b.append(": ").append(deviceError);
		}
		if (detail != null && !detail.isEmpty()) {
			b.append(" - ").append(detail);
		}
		if (attempts > 1) {
			b.append(" (after ").append(attempts).append(" attempts)");
		}
		return b.toString();
	}

	public Kind kind() { return kind; }
	/** @return the device name given to the client */
	public String device() { return device; }
	/** @return the call, e.g. {@code param.cgi update} or {@code action1 AddActionRule} */
	public String call() { return call; }
	/** @return the HTTP status, or {@link #NO_STATUS} */
	public int httpStatus() { return httpStatus; }
	/** @return the device's error text, or {@code null} */
	public String deviceError() { return deviceError; }
	/** @return the device's error code, or {@code null} */
	public String deviceCode() { return deviceCode; }
	public int attempts() { return attempts; }
}
