package org.palisade.simulator;

/**
 * Which HTTP authentication schemes a virtual device offers in its {@code WWW-Authenticate}
 * challenge and accepts in {@code Authorization}. Axis devices default to Digest; Basic can be
 * enabled per device, which is why a client must pick the scheme from the challenge.
 */
public enum AuthMode {
	/** Digest only (RFC 7616, MD5, qop=auth): the Axis default. */
	DIGEST,
	/** Basic only (RFC 7617). */
	BASIC,
	/** Both challenges are sent; either scheme is accepted. */
	DIGEST_OR_BASIC
}
