package org.palisade.deploy.vapix.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's verdict (CA chain and host name, unchanged), with a message a person can act on when
 * it says no: the server certificate's subject and SHA-256 fingerprint and the command that pins
 * it, instead of "PKIX path building failed". Axis devices ship with self-signed certificates, so
 * this is the first thing a new user meets.
 */
public final class ExplainingTrustManager extends ServerTrustManager {

	private final X509ExtendedTrustManager jdk;
	private final String pinCommand;

	/** @param pinCommand the command that pins this device's certificate, or {@code null} */
	public ExplainingTrustManager(X509ExtendedTrustManager jdk, String pinCommand) {
		this.jdk = jdk;
		this.pinCommand = pinCommand;
	}

	private CertificateException explain(X509Certificate[] chain, CertificateException e) throws CertificateException {
		if (chain == null || chain.length == 0) {
			return e;
		}
		String why = String.valueOf(e.getMessage()).startsWith("PKIX path building failed")
				? "no certificate authority the JDK trusts vouches for it (PKIX path building failed)"
				: Redactor.firstLine(e.getMessage());
		return new Certificates.Untrusted("the device's certificate is not trusted (" + Certificates.describe(chain[0])
				+ "): " + why + (pinCommand == null ? ""
						: ". If that fingerprint is the device's (its web page shows it), pin it: " + pinCommand), e);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		try {
			jdk.checkServerTrusted(chain, authType);
		} catch (CertificateException e) {
			throw explain(chain, e);
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
		try {
			jdk.checkServerTrusted(chain, authType, socket);
		} catch (CertificateException e) {
			throw explain(chain, e);
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		try {
			jdk.checkServerTrusted(chain, authType, engine);
		} catch (CertificateException e) {
			throw explain(chain, e);
		}
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return jdk.getAcceptedIssuers();
	}
}
