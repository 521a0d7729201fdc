package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.site.SelfSignedStore;
import org.palisade.deploy.site.SiteCommissioning;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.driver.CommissionJournal;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.deploy.vapix.driver.PasswordVault;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;
import org.palisade.validation.PasswordPolicy;

/**
 * Issue #17, what commissioning does beyond the address and the password, on factory-new virtual
 * devices over real HTTP and HTTPS on loopback: the design's MAC address checked next to the serial
 * (refused before anything is sent when the device's label serial spells another MAC), the "HTTPS
 * only" policy set and read back (plain HTTP refused, a second run finds the device over pinned
 * HTTPS), and the design's certificate installed with its key from the vault, presented and pinned,
 * the key never written anywhere else.
 */
class CommissionSecurityTest {

	static final String SERIAL = CommissionerTest.SERIAL;
	static final String REF = CommissionerTest.REF;
	static final String KEY_REF = "harbour-depot/north1-tls";

	@TempDir
	static Path shared;
	static Path deviceStore;
	/** The design's certificate (PEM) and its key (PEM), made once: keytool takes about a second. */
	static String certificatePem;
	static String keyPem;
	static String certificateFingerprint;

	@TempDir
	Path dir;

	@BeforeAll
	static void certificates() throws Exception {
		deviceStore = CommissionerTest.certificate(shared);
		char[] pw = "design-key-store".toCharArray();
		Path p12 = SelfSignedStore.create("north1.harbour-depot.example", shared.resolve("design.p12"), pw);
		KeyStore ks = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(p12)) {
			ks.load(in, pw);
		}
		String alias = ks.aliases().nextElement();
		X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
		PrivateKey key = (PrivateKey) ks.getKey(alias, pw);
		Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
		certificatePem = "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
		keyPem = "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
		certificateFingerprint = Pins.fingerprint(cert);
	}

	private static VirtualDevice device(String mac) throws Exception {
		DeviceDescriptor.Builder b = DeviceDescriptor.builder("North1").serial(SERIAL)
				.password("unused-Pa55word".toCharArray()).factoryNew(true).tls(deviceStore, CommissionerTest.KEY_PASSWORD);
		if (mac != null) {
			b.mac(mac);
		}
		return new VirtualDevice(b.build()).start();
	}

	private static Commissioner.Target target(String mac, boolean httpsOnly, Commissioner.Certificate certificate) {
		return new Commissioner.Target("North1", new DeviceIdentity("AXIS Q1961-TE", SERIAL, mac), REF,
				SiteCommissioning.FACTORY_DEFAULT, "10.20.0.11", 24, "10.20.0.1", List.of("10.20.0.1"), "Europe/Stockholm",
				List.of("10.20.0.1")).withSecurity(httpsOnly, certificate);
	}

	private Commissioner commissioner(VirtualDevice device) throws Exception {
		return commissioner(device, dir);
	}

	/** @param base where the credentials, journal and pins are (one site's) */
	private static Commissioner commissioner(VirtualDevice device, Path base) throws Exception {
		return new Commissioner(VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2)), Harness.FAST,
				Duration.ofSeconds(5), PasswordVault.file(base.resolve("credentials")), () -> PasswordPolicy.generate(20),
				new CommissionJournal(base.resolve("journal.jsonl")), Pins.load(base.resolve("site.pins")),
				SiteCommissioning.reach(Map.of("North1", device.baseUri()), Map.of("North1", device.httpsUri())));
	}

	@Test
	void aMacTheDevicesSerialDoesNotSpellIsRefusedBeforeAnythingIsSent() throws Exception {
		try (VirtualDevice device = device(null)) {
			Commissioner.Result r = commissioner(device).commission(target("AC:CC:8E:00:00:FF", false, null));
			assertTrue(r.failure().contains("North1 at 192.168.0.90 (reached at " + device.baseUri().getAuthority()
					+ ") is AXIS Q1961-TE serial ACCC8E012345 MAC AC:CC:8E:01:23:45 (an Axis serial number is its MAC"
					+ " address), the design expects AXIS Q1961-TE serial ACCC8E012345 MAC AC:CC:8E:00:00:FF; nothing was"
					+ " changed on it"), r.failure());
			assertEquals(List.of(), r.steps());
			assertEquals(List.of("/axis-cgi/basicdeviceinfo.cgi"), device.requestLog().stream().map(RequestRecord::path).toList());
			assertFalse(Files.exists(dir.resolve("credentials")), "no password recorded");
			assertEquals("no", device.state().parameter("HTTPS.Enabled"));
		}
	}

	@Test
	void theMacTheDeviceReportsIsReadOnceAPasswordOpensIt() throws Exception {
		// Just inside: the label's MAC is the design's, and the device says so too.
		try (VirtualDevice device = device(null)) {
			Commissioner.Result r = commissioner(device).commission(target("ac-cc-8e-01-23-45", false, null));
			assertNull(r.failure(), r.failure());
			assertTrue(device.requestLog().stream().anyMatch(q -> q.path().equals("/axis-cgi/param.cgi")
					&& "list".equals(q.operation())), device.requestLog().toString());
		}
		// Just outside: the label's serial spells the design's MAC, but the interface reports another.
		try (VirtualDevice device = device("AC:CC:8E:01:23:46")) {
			Commissioner.Result r = commissioner(device, Files.createDirectories(dir.resolve("another-site"))).commission(target("AC:CC:8E:01:23:45", false, null));
			assertTrue(r.failure().contains("MAC AC:CC:8E:01:23:46, the design expects AXIS Q1961-TE serial ACCC8E012345"
					+ " MAC AC:CC:8E:01:23:45; only its root account was created (its password recorded as '"
					+ REF + "'), nothing else was changed"), r.failure());
			assertEquals("no", device.state().parameter("HTTPS.Enabled"), "HTTPS not turned on");
			assertEquals("192.168.0.90", device.state().parameter("Network.IPAddress"));
		}
	}

	@Test
	void httpsOnlyIsSetAndReadBackAndTheNextRunUsesPinnedHttps() throws Exception {
		try (VirtualDevice device = device(null)) {
			Commissioner c = commissioner(device);
			assertTrue(c.plan(target(null, true, null)).stream()
					.anyMatch(s -> s.name().equals("HTTPS only") && !s.done()));
			Commissioner.Result r = c.commission(target(null, true, null));
			assertNull(r.failure(), r.failure());
			assertEquals(Commissioner.HTTPS_ONLY, r.steps().get(r.steps().size() - 1), r.steps().toString());
			for (String group : List.of("admin", "operator", "viewer")) {
				assertEquals("https", device.state().parameter("System.BoaGroupPolicy." + group));
			}
			VapixException refused = assertThrows(VapixException.class, () -> {
				try (VapixClient plain = VapixClient.builder("North1", device.baseUri())
						.credentials(new Credentials("root", "anything-1".toCharArray())).retryPolicy(Harness.FAST).build()) {
					plain.basicDeviceInfo().getAllUnrestrictedProperties();
				}
			});
			assertEquals(403, refused.httpStatus(), refused.getMessage());

			// A second run: plain HTTP is refused, so the device is found over HTTPS with its pin, and nothing is sent.
			device.clearRequestLog();
			assertTrue(c.plan(target(null, true, null)).stream().allMatch(Commissioner.Step::done));
			Commissioner.Result again = c.commission(target(null, true, null));
			assertNull(again.failure(), again.failure());
			assertEquals(List.of(Commissioner.IDENTITY), again.steps());
			assertTrue(device.requestLog().stream().noneMatch(q -> "update".equals(q.operation())),
					device.requestLog().toString());
		}
	}

	@Test
	void theDesignsCertificateIsInstalledPresentedAndPinnedAndItsKeyIsNeverWritten() throws Exception {
		Path pem = Files.writeString(dir.resolve("north1.pem"), certificatePem);
		PasswordVault.file(dir.resolve("credentials")).put(KEY_REF, keyPem.toCharArray());
		Commissioner.Certificate cert = new Commissioner.Certificate(pem, KEY_REF);
		try (VirtualDevice device = device(null)) {
			String selfSigned = Pins.fingerprint(CommissionerTest.selfSigned(deviceStore));
			Commissioner c = commissioner(device);
			Commissioner.Result r = c.commission(target(null, true, cert));
			assertNull(r.failure(), r.failure());
			assertTrue(r.steps().containsAll(List.of(Commissioner.CERT_PINNED, Commissioner.CERT_INSTALLED,
					Commissioner.HTTPS_ONLY)), r.steps().toString());
			String presented = Pins.fingerprint(Pins.fetch(device.httpsUri(), Duration.ofSeconds(2)));
			assertEquals(certificateFingerprint, presented, "the device presents the design's certificate");
			assertFalse(presented.equals(selfSigned));
			assertEquals(certificateFingerprint, Pins.load(dir.resolve("site.pins")).of("North1"), "and it is pinned");
			assertEquals("palisade", device.state().parameter("HTTPS.Certificate"));

			String keyBody = keyPem.split("\n")[1];
			for (Path f : List.of(dir.resolve("journal.jsonl"), dir.resolve("site.pins"))) {
				assertFalse(Files.readString(f).contains(keyBody), "the key in " + f);
			}
			assertFalse(r.toString().contains(keyBody));

			device.clearRequestLog();
			assertTrue(c.plan(target(null, true, cert)).stream().allMatch(Commissioner.Step::done));
			Commissioner.Result again = c.commission(target(null, true, cert));
			assertNull(again.failure(), again.failure());
			assertEquals(List.of(Commissioner.IDENTITY), again.steps());
		}
	}

	@Test
	void aCertificateFileWithAKeyStopsTheRunBeforeAnythingIsSent() throws Exception {
		Path pem = Files.writeString(dir.resolve("north1.pem"), certificatePem + keyPem);
		try (VirtualDevice device = device(null)) {
			Commissioner.Result r = commissioner(device).commission(target(null, false,
					new Commissioner.Certificate(pem, KEY_REF)));
			assertTrue(r.failure().contains("North1: the design's certificate " + pem + " holds a private key"), r.failure());
			assertFalse(r.failure().contains(keyPem.split("\n")[1]), "the key is not repeated");
			assertEquals(List.of(), device.requestLog());
		}
	}

	@Test
	void withoutItsKeyInTheVaultTheDeviceKeepsItsOwnCertificate() throws Exception {
		Path pem = Files.writeString(dir.resolve("north1.pem"), certificatePem);
		try (VirtualDevice device = device(null)) {
			Commissioner.Result r = commissioner(device).commission(target(null, false,
					new Commissioner.Certificate(pem, KEY_REF)));
			assertTrue(r.failure().contains("no private key for north1.pem is recorded under '" + KEY_REF + "'"), r.failure());
			assertEquals(Pins.fingerprint(CommissionerTest.selfSigned(deviceStore)),
					Pins.fingerprint(Pins.fetch(device.httpsUri(), Duration.ofSeconds(2))));
		}
	}
}
