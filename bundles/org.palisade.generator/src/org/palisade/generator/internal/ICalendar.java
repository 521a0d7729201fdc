package org.palisade.generator.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.palisade.model.site.DayRange;
import org.palisade.model.site.Interval;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Weekday;

/**
 * Turns a design schedule into Axis scheduled-event iCalendar texts (vapix.md §3): one text per
 * distinct time of day, {@code DTSTART}/{@code DTEND} on the 1970-01-01 anchor in the device's
 * local time, {@code RRULE:FREQ=WEEKLY;BYDAY=...}. An interval whose end is not after its start
 * runs past midnight: its DTEND is on the next day ({@code 19700102T080000}), the form RFC 5545
 * defines unambiguously. One scheduled event holds one such rule, so a schedule whose intervals
 * have different times becomes several events.
 */
public final class ICalendar {

	private static final String[] BYDAY = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

	private ICalendar() {
	}

	/** @return one iCalendar text per distinct start/end, in design order */
	public static List<String> of(Schedule schedule) {
		Map<String, Set<Weekday>> byTime = new LinkedHashMap<>();
		for (Interval i : schedule.getIntervals()) {
			Set<Weekday> days = byTime.computeIfAbsent(i.getStart() + "-" + i.getEnd(), k -> EnumSet.noneOf(Weekday.class));
			for (DayRange r : i.getDays()) {
				days.addAll(days(r));
			}
		}
		List<String> out = new ArrayList<>();
		for (Map.Entry<String, Set<Weekday>> e : byTime.entrySet()) {
			String[] t = e.getKey().split("-");
			int start = Integer.parseInt(t[0]);
			int end = Integer.parseInt(t[1]);
			if (start < 0 || start >= 24 * 60 || end < 0 || end > 24 * 60) {
				// The parser refuses a 24:00 start: a device must never receive hour 24.
				throw new IllegalArgumentException("not a schedulable interval: " + start + "-" + end + " min");
			}
			List<String> days = new ArrayList<>();
			e.getValue().forEach(d -> days.add(BYDAY[d.getValue()]));
			boolean nextDay = end <= start || end >= 24 * 60;
			out.add("DTSTART:19700101T" + hhmmss(start) + "\nDTEND:1970010" + (nextDay ? "2" : "1") + "T"
					+ hhmmss(end % (24 * 60)) + "\nRRULE:FREQ=WEEKLY;BYDAY="
					+ String.join(",", days));
		}
		return out;
	}

	private static String hhmmss(int minutes) {
		return String.format(Locale.ROOT, "%02d%02d00", minutes / 60, minutes % 60);
	}

	private static List<Weekday> days(DayRange range) {
		List<Weekday> days = new ArrayList<>();
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
}
