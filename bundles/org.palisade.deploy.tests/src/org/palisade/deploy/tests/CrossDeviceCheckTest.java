package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.simulator.DeviceState;

/** A recipient's credentials are tried against the speaker before they are written into a camera. */
class CrossDeviceCheckTest {

	@Test
	void aSpeakerThatRejectsTheRecipientsCredentialsFailsTheCameraBeforeAnyChange(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.checkPeers = true;
			h.fleet.device("Horn").changePassword("Changed-On-The-Horn1".toCharArray());
			DeviceState.Snapshot before = h.camera().state().snapshot();
			List<DeviceResult> results = h.deploy();
			DeviceResult north = Harness.result(results, "North1");
			assertEquals(Outcome.FAILED_UNCHANGED, north.outcome(), h.progress.toString());
			String ref = h.config.device("Horn").credentials();
			assertEquals("North1: recipient 'Horn speaker' calls Horn with the credentials '" + ref + "', and Horn rejects"
					+ " them (user 'root', HTTP 401); nothing was written to North1: correct the credentials of '" + ref
					+ "' first", north.error());
			assertEquals(before, h.camera().state().snapshot(), "the camera holds nothing new");
		}
	}

	@Test
	void aSpeakerThatAcceptsThemLetsTheCameraDeploy(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.checkPeers = true;
			assertEquals(Outcome.DEPLOYED, Harness.result(h.deploy(), "North1").outcome(), h.progress.toString());
		}
	}
}
