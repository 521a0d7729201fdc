package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Credential;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.StreamProfiles;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.RequestRecord;

/**
 * The manual's camera settings (#17) on the manual's site over loopback sockets: a stream profile
 * per stream of the design (the "Operator" stream too), bitrate control and palette as stream
 * parameters, EIS and the SD card's retention as parameters; planned, deployed, read back (a second
 * plan is empty), and restored when the device fails half-way.
 */
class StreamProfilesDeployTest {

	private static final String PROFILES = "/axis-cgi/streamprofile.cgi";

	@Test
	void streamProfilesArePlannedDeployedAndReadBack(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			DeviceResult plan = Harness.result(h.plan(), "North1");
			String described = String.join("\n", plan.plan().describe());
			assertTrue(described.contains("+ streamprofile Analytics"), described);
			assertTrue(described.contains("+ streamprofile Operator"), described);
			assertTrue(described.contains("Storage.S0.CleanupMaxAge"), described);

			assertEquals(Outcome.DEPLOYED, Harness.result(h.deploy(), "North1").outcome(), h.progress.toString());
			DeviceState s = h.camera().state();
			Map<String, String> profiles = s.streamProfiles();
			assertEquals(List.of("Analytics", "Operator"), List.copyOf(profiles.keySet()));
			assertEquals("for applications [palisade] | resolution=640x480&fps=15&videobitratemode=abr"
					+ "&videoabrtargetbitrate=800&palette=White-hot", profiles.get("Analytics"));
			assertEquals("for operators [palisade] | resolution=640x480&fps=15&videobitratemode=abr"
					+ "&videoabrtargetbitrate=1200&videoabrretentiontime=30&videoabrmaxbitrate=2000&palette=Iron",
					profiles.get("Operator"));
			assertEquals("off", s.parameter("ImageSource.I0.Sensor.Stabilizer"));
			assertEquals("30", s.parameter("Storage.S0.CleanupMaxAge"));
			assertEquals("age", s.parameter("Storage.S0.CleanupPolicyActive"));

			h.camera().clearRequestLog();
			DeviceResult again = Harness.result(h.plan(), "North1");
			assertEquals(Outcome.UP_TO_DATE, again.outcome(), String.join("\n", again.plan().describe()));
			List<RequestRecord> lists = h.camera().requestLog().stream().filter(r -> r.path().equals(PROFILES)).toList();
			assertEquals(1, lists.size(), "one list reads every profile: " + lists);
			// The speaker has no streams: its profiles are not asked for (#16, fewer calls).
			assertTrue(h.fleet.device("Horn").requestLog().stream().noneMatch(r -> r.path().equals(PROFILES)));
		}
	}

	@Test
	void aHandMadeProfileIsLeftAloneAndAChangedStreamReplacesOurs(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			assertEquals(Outcome.DEPLOYED, Harness.result(h.deploy(), "North1").outcome());
			// Someone edits Palisade's profile on the device and adds one of their own.
			try (VapixClient c = client(h)) {
				c.streamProfiles().remove("Operator");
				c.streamProfiles().create(new StreamProfiles.Profile("Operator", "for operators [palisade]",
						"resolution=320x240"));
				c.streamProfiles().create(new StreamProfiles.Profile("Guard", "made on site", "fps=5"));
			}
			DeviceResult plan = Harness.result(h.plan(), "North1");
			String described = String.join("\n", plan.plan().describe());
			assertTrue(described.contains("streamprofile Operator"), described);
			assertTrue(plan.handMade().stream().anyMatch(o -> o.key().equals("Guard")), plan.handMade().toString());
			assertEquals(Outcome.DEPLOYED, Harness.result(h.deploy(), "North1").outcome());
			Map<String, String> profiles = h.camera().state().streamProfiles();
			assertEquals("made on site | fps=5", profiles.get("Guard"));
			assertTrue(profiles.get("Operator").contains("videoabrretentiontime=30"), profiles.toString());
			assertEquals(Outcome.UP_TO_DATE, Harness.result(h.plan(), "North1").outcome());
		}
	}

	/**
	 * A fault on the profiles' create (HTTP 500, not repeated: a create is not idempotent), after the
	 * ports and parameters were set: North1 is restored to exactly what it held.
	 */
	@Test
	void aFailedProfileCreateRestoresTheCamera(@TempDir Path dir) throws Exception {
		int before;
		try (Harness probe = new Harness(Files.createDirectories(dir.resolve("probe")))) {
			assertEquals(Outcome.DEPLOYED, Harness.result(probe.deploy(), "North1").outcome());
			List<RequestRecord> log = probe.camera().requestLog().stream().filter(r -> r.status() != 401).toList();
			before = -1;
			for (int i = 0; i < log.size(); i++) {
				if (log.get(i).path().equals(PROFILES) && "create".equals(log.get(i).operation())) {
					assertEquals(-1, before, "both profiles go in one create: " + log);
					before = i;
				}
			}
			assertTrue(before > 0, "a create in " + log);
		}
		try (Harness h = new Harness(Files.createDirectories(dir.resolve("fault")))) {
			DeviceState.Snapshot original = h.camera().state().snapshot();
			h.camera().faults().failAfter(before, 500, 1);
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.RESTORED, r.outcome(), r.error() + "\n" + h.progress);
			assertTrue(r.error().contains("streamprofile create"), r.error());
			assertEquals(original, h.camera().state().snapshot(), "restored exactly, profiles and parameters too");
			assertEquals(List.of(), h.journal.devices());
		}
	}

	private static VapixClient client(Harness h) throws Exception {
		Credential c = h.credentials.resolve("harbour-depot/north1").orElseThrow();
		char[] pw = c.password();
		try {
			return VapixClient.builder("North1", h.camera().baseUri()).credentials(new Credentials(c.username(), pw))
					.build();
		} finally {
			java.util.Arrays.fill(pw, '\0');
		}
	}
}
