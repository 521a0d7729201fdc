package org.palisade.simulator;

/**
 * The families of Axis devices the virtual device can impersonate. The kind decides the parameter
 * tree, the declared event topics, the action templates and whether {@code playclip.cgi} works.
 */
public enum DeviceKind {
	/** A network camera with analytics and configurable I/O ports, e.g. AXIS Q1961-TE. */
	CAMERA,
	/** A network horn speaker with media clips, e.g. AXIS C1310-E. */
	SPEAKER,
	/**
	 * The site's video management system (issue #19): not an Axis device; it receives the cameras'
	 * alerts (TCP generic events, or HTTP(S) calls behind its Digest login) and records them.
	 */
	VMS
}
