package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;

/**
 * Issue #17, the first steps of commissioning against a factory-new virtual device over loopback:
 * it tells who it is without credentials, accepts none until its root account is created, then
 * asks for that password; a password change takes effect at once. No password appears in any
 * message or log line of the client.
 */
class UserAccountsTest {

	static final String FIRST = "Fr1st-Pa55word-Q7";
	static final String SECOND = "S3cond/Pa55 word+&%";

	private static VirtualDevice factoryNew(String name) throws Exception {
		// The descriptor's password is not the device's: a factory-new device has no account.
		return new VirtualDevice(DeviceDescriptor.builder(name).password(FIRST.toCharArray()).factoryNew(true).build())
				.start();
	}

	@Test
	void aFactoryNewDeviceTakesItsFirstRootPasswordAndThenAsksForIt() throws Exception {
		try (VirtualDevice device = factoryNew("cam-new"); Fixture.LogCapture log = new Fixture.LogCapture();
				VapixClient client = Fixture.client(device, FIRST, Fixture.FAST)) {
			// Who it is, before anyone has set a password.
			assertEquals(device.descriptor().serial(),
					client.basicDeviceInfo().getAllUnrestrictedProperties().get("SerialNumber"));
			assertEquals(List.of(200), device.requestLog().stream().map(RequestRecord::status).toList(),
					"answered without a challenge");
			// No account yet: the password the client holds is not accepted.
			VapixException locked = assertThrows(VapixException.class, () -> client.paramCgi().list("Brand"));
			assertEquals(VapixException.Kind.AUTHENTICATION, locked.kind(), locked.getMessage());

			client.userAccounts().createRoot(FIRST.toCharArray());
			assertEquals("AXIS", client.paramCgi().list("Brand").get("Brand.Brand"));
			// A second root cannot be created, and now the device wants credentials for it too.
			VapixException again = assertThrows(VapixException.class, () -> client.userAccounts().createRoot(FIRST.toCharArray()));
			assertEquals(VapixException.Kind.DEVICE_ERROR, again.kind());
			assertTrue(again.getMessage().contains("this user name already exists"), again.getMessage());

			String all = locked.getMessage() + again.getMessage() + log.text() + device.requestLog();
			assertFalse(all.contains(FIRST), "no password in messages, logs or the device's request log");
		}
	}

	@Test
	void aChangedPasswordTakesEffectAtOnce() throws Exception {
		try (VirtualDevice device = factoryNew("cam-change"); Fixture.LogCapture log = new Fixture.LogCapture();
				VapixClient first = Fixture.client(device, FIRST, Fixture.FAST)) {
			first.userAccounts().createRoot(FIRST.toCharArray());
			first.userAccounts().changePassword("root", SECOND.toCharArray());
			VapixException old = assertThrows(VapixException.class, () -> first.paramCgi().list("Brand"));
			assertEquals(VapixException.Kind.AUTHENTICATION, old.kind());
			try (VapixClient second = Fixture.client(device, SECOND, Fixture.FAST)) {
				assertEquals("AXIS", second.paramCgi().list("Brand").get("Brand.Brand"));
				VapixException unknown = assertThrows(VapixException.class,
						() -> second.userAccounts().changePassword("nobody", FIRST.toCharArray()));
				assertTrue(unknown.getMessage().contains("Error: account user name."), unknown.getMessage());
			}
			String all = old.getMessage() + log.text();
			assertFalse(all.contains(FIRST) || all.contains(SECOND), all);
		}
	}

	@Test
	void aDeviceOutOfTheBoxAnswersNothingElseWithoutAnAccount() throws Exception {
		try (VirtualDevice device = factoryNew("cam-closed");
				VapixClient client = Fixture.client(device, "guess-Pa55word", Fixture.FAST)) {
			for (var call : List.<Fixture.Call>of(() -> client.paramCgi().list("Brand"),
					() -> client.userAccounts().changePassword("root", "x-Pa55word-y".toCharArray()),
					() -> client.time().getTimeZone())) {
				VapixException e = assertThrows(VapixException.class, call::run);
				assertEquals(VapixException.Kind.AUTHENTICATION, e.kind(), e.getMessage());
			}
		}
	}
}
