package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.Journal;
import org.palisade.deploy.SiteState;
import org.palisade.simulator.DeviceState;

/**
 * Journals keyed by site and device identity: damaged and foreign entries are named with their
 * file and what is wrong, leave their device alone, and every interrupted device of the site is
 * reported, in the run or not, in the design or not.
 */
class JournalTruthTest {

	@Test
	void entriesOfTwoSitesInOneFolderAreApartAndAForeignOneIsNamed(@TempDir Path dir) throws Exception {
		SiteState a = new SiteState(dir, "Harbour Depot", false);
		SiteState b = new SiteState(dir, "Container Terminal", false);
		a.journal().write(new Journal.Entry("North1", Instant.parse("2026-01-01T00:00:00Z"), List.of(), null, "https://h:1"));
		assertNull(b.journal().read("North1"), "another site's journal does not see it");
		assertEquals("Harbour Depot", a.journal().read("North1").site());
		// The same file copied into the other site's folder is foreign there.
		Files.createDirectories(b.journalDir());
		Files.copy(a.journal().fileOf("North1"), b.journal().fileOf("North1"));
		IOException e = assertThrows(IOException.class, () -> b.journal().read("North1"));
		assertEquals(b.journal().fileOf("North1") + ": foreign journal entry: written for site 'Harbour Depot', not"
				+ " 'Container Terminal'", e.getMessage());
	}

	@Test
	void damagedEntriesSayWhatIsWrong(@TempDir Path dir) throws Exception {
		Journal j = new SiteState(dir, "S", false).journal();
		Files.createDirectories(j.dir());
		Files.writeString(j.fileOf("A"), "{\"device\": \"A\", \"preState\": [");
		Files.writeString(j.fileOf("B"), "{\"device\": \"B\", \"startedAt\": \"2026-01-01T00:00:00Z\"}");
		Files.writeString(j.fileOf("C"), "{\"device\": \"D\", \"startedAt\": \"2026-01-01T00:00:00Z\", \"preState\": []}");
		Files.writeString(j.fileOf("E"), "{\"device\": \"E\", \"startedAt\": \"yesterday\", \"preState\": []}");
		Files.writeString(j.fileOf("F"), "");
		List<Journal.Found> found = j.scan();
		assertEquals(List.of("A", "B", "C", "E", "F"), found.stream().map(Journal.Found::device).toList());
		assertTrue(found.get(0).problem().startsWith("damaged journal entry: not valid JSON"), found.get(0).problem());
		assertEquals("damaged journal entry: no \"preState\" list", found.get(1).problem());
		assertEquals("foreign journal entry: it names device 'D', but its file stands for 'C'", found.get(2).problem());
		assertTrue(found.get(3).problem().startsWith("damaged journal entry: Text 'yesterday'"), found.get(3).problem());
		assertEquals("damaged journal entry: the file is empty", found.get(4).problem());
	}

	@Test
	void aDamagedEntryLeavesItsDeviceAloneAndSaysTheWayOut(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir.resolve("j"))) {
			Files.createDirectories(h.journal.dir());
			Files.writeString(h.journal.fileOf("North1"), "{ broken");
			DeviceState.Snapshot before = h.camera().state().snapshot();
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.JOURNAL_UNUSABLE, r.outcome());
			assertTrue(r.outcome().isFailure());
			assertTrue(r.error().startsWith(h.journal.fileOf("North1") + ": damaged journal entry: not valid JSON"), r.error());
			assertTrue(r.error().contains("'palisade journal show <design> --device North1'"), r.error());
			assertTrue(r.error().contains("'palisade journal discard <design> --device North1'"), r.error());
			assertEquals(before, h.camera().state().snapshot(), "nothing changed on the device");
			assertEquals(0, r.calls());
		}
	}

	@Test
	void anEntryOfTheDeviceAtAnotherAddressIsNotUsed(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir.resolve("j"))) {
			h.journal.write(new Journal.Entry("North1", Instant.parse("2026-01-01T00:00:00Z"), List.of(), null,
					"https://10.9.9.9:443"));
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.JOURNAL_UNUSABLE, r.outcome());
			assertTrue(r.error().contains("foreign journal entry: written for the device at https://10.9.9.9:443, but North1 is now at "
					+ h.camera().baseUri()), r.error());
		}
	}

	@Test
	void everyInterruptedDeviceOfTheSiteIsReported(@TempDir Path dir) throws Exception {
		Journal j = new SiteState(dir, "S", false).journal();
		Instant t = Instant.parse("2026-01-01T00:00:00Z");
		j.write(new Journal.Entry("North1", t, List.of()));
		j.write(new Journal.Entry("South1", t, List.of()));
		j.write(new Journal.Entry("OldName", t, List.of()));
		Files.writeString(j.fileOf("Horn"), "[]");
		DeployEngine engine = new DeployEngine(j, 1, null);
		List<String> notes = engine.journalNotes(Set.of("North1", "South1", "Horn"), Set.of("North1"));
		assertEquals(3, notes.size(), notes.toString());
		assertTrue(notes.get(0).startsWith(j.fileOf("Horn") + ": damaged journal entry"), notes.get(0));
		assertTrue(notes.get(1).startsWith("INTERRUPTED: OldName is not in the design (renamed or removed?)"), notes.get(1));
		assertTrue(notes.get(1).contains("palisade journal show <design> --device OldName"), notes.get(1));
		assertEquals("INTERRUPTED: South1: a deploy started 2026-01-01T00:00:00Z did not finish (" + j.fileOf("South1")
				+ "); 'palisade deploy' with this device completes it", notes.get(2));
	}
}
