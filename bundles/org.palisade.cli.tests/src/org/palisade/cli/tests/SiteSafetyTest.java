package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.tests.Cli.Run;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.SiteState;

/**
 * The deploy a script and a team can trust, as a user meets it: trust on first use against
 * self-signed virtual devices, the site lock, and the journal's way out.
 */
class SiteSafetyTest {

	@Test
	void aSelfSignedDeviceIsRefusedNamedPinnedAndThenDeployed(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		Path map = dir.resolve("sim/map.json");
		try (Cli.Simulation sim = new Cli.Simulation(design, map, "--https")) {
			Run first = Cli.run("deploy", design.toString(), "--map", map.toString());
			System.out.println("first deploy: exit " + first.code() + "\n" + first.err() + first.out());
			assertEquals(1, first.code(), first.err());
			String pinIt = "palisade trust " + design + " --simulate --map " + map + " --device North1";
			assertTrue(first.out().contains("North1: failed, nothing changed - "), first.out());
			assertTrue(first.out().contains("the device's certificate is not trusted (subject CN=harbour-depot,O=Palisade"
					+ " virtual device, SHA-256 "), first.out());
			assertTrue(first.out().contains("pin it: " + pinIt), first.out());

			Run trust = Cli.run("trust", design.toString(), "--map", map.toString());
			System.out.println("trust: exit " + trust.code() + "\n" + trust.out() + trust.err());
			assertEquals(0, trust.code(), trust.err());
			assertTrue(trust.out().contains("(self-signed)"), trust.out());
			assertTrue(trust.out().contains("4 device(s) pinned in " + new SiteState(design.getParent(), "Harbour Depot",
					true).pinsFile()), trust.out());

			Run second = Cli.run("deploy", design.toString(), "--map", map.toString());
			System.out.println("second deploy: exit " + second.code() + "\n" + second.out());
			assertEquals(0, second.code(), second.out() + second.err());
			assertTrue(second.out().contains("North1: deployed"), second.out());

			Run wrong = Cli.run("trust", design.toString(), "--map", map.toString(), "--device", "Horn", "--expect",
					"00".repeat(32));
			assertEquals(1, wrong.code());
			assertTrue(wrong.err().contains("Horn: its certificate is not the one expected"), wrong.err());
		}
	}

	@Test
	void aHeldSiteIsRefusedNamingTheHolderAndTheJournalHasAWayOut(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		Path map = dir.resolve("sim/map.json");
		SiteState state = new SiteState(design.getParent(), "Harbour Depot", true);
		try (Cli.Simulation sim = new Cli.Simulation(design, map)) {
			try (SiteLock held = state.lock("deploy", Duration.ZERO)) {
				long t0 = System.nanoTime();
				Run refused = Cli.run("deploy", design.toString(), "--map", map.toString());
				assertEquals(1, refused.code());
				assertEquals("palisade deploy: Harbour Depot: the site is locked by " + held.holder().describe()
						+ "; wait for it to finish, or give --lock-timeout\n", refused.err());
				assertEquals("", refused.out());
				Run plan = Cli.run("plan", design.toString(), "--map", map.toString());
				assertEquals(0, plan.code(), plan.err());
				assertTrue(plan.err().contains("note: the site is being changed right now (" + held.holder().describe()),
						plan.err());
				Run waited = Cli.run("deploy", design.toString(), "--map", map.toString(), "--lock-timeout", "1");
				assertEquals(1, waited.code());
				assertTrue(waited.err().contains("(waited 1 s)"), waited.err());
				assertTrue(System.nanoTime() - t0 < 30_000_000_000L);
			}
			// A damaged entry of North1: a partial deploy of the Horn names it, and the way out.
			Files.createDirectories(state.journalDir());
			Path entry = state.journal().fileOf("North1");
			Files.writeString(entry, "{ damaged");
			Run horn = Cli.run("deploy", design.toString(), "--map", map.toString(), "--device", "Horn");
			assertEquals(0, horn.code(), horn.err());
			assertTrue(horn.err().contains(entry + ": damaged journal entry: not valid JSON"), horn.err());
			assertTrue(horn.err().contains("'palisade journal show " + design + " --device North1'"), horn.err());
			Run blocked = Cli.run("deploy", design.toString(), "--map", map.toString());
			assertEquals(1, blocked.code());
			assertTrue(blocked.out().contains("North1: not touched: its journal entry cannot be used"), blocked.out());
			Run show = Cli.run("journal", "show", design.toString(), "--map", map.toString());
			assertEquals(0, show.code(), show.err());
			assertTrue(show.out().contains("North1: " + entry + "\n  PROBLEM: damaged journal entry"), show.out());
			Run discard = Cli.run("journal", "discard", design.toString(), "--map", map.toString(), "--device", "North1");
			assertEquals(0, discard.code(), discard.err());
			assertFalse(Files.exists(entry));
			assertTrue(discard.out().contains("Discarded: moved to " + state.journalDir().resolve("discarded")), discard.out());
			Run after = Cli.run("deploy", design.toString(), "--map", map.toString());
			assertEquals(0, after.code(), after.out() + after.err());
			Run none = Cli.run("journal", "show", design.toString(), "--map", map.toString());
			assertTrue(none.out().startsWith("No journal entries of Harbour Depot"), none.out());
		}
	}

	@Test
	void aJournalEntryOfAnEarlierPalisadeIsNamedNotSilentlyIgnored(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		Path map = dir.resolve("sim/map.json");
		Path old = design.getParent().resolve(".palisade-journal/North1.json");
		Files.createDirectories(old.getParent());
		Files.writeString(old, "{\"device\":\"North1\",\"objects\":[]}");
		try (Cli.Simulation sim = new Cli.Simulation(design, map)) {
			Run plan = Cli.run("plan", design.toString(), "--map", map.toString());
			assertEquals(0, plan.code(), plan.err());
			assertTrue(plan.err().contains("palisade: note: " + old + " is a journal entry of an earlier Palisade"), plan.err());
		}
	}
}
