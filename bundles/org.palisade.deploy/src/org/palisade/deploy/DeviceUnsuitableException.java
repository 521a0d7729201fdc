package org.palisade.deploy;

/**
 * The device answered, and is not what the design needs: it lacks an event topic, an action
 * template or an application the design uses, or it is another model. Nothing was changed,
 * and retrying will not help; the design or the device must change.
 */
public class DeviceUnsuitableException extends DeviceException {

	private static final long serialVersionUID = 1L;

	public DeviceUnsuitableException(String message) {
		super(message, null);
	}
}
