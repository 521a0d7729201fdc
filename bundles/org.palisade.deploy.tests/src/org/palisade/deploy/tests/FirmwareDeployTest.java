package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.model.site.Site;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.RequestRecord;

/**
 * Firmware (#17) over loopback sockets: plan shows a device's firmware against the design's; a
 * design without a file reports the drift and changes nothing; with a file, deploy upgrades, waits
 * for the virtual device's restart and checks the version; a device that falls back to its previous
 * firmware is a failure, with nothing else of the plan applied.
 */
class FirmwareDeployTest {

	private static final String FIRMWARE = "/axis-cgi/firmwaremanagement.cgi";

	/** The manual's site with North1 on another firmware line, and the file beside the copy. */
	private static Site site(Path dir, String firmwareLine, String file) throws Exception {
		String text = Files.readString(Harness.harbourDepot()).replace("firmware lts \"11.11\"", firmwareLine);
		assertTrue(text.contains(firmwareLine), "the example's firmware line moved");
		if (file != null) {
			Files.write(dir.resolve(file), new byte[] { 'A', 'X', 'I', 'S' });
		}
		Path design = dir.resolve("harbour-depot.perimeter");
		Files.writeString(design, text);
		return Harness.load(design);
	}

	@Test
	void planShowsDriftAndDeployWithoutAFileChangesNothing(@TempDir Path dir) throws Exception {
		Path journal = Files.createDirectories(dir.resolve("journal"));
		try (Harness h = new Harness(journal, Harness.manual(),
				d -> d.name().equals("North1") ? d.toBuilder().firmware("10.12.213").build() : d)) {
			DeviceResult plan = Harness.result(h.plan(), "North1");
			String described = String.join("\n", plan.plan().describe());
			assertEquals(Outcome.CHANGES_PENDING, plan.outcome());
			assertTrue(described.contains("firmware") && described.contains("10.12.213") && described.contains("11.11"),
					described);
			DeviceState.Snapshot before = h.camera().state().snapshot();
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertTrue(r.outcome().isFailure(), r.toString());
			assertTrue(r.error().contains("runs firmware 10.12.213, the design wants 11.11"), r.error());
			assertEquals(before, h.camera().state().snapshot(), "nothing changed on it");
			assertTrue(h.camera().requestLog().stream().noneMatch(x -> x.path().equals(FIRMWARE)),
					"no upgrade without a file");
			assertEquals(Outcome.UNCHANGED, Harness.result(h.deploy(), "Horn").outcome());
		}
	}

	@Test
	void upgradeWaitsForTheRestartAndChecksTheVersion(@TempDir Path dir) throws Exception {
		Site site = site(dir, "firmware lts \"12.0\" file \"Q1961-TE_12_0_1.bin\"", "Q1961-TE_12_0_1.bin");
		try (Harness h = new Harness(Files.createDirectories(dir.resolve("journal")), site,
				d -> d.toBuilder().restartDelay(Duration.ofMillis(1500)).build())) {
			String described = String.join("\n", Harness.result(h.plan(), "North1").plan().describe());
			assertTrue(described.contains("11.11.73") && described.contains("12.0"), described);
			long start = System.nanoTime();
			DeviceResult r = Harness.result(h.deploy(), "North1");
			long ms = (System.nanoTime() - start) / 1_000_000;
			assertEquals(Outcome.DEPLOYED, r.outcome(), r.error() + "\n" + h.progress);
			assertTrue(ms >= 1500, "waited for the restart: " + ms + " ms");
			assertEquals("12.0.1", h.camera().state().firmware());
			List<RequestRecord> log = h.camera().requestLog();
			assertEquals(1, log.stream().filter(x -> x.path().equals(FIRMWARE) && "upgrade".equals(x.operation())).count());
			assertTrue(log.stream().anyMatch(x -> "restarting".equals(x.fault())), "asked while it restarted");
			assertEquals(Outcome.UP_TO_DATE, Harness.result(h.plan(), "North1").outcome(), "second plan empty");
		}
	}

	@Test
	void aFallbackToThePreviousFirmwareIsAFailureWithNothingElseApplied(@TempDir Path dir) throws Exception {
		Site site = site(dir, "firmware lts \"12.0\" file \"Q1961-TE_12_0_1.bin\"", "Q1961-TE_12_0_1.bin");
		try (Harness h = new Harness(Files.createDirectories(dir.resolve("journal")), site,
				d -> d.toBuilder().restartDelay(Duration.ofMillis(500)).firmwareFallback(true).build())) {
			DeviceState.Snapshot before = h.camera().state().snapshot();
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertTrue(r.outcome().isFailure(), r.toString());
			assertTrue(r.error().contains("fell back to its previous firmware 11.11.73"), r.error());
			assertEquals("11.11.73", h.camera().state().firmware());
			assertEquals(before, h.camera().state().snapshot(), "no profile, parameter, port or rule was applied");
			assertEquals(List.of(), h.journal.devices(), "nothing half-applied is left to finish");
		}
	}

	@Test
	void aFileForAnotherModelFallsBackToo(@TempDir Path dir) throws Exception {
		Site site = site(dir, "firmware lts \"12.0\" file \"P3245-LVE_12_0_1.bin\"", "P3245-LVE_12_0_1.bin");
		try (Harness h = new Harness(Files.createDirectories(dir.resolve("journal")), site,
				d -> d.toBuilder().restartDelay(Duration.ofMillis(500)).build())) {
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertTrue(r.error() != null && r.error().contains("check that P3245-LVE_12_0_1.bin is this model's"),
					String.valueOf(r.error()));
			assertEquals("11.11.73", h.camera().state().firmware());
		}
	}
}
