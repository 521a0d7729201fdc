package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;

/** HTTPS against a virtual device with a throw-away self-signed certificate made by the JDK's keytool. */
class TlsOptionsTest {

	private static final char[] STORE_PW = "changeit".toCharArray();
	private static Path dir;
	private static Path pem;
	private static String fingerprint;
	private static VirtualDevice device;

	@BeforeAll
	static void createCertificateAndDevice() throws Exception {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		assertTrue(Files.isExecutable(keytool), "keytool not available");
		dir = Files.createTempDirectory("vapix-tls");
		Path store = dir.resolve("device.p12");
		pem = dir.resolve("device.pem");
		run(keytool.toString(), "-genkeypair", "-alias", "device", "-keyalg", "EC", "-groupname", "secp256r1",
				"-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(),
				"-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
		run(keytool.toString(), "-exportcert", "-rfc", "-alias", "device", "-keystore", store.toString(), "-storepass",
				"changeit", "-file", pem.toString());
		KeyStore ks = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			ks.load(in, STORE_PW);
		}
		Certificate cert = ks.getCertificate("device");
		fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
		device = new VirtualDevice(DeviceDescriptor.builder("cam-tls").password(Fixture.PASSWORD.toCharArray())
				.tls(store, STORE_PW).build()).start();
	}

	private static void run(String... cmd) throws Exception {
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
		assertEquals(0, p.exitValue(), String.join(" ", List.of(cmd)));
	}

	@AfterAll
	static void stop() throws Exception {
		if (device != null) {
			device.stop();
		}
		if (dir != null) {
			try (var files = Files.list(dir)) {
				for (Path f : files.toList()) {
					Files.delete(f);
				}
			}
			Files.delete(dir);
		}
	}

	private static VapixClient client(TlsOptions tls) throws Exception {
		return VapixClient.builder("cam-tls", device.baseUri()).credentials(new Credentials("root", Fixture.PASSWORD.toCharArray()))
				.tls(tls).retryPolicy(RetryPolicy.none()).connectTimeout(Duration.ofSeconds(5)).build();
	}

	@Test
	void untrustedCertificateIsRefusedByDefault() throws Exception {
		assertTrue(device.baseUri().toString().startsWith("https://127.0.0.1:"));
		try (VapixClient c = client(TlsOptions.systemDefault())) {
			VapixException e = assertThrows(VapixException.class, () -> c.paramCgi().list("Brand"));
			assertEquals(VapixException.Kind.TLS, e.kind());
			assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
		}
	}

	@Test
	void pinnedFingerprintIsTrusted() throws Exception {
		try (VapixClient c = client(TlsOptions.pinnedSha256(fingerprint))) {
			assertEquals("AXIS", c.paramCgi().list("Brand.Brand").get("Brand.Brand"));
		}
	}

	@Test
	void wrongPinIsRefused() throws Exception {
		String other = fingerprint.substring(0, fingerprint.length() - 2) + (fingerprint.endsWith("00") ? "01" : "00");
		try (VapixClient c = client(TlsOptions.pinnedSha256(other))) {
			assertEquals(VapixException.Kind.TLS, assertThrows(VapixException.class, () -> c.paramCgi().list("Brand")).kind());
		}
	}

	@Test
	void trustStoreWithTheCertificateIsTrusted() throws Exception {
		try (VapixClient c = client(TlsOptions.trustStore(pem, null))) {
			assertEquals(2, c.portManagement().getPorts().size());
		}
	}

	@Test
	void anUntrustedDeviceIsNamedWithSubjectFingerprintAndThePinCommand() throws Exception {
		String pinIt = "palisade trust site.perimeter --device cam-tls";
		try (VapixClient c = client(TlsOptions.forDevice(null, pinIt))) {
			VapixException e = assertThrows(VapixException.class, () -> c.paramCgi().list("Brand"));
			assertEquals(VapixException.Kind.TLS, e.kind());
			assertTrue(e.getMessage().contains("the device's certificate is not trusted (subject CN=127.0.0.1, SHA-256 "
					+ fingerprint + "): no certificate authority the JDK trusts vouches for it (PKIX path building failed)."),
					e.getMessage());
			assertTrue(e.getMessage().endsWith("pin it: " + pinIt), e.getMessage());
			assertEquals(1, e.attempts(), "a certificate verdict is not retried");
		}
		// What 'palisade trust' reads, without trusting or sending anything.
		assertEquals(fingerprint, Pins.fingerprint(Pins.fetch(device.baseUri(), Duration.ofSeconds(5))));
		try (VapixClient c = client(TlsOptions.forDevice(fingerprint, pinIt))) {
			assertEquals("AXIS", c.paramCgi().list("Brand.Brand").get("Brand.Brand"));
		}
		String other = fingerprint.substring(0, fingerprint.length() - 2) + (fingerprint.endsWith("00") ? "01" : "00");
		try (VapixClient c = client(TlsOptions.forDevice(other, pinIt))) {
			VapixException e = assertThrows(VapixException.class, () -> c.paramCgi().list("Brand"));
			assertTrue(e.getMessage().contains("does not match the pinned SHA-256 fingerprint (it presents subject"
					+ " CN=127.0.0.1, SHA-256 " + fingerprint + ", pinned " + other + ")"), e.getMessage());
		}
	}

	@Test
	void pinsAreKeptPerDeviceInAFileThatHoldsNoSecret() throws Exception {
		Path file = dir.resolve("site.pins");
		Pins pins = Pins.load(file);
		assertEquals(null, pins.of("cam-tls"));
		pins.put("cam-tls", fingerprint);
		pins.put("Horn 2", fingerprint.toLowerCase());
		Pins again = Pins.load(file);
		assertEquals(fingerprint, again.of("cam-tls"));
		assertEquals(fingerprint.toLowerCase(), again.of("Horn 2"));
		assertTrue(Files.readString(file).startsWith("# Certificate pins"), Files.readString(file));
		Files.writeString(file, "cam-tls=12:34\n");
		java.io.IOException e = assertThrows(java.io.IOException.class, () -> Pins.load(file));
		assertTrue(e.getMessage().startsWith(file + ": the pin of cam-tls: '12:34' is not a SHA-256 fingerprint"),
				e.getMessage());
		Files.delete(file);
	}

	@Test
	void malformedPinsAreRejectedAndNothingLeaks() {
		assertThrows(IllegalArgumentException.class, () -> TlsOptions.pinnedSha256("abc"));
		assertTrue(TlsOptions.pinnedSha256(fingerprint).toString().contains(fingerprint.replace(":", "").toLowerCase()));
		assertFalse(TlsOptions.trustStore(dir.resolve("x.p12"), "St0re-Secret".toCharArray()).toString().contains("St0re-Secret"));
	}
}
