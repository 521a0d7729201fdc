package org.palisade.deploy;

/**
 * A device could not be read or changed. The message names the device and the operation and
 * never contains a secret.
 */
public class DeviceException extends Exception {

	private static final long serialVersionUID = 1L;

	private final boolean authentication;

	public DeviceException(String message, Throwable cause) {
		this(message, cause, false);
	}

	/** @param authentication whether the device refused the credentials (retrying will not help) */
	public DeviceException(String message, Throwable cause, boolean authentication) {
		super(message, cause);
		this.authentication = authentication;
	}

	public boolean isAuthentication() {
		return authentication;
	}
}
