package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.diagram.ScheduleEdits;
import org.palisade.diagram.ScheduleWeek;
import org.palisade.diagram.ScheduleWeek.Box;
import org.palisade.diagram.ScheduleWeek.Part;
import org.palisade.dsl.ide.quickfix.DesignEdits;

import com.google.inject.Injector;

/**
 * Schedule editor edit -> text -> reparse -> week, through the one edit path (DesignEdits and
 * Xtext's IChangeSerializer, as the Studio's DesignChanges): only the interval's text changes,
 * comments stay, and the reparsed week is the week the edit asked for.
 */
class ScheduleRoundTripTest {

	private static final String COMMENT = "// Outside office hours: 18:00 to 08:00 the next morning, Monday to Friday.";
	private static Injector ide() {
		return Designs.ide();
	}

	@Test
	void resizingTheStartTo19WritesOnlyThatTimeAndTheReparsedWeekIsTheEditedOne(@TempDir Path dir) throws Exception {
		String text = Files.readString(Designs.harbourDepot());
		// The start edge dragged from 18:00 to 19:00: start +60 min, one hour shorter.
		String edited = apply(text, ScheduleEdits.reshape("AfterHours", 0, 60, 13 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Mon-Fri 19:00-08:00"), edited);
		ScheduleWeek week = week(dir, edited);
		assertEquals(new Box(0, 19 * 60, 1440, 0, 19 * 60, 13 * 60, Part.HEAD), week.boxes(0).get(0));
		assertEquals("Flashing beacon: Mon-Fri 19:00-08:00", week.rules().get(0).title());
	}

	@Test
	void aNewSaturdayIntervalStretchedTo19IsOneLineInTheScheduleAndSurvivesTheReparse(@TempDir Path dir)
			throws Exception {
		String text = Files.readString(Designs.harbourDepot());
		String created = apply(text, ScheduleEdits.create("AfterHours", 5, 10 * 60, 8 * 60));
		List<String> added = created.lines().filter(l -> !text.lines().toList().contains(l)).toList();
		assertEquals(List.of("\t\tSat 10:00-18:00"), added, created);
		assertTrue(created.contains(COMMENT));
		int schedule = created.indexOf("schedule AfterHours");
		int line = created.indexOf("Sat 10:00-18:00");
		assertTrue(line > schedule && line < created.indexOf('}', schedule), "inside the schedule:\n" + created);

		// Its end edge dragged from 18:00 to 19:00: nine hours from 10:00.
		String stretched = apply(created, ScheduleEdits.reshape("AfterHours", 1, 0, 9 * 60));
		assertEquals(created.replace("Sat 10:00-18:00", "Sat 10:00-19:00"), stretched);
		ScheduleWeek week = week(dir, stretched);
		assertEquals(List.of(new Box(5, 0, 480, 0, 4 * 1440 + 1080, 840, Part.TAIL),
				new Box(5, 600, 1140, 1, 5 * 1440 + 600, 540, Part.WHOLE)), week.boxes(5));
		assertEquals("Flashing beacon: Mon-Fri 18:00-08:00, Sat 10:00-19:00", week.rules().get(0).title());
		// Edit -> text -> reparse -> week: the same week as the edited model would give.
		assertEquals(week.boxes(), week(dir, stretched).boxes());
	}

	@Test
	void movingAcrossMidnightMovesTheDaysAndALengthOfADayIsKeptBelowADay(@TempDir Path dir) throws Exception {
		String text = Files.readString(Designs.harbourDepot());
		// Six hours later: 00:00 the next day, so the days move on by one, Sunday wrapping to Monday.
		String moved = apply(text, ScheduleEdits.reshape("AfterHours", 0, 6 * 60, 14 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Tue-Sat 00:00-14:00"), moved);
		String back = apply(moved, ScheduleEdits.reshape("AfterHours", 0, -6 * 60 - 15, 14 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Mon-Fri 17:45-07:45"), back);
		String sunday = apply(text, ScheduleEdits.reshape("AfterHours", 0, 2 * 1440, 14 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Wed-Sun 18:00-08:00"), sunday);
		String wrapped = apply(sunday, ScheduleEdits.reshape("AfterHours", 0, 1440, 14 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Thu-Mon 18:00-08:00"), wrapped);
		assertEquals(List.of(new Box(0, 1080, 1440, 0, 1080, 840, Part.HEAD)), week(dir, wrapped).boxes(0).subList(1, 2));
		// A stretch to 24 h or more is held at 23:45, which the text can write; 15 min is the least.
		String longest = apply(text, ScheduleEdits.reshape("AfterHours", 0, 0, 30 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Mon-Fri 18:00-17:45"), longest);
		String shortest = apply(text, ScheduleEdits.reshape("AfterHours", 0, 0, -60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Mon-Fri 18:00-18:15"), shortest);
		// From midnight a whole day can be written: 00:00-24:00; a quarter less from 00:15.
		String whole = apply(text, ScheduleEdits.create("AfterHours", 6, 0, 25 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00\n", "Mon-Fri 18:00-08:00\n\t\tSun 00:00-24:00\n"), whole);
		assertEquals(List.of(new Box(6, 0, 1440, 1, 6 * 1440, 1440, Part.WHOLE)), week(dir, whole).boxes(6));
		String almost = apply(text, ScheduleEdits.create("AfterHours", 6, 15, 24 * 60));
		assertEquals(text.replace("Mon-Fri 18:00-08:00\n", "Mon-Fri 18:00-08:00\n\t\tSun 00:15-00:00\n"), almost);
	}

	private static ScheduleWeek week(Path dir, String text) throws Exception {
		Path file = Files.createTempFile(dir, "schedule", ".perimeter");
		Files.writeString(file, text);
		return ScheduleWeek.of(ScheduleWeekTest.schedule(Designs.load(file), "AfterHours"), LocalDate.of(2026, 12, 1));
	}

	private static String apply(String text, Function<Resource, Boolean> edit) {
		List<ITextReplacement> replacements = DesignEdits.edits(ide().getInstance(XtextResourceSet.class),
				URI.createFileURI("/tmp/schedule-roundtrip.perimeter"), text, edit::apply,
				ide().getInstance(IChangeSerializer.class));
		assertFalse(replacements.isEmpty(), "the edit changed the text");
		StringBuilder b = new StringBuilder(text);
		for (ITextReplacement r : replacements.stream().sorted(Comparator.comparingInt(ITextReplacement::getOffset).reversed())
				.toList()) {
			b.replace(r.getOffset(), r.getOffset() + r.getLength(), r.getReplacementText());
		}
		return b.toString();
	}
}
