package org.palisade.deploy.vapix;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How {@link VapixClient}s reach devices: the TLS trust (built once, since loading a trust store
 * is costly) and the connect timeout. Holds no connections and no threads, so one connector may
 * serve any number of clients; each client keeps its own persistent connection to its device.
 * Thread-safe.
 */
public final class HttpConnector {

	private final TlsOptions tls;
	private final SSLContext sslContext;
	private final Duration connectTimeout;

	private HttpConnector(TlsOptions tls, SSLContext sslContext, Duration connectTimeout) {
		this.tls = tls;
		this.sslContext = sslContext;
		this.connectTimeout = connectTimeout;
	}

	/**
	 * @throws GeneralSecurityException if the TLS trust material is invalid
	 * @throws IOException              if a trust store file cannot be read
	 */
	public static HttpConnector create(TlsOptions tls, Duration connectTimeout)
			throws GeneralSecurityException, IOException {
		Objects.requireNonNull(tls, "tls");
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("connect timeout must be positive");
		}
		return new HttpConnector(tls, tls.createSslContext(), connectTimeout);
	}

	public TlsOptions tls() {
		return tls;
	}

	public SSLContext sslContext() {
		return sslContext;
	}

	public Duration connectTimeout() {
		return connectTimeout;
	}

	@Override
	public String toString() {
		return "HttpConnector[" + tls + ", connect timeout " + connectTimeout + "]";
	}
}
