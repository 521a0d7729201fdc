package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.RequestRecord;

/**
 * A camera model without the I/O port management API (portmanagement.cgi answers 404): ports are
 * read from and written to the IOPort tree through param.cgi alone, so such a model deploys as any
 * other (since #16 no model is asked port management). Real sockets, the manual's site.
 */
class ParamCgiPortsDeployTest {

	private static final String PORT_MANAGEMENT = "/axis-cgi/io/portmanagement.cgi";

	@Test
	void portsAreDeployedAndReadBackThroughParamCgi(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir,
				d -> d.kind() == DeviceKind.CAMERA ? d.toBuilder().portManagementApi(false).build() : d)) {
			List<DeviceResult> results = h.deploy();
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());

			List<RequestRecord> log = h.camera().requestLog();
			assertTrue(log.stream().noneMatch(r -> r.path().equals(PORT_MANAGEMENT)),
					"nothing went to port management: " + log);

			DeviceState s = h.camera().state();
			assertEquals("output", s.parameter("IOPort.I0.Direction"));
			assertEquals("Flashing beacon", s.parameter("IOPort.I0.Output.Name"));
			// normally open: the circuit closes while the output is active (vapix.md §1)
			assertEquals("closed", s.parameter("IOPort.I0.Output.Active"));
			DeviceState.IoPort port1 = s.ioPorts().get(0);
			assertEquals("output", port1.direction());
			assertEquals("Flashing beacon", port1.name());
			assertEquals("open", port1.normalState());

			// A new run reads the ports back through param.cgi and finds nothing to do.
			h.camera().clearRequestLog();
			List<DeviceResult> plan = h.plan();
			assertEquals(Outcome.UP_TO_DATE, Harness.result(plan, "North1").outcome(),
					String.valueOf(Harness.result(plan, "North1").plan()));
			assertTrue(h.camera().requestLog().stream().anyMatch(r -> r.path().equals("/axis-cgi/param.cgi")));
		}
	}
}
