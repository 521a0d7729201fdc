package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.diagram.ScheduleSvg;
import org.palisade.diagram.ScheduleWeek;
import org.palisade.diagram.ScheduleWeek.Box;
import org.palisade.diagram.ScheduleWeek.ClockChange;
import org.palisade.diagram.ScheduleWeek.Part;
import org.palisade.diagram.ScheduleWeek.RuleRow;
import org.palisade.diagram.ScheduleWeek.Span;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Site;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The week of a schedule from real parsed designs: boxes split at midnight, Sunday into Monday,
 * Stockholm's clock changes in the weeks of the last Sundays of March and October (and not the
 * weeks either side), when the example's rules can fire, and two rules on one output flagged.
 */
class ScheduleWeekTest {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
	private static final String INTERVAL = "Mon-Fri 18:00-08:00";

	@Test
	void aSpeakerSharedByTenCamerasNamesThreeOfTheOtherRulesAndCountsTheRest(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("yard.perimeter");
		java.nio.file.Files.writeString(file, org.palisade.dsl.load.SyntheticSite.of(60));
		Site site = Designs.load(file);
		Schedule s = site.getSchedules().stream().filter(x -> x.getName().equals("AfterHours")).findFirst().orElseThrow();
		RuleRow horn = ScheduleWeek.of(s, LocalDate.of(2026, 12, 2)).rules().stream()
				.filter(r -> r.camera().equals("Cam59") && r.rule().equals("Horn speaker")).findFirst().orElseThrow();
		// Cam50 to Cam59 notify Horn1: nine others in the same hours.
		assertEquals(9, horn.overlapsWith().size());
		assertEquals("Horn speaker: Mon-Fri 18:00-08:00  (Cam59, notify Horn1)  also driven by Horn speaker (Cam50), "
				+ "Horn speaker (Cam51), Horn speaker (Cam52) and 6 more", horn.caption());
	}

	@Test
	void theExamplesAfterHoursIsFiveEveningsAndTheFollowingMorningsSaturdayIncluded() throws Exception {
		Schedule s = schedule(Designs.load(Designs.harbourDepot()), "AfterHours");
		ScheduleWeek week = ScheduleWeek.of(s, LocalDate.of(2026, 12, 2));
		assertEquals(LocalDate.of(2026, 11, 30), week.monday());
		assertEquals("After hours", week.title());
		assertEquals(STOCKHOLM, week.zone());
		assertEquals(10, week.boxes().size());
		assertEquals(List.of(new Box(0, 18 * 60, 1440, 0, 18 * 60, 14 * 60, Part.HEAD)), week.boxes(0));
		assertEquals(List.of(new Box(1, 0, 8 * 60, 0, 18 * 60, 14 * 60, Part.TAIL),
				new Box(1, 18 * 60, 1440, 0, 1440 + 18 * 60, 14 * 60, Part.HEAD)), week.boxes(1));
		assertEquals(List.of(new Box(5, 0, 480, 0, 4 * 1440 + 18 * 60, 14 * 60, Part.TAIL)), week.boxes(5));
		assertEquals(List.of(), week.boxes(6), "nothing on Sunday");
		assertEquals(List.of(), week.clockChanges(), "no clock change in Stockholm in December");
	}

	@Test
	void anIntervalPastMidnightIsSplitIntoTheNextDayAndSundayNightIntoMonday(@TempDir Path dir) throws Exception {
		Schedule s = schedule(Designs.variant(dir, INTERVAL, "Sun 23:45-00:15\n\t\tWed 23:30-23:45\n\t\tThu 00:00-00:00"),
				"AfterHours");
		List<Box> boxes = ScheduleWeek.boxes(s);
		// Just past midnight: a quarter on Sunday, a quarter on Monday.
		assertTrue(boxes.contains(new Box(6, 1425, 1440, 0, 6 * 1440 + 1425, 30, Part.HEAD)), boxes.toString());
		assertTrue(boxes.contains(new Box(0, 0, 15, 0, 6 * 1440 + 1425, 30, Part.TAIL)), boxes.toString());
		// Just before midnight: one box on its day.
		assertTrue(boxes.contains(new Box(2, 1410, 1425, 1, 2 * 1440 + 1410, 15, Part.WHOLE)), boxes.toString());
		assertEquals(3, boxes.size(), "00:00-00:00 is empty (SCHED-EMPTY): no box");
		BitSet m = ScheduleWeek.minutes(s);
		assertTrue(m.get(0) && m.get(14) && !m.get(15) && m.get(7 * 1440 - 1) && !m.get(7 * 1440 - 16));
		assertEquals("Wed 23:30-23:45, Sun 23:45-00:15", ScheduleWeek.describe(m));
	}

	@Test
	void stockholmSkipsTwoToThreeOnTheLastSundayOfMarchAndRepeatsItOnTheLastSundayOfOctober() throws Exception {
		// 2026: 29 March and 25 October are the last Sundays.
		List<ClockChange> spring = ScheduleWeek.clockChanges(STOCKHOLM, LocalDate.of(2026, 3, 23));
		assertEquals(1, spring.size());
		ClockChange c = spring.get(0);
		assertEquals(6, c.day());
		assertEquals(LocalDate.of(2026, 3, 29), c.date());
		assertEquals(120, c.from());
		assertEquals(180, c.to());
		assertTrue(c.skipped());
		assertEquals("Sun 2026-03-29: 02:00-03:00 is skipped (clocks go forward to +02:00)", c.text());

		List<ClockChange> autumn = ScheduleWeek.clockChanges(STOCKHOLM, LocalDate.of(2026, 10, 19));
		assertEquals(1, autumn.size());
		assertEquals(new ClockChange(6, LocalDate.of(2026, 10, 25), 120, 180, false,
				"Sun 2026-10-25: 02:00-03:00 happens twice (clocks go back to +01:00)"), autumn.get(0));

		// The weeks either side have none.
		assertEquals(List.of(), ScheduleWeek.clockChanges(STOCKHOLM, LocalDate.of(2026, 3, 16)));
		assertEquals(List.of(), ScheduleWeek.clockChanges(STOCKHOLM, LocalDate.of(2026, 3, 30)));
		assertEquals(List.of(), ScheduleWeek.clockChanges(STOCKHOLM, LocalDate.of(2026, 10, 26)));
		assertEquals(LocalDate.of(2026, 3, 23), ScheduleWeek.nextClockChangeWeek(STOCKHOLM, LocalDate.of(2026, 3, 1)));
		assertEquals(LocalDate.of(2026, 3, 23), ScheduleWeek.nextClockChangeWeek(STOCKHOLM, LocalDate.of(2026, 3, 29)));
		assertEquals(LocalDate.of(2026, 10, 19), ScheduleWeek.nextClockChangeWeek(STOCKHOLM, LocalDate.of(2026, 3, 30)));
		assertNull(ScheduleWeek.nextClockChangeWeek(ZoneId.of("UTC"), LocalDate.of(2026, 3, 1)));
	}

	@Test
	void aTypicalWeekHasNoDatesAndSaysTheZonesYearlyChangesInWords() throws Exception {
		ScheduleWeek week = ScheduleWeek.typical(schedule(Designs.load(Designs.harbourDepot()), "AfterHours"));
		assertNull(week.monday());
		assertEquals("Sun", week.dayLabel(6));
		assertEquals("a typical week", week.weekLabel());
		assertEquals(List.of(), week.clockChanges());
		assertEquals(List.of("last Sunday of March: 02:00-03:00 is skipped",
				"last Sunday of October: 02:00-03:00 happens twice"), week.zoneRules());
		assertEquals(10, week.boxes().size());
	}

	@Test
	void theExampleWeekOfTheSpringChangeMarksSundayOfThatWeek() throws Exception {
		ScheduleWeek week = ScheduleWeek.of(schedule(Designs.load(Designs.harbourDepot()), "AfterHours"),
				LocalDate.of(2026, 3, 25));
		assertEquals(LocalDate.of(2026, 3, 23), week.monday());
		assertEquals(1, week.clockChanges().size());
		assertEquals("Sun 29 Mar", week.dayLabel(week.clockChanges().get(0).day()));
	}

	@Test
	void theExamplesRulesFireAfterHoursAndDriveDifferentThings() throws Exception {
		ScheduleWeek week = ScheduleWeek.of(schedule(Designs.load(Designs.harbourDepot()), "AfterHours"),
				LocalDate.of(2026, 12, 1));
		assertEquals(4, week.rules().size(), week.rules().toString());
		RuleRow beacon = week.rules().get(0);
		assertEquals("Flashing beacon: Mon-Fri 18:00-08:00", beacon.title());
		assertEquals("North1", beacon.camera());
		assertEquals("output \"Flashing beacon\"", beacon.target());
		assertEquals(List.of(), beacon.overlaps());
		assertEquals(10, beacon.when().size());
		assertEquals(new Span(0, 1080, 1440), beacon.when().get(0));
		RuleRow horn = week.rules().get(1);
		assertEquals("Horn speaker: Mon-Fri 18:00-08:00", horn.title());
		assertEquals("notify HornSpeaker", horn.target());
		// The door controller's forced-gate rule (#19) calls the same horn at any hour: the whole row.
		assertEquals(horn.when(), horn.overlaps(), "the horn is also called when the gate is forced");
		assertEquals(List.of("Gate forced: horn (Entry)"), horn.overlapsWith());
		RuleRow ptz = week.rules().get(2);
		assertEquals("PTZ follows: Mon-Fri 18:00-08:00", ptz.title());
		assertEquals("move Gate to preset Fence", ptz.target());
		assertEquals(List.of(), ptz.overlaps(), "the only rule moving the PTZ");
		RuleRow door = week.rules().get(3);
		assertEquals("Lock down the gate: Mon-Fri 18:00-08:00", door.title());
		assertEquals("lockdown Entry.YardGate", door.target());
		// The release, on the schedule's end, commands the same door (an event rule counts as any time).
		assertEquals(door.when(), door.overlaps());
		assertEquals(List.of("Release the gate (North1)"), door.overlapsWith());
	}

	@Test
	void aRuleWithTwoSchedulesFiresInTheirIntersectionAndTwoRulesOnOneOutputOverlapJustThere(@TempDir Path dir)
			throws Exception {
		String night = "schedule AfterHours \"After hours\" {\n\t\tMon-Fri 18:00-08:00\n\t}\n"
				+ "\tschedule Night \"Night\" {\n\t\tMon-Sun 22:00-06:00\n\t}\n";
		String rule = "\t\trule \"Flashing beacon\" when";
		String late = "\t\trule \"Late beacon\" when PerimeterDefender.intrusion during AfterHours during Night\n"
				+ "\t\t\tdo output \"Flashing beacon\" for 10 s\n";
		Path file = dir.resolve("two.perimeter");
		String text = java.nio.file.Files.readString(Designs.harbourDepot())
				.replace("schedule AfterHours \"After hours\" {\n\t\tMon-Fri 18:00-08:00\n\t}\n", night)
				.replace(rule, late + rule);
		assertTrue(text.contains("Late beacon") && text.contains("schedule Night"), "fixture applied");
		java.nio.file.Files.writeString(file, text);
		Site site = Designs.load(file);
		ScheduleWeek week = ScheduleWeek.of(schedule(site, "Night"), LocalDate.of(2026, 12, 1));
		assertEquals(1, week.rules().size(), "only the late rule uses Night");
		RuleRow late1 = week.rules().get(0);
		// AfterHours and Night: Mon-Fri 22:00 to 06:00 the next morning.
		assertEquals("Late beacon: Mon-Fri 22:00-06:00", late1.title());
		assertEquals(List.of("Flashing beacon (North1)"), late1.overlapsWith());
		assertEquals(late1.when(), late1.overlaps(), "the flashing beacon rule covers all of the late one's time");

		ScheduleWeek after = ScheduleWeek.of(schedule(site, "AfterHours"), LocalDate.of(2026, 12, 1));
		RuleRow beacon = after.rules().stream().filter(r -> r.rule().equals("Flashing beacon")).findFirst().orElseThrow();
		assertEquals(List.of("Late beacon (North1)"), beacon.overlapsWith());
		// The overlap starts at 22:00, not at 21:45 (just outside) nor 22:15 (just inside).
		assertEquals(new Span(0, 22 * 60, 1440), beacon.overlaps().get(0));
		assertEquals(new Span(1, 0, 6 * 60), beacon.overlaps().get(1));
		RuleRow horn = after.rules().stream().filter(r -> r.rule().equals("Horn speaker")).findFirst().orElseThrow();
		assertEquals(horn.when(), horn.overlaps(), "the forced-gate rule calls the horn too (#19)");
	}

	@Test
	void snappingGoesToTheNearestQuarterHour() {
		assertEquals(0, ScheduleWeek.snap(7));
		assertEquals(15, ScheduleWeek.snap(8));
		assertEquals(1140, ScheduleWeek.snap(1147));
		assertEquals(1155, ScheduleWeek.snap(1148));
		assertEquals(-15, ScheduleWeek.snap(-8));
		assertEquals(0, ScheduleWeek.snap(-7));
	}

	@Test
	void theSvgHasABoxPerDayPieceTheSkippedHourAndTheRuleRows() throws Exception {
		ScheduleWeek week = ScheduleWeek.of(schedule(Designs.load(Designs.harbourDepot()), "AfterHours"),
				LocalDate.of(2026, 3, 23));
		String svg = ScheduleSvg.render(week);
		// Kept beside the build's output, to be looked at (as the UI tests keep their screenshots).
		java.nio.file.Files.createDirectories(Path.of("target/svg"));
		java.nio.file.Files.writeString(Path.of("target/svg/schedule-after-hours-spring-week.svg"), svg);
		java.nio.file.Files.writeString(Path.of("target/svg/schedule-after-hours-typical-week.svg"),
				ScheduleSvg.render(ScheduleWeek.typical(schedule(Designs.load(Designs.harbourDepot()), "AfterHours"))));
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
		NodeList rects = doc.getElementsByTagName("rect");
		int intervals = 0;
		int overlaps = 0;
		for (int i = 0; i < rects.getLength(); i++) {
			String cls = ((org.w3c.dom.Element) rects.item(i)).getAttribute("class");
			intervals += cls.equals("interval") ? 1 : 0;
			overlaps += cls.equals("overlap") ? 1 : 0;
		}
		assertEquals(10, intervals);
		// The horn's row and the gate lockdown's row, each overlapped all along its 10 pieces (#19).
		assertEquals(20, overlaps);
		assertTrue(svg.contains("class=\"clock-change skipped\""), svg);
		assertFalse(svg.contains("clock-change repeated"));
		assertTrue(svg.contains("Sun 2026-03-29: 02:00-03:00 is skipped"));
		assertTrue(svg.contains("Flashing beacon: Mon-Fri 18:00-08:00"));
		assertTrue(svg.contains("After hours (AfterHours), week of Mon 23 Mar 2026, Europe/Stockholm"));
	}

	static Schedule schedule(Site site, String name) {
		return site.getSchedules().stream().filter(s -> name.equals(s.getName())).findFirst().orElseThrow();
	}
}
