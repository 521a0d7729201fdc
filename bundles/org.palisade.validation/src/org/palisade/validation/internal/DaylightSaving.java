package org.palisade.validation.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Set;

import org.palisade.model.util.Units;

/**
 * Where a weekly interval's start or end meets a local time that a clock change skips (a gap) or
 * repeats (an overlap). Each boundary is applied to the day it falls on: the end of
 * {@code Sat 22:00-02:00} is on Sunday, the end of {@code Sat 22:00-24:00} is Sunday 00:00.
 */
public final class DaylightSaving {

	/**
	 * A boundary in a clock change.
	 *
	 * @param at      the local date and time of the boundary
	 * @param end     whether it is the interval's end (else its start)
	 * @param nextDay whether the boundary falls on the day after the interval's day
	 * @param gap     skipped (else repeated)
	 * @param from    the first local time of the change's window
	 * @param to      the local time just after it
	 */
	public record Clash(LocalDateTime at, boolean end, boolean nextDay, boolean gap, LocalDateTime from,
			LocalDateTime to) {
	}

	private DaylightSaving() {
	}

	/**
	 * @param days      the days on which the interval starts
	 * @param start     minutes after midnight, 0..1439
	 * @param end       minutes after midnight, 0..1440; before {@code start} it is on the next day
	 * @param fromYear  the first calendar year whose transitions are checked
	 * @param lastYear  the last one
	 * @return the first boundary that a transition of those years skips or repeats, or null
	 */
	public static Clash firstClash(Set<DayOfWeek> days, int start, int end, ZoneId zone, int fromYear, int lastYear) {
		ZoneRules rules = zone.getRules();
		if (rules.isFixedOffset() || days.isEmpty() || start == end) {
			return null;
		}
		Instant limit = LocalDate.of(lastYear + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(86400);
		Instant from = LocalDate.of(fromYear, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(86400);
		for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(limit);
				t = rules.nextTransition(t.getInstant())) {
			Clash clash = clash(t, days, start, end);
			if (clash != null) {
				return clash;
			}
		}
		return null;
	}

	/** @return the boundary of the interval that the transition skips or repeats, or null */
	public static Clash clash(ZoneOffsetTransition t, Set<DayOfWeek> days, int start, int end) {
		LocalDateTime before = t.getDateTimeBefore();
		LocalDateTime after = t.getDateTimeAfter();
		LocalDateTime from = before.isBefore(after) ? before : after;
		LocalDateTime to = before.isBefore(after) ? after : before;
		boolean wraps = end < start;
		// The interval days whose start or end may fall in the window: the window's days and the
		// day before (whose interval ends on the window's day when it runs past midnight).
		for (LocalDate day = from.toLocalDate().minusDays(1); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
			if (!days.contains(day.getDayOfWeek())) {
				continue;
			}
			if (start < Units.MINUTES_PER_DAY) {
				LocalDateTime s = day.atStartOfDay().plusMinutes(start);
				if (inside(s, from, to)) {
					return new Clash(s, false, false, t.isGap(), from, to);
				}
			}
			LocalDateTime e = day.atStartOfDay().plusMinutes(end + (wraps ? Units.MINUTES_PER_DAY : 0));
			if (inside(e, from, to)) {
				return new Clash(e, true, !e.toLocalDate().equals(day), t.isGap(), from, to);
			}
		}
		return null;
	}

	private static boolean inside(LocalDateTime time, LocalDateTime from, LocalDateTime to) {
		return !time.isBefore(from) && time.isBefore(to);
	}
}
