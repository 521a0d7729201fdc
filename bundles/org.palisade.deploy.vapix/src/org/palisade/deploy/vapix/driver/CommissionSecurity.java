package org.palisade.deploy.vapix.driver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.palisade.deploy.DeviceException;
import org.palisade.deploy.vapix.Pins;

/**
 * What commissioning checks and sends for the design's HTTPS policy and certificate (issue #17):
 * the manual's "HTTPS only" connection policy as param.cgi's {@code System.BoaGroupPolicy.<group>=https}
 * for every user group (vapix-notes.md section 17), and a certificate file of the design, read and
 * checked before anything is sent: PEM, at least one certificate, and no private key (the key lives
 * in the secret store, by reference, never beside the design).
 */
public final class CommissionSecurity {

	/** The user groups of an Axis device whose connection policy the manual sets. */
	static final String[] GROUPS = { "admin", "operator", "viewer" };
	static final String POLICY = "System.BoaGroupPolicy";
	/** The alias Palisade gives the certificate it installs (the certificate API names certificates by alias). */
	public static final String ALIAS = "palisade";
	/** Which certificate the web server presents, by alias (the HTTPS group of param.cgi). */
	static final String HTTPS_CERTIFICATE = "HTTPS.Certificate";

	/** A design's certificate: its PEM text and the SHA-256 of its leaf, as {@link Pins} spells fingerprints. */
	public record Pem(Path file, String text, String fingerprint) {
	}

	private CommissionSecurity() {
	}

	/** @return the parameters of the "HTTPS only" policy: plain HTTP refused for every group */
	public static Map<String, String> httpsOnly() {
		Map<String, String> m = new LinkedHashMap<>();
		for (String g : GROUPS) {
			m.put(POLICY + "." + g, "https");
		}
		return m;
	}

	/**
	 * Reads a design's certificate file.
	 *
	 * @throws DeviceException naming the file and what is wrong with it
	 */
	public static Pem read(String device, Path file) throws DeviceException {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII);
		} catch (IOException | RuntimeException e) {
			throw new DeviceException(device + ": the design's certificate " + file + " cannot be read (" + e.getMessage()
					+ "); nothing was changed", e);
		}
		if (text.contains("PRIVATE KEY-----")) {
			// Never repeated, never sent from here: the design's folder is shared and versioned.
			throw new DeviceException(device + ": the design's certificate " + file + " holds a private key; a design"
					+ " holds no secret: keep only the certificate there and record the key in the secret store under"
					+ " the design's 'key' reference (replace that key: it has been beside the design); nothing was changed",
					null);
		}
		int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
		if (begin < 0) {
			throw new DeviceException(device + ": the design's certificate " + file
					+ " is not PEM (no -----BEGIN CERTIFICATE----- line); nothing was changed", null);
		}
		try {
			X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(text.substring(begin).getBytes(StandardCharsets.US_ASCII)));
			return new Pem(file, text.substring(begin).strip() + "\n", Pins.fingerprint(leaf));
		} catch (CertificateException | IOException e) {
			throw new DeviceException(device + ": the design's certificate " + file + " cannot be parsed ("
					+ e.getMessage() + "); nothing was changed", e);
		}
	}

	/**
	 * A private key as the secret store holds it, as PEM: the PEM itself, the PEM with its line
	 * breaks written {@code \n} (a one-line credentials file), or a bare base64 PKCS#8 body.
	 */
	static char[] keyPem(char[] stored) {
		String s = new String(stored).strip().replace("\\n", "\n");
		if (s.startsWith("-----BEGIN")) {
			return s.toCharArray();
		}
		StringBuilder b = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
		String body = s.replaceAll("\\s", "");
		for (int i = 0; i < body.length(); i += 64) {
			b.append(body, i, Math.min(body.length(), i + 64)).append('\n');
		}
		return b.append("-----END PRIVATE KEY-----\n").toString().toCharArray();
	}

	/** @return the MAC address an Axis serial number spells (the label convention: its twelve hex digits), or {@code null} */
	static String macOfSerial(String serial) {
		if (serial == null || !serial.matches("(?i)[0-9a-f]{12}")) {
			return null;
		}
		String s = serial.toUpperCase(Locale.ROOT);
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 12; i += 2) {
			b.append(i == 0 ? "" : ":").append(s, i, i + 2);
		}
		return b.toString();
	}

	static boolean sameFingerprint(String a, String b) {
		return a != null && b != null && a.replaceAll("[^0-9A-Fa-f]", "").equalsIgnoreCase(b.replaceAll("[^0-9A-Fa-f]", ""));
	}
}
