package org.palisade.validation.internal;

import java.util.BitSet;

import org.palisade.model.site.DayRange;
import org.palisade.model.site.Interval;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Weekday;
import org.palisade.model.util.Units;

/**
 * The minutes of a week (Monday 00:00 = 0) that a schedule or interval covers. An
 * interval whose end is before its start runs past midnight into the next day; Sunday
 * night wraps to Monday morning.
 */
final class WeeklyTime {

	static final int MINUTES_PER_WEEK = 7 * Units.MINUTES_PER_DAY;

	private WeeklyTime() {
	}

	static BitSet of(Schedule schedule) {
		BitSet all = new BitSet(MINUTES_PER_WEEK);
		for (Interval i : schedule.getIntervals()) {
			all.or(of(i));
		}
		return all;
	}

	static BitSet of(Interval interval) {
		BitSet minutes = new BitSet(MINUTES_PER_WEEK);
		int start = interval.getStart();
		int end = interval.getEnd();
		int length = end >= start ? end - start : Units.MINUTES_PER_DAY - start + end;
		for (DayRange range : interval.getDays()) {
			for (Weekday day : days(range)) {
				int from = day.getValue() * Units.MINUTES_PER_DAY + start;
				int to = from + length;
				minutes.set(from, Math.min(to, MINUTES_PER_WEEK));
				if (to > MINUTES_PER_WEEK) {
					// Sunday night runs into Monday morning.
					minutes.set(0, to - MINUTES_PER_WEEK);
				}
			}
		}
		return minutes;
	}

	/** @return the days of a range, e.g. Fri-Mon = Fri, Sat, Sun, Mon */
	static java.util.List<Weekday> days(DayRange range) {
		java.util.List<Weekday> days = new java.util.ArrayList<>();
		Weekday first = range.getFirst();
		Weekday last = range.isSetLast() ? range.getLast() : first;
		int d = first.getValue();
		while (true) {
			days.add(Weekday.get(d));
			if (d == last.getValue()) {
				return days;
			}
			d = (d + 1) % 7;
		}
	}

	/** @return e.g. "Fri 18:00" for minute 6720 of the week */
	static String label(int minuteOfWeek) {
		Weekday day = Weekday.get(minuteOfWeek / Units.MINUTES_PER_DAY);
		return label(day) + " " + Units.formatTime(minuteOfWeek % Units.MINUTES_PER_DAY);
	}

	/** @return the day as the design text writes it: "Mon" */
	static String label(Weekday day) {
		String name = day.getName();
		return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
	}
}
