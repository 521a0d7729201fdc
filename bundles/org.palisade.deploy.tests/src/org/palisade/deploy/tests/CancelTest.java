package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;

/**
 * A cancelled deploy (the Studio's Cancel) starts no further device and lets the one in flight
 * finish: afterwards every device is either deployed and verified or exactly as it was.
 */
class CancelTest {

	@Test
	void cancelLetsTheDeviceInFlightFinishAndStartsNoOther(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			// Slow devices, so that the cancel surely lands while North1 is being changed.
			h.fleet.devices().forEach(d -> d.faults().latency(Duration.ofMillis(20)));
			Object hornBefore = h.fleet.device("Horn").state().snapshot();
			DeployEngine engine = new DeployEngine(h.journal, 1, (d, m) -> h.progress.add("[" + d + "] " + m))
					.cancelWhen(() -> h.progress.stream().anyMatch(l -> l.startsWith("[North1] applying")));
			List<DeviceResult> results = engine.deploy(h.jobs());

			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());
			DeviceResult horn = Harness.result(results, "Horn");
			assertEquals(Outcome.NOT_STARTED, horn.outcome(), h.progress.toString());
			assertEquals(0, horn.calls(), "nothing was sent to a device not started");
			assertEquals(hornBefore, h.fleet.device("Horn").state().snapshot(), "Horn is as it was");
			assertTrue(h.progress.contains("[Horn] not started: the run was cancelled"), h.progress.toString());
			assertEquals(Outcome.UP_TO_DATE, Harness.result(h.plan(), "North1").outcome(), "North1 is complete");
			try (var left = Files.list(dir)) {
				assertEquals(0, left.count(), "no journal entry left behind");
			}
		}
	}
}
