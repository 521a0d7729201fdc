package org.palisade.deploy.vapix;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.palisade.deploy.vapix.internal.Certificates;

/**
 * Per-device certificate pins of a site, in a file beside the design ({@code <site>.pins}: one
 * {@code <device>=<SHA-256>} line each). Fingerprints are not secrets: the file is meant to be
 * committed, so a team shares what it decided to trust. Written by {@code palisade trust}, read
 * by plan and deploy ({@link TlsOptions#forDevice}).
 */
public final class Pins {

	private final Path file;
	private final Map<String, String> pins;

	private Pins(Path file, Map<String, String> pins) {
		this.file = file;
		this.pins = pins;
	}

	/** @return the pins in the file, none when there is no file */
	public static Pins load(Path file) throws IOException {
		Map<String, String> m = new TreeMap<>();
		if (Files.exists(file)) {
			Properties p = new Properties();
			try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				p.load(r);
			}
			for (String device : p.stringPropertyNames()) {
				String v = p.getProperty(device).strip();
				try {
					Certificates.parseSha256(v);
				} catch (IllegalArgumentException e) {
					throw new IOException(file + ": the pin of " + device + ": " + e.getMessage());
				}
				m.put(device, v);
			}
		}
		return new Pins(file, m);
	}

	public Path file() {
		return file;
	}

	/** @return the device's pin, or {@code null} */
	public String of(String device) {
		return pins.get(device);
	}

	public Map<String, String> all() {
		return Map.copyOf(pins);
	}

	/** Records a pin and writes the file (whole, then moved into place). */
	public void put(String device, String sha256) throws IOException {
		Certificates.parseSha256(sha256);
		pins.put(device, sha256);
		StringBuilder b = new StringBuilder("# Certificate pins (SHA-256 of each device's certificate), written by"
				+ " 'palisade trust'.\n# Not secret: commit this file with the design.\n");
		pins.forEach((d, p) -> b.append(d.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ "))
				.append('=').append(p).append('\n'));
		Files.createDirectories(file.toAbsolutePath().getParent());
		if (Files.isSymbolicLink(file)) {
			throw new IOException(file + " is a symbolic link; pins are written to a plain file only");
		}
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(tmp, b, StandardCharsets.UTF_8);
		try {
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Reads the certificate a device presents, without trusting it or sending anything over the
	 * connection: the TLS handshake only, so the caller can show it to a person who decides.
	 *
	 * @param uri an {@code https} URI of the device
	 * @return the device's certificate (the first of its chain)
	 */
	public static X509Certificate fetch(URI uri, Duration timeout) throws IOException {
		if (!"https".equalsIgnoreCase(uri.getScheme())) {
			throw new IOException(uri + ": not https, there is no certificate to pin");
		}
		X509Certificate[][] seen = new X509Certificate[1][];
		// Records and accepts any chain: used only to show the certificate, never to send data.
		TrustManager recorder = new X509TrustManager() {
			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
				seen[0] = chain;
			}

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				throw new CertificateException("no client certificates");
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		};
		try {
			SSLContext ctx = SSLContext.getInstance("TLS");
			ctx.init(null, new TrustManager[] { recorder }, null);
			int port = uri.getPort() < 0 ? 443 : uri.getPort();
			try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
				s.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
				s.setSoTimeout((int) timeout.toMillis());
				s.startHandshake();
				Certificate[] chain = s.getSession().getPeerCertificates();
				if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
					return x;
				}
			}
		} catch (GeneralSecurityException e) {
			throw new IOException(uri + ": " + e.getMessage(), e);
		}
		if (seen[0] != null && seen[0].length > 0) {
			return seen[0][0];
		}
		throw new IOException(uri + ": the device presented no certificate");
	}

	/** @return the fingerprint as the pins file holds it */
	public static String fingerprint(X509Certificate c) throws IOException {
		try {
			return Certificates.sha256(c);
		} catch (CertificateException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** @return {@code subject ..., SHA-256 ...} */
	public static String describe(X509Certificate c) throws IOException {
		try {
			return Certificates.describe(c);
		} catch (CertificateException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

}
