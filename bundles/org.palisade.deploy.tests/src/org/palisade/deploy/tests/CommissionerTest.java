package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.site.SelfSignedStore;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.driver.CommissionJournal;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.deploy.vapix.driver.PasswordVault;
import org.palisade.deploy.site.SiteCommissioning;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;
import org.palisade.validation.PasswordPolicy;

/**
 * Issue #17 item 2, on a factory-new virtual device with a certificate of its own (real HTTP and
 * HTTPS on loopback): commissioning sets the root password over HTTP, turns HTTPS on and pins the
 * certificate it then sees, changes the password over HTTPS, gives the device the design's address,
 * gateway and name server, time zone and NTP, all read back; a second run changes nothing. A device
 * that is not the design's is refused before anything is recorded or sent, and a device with another
 * root password is left alone.
 */
class CommissionerTest {

	static final String SERIAL = "ACCC8E012345";
	static final String REF = "harbour-depot/north1";

	/** The virtual device's key store password (not a device password: it protects a test's throw-away key). */
	static final char[] KEY_PASSWORD = "virtual-device-key".toCharArray();

	@TempDir
	static Path shared;
	static Path keyStore;

	@TempDir
	Path dir;

	@BeforeAll
	static void certificate() throws Exception {
		keyStore = certificate(shared);
	}

	/** @return a key store with a self-signed certificate, as a factory-new device has one (keytool: about a second) */
	static Path certificate(Path dir) throws Exception {
		return SelfSignedStore.create("axis-accc8e012345", dir.resolve("north1.p12"), KEY_PASSWORD);
	}

	/** @return the certificate of a key store {@link #certificate(Path)} made */
	static java.security.cert.X509Certificate selfSigned(Path store) throws Exception {
		java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
		try (java.io.InputStream in = Files.newInputStream(store)) {
			ks.load(in, KEY_PASSWORD);
		}
		return (java.security.cert.X509Certificate) ks.getCertificate(ks.aliases().nextElement());
	}

	static VirtualDevice factoryNew(String serial) throws Exception {
		return factoryNew(serial, keyStore);
	}

	static VirtualDevice factoryNew(String serial, Path store) throws Exception {
		return new VirtualDevice(DeviceDescriptor.builder("North1").serial(serial).password("unused-Pa55word".toCharArray())
				.factoryNew(true).tls(store, KEY_PASSWORD).build()).start();
	}

	static Commissioner.Target target(String serial) {
		return new Commissioner.Target("North1", new DeviceIdentity("AXIS Q1961-TE", serial, null), REF,
				SiteCommissioning.FACTORY_DEFAULT, "10.20.0.11", 24, "10.20.0.1", List.of("10.20.0.1"), "Europe/Stockholm",
				List.of("10.20.0.1"));
	}

	private Commissioner commissioner(VirtualDevice device, Path credentials) throws Exception {
		return new Commissioner(VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2)), Harness.FAST,
				Duration.ofSeconds(5), PasswordVault.file(credentials), () -> PasswordPolicy.generate(20),
				new CommissionJournal(dir.resolve("journal.jsonl")), Pins.load(dir.resolve("site.pins")),
				SiteCommissioning.reach(Map.of("North1", device.baseUri()), Map.of("North1", device.httpsUri())));
	}

	@Test
	void commissionsAFactoryNewDeviceEndToEnd() throws Exception {
		Path credentials = dir.resolve("credentials");
		try (VirtualDevice device = factoryNew(SERIAL)) {
			assertThrows(java.io.IOException.class, () -> Pins.fetch(device.httpsUri(), Duration.ofSeconds(2)),
					"HTTPS is off out of the box");
			List<String> initial = new ArrayList<>();
			Commissioner c = commissioner(device, credentials).listener((d, step) -> {
				if (step.equals(Commissioner.PASSWORD_RECORDED)) {
					try {
						initial.add(password(credentials, REF));
					} catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}
			});
			assertTrue(c.plan(target(SERIAL)).stream().noneMatch(Commissioner.Step::done));
			Commissioner.Result r = c.commission(target(SERIAL));
			assertNull(r.failure(), r.failure());
			assertEquals(List.of(Commissioner.IDENTITY, Commissioner.PASSWORD_RECORDED, Commissioner.ROOT_CREATED,
					Commissioner.HTTPS_ON, Commissioner.CERT_PINNED, Commissioner.NEW_PASSWORD_RECORDED,
					Commissioner.PASSWORD_ACCEPTED, Commissioner.PASSWORD_CHANGED, Commissioner.ADDRESS_RECORDED,
					Commissioner.ADDRESS_SENT, Commissioner.NETWORK, Commissioner.TIME_ZONE,
					Commissioner.NTP), r.steps());

			DeviceState s = device.state();
			assertEquals("yes", s.parameter("HTTPS.Enabled"));
			assertEquals("none", s.parameter("Network.BootProto"));
			assertEquals("10.20.0.11", s.parameter("Network.IPAddress"));
			assertEquals("255.255.255.0", s.parameter("Network.SubnetMask"));
			assertEquals("10.20.0.1", s.parameter("Network.DefaultRouter"));
			assertEquals("10.20.0.1", s.parameter("Network.Resolver.NameServer1"));
			assertEquals("no", s.parameter("Network.Resolver.ObtainFromDHCP"));
			assertEquals("10.20.0.1", s.parameter("Time.NTP.Server"));
			assertEquals("Europe/Stockholm", s.timeZone());

			// The pin is the certificate the device serves, and the recorded password opens it over HTTPS only
			// with that pin; the initial password (sent over HTTP) no longer opens it.
			String pin = Pins.load(dir.resolve("site.pins")).of("North1");
			assertEquals(Pins.fingerprint(Pins.fetch(device.httpsUri(), Duration.ofSeconds(2))), pin);
			String pw = password(credentials, REF);
			assertEquals(1, initial.size());
			assertFalse(pw.equals(initial.get(0)), "the password was changed after HTTPS");
			assertEquals(java.util.Optional.empty(), PasswordPolicy.violation(pw.toCharArray()), "SEC-PASSWORD-POLICY");
			assertTrue(opens(device, pw));
			assertFalse(opens(device, initial.get(0)));
			assertNull(password(credentials, REF + Commissioner.PENDING), "no pending password left");
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
			String journal = Files.readString(dir.resolve("journal.jsonl"));
			assertTrue(journal.contains("\"step\":\"address recorded\",\"state\":\"intended\",\"detail\":\"10.20.0.11/24"),
					journal);
			assertTrue(journal.contains(pin), journal);
			for (String secret : List.of(pw, initial.get(0))) {
				assertFalse(journal.contains(secret), "a password in the journal");
				assertFalse(r.toString().contains(secret), "a password in the result");
			}

			// A second run reads everything back and changes nothing.
			device.clearRequestLog();
			assertTrue(c.plan(target(SERIAL)).stream().allMatch(Commissioner.Step::done));
			Commissioner.Result again = c.commission(target(SERIAL));
			assertNull(again.failure(), again.failure());
			assertEquals(List.of(Commissioner.IDENTITY), again.steps());
			assertTrue(device.requestLog().stream().noneMatch(q -> q.operation() != null
					&& (q.operation().equals("update") || q.operation().startsWith("set"))), device.requestLog().toString());
		}
	}

	@Test
	void anotherDeviceAtTheFactoryAddressIsNeitherRecordedNorTouched() throws Exception {
		Path credentials = dir.resolve("credentials");
		try (VirtualDevice device = factoryNew("ACCC8E0000FF")) {
			Commissioner.Result r = commissioner(device, credentials).commission(target(SERIAL));
			assertTrue(r.failure().contains("North1 at 192.168.0.90 (reached at " + device.baseUri().getAuthority()
					+ ") is AXIS Q1961-TE serial ACCC8E0000FF, the design expects AXIS Q1961-TE serial ACCC8E012345"), r.failure());
			assertEquals(List.of(), r.steps());
			assertFalse(Files.exists(credentials), "no password recorded for a device that is not the design's");
			assertFalse(Files.exists(dir.resolve("site.pins")));
			assertFalse(Files.exists(dir.resolve("journal.jsonl")));
			assertEquals(List.of("/axis-cgi/basicdeviceinfo.cgi"),
					device.requestLog().stream().map(RequestRecord::path).toList());
			assertEquals("no", device.state().parameter("HTTPS.Enabled"));
			assertEquals("192.168.0.90", device.state().parameter("Network.IPAddress"));
		}
	}

	@Test
	void aDeviceWithAnotherRootPasswordIsLeftAlone() throws Exception {
		Path credentials = dir.resolve("credentials");
		try (VirtualDevice device = factoryNew(SERIAL)) {
			try (VapixClient someone = VapixClient.builder("North1", device.baseUri())
					.credentials(new Credentials("root", "Someone-else5".toCharArray())).build()) {
				someone.userAccounts().createRoot("Someone-else5".toCharArray());
			}
			Commissioner.Result r = commissioner(device, credentials).commission(target(SERIAL));
			assertTrue(r.failure().contains("North1 is not factory-new: it has a root account, and the password recorded"
					+ " for 'harbour-depot/north1'"), r.failure());
			assertEquals("UTC", device.state().timeZone(), "nothing was changed on it");
			assertEquals("no", device.state().parameter("HTTPS.Enabled"));
		}
	}

	static String password(Path credentials, String ref) throws Exception {
		if (!Files.exists(credentials)) {
			return null;
		}
		var c = CredentialStore.file(credentials, null).find(ref);
		return c == null ? null : new String(c.password());
	}

	/** @return whether the password opens the device (Digest over its plain HTTP port, the password not sent) */
	static boolean opens(VirtualDevice device, String password) throws Exception {
		try (VapixClient client = VapixClient.builder("North1", device.baseUri())
				.credentials(new Credentials("root", password.toCharArray())).build()) {
			client.paramCgi().list("Brand.Brand");
			return true;
		} catch (VapixException e) {
			return false;
		}
	}
}
