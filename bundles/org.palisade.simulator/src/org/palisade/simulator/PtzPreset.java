package org.palisade.simulator;

/**
 * A preset a virtual PTZ camera holds: its name and where the head points there (pan and tilt in
 * degrees, zoom on ptz.cgi's 1..9999 scale).
 */
public record PtzPreset(String name, double pan, double tilt, int zoom) {

	/** Where a preset points when the design gives no position: the head's home. */
	public static PtzPreset at(String name) {
		return new PtzPreset(name, 0, 0, 1);
	}
}
