package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.PortManagement.PortSetting;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;

/** Each injected fault against each retry class: recovers where it may, reports clearly where it must not retry. */
class HttpTransportRetryTest {

	private static final Map<String, String> TOGGLE = Map.of("port", "0", "state", "high", "duration", "30");
	private VirtualDevice device;
	private VapixClient client;

	@BeforeEach
	void start() throws Exception {
		device = Fixture.camera("cam-retry");
		client = Fixture.client(device);
		client.paramCgi().list("Brand"); // authenticate once, so logs below show calls only
		device.clearRequestLog();
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
	void readRecoversFrom503And500() throws Exception {
		device.faults().failNext(2, 503);
		assertEquals(2, client.portManagement().getPorts().size());
		device.faults().failNext(1, 500);
		assertEquals(2, client.portManagement().getPorts().size());
		assertEquals(List.of(503, 503, 200, 500, 200), statuses());
	}

	@Test
	void readRecoversFromDroppedConnections() throws Exception {
		device.faults().dropNext(2);
		assertEquals(2, client.portManagement().getPorts().size());
		assertEquals(List.of(RequestRecord.NO_RESPONSE, RequestRecord.NO_RESPONSE, 200), statuses());
	}

	@Test
	void idempotentWriteRecoversFromDropAnd502ButNot500() throws Exception {
		device.faults().dropNext(1).failNext(1, 502);
		client.portManagement().setPorts(List.of(PortSetting.of("0").withDirection("output").withName("Flashing beacon")));
		assertEquals("Flashing beacon", device.state().ioPorts().get(0).name());

		device.faults().failNext(1, 500);
		var before = device.state().snapshot();
		VapixException e = assertThrows(VapixException.class,
				() -> client.paramCgi().update(Map.of("IOPort.I1.Usage", "Gate")));
		assertEquals(VapixException.Kind.HTTP_STATUS, e.kind());
		assertEquals(500, e.httpStatus());
		assertEquals(1, e.attempts());
		assertEquals(before, device.state().snapshot());
	}

	@Test
	void nonIdempotentRetriesOnlyWhenSurelyUnprocessed() throws Exception {
		device.faults().failNext(1, 503);
		assertEquals("1", client.action1().addActionConfiguration("Beacon", "com.axis.action.fixed.io.toggle", TOGGLE));
		assertEquals(1, device.state().actionConfigurations().size());

		device.faults().failNext(1, 502);
		VapixException e502 = assertThrows(VapixException.class,
				() -> client.action1().addActionConfiguration("Beacon 2", "com.axis.action.fixed.io.toggle", TOGGLE));
		assertEquals(VapixException.Kind.HTTP_STATUS, e502.kind());
		assertEquals(502, e502.httpStatus());

		device.faults().dropNext(1);
		VapixException dropped = assertThrows(VapixException.class,
				() -> client.action1().addActionConfiguration("Beacon 3", "com.axis.action.fixed.io.toggle", TOGGLE));
		assertEquals(VapixException.Kind.TRANSPORT, dropped.kind());
		assertEquals(1, dropped.attempts());
		assertTrue(dropped.getMessage().contains("not retried because the call is not idempotent"), dropped.getMessage());
		assertEquals("cam-retry", dropped.device());
		assertEquals("action1 AddActionConfiguration", dropped.call());
		assertEquals(1, device.state().actionConfigurations().size());
	}

	@Test
	void exhaustedRetriesReportStatusAndAttempts() throws Exception {
		device.faults().failAfter(0, 503);
		VapixException e = assertThrows(VapixException.class, () -> client.paramCgi().list("Brand"));
		assertEquals(VapixException.Kind.HTTP_STATUS, e.kind());
		assertEquals(503, e.httpStatus());
		assertEquals(4, e.attempts());
		assertTrue(e.getMessage().endsWith("(after 4 attempts)"), e.getMessage());
		assertEquals(List.of(503, 503, 503, 503), statuses());
	}

	@Test
	void exhaustedRetriesOnDroppedConnections() throws Exception {
		device.faults().dropAfter(0);
		VapixException e = assertThrows(VapixException.class, () -> client.portManagement().getPorts());
		assertEquals(VapixException.Kind.TRANSPORT, e.kind());
		assertEquals(VapixException.NO_STATUS, e.httpStatus());
		assertEquals(4, e.attempts());
		assertTrue(e.getMessage().contains("connection dropped"), e.getMessage());
	}

	@Test
	void refusedConnectionIsRetriedThenReported() throws Exception {
		device.stop();
		long t0 = System.nanoTime();
		VapixException e = assertThrows(VapixException.class,
				() -> client.action1().addActionConfiguration("x", "com.axis.action.fixed.io.toggle", TOGGLE));
		assertEquals(VapixException.Kind.TRANSPORT, e.kind());
		assertEquals(4, e.attempts()); // never sent, so even a non-idempotent call may be retried
		assertTrue(e.getMessage().contains("connect failed"), e.getMessage());
		assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
	}

	@Test
	void slowAnswersTimeOut() throws Exception {
		try (VapixClient impatient = VapixClient.builder(device.name(), device.baseUri())
				.credentials(new org.palisade.deploy.vapix.Credentials("root", Fixture.PASSWORD.toCharArray()))
				.requestTimeout(Duration.ofMillis(150)).retryPolicy(new RetryPolicy(2, Duration.ofMillis(5),
						Duration.ofMillis(10), 2, 0)).build()) {
			device.faults().latency(Duration.ofMillis(400));
			VapixException read = assertThrows(VapixException.class, () -> impatient.paramCgi().list("Brand"));
			assertEquals(VapixException.Kind.TRANSPORT, read.kind());
			assertTrue(read.getMessage().contains("timed out"), read.getMessage());
			VapixException add = assertThrows(VapixException.class, () -> impatient.event1().addScheduledEvent("S",
					"DTSTART:19700101T000000\nRRULE:FREQ=DAILY"));
			assertTrue(add.getMessage().contains("not retried"), add.getMessage());
			assertEquals(1, add.attempts());
		} finally {
			device.faults().clear();
		}
	}

	@Test
	void randomFaultsAreAbsorbed() throws Exception {
		device.faults().failRandomly(0.3, 7, 503);
		try (VapixClient patient = Fixture.client(device, Fixture.PASSWORD,
				new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(5), 2, 0.5))) {
			for (int i = 0; i < 15; i++) {
				assertEquals(2, patient.portManagement().getPorts().size());
			}
		}
		assertTrue(device.faults().injectedCount() > 0);
	}

	@Test
	void noRetryPolicyReportsAtOnce() throws Exception {
		try (VapixClient once = Fixture.client(device, Fixture.PASSWORD, RetryPolicy.none())) {
			device.faults().failNext(1, 503);
			VapixException e = assertThrows(VapixException.class, () -> once.paramCgi().list("Brand"));
			assertEquals(1, e.attempts());
		}
	}
}
