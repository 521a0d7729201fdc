package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.palisade.validation.internal.DaylightSaving;

/**
 * The daylight-saving check against java.time, over every transition of every zone in this
 * year and the next: an interval whose start or end (on the day the end falls on, past midnight
 * or at 24:00) is a local time that java.time finds skipped or repeated is reported, one whose
 * boundaries java.time finds unique is not.
 */
class DaylightSavingPropertyTest {

	private static final int DAY = 1440;

	@Test
	void everyTransitionOfThisYearAndTheNextAgreesWithJavaTime() {
		int year = Year.now().getValue();
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant to = LocalDate.of(year + 2, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Set<String> zones = new TreeSet<>();
		int transitions = 0;
		int intervals = 0;
		for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
			ZoneRules rules = ZoneId.of(id).getRules();
			for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
					t = rules.nextTransition(t.getInstant())) {
				zones.add(id);
				transitions++;
				LocalDateTime a = t.getDateTimeBefore().isBefore(t.getDateTimeAfter()) ? t.getDateTimeBefore() : t.getDateTimeAfter();
				LocalDateTime b = t.getDateTimeBefore().isBefore(t.getDateTimeAfter()) ? t.getDateTimeAfter() : t.getDateTimeBefore();
				long middle = ChronoUnit.MINUTES.between(a, b) / 2;
				for (LocalDateTime l : List.of(a.minusMinutes(1), a, a.plusMinutes(middle), b.minusMinutes(1), b)) {
					l = l.truncatedTo(ChronoUnit.MINUTES);
					int tod = l.getHour() * 60 + l.getMinute();
					// the interval starts at l and ends 12 hours later
					intervals += check(rules, t, l.toLocalDate(), tod, (tod + 720) % DAY, id);
					// it starts the day before, at 23:59, and ends at l: past midnight
					if (tod < DAY - 1) {
						intervals += check(rules, t, l.toLocalDate().minusDays(1), DAY - 1, tod, id);
					}
					// it ends at 24:00 the day before, that is at l
					if (tod == 0) {
						intervals += check(rules, t, l.toLocalDate().minusDays(1), 720, DAY, id);
					}
					// it starts at 00:00 and ends at l, on the same day
					if (tod > 0) {
						intervals += check(rules, t, l.toLocalDate(), 0, tod, id);
					}
				}
			}
		}
		System.out.println("DaylightSavingPropertyTest: " + zones.size() + " zones, " + transitions
				+ " transitions in " + year + "-" + (year + 1) + ", " + intervals + " intervals checked against java.time");
		assertTrue(zones.size() > 50 && transitions > 100, zones.size() + " zones, " + transitions + " transitions");
	}

	/** Checks the interval that starts on {@code day}; returns 1. */
	private static int check(ZoneRules rules, ZoneOffsetTransition t, LocalDate day, int start, int end, String zone) {
		LocalDateTime s = day.atStartOfDay().plusMinutes(start);
		LocalDateTime e = day.atStartOfDay().plusMinutes(end + (end < start ? DAY : 0));
		// java.time alone says whether a local time is skipped or repeated (no two transitions of
		// these years are within a day of each other, so any such time belongs to t).
		boolean expected = rules.getValidOffsets(s).size() != 1 || rules.getValidOffsets(e).size() != 1;
		Set<DayOfWeek> days = EnumSet.of(day.getDayOfWeek());
		DaylightSaving.Clash clash = DaylightSaving.clash(t, days, start, end);
		String what = zone + " " + t + ": interval " + day.getDayOfWeek() + " " + start + "-" + end + " min (" + s + " to " + e + ")";
		assertEquals(expected, clash != null, what + " -> " + clash);
		if (clash != null) {
			LocalDateTime at = clash.end() ? e : s;
			assertEquals(at, clash.at(), what);
			assertEquals(rules.getValidOffsets(at).isEmpty(), clash.gap(), what);
		}
		return 1;
	}
}
