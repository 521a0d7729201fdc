package org.palisade.simulator;

/**
 * The families of Axis devices the virtual device can impersonate. The kind decides the parameter
 * tree, the declared event topics, the action templates and whether {@code playclip.cgi} works.
 */
public enum DeviceKind {
	/** A network camera with analytics and configurable I/O ports, e.g. AXIS Q1961-TE. */
	CAMERA,
	/** A network horn speaker with media clips, e.g. AXIS C1310-E. */
	SPEAKER
}
