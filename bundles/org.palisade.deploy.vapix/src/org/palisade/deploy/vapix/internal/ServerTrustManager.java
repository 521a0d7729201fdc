package org.palisade.deploy.vapix.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager of the client side only: Palisade connects to devices and never accepts a
 * client certificate, so every client check refuses. Subclasses decide about servers.
 */
abstract class ServerTrustManager extends X509ExtendedTrustManager {

	private static final String NO_CLIENTS = "client certificates are not accepted";

	@Override
	public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException(NO_CLIENTS);
	}

	@Override
	public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
		throw new CertificateException(NO_CLIENTS);
	}

	@Override
	public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
		throw new CertificateException(NO_CLIENTS);
	}
}
