package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.palisade.simulator.rules.ICalendarSchedule;

/** The device's iCalendar subset, in Europe/Stockholm, by RFC 5545's rules for local times. */
class ICalendarScheduleTest {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
	/** What Palisade generates for "Mon-Fri 18:00-08:00". */
	static final ICalendarSchedule AFTER_HOURS = ICalendarSchedule
			.parse("DTSTART:19700101T180000\nDTEND:19700102T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");

	static Instant at(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	@Test
	void afterHoursRunsFromEachWeekdayEveningIntoTheNextMorning() {
		// 2026-12-01 is a Tuesday; CET is +01:00.
		assertTrue(AFTER_HOURS.activeAt(at("2026-12-01T02:00+01:00"), STOCKHOLM), "Tuesday 02:00 (Monday's evening)");
		assertFalse(AFTER_HOURS.activeAt(at("2026-12-01T10:00+01:00"), STOCKHOLM), "Tuesday 10:00");
		assertTrue(AFTER_HOURS.activeAt(at("2026-12-01T07:59:59+01:00"), STOCKHOLM));
		assertFalse(AFTER_HOURS.activeAt(at("2026-12-01T08:00+01:00"), STOCKHOLM), "the end is exclusive");
		assertFalse(AFTER_HOURS.activeAt(at("2026-12-01T17:59:59+01:00"), STOCKHOLM));
		assertTrue(AFTER_HOURS.activeAt(at("2026-12-01T18:00+01:00"), STOCKHOLM), "the start is inclusive");
		assertTrue(AFTER_HOURS.activeAt(at("2026-12-05T07:00+01:00"), STOCKHOLM), "Saturday 07:00 (Friday's evening)");
		assertFalse(AFTER_HOURS.activeAt(at("2026-12-05T08:00+01:00"), STOCKHOLM));
		assertFalse(AFTER_HOURS.activeAt(at("2026-11-30T02:00+01:00"), STOCKHOLM), "Monday 02:00: Sunday is not listed");
		// The same instant read in another zone is another local time.
		assertFalse(AFTER_HOURS.activeAt(at("2026-12-01T02:00+01:00"), ZoneId.of("Asia/Tokyo")), "10:00 in Tokyo");
	}

	@Test
	void nextChangeIsTheNextStartOrEnd() {
		assertEquals(at("2026-12-01T08:00+01:00"), AFTER_HOURS.nextChange(at("2026-12-01T02:00+01:00"), STOCKHOLM));
		assertEquals(at("2026-12-01T18:00+01:00"), AFTER_HOURS.nextChange(at("2026-12-01T08:00+01:00"), STOCKHOLM));
		assertEquals(at("2026-12-07T18:00+01:00"), AFTER_HOURS.nextChange(at("2026-12-05T08:00+01:00"), STOCKHOLM),
				"from Saturday morning to Monday evening");
	}

	@Test
	void repeatedAutumnHourMeansTheFirstOccurrenceAndInstancesKeepTheirExactDuration() {
		// 2026-10-25, Sunday: 03:00 CEST (+02:00) becomes 02:00 CET (+01:00); 02:00-03:00 happens twice.
		ICalendarSchedule night = ICalendarSchedule
				.parse("DTSTART:19700101T023000\nDTEND:19700101T040000\nRRULE:FREQ=WEEKLY;BYDAY=SU");
		assertFalse(night.activeAt(at("2026-10-25T02:15+02:00"), STOCKHOLM), "first 02:15: before the start");
		assertTrue(night.activeAt(at("2026-10-25T02:30+02:00"), STOCKHOLM), "02:30 is its first occurrence");
		assertTrue(night.activeAt(at("2026-10-25T02:15+01:00"), STOCKHOLM), "second 02:15: already started");
		// The exact duration is 1 h 30 min, so it ends at 03:00 CET, not at 04:00 on the clock.
		assertTrue(night.activeAt(at("2026-10-25T02:59:59+01:00"), STOCKHOLM));
		assertFalse(night.activeAt(at("2026-10-25T03:00+01:00"), STOCKHOLM));
		assertFalse(night.activeAt(at("2026-10-25T03:30+01:00"), STOCKHOLM));
		// A week later the same instance is 02:30-04:00 on the clock again.
		assertTrue(night.activeAt(at("2026-11-01T03:59+01:00"), STOCKHOLM));
		// Overnight across the change: Saturday 18:00 CEST + 14 h = Sunday 07:00 CET.
		ICalendarSchedule saturday = ICalendarSchedule
				.parse("DTSTART:19700101T180000\nDTEND:19700102T080000\nRRULE:FREQ=WEEKLY;BYDAY=SA");
		assertTrue(saturday.activeAt(at("2026-10-25T02:30+01:00"), STOCKHOLM), "inside the repeated hour");
		assertTrue(saturday.activeAt(at("2026-10-25T06:59+01:00"), STOCKHOLM));
		assertFalse(saturday.activeAt(at("2026-10-25T07:00+01:00"), STOCKHOLM));
	}

	@Test
	void springGapReadsTheStartWithTheOffsetBeforeTheGap() {
		// 2026-03-29: 02:00 CET becomes 03:00 CEST; 02:30 does not exist and means 03:30 CEST.
		ICalendarSchedule night = ICalendarSchedule
				.parse("DTSTART:19700101T023000\nDTEND:19700101T040000\nRRULE:FREQ=WEEKLY;BYDAY=SU");
		assertFalse(night.activeAt(at("2026-03-29T03:29+02:00"), STOCKHOLM));
		assertTrue(night.activeAt(at("2026-03-29T03:30+02:00"), STOCKHOLM));
		assertTrue(night.activeAt(at("2026-03-29T04:59+02:00"), STOCKHOLM));
		assertFalse(night.activeAt(at("2026-03-29T05:00+02:00"), STOCKHOLM));
	}

	@Test
	void whatTheVirtualDeviceCannotRunIsNamed() {
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> ICalendarSchedule.parse("DTSTART:19700101T000000\nRRULE:FREQ=MINUTELY;INTERVAL=5")).getMessage()
				.contains("pulse"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ICalendarSchedule
				.parse("DTSTART:19700101T000000\nDTEND:19700101T010000\nRRULE:FREQ=MONTHLY")).getMessage()
				.contains("FREQ=MONTHLY"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ICalendarSchedule
				.parse("DTSTART:19700101T000000\nDTEND:19700101T010000\nRRULE:FREQ=WEEKLY;BYDAY=XX")).getMessage()
				.contains("XX"));
	}

	@Test
	void dailyWithAnIntervalSkipsDays() {
		ICalendarSchedule everyOther = ICalendarSchedule
				.parse("DTSTART:20261201T100000\nDTEND:20261201T110000\nRRULE:FREQ=DAILY;INTERVAL=2");
		assertTrue(everyOther.activeAt(at("2026-12-01T10:30+01:00"), STOCKHOLM));
		assertFalse(everyOther.activeAt(at("2026-12-02T10:30+01:00"), STOCKHOLM));
		assertTrue(everyOther.activeAt(at("2026-12-03T10:30+01:00"), STOCKHOLM));
		assertFalse(everyOther.activeAt(at("2026-11-29T10:30+01:00"), STOCKHOLM), "before DTSTART");
	}
}
