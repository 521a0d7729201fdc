package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.FaultSpec;
import org.palisade.simulator.VirtualDevice;

/** Faults written as text (palisade simulate --fault) arm the device as the injector's own calls do. */
class FaultSpecTest {

	private static final String LIST = "/axis-cgi/param.cgi?action=list&group=Brand";

	@Test
	void aSpecArmsLatencyFaultAfterNCallsAndAWrongPassword() throws Exception {
		FaultSpec spec = FaultSpec.parse("North1: latency=150, fail-after=2/502");
		assertEquals("North1", spec.device());
		try (VirtualDevice d = new VirtualDevice(DeviceDescriptor.builder("North1").password("pw".toCharArray()).build())
				.start()) {
			spec.applyTo(d);
			assertEquals(Duration.ofMillis(150), d.faults().latency());
			TestHttp http = new TestHttp(d.baseUri(), "root", "pw");
			long t0 = System.nanoTime();
			assertEquals(200, http.get(LIST).statusCode());
			assertTrue(System.nanoTime() - t0 >= 2 * 150_000_000L, "challenge and call each waited");
			assertEquals(200, http.get(LIST).statusCode());
			assertEquals(502, http.get(LIST).statusCode());
			FaultSpec.parse("wrong-password").applyTo(d);
			assertEquals(401, http.get(LIST).statusCode(), "the handed-out password no longer works");
		}
		assertEquals(null, FaultSpec.parse("drop-next=1,fail-rate=0.5").device());
		assertEquals(List.of(new FaultSpec.Fault("fail-next", 3, 503)), FaultSpec.parse("fail-next=3").faults());
	}

	@Test
	void aWrongSpecNamesThePartThatIsWrong() {
		for (String[] c : new String[][] {
				{ "latency=abc", "--fault 'latency=abc': 'latency=abc' needs a whole number, not 'abc'" },
				{ "fail-after=2/404", "--fault 'fail-after=2/404': 'fail-after=2/404' needs a 5xx status after '/', not '404'" },
				{ "fail-rate=1.5", "--fault 'fail-rate=1.5': 'fail-rate=1.5' needs a probability from 0 to 1" },
				{ "cam:explode", "--fault 'cam:explode': 'explode' is not a fault: latency=MS, fail-after=N[/STATUS],"
						+ " drop-after=N, fail-next=N[/STATUS], drop-next=N, fail-rate=P[/STATUS], wrong-password" },
				{ "drop-after=-1", "--fault 'drop-after=-1': 'drop-after=-1' needs a whole number of at least 0" },
				{ "wrong-password=x", "--fault 'wrong-password=x': 'wrong-password=x' takes no value" },
				{ "cam:", "'cam:': no fault given" } }) {
			assertEquals(c[1], assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(c[0])).getMessage(), c[0]);
		}
	}
}
