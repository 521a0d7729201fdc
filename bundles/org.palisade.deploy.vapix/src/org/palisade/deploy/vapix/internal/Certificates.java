package org.palisade.deploy.vapix.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** Fingerprints and one-line descriptions of certificates, as people compare them. */
public final class Certificates {

	private Certificates() {
	}

	/** @return the SHA-256 of the DER encoding, upper-case hex in colon-separated pairs (as openssl prints it) */
	public static String sha256(X509Certificate c) throws CertificateException {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
			return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
		} catch (NoSuchAlgorithmException | CertificateEncodingException e) {
			throw new CertificateException("cannot fingerprint the certificate: " + e.getMessage(), e);
		}
	}

	/** @return the 32 bytes of a fingerprint given as 64 hex digits, colons and spaces allowed, any case */
	public static byte[] parseSha256(String text) {
		String hex = text.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
		if (!hex.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint: that is 64 hex digits"
					+ " (colons allowed), as 'openssl x509 -noout -fingerprint -sha256' prints it");
		}
		return HexFormat.of().parseHex(hex);
	}

	/** @return {@code subject CN=..., SHA-256 AB:CD:...} */
	public static String describe(X509Certificate c) throws CertificateException {
		return "subject " + c.getSubjectX500Principal().getName() + ", SHA-256 " + sha256(c);
	}

	/**
	 * A certificate Palisade does not trust, with what a person needs to decide: its subject and
	 * fingerprint, and the command that pins it.
	 */
	public static final class Untrusted extends CertificateException {
		private static final long serialVersionUID = 1L;

		public Untrusted(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
