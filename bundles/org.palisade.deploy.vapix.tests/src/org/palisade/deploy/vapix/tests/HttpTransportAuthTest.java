package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.AuthMode;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;

class HttpTransportAuthTest {

	private VirtualDevice device;
	private VapixClient client;

	@BeforeEach
	void start() throws Exception {
		device = Fixture.camera("cam-auth");
		client = Fixture.client(device);
	}

	@AfterEach
	void stop() {
		client.close();
		device.stop();
	}

	private List<Integer> statuses() {
		return device.requestLog().stream().map(RequestRecord::status).toList();
	}

	@Test
	void digestHandshakeOnceThenPreemptive() throws Exception {
		for (int i = 0; i < 5; i++) {
			client.paramCgi().list("Brand");
		}
		client.portManagement().getPorts();
		client.action1().getActionRules();
		assertEquals(List.of(401, 200, 200, 200, 200, 200, 200, 200), statuses());
	}

	@Test
	void staleNonceIsRenegotiatedTransparently() throws Exception {
		client.paramCgi().list("Brand");
		device.expireNonces();
		assertEquals("AXIS", client.paramCgi().list("Brand.Brand").get("Brand.Brand"));
		assertEquals(List.of(401, 200, 401, 200), statuses());
	}

	@Test
	void concurrentCallsShareTheNonceSafely() throws Exception {
		client.paramCgi().list("Brand");
		List<Thread> threads = new java.util.ArrayList<>();
		List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		for (int t = 0; t < 4; t++) {
			Thread th = new Thread(() -> {
				try {
					for (int i = 0; i < 5; i++) {
						client.paramCgi().list("IOPort.I0");
					}
				} catch (Throwable e) {
					errors.add(e);
				}
			});
			threads.add(th);
			th.start();
		}
		for (Thread th : threads) {
			th.join(20_000);
		}
		assertEquals(List.of(), errors);
		assertEquals(21, device.requestLog().stream().filter(r -> r.status() == 200).count());
	}

	@Test
	void wrongPasswordIsAClearAuthenticationError() throws Exception {
		try (VapixClient bad = Fixture.client(device, "not-the-Password", Fixture.FAST)) {
			VapixException e = assertThrows(VapixException.class, () -> bad.paramCgi().list("Brand"));
			assertEquals(VapixException.Kind.AUTHENTICATION, e.kind());
			assertEquals(401, e.httpStatus());
			assertEquals("cam-auth", e.device());
			assertEquals("param.cgi list", e.call());
			assertTrue(e.getMessage().startsWith("cam-auth: param.cgi list failed: authentication failed (HTTP 401)"),
					e.getMessage());
			assertTrue(e.getMessage().contains("rejected the credentials for user 'root'"));
			assertFalse(e.getMessage().contains("not-the-Password"));
			assertEquals(List.of(401, 401), statuses()); // no retry storm against a wrong password
		}
	}

	@Test
	void passwordChangedOnTheDeviceMidSession() throws Exception {
		client.paramCgi().list("Brand");
		device.changePassword("rotated-Pw".toCharArray());
		VapixException e = assertThrows(VapixException.class, () -> client.portManagement().getPorts());
		assertEquals(VapixException.Kind.AUTHENTICATION, e.kind());
	}

	@Test
	void basicOverPlainHttpIsRefusedUnlessAllowedForTheDevice() throws Exception {
		try (VirtualDevice basic = new VirtualDevice(DeviceDescriptor.builder("basic").authMode(AuthMode.BASIC)
				.password(Fixture.PASSWORD.toCharArray()).build()).start(); VapixClient c = Fixture.client(basic)) {
			VapixException e = assertThrows(VapixException.class, () -> c.paramCgi().list("Brand"));
			assertEquals(VapixException.Kind.AUTHENTICATION, e.kind());
			assertTrue(e.getMessage().contains("the device offers only Basic authentication, which over plain HTTP would"
					+ " send the password in clear: refused"), e.getMessage());
			// The challenge only: no request carried the password.
			assertEquals(List.of(401), basic.requestLog().stream().map(RequestRecord::status).toList());
		}
	}

	@Test
	void basicOnlyDeviceIsServedWithBasicWhenAllowed() throws Exception {
		try (VirtualDevice basic = new VirtualDevice(DeviceDescriptor.builder("basic").authMode(AuthMode.BASIC)
				.password(Fixture.PASSWORD.toCharArray()).build()).start();
				VapixClient c = VapixClient.builder(basic.name(), basic.baseUri())
						.credentials(new Credentials("root", Fixture.PASSWORD.toCharArray())).retryPolicy(Fixture.FAST)
						.allowBasicOverHttp(true).build()) {
			assertEquals("AXIS", c.paramCgi().list("Brand.Brand").get("Brand.Brand"));
			c.paramCgi().list("Brand");
			assertEquals(List.of(401, 200, 200), basic.requestLog().stream().map(RequestRecord::status).toList());
		}
	}

	@Test
	void deviceOfferingBothIsServedWithDigest() throws Exception {
		try (VirtualDevice both = new VirtualDevice(DeviceDescriptor.builder("both").authMode(AuthMode.DIGEST_OR_BASIC)
				.password(Fixture.PASSWORD.toCharArray()).build()).start(); VapixClient c = Fixture.client(both)) {
			c.paramCgi().list("Brand");
			// Digest nonces are tracked: forgetting them forces a stale re-challenge, which Basic would not see.
			both.expireNonces();
			c.paramCgi().list("Brand");
			assertEquals(List.of(401, 200, 401, 200), both.requestLog().stream().map(RequestRecord::status).toList());
		}
	}

	@Test
	void noSecretInLogsExceptionsOrToString() throws Exception {
		try (Fixture.LogCapture logs = new Fixture.LogCapture(); VapixClient bad = Fixture.client(device, "Wr0ng-Secret", Fixture.FAST)) {
			client.paramCgi().list("Brand");
			client.action1().addRecipientConfiguration("r", "com.axis.recipient.http",
					java.util.Map.of("upload_url", "http://127.0.0.1:9/x", "login", "u", "password", "Recip1ent-Pw"));
			device.faults().failNext(1, 503);
			client.paramCgi().list("Brand");
			VapixException e1 = assertThrows(VapixException.class, () -> bad.paramCgi().list("Brand"));
			VapixException e2 = assertThrows(VapixException.class, () -> client.action1().addRecipientConfiguration("r",
					"com.axis.recipient.nope", java.util.Map.of("password", "Recip1ent-Pw")));
			String everything = logs.text() + e1 + e2 + client + bad + device.requestLog()
					+ client.action1().getRecipientConfigurations() + new Credentials("root", Fixture.PASSWORD.toCharArray());
			assertTrue(logs.text().contains("retrying"), logs.text());
			for (String secret : List.of(Fixture.PASSWORD, "Wr0ng-Secret", "Recip1ent-Pw")) {
				assertFalse(everything.contains(secret), secret + " leaked:\n" + everything);
			}
			assertFalse(everything.contains("Authorization"));
		}
	}

	@Test
	void credentialsMustNotBeInTheUri() {
		assertThrows(IllegalArgumentException.class, () -> VapixClient.builder("x", URI.create("http://root:pw@127.0.0.1:1")));
		assertThrows(IllegalArgumentException.class, () -> VapixClient.builder("x", URI.create("ftp://127.0.0.1")));
	}
}
