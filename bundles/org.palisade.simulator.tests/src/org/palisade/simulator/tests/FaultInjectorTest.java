package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.palisade.simulator.AuthMode;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.FaultInjector;
import org.palisade.simulator.FaultInjector.Kind;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;

class FaultInjectorTest {

	private static final String UPDATE = "/axis-cgi/param.cgi?action=update&IOPort.I0.Output.Name=Changed";
	@RegisterExtension
	final VirtualCamera camera = new VirtualCamera();

	@Test
	void transientFaultAfterTheNthCallLastsForItsCountOnly() {
		FaultInjector f = new FaultInjector().failAfter(2, 500, 2);
		List<Kind> kinds = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			kinds.add(f.decide().kind());
		}
		assertEquals(List.of(Kind.NONE, Kind.NONE, Kind.HTTP_ERROR, Kind.HTTP_ERROR, Kind.NONE, Kind.NONE), kinds);
		FaultInjector d = new FaultInjector().dropAfter(0, 1);
		assertEquals(Kind.DROP_CONNECTION, d.decide().kind());
		assertEquals(Kind.NONE, d.decide().kind());
	}

	@Test
	void decisionsFollowTheArmedCounters() {
		FaultInjector f = new FaultInjector().failNext(2, 502).dropNext(1);
		List<Kind> kinds = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			kinds.add(f.decide().kind());
		}
		assertEquals(List.of(Kind.DROP_CONNECTION, Kind.HTTP_ERROR, Kind.HTTP_ERROR, Kind.NONE), kinds);
		assertEquals(3, f.injectedCount());
		assertThrows(IllegalArgumentException.class, () -> f.failNext(1, 404));
	}

	@Test
	void randomFaultsRepeatWithTheSameSeed() {
		FaultInjector a = new FaultInjector().failRandomly(0.5, 42, 503);
		FaultInjector b = new FaultInjector().failRandomly(0.5, 42, 503);
		List<Kind> ka = new ArrayList<>();
		List<Kind> kb = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ka.add(a.decide().kind());
			kb.add(b.decide().kind());
		}
		assertEquals(ka, kb);
		assertTrue(ka.contains(Kind.NONE) && ka.contains(Kind.HTTP_ERROR));
	}

	@Test
	void http5xxChangesNothing() throws Exception {
		camera.device().faults().failNext(1, 503);
		var before = camera.device().state().snapshot();
		var r = camera.http().get(UPDATE);
		assertEquals(503, r.statusCode());
		assertEquals(before, camera.device().state().snapshot());
		assertEquals("OK", camera.http().get(UPDATE).body());
		assertEquals("Changed", camera.device().state().parameter("IOPort.I0.Output.Name"));
		RequestRecord faulted = camera.device().requestLog().get(1);
		assertEquals(503, faulted.status());
		assertEquals("HTTP 503", faulted.fault());
	}

	/**
	 * java.net.http replays a GET once when the connection closes without an answer, so a single
	 * drop is invisible to a GET; two drops surface. Basic auth keeps the replay authenticated
	 * (with Digest the replayed nonce count is refused as stale instead).
	 */
	@Test
	void droppedConnectionGivesNoResponseAndChangesNothing() throws Exception {
		try (VirtualDevice basic = new VirtualDevice(DeviceDescriptor.builder("b").authMode(AuthMode.BASIC)
				.password("pw".toCharArray()).build()).start()) {
			TestHttp h = new TestHttp(basic.baseUri(), "root", "pw");
			basic.faults().dropNext(2);
			var before = basic.state().snapshot();
			assertThrows(IOException.class, () -> h.getBasic(UPDATE));
			assertEquals(before, basic.state().snapshot());
			assertEquals(2, basic.requestLog().stream().filter(r -> r.status() == RequestRecord.NO_RESPONSE).count());
			assertEquals("dropped connection", basic.requestLog().get(0).fault());
			assertEquals(200, h.getBasic(UPDATE).statusCode());
			assertEquals(2, basic.faults().injectedCount());
		}
	}

	@Test
	void failAfterNthCallFailsEveryLaterCall() throws Exception {
		camera.device().faults().failAfter(2, 500);
		assertEquals(200, camera.http().get("/axis-cgi/param.cgi?action=list&group=Brand").statusCode());
		assertEquals(200, camera.http().get("/axis-cgi/param.cgi?action=list&group=Brand").statusCode());
		for (int i = 0; i < 3; i++) {
			assertEquals(500, camera.http().get(UPDATE).statusCode());
		}
		assertEquals("Port 1", camera.device().state().parameter("IOPort.I0.Output.Name"));
		camera.device().faults().clear();
		assertEquals(200, camera.http().get(UPDATE).statusCode());
	}

	@Test
	void dropAfterNthCall() throws Exception {
		try (VirtualDevice basic = new VirtualDevice(DeviceDescriptor.builder("b").authMode(AuthMode.BASIC)
				.password("pw".toCharArray()).build()).start()) {
			TestHttp h = new TestHttp(basic.baseUri(), "root", "pw");
			basic.faults().dropAfter(1);
			assertEquals(200, h.getBasic("/axis-cgi/param.cgi?action=list&group=Brand").statusCode());
			assertThrows(IOException.class, () -> h.getBasic(UPDATE));
			assertThrows(IOException.class, () -> h.getBasic(UPDATE));
			assertEquals("Port 1", basic.state().parameter("IOPort.I0.Output.Name"));
		}
	}

	@Test
	void latencyDelaysEveryRequest() throws Exception {
		camera.device().faults().latency(Duration.ofMillis(150));
		long t0 = System.nanoTime();
		assertEquals(200, camera.http().get("/axis-cgi/param.cgi?action=list&group=Brand").statusCode());
		long ms = (System.nanoTime() - t0) / 1_000_000;
		assertTrue(ms >= 300, "challenge and call are both delayed: " + ms + " ms");
	}

	@Test
	void challengesAreNotCountedAsCalls() throws Exception {
		camera.device().faults().failNext(1, 503);
		var r = camera.http().sendWith("GET", "/axis-cgi/param.cgi?action=list", null);
		assertEquals(401, r.statusCode());
		assertEquals(503, camera.http().get("/axis-cgi/param.cgi?action=list").statusCode());
	}
}
