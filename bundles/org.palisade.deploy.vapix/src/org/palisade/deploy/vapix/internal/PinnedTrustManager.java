package org.palisade.deploy.vapix.internal;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;

/**
 * Trusts exactly one server certificate: the one whose DER encoding has the pinned SHA-256.
 * Extends {@link javax.net.ssl.X509ExtendedTrustManager} so the JDK does not wrap it with its own host name
 * check; the pin is the identity check. Never trusts client certificates.
 */
public final class PinnedTrustManager extends ServerTrustManager {

	private final byte[] pin;
	private final String pinCommand;

	public PinnedTrustManager(byte[] sha256) {
		this(sha256, null);
	}

	/** @param pinCommand the command that pins the device anew (said when the pin does not match), or {@code null} */
	public PinnedTrustManager(byte[] sha256, String pinCommand) {
		this.pin = sha256.clone();
		this.pinCommand = pinCommand;
	}

	private void check(X509Certificate[] chain) throws CertificateException {
		if (chain == null || chain.length == 0) {
			throw new CertificateException("the server sent no certificate");
		}
		try {
			byte[] actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
			if (!MessageDigest.isEqual(actual, pin)) {
				throw new Certificates.Untrusted("server certificate does not match the pinned SHA-256 fingerprint"
						+ " (it presents " + Certificates.describe(chain[0]) + ", pinned "
						+ java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(pin) + "): another device at"
						+ " that address, or its certificate was renewed" + (pinCommand == null ? ""
								: "; if the new one is the device's, pin it again: " + pinCommand), null);
			}
		} catch (NoSuchAlgorithmException e) {
			throw new CertificateException(e);
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		check(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
		check(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		check(chain);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return new X509Certificate[0];
	}
}
