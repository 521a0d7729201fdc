package org.palisade.deploy.vapix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.palisade.deploy.vapix.internal.ExplainingTrustManager;
import org.palisade.deploy.vapix.internal.PinnedTrustManager;

/**
 * How HTTPS servers are trusted. Verification is always on; there is deliberately no
 * "trust all" option. Choices:
 * <ul>
 * <li>{@link #systemDefault()}: the JDK's CA certificates plus host name verification;</li>
 * <li>{@link #trustStore(Path, char[])}: only the CAs/certificates in a file (PKCS#12, JKS, or
 * PEM/DER certificates), plus host name verification;</li>
 * <li>{@link #pinnedSha256(String)}: exactly one server certificate, identified by the SHA-256 of
 * its DER encoding (as {@code openssl x509 -fingerprint -sha256} prints it). The pin identifies
 * the device, so neither the CA chain nor the host name is checked in this mode; that suits
 * devices with self-signed certificates addressed by IP.</li>
 * </ul>
 */
public final class TlsOptions {

	private enum Mode { SYSTEM, TRUST_STORE, PINNED, DEVICE }

	private final Mode mode;
	private final Path file;
	private final char[] password;
	private final byte[] pin;
	private final String pinCommand;

	private TlsOptions(Mode mode, Path file, char[] password, byte[] pin) {
		this(mode, file, password, pin, null);
	}

	private TlsOptions(Mode mode, Path file, char[] password, byte[] pin, String pinCommand) {
		this.mode = mode;
		this.file = file;
		this.password = password;
		this.pin = pin;
		this.pinCommand = pinCommand;
	}

	/**
	 * Trust on first use, per device: the device's pinned certificate when it has a pin (see
	 * {@link Pins}), else the JDK's CA certificates and host name check. Either way a certificate
	 * that is refused is reported with its subject, its SHA-256 fingerprint and {@code pinCommand},
	 * the command that pins it.
	 *
	 * @param sha256     the device's pin (64 hex digits), or {@code null}
	 * @param pinCommand e.g. {@code palisade trust site.perimeter --device North1}, or {@code null}
	 */
	public static TlsOptions forDevice(String sha256, String pinCommand) {
		return new TlsOptions(Mode.DEVICE, null, null,
				sha256 == null ? null : org.palisade.deploy.vapix.internal.Certificates.parseSha256(sha256), pinCommand);
	}

	public static TlsOptions systemDefault() {
		return new TlsOptions(Mode.SYSTEM, null, null, null);
	}

	/**
	 * @param file     a PKCS#12 or JKS key store ({@code .jks}), or X.509 certificates ({@code .pem},
	 *                 {@code .crt}, {@code .cer}, {@code .der})
	 * @param password the store password, {@code null} for certificate files; copied
	 */
	public static TlsOptions trustStore(Path file, char[] password) {
		return new TlsOptions(Mode.TRUST_STORE, Objects.requireNonNull(file), password == null ? null : password.clone(),
				null);
	}

	/**
	 * @param sha256 64 hex digits, colons and spaces allowed, any case
	 * @throws IllegalArgumentException if it is not a SHA-256 fingerprint
	 */
	public static TlsOptions pinnedSha256(String sha256) {
		return new TlsOptions(Mode.PINNED, null, null, org.palisade.deploy.vapix.internal.Certificates.parseSha256(sha256));
	}

	/** @return an SSL context implementing this choice */
	public SSLContext createSslContext() throws GeneralSecurityException, IOException {
		if (mode == Mode.SYSTEM) {
			return SSLContext.getDefault();
		}
		TrustManager[] managers;
		if (mode == Mode.PINNED || (mode == Mode.DEVICE && pin != null)) {
			managers = new TrustManager[] { new PinnedTrustManager(pin, pinCommand) };
		} else if (mode == Mode.DEVICE) {
			managers = new TrustManager[] { new ExplainingTrustManager(jdkTrustManager(), pinCommand) };
		} else {
			TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			tmf.init(loadStore());
			managers = tmf.getTrustManagers();
		}
		SSLContext ctx = SSLContext.getInstance("TLS");
		ctx.init(null, managers, null);
		return ctx;
	}

	private static javax.net.ssl.X509ExtendedTrustManager jdkTrustManager() throws GeneralSecurityException {
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init((KeyStore) null);
		for (TrustManager t : tmf.getTrustManagers()) {
			if (t instanceof javax.net.ssl.X509ExtendedTrustManager x) {
				return x;
			}
		}
		throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
	}

	private KeyStore loadStore() throws GeneralSecurityException, IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		try (InputStream in = Files.newInputStream(file)) {
			if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer") || name.endsWith(".der")) {
				KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
				ks.load(null, null);
				int i = 0;
				for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
					ks.setCertificateEntry("cert-" + i++, c);
				}
				if (i == 0) {
					throw new GeneralSecurityException("no certificate in " + file);
				}
				return ks;
			}
			KeyStore ks = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
			ks.load(in, password);
			return ks;
		}
	}

	@Override
	public String toString() {
		return switch (mode) {
		case SYSTEM -> "TlsOptions[system CAs]";
		case TRUST_STORE -> "TlsOptions[trust store " + file + "]";
		case PINNED -> "TlsOptions[pinned SHA-256 " + HexFormat.of().formatHex(pin) + "]";
		case DEVICE -> pin == null ? "TlsOptions[system CAs, explained]" : "TlsOptions[device pin " + HexFormat.of().formatHex(pin) + "]";
		};
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof TlsOptions t && t.mode == mode && Objects.equals(t.file, file) && Arrays.equals(t.pin, pin);
	}

	@Override
	public int hashCode() {
		return Objects.hash(mode, file, Arrays.hashCode(pin));
	}
}
