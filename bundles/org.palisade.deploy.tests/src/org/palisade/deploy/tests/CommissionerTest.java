package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;
import org.palisade.validation.PasswordPolicy;

/**
 * Issue #17 item 2: commissioning refuses a device that is not the design's before it records or
 * sends anything, and a device that already has another root password; a commissioned device's
 * password is in a private credentials file and nowhere else.
 */
class CommissionerTest {

	@TempDir
	Path dir;

	private Commissioner commissioner(Path credentials) throws Exception {
		return new Commissioner(VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2)), Harness.FAST,
				Duration.ofSeconds(5), credentials, () -> PasswordPolicy.generate(20));
	}

	private static VirtualDevice factoryNew(String serial) throws Exception {
		return new VirtualDevice(DeviceDescriptor.builder("North1").serial(serial).password("unused-Pa55word".toCharArray())
				.factoryNew(true).build()).start();
	}

	@Test
	void commissionsAFactoryNewDevice() throws Exception {
		Path credentials = dir.resolve("credentials");
		try (VirtualDevice device = factoryNew("ACCC8E012345")) {
			Commissioner.Result r = commissioner(credentials).commission("North1", device.baseUri(),
					new DeviceIdentity("AXIS Q1961-TE", "ACCC8E012345", null), "192.168.0.90", "site/north1", "Europe/Stockholm");
			assertEquals(null, r.failure());
			assertEquals(List.of(Commissioner.IDENTITY, Commissioner.PASSWORD_RECORDED, Commissioner.ROOT_CREATED,
					Commissioner.TIME_ZONE), r.steps());
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
			char[] pw = CredentialStore.file(credentials, null).find("site/north1").password();
			assertEquals(java.util.Optional.empty(), PasswordPolicy.violation(pw), "SEC-PASSWORD-POLICY");
			assertEquals(20, pw.length);
			try (VapixClient c = VapixClient.builder("North1", device.baseUri()).credentials(new Credentials("root", pw)).build()) {
				assertEquals("Europe/Stockholm", c.time().getTimeZone());
			}
			assertFalse(r.toString().contains(new String(pw)));
		}
	}

	@Test
	void anotherDeviceAtTheFactoryAddressIsNeitherRecordedNorTouched() throws Exception {
		Path credentials = dir.resolve("credentials");
		try (VirtualDevice device = factoryNew("ACCC8E0000FF")) {
			Commissioner.Result r = commissioner(credentials).commission("North1", device.baseUri(),
					new DeviceIdentity("AXIS Q1961-TE", "ACCC8E012345", null), "192.168.0.90", "site/north1", null);
			assertTrue(r.failure().contains("North1 at 192.168.0.90 (reached at " + device.baseUri().getAuthority()
					+ ") is AXIS Q1961-TE serial ACCC8E0000FF, the design expects AXIS Q1961-TE serial ACCC8E012345"), r.failure());
			assertEquals(List.of(), r.steps());
			assertFalse(Files.exists(credentials), "no password recorded for a device that is not the design's");
			assertEquals(List.of("/axis-cgi/basicdeviceinfo.cgi"),
					device.requestLog().stream().map(RequestRecord::path).toList());
		}
	}

	@Test
	void aDeviceWithAnotherRootPasswordIsLeftAlone() throws Exception {
		Path credentials = dir.resolve("credentials");
		try (VirtualDevice device = factoryNew("ACCC8E012345")) {
			try (VapixClient someone = VapixClient.builder("North1", device.baseUri())
					.credentials(new Credentials("root", "Someone-else5".toCharArray())).build()) {
				someone.userAccounts().createRoot("Someone-else5".toCharArray());
			}
			Commissioner.Result r = commissioner(credentials).commission("North1", device.baseUri(),
					new DeviceIdentity("AXIS Q1961-TE", null, null), null, "site/north1", "Europe/Stockholm");
			assertTrue(r.failure().contains("North1 is not factory-new: it has a root account, and the password recorded"
					+ " for 'site/north1'"), r.failure());
			assertEquals("UTC", device.state().timeZone(), "nothing was changed on it");
		}
	}
}
