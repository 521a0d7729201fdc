package org.palisade.diagram;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.palisade.model.site.Area;
import org.palisade.model.site.DayRange;
import org.palisade.model.site.Interval;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Site;
import org.palisade.model.site.Weekday;
import org.palisade.model.util.Units;

/**
 * One week of a schedule as the schedule editor and the generated sheets draw it: the
 * intervals as boxes on Monday to Sunday (an interval past midnight is split into the next day,
 * Sunday night into Monday), the days of that week on which the site's zone changes clock, and
 * per rule that uses the schedule when it can fire (its schedule conditions intersected), with
 * the times two rules drive the same output or recipient. Headless, so the SVG and the SWT
 * canvas show the same week.
 */
public final class ScheduleWeek {

	public static final int DAY = Units.MINUTES_PER_DAY;
	public static final int WEEK = 7 * DAY;
	/** Grid of the editor's drags: a quarter of an hour. */
	public static final int SNAP = 15;
	private static final String[] DAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	/** Where a box lies in its interval's occurrence: all of it, its start (runs past midnight), or its continuation. */
	public enum Part {
		WHOLE, HEAD, TAIL
	}

	/**
	 * One day's piece of one occurrence of an interval.
	 *
	 * @param day 0 = Monday
	 * @param from minutes after midnight on that day
	 * @param to minutes after midnight, up to 1440
	 * @param interval index of the interval in its schedule
	 * @param origin minute of the week the occurrence starts at (its day's start)
	 * @param length minutes of the whole occurrence
	 */
	public record Box(int day, int from, int to, int interval, int origin, int length, Part part) {
		public boolean startsHere() {
			return part != Part.TAIL;
		}

		public boolean endsHere() {
			return part != Part.HEAD;
		}
	}

	/** A stretch of one day, in minutes after midnight ({@code to} up to 1440). */
	public record Span(int day, int from, int to) {
	}

	/**
	 * A change of the site's clock in the week shown.
	 *
	 * @param from local minutes after midnight the skipped (spring) or repeated (autumn) hour starts
	 * @param skipped true when local times are skipped, false when they happen twice
	 */
	public record ClockChange(int day, LocalDate date, int from, int to, boolean skipped, String text) {
	}

	/**
	 * A rule that uses the schedule: when it can fire, and where another rule drives its output too.
	 *
	 * @param target what it drives: {@code output "Flashing beacon"}, {@code notify HornSpeaker}
	 * @param summary when it can fire, as the design text writes times: {@code Mon-Fri 18:00-08:00}
	 */
	public record RuleRow(String camera, String rule, String target, String summary, List<Span> when, List<Span> overlaps,
			List<String> overlapsWith) {
		/** @return e.g. {@code Flashing beacon: Mon-Fri 18:00-08:00} */
		public String title() {
			return rule + ": " + summary;
		}

		/**
		 * @return the row's caption on the drawing: its title, camera and target, and the first
		 *         three rules that drive the same target in the same hours (a shared speaker can
		 *         have dozens), e.g. {@code ... also driven by A (Cam1), B (Cam2), C (Cam3) and 47 more}
		 */
		public String caption() {
			String also = "";
			if (!overlapsWith.isEmpty()) {
				also = "  also driven by " + String.join(", ", overlapsWith.subList(0, Math.min(3, overlapsWith.size())))
						+ (overlapsWith.size() > 3 ? " and " + (overlapsWith.size() - 3) + " more" : "");
			}
			return title() + "  (" + camera + ", " + target + ")" + also;
		}
	}

	private final String schedule;
	private final String label;
	private final ZoneId zone;
	private final LocalDate monday;
	private final List<Box> boxes;
	private final List<ClockChange> changes;
	private final List<RuleRow> rules;

	private ScheduleWeek(String schedule, String label, ZoneId zone, LocalDate monday, List<Box> boxes,
			List<ClockChange> changes, List<RuleRow> rules) {
		this.schedule = schedule;
		this.label = label;
		this.zone = zone;
		this.monday = monday;
		this.boxes = List.copyOf(boxes);
		this.changes = List.copyOf(changes);
		this.rules = List.copyOf(rules);
	}

	/**
	 * @param day any day of the week to show (its clock changes are marked); the site's zone
	 *            comes from the schedule's site
	 */
	public static ScheduleWeek of(Schedule schedule, LocalDate day) {
		ZoneId zone = zone(schedule);
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return new ScheduleWeek(schedule.getName(), schedule.getLabel(), zone, monday, boxes(schedule),
				zone == null ? List.of() : clockChanges(zone, monday), ScheduleRules.rows(schedule));
	}

	public String schedule() {
		return schedule;
	}

	/** @return the schedule's label, else its name */
	public String title() {
		return label != null && !label.isEmpty() ? label : schedule;
	}

	/** @return the site's zone, or null when the site has none (or not a valid one) */
	public ZoneId zone() {
		return zone;
	}

	/** @return the Monday of the week shown, or null for a typical week */
	public LocalDate monday() {
		return monday;
	}

	public List<Box> boxes() {
		return boxes;
	}

	public List<ClockChange> clockChanges() {
		return changes;
	}

	public List<RuleRow> rules() {
		return rules;
	}

	/**
	 * A week without dates, for documents that must read the same whenever they are generated:
	 * no clock change is drawn, {@link #zoneRules()} says when the zone changes clock.
	 */
	public static ScheduleWeek typical(Schedule schedule) {
		return new ScheduleWeek(schedule.getName(), schedule.getLabel(), zone(schedule), null, boxes(schedule), List.of(),
				ScheduleRules.rows(schedule));
	}

	/** @return e.g. {@code Mon 30 Mar} for the day of the week shown; {@code Mon} in a typical week */
	public String dayLabel(int day) {
		return monday == null ? DAYS[day]
				: DAYS[day] + " " + monday.plusDays(day).format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
	}

	/** @return "week of Mon 23 Mar 2026", or "a typical week" */
	public String weekLabel() {
		return monday == null ? "a typical week" : "week of " + dayLabel(0) + " " + monday.getYear();
	}

	/**
	 * @return the zone's yearly clock changes in words, the same every year:
	 *         {@code last Sunday of March: 02:00-03:00 is skipped}; empty without daylight saving
	 */
	public List<String> zoneRules() {
		List<String> out = new ArrayList<>();
		if (zone == null) {
			return out;
		}
		for (java.time.zone.ZoneOffsetTransitionRule r : zone.getRules().getTransitionRules()) {
			// The wall-clock times of a rule are the same every year; any year shows them.
			ZoneOffsetTransition t = r.createTransition(2030);
			String when = r.getDayOfWeek() == null ? r.getMonth().getValue() + "/" + r.getDayOfMonthIndicator()
					// The tz database writes "last Sunday" of a 31-day month as "Sunday on or after the 25th".
					: (r.getDayOfMonthIndicator() < 0 || r.getDayOfMonthIndicator() + 6 == r.getMonth().minLength() ? "last " + name(r.getDayOfWeek()) + " of " + name(r.getMonth())
							: name(r.getDayOfWeek()) + " on or after " + r.getDayOfMonthIndicator() + " " + name(r.getMonth()));
			LocalTime a = (t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter()).toLocalTime();
			LocalTime b = (t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore()).toLocalTime();
			out.add(when + ": " + a + "-" + b + (t.isGap() ? " is skipped" : " happens twice"));
		}
		return out;
	}

	private static String name(Enum<?> e) {
		String n = e.name();
		return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
	}

	/** @return the boxes of one day, in order of time */
	public List<Box> boxes(int day) {
		return boxes.stream().filter(b -> b.day() == day).sorted(java.util.Comparator.comparingInt(Box::from)).toList();
	}

	/** @return the day's piece of every occurrence of every interval */
	public static List<Box> boxes(Schedule schedule) {
		List<Box> out = new ArrayList<>();
		List<Interval> intervals = schedule.getIntervals();
		for (int i = 0; i < intervals.size(); i++) {
			Interval interval = intervals.get(i);
			int length = length(interval);
			if (length == 0) {
				continue;
			}
			for (DayRange range : interval.getDays()) {
				for (int d : days(range)) {
					int origin = d * DAY + interval.getStart();
					int end = interval.getStart() + length;
					if (end <= DAY) {
						out.add(new Box(d, interval.getStart(), end, i, origin, length, Part.WHOLE));
					} else {
						out.add(new Box(d, interval.getStart(), DAY, i, origin, length, Part.HEAD));
						// Sunday night continues on Monday morning.
						out.add(new Box((d + 1) % 7, 0, end - DAY, i, origin, length, Part.TAIL));
					}
				}
			}
		}
		return out;
	}

	/** @return the minutes of one occurrence: end before start runs past midnight; equal is none */
	public static int length(Interval interval) {
		int start = interval.getStart();
		int end = interval.getEnd();
		return end >= start ? end - start : DAY - start + end;
	}

	/** @return the days of a range, 0 = Monday; Fri-Mon is Fri, Sat, Sun, Mon */
	public static List<Integer> days(DayRange range) {
		List<Integer> days = new ArrayList<>();
		if (range.getFirst() == null) {
			return days;
		}
		int first = range.getFirst().getValue();
		int last = range.isSetLast() && range.getLast() != null ? range.getLast().getValue() : first;
		for (int d = first;; d = (d + 1) % 7) {
			days.add(d);
			if (d == last) {
				return days;
			}
		}
	}

	/** @return the minutes of the week (Monday 00:00 = 0) the schedule covers */
	public static BitSet minutes(Schedule schedule) {
		BitSet all = new BitSet(WEEK);
		for (Box b : boxes(schedule)) {
			all.set(b.day() * DAY + b.from(), b.day() * DAY + b.to());
		}
		return all;
	}

	/** @return the minute rounded to the nearest quarter of an hour */
	public static int snap(int minutes) {
		return Math.floorDiv(minutes + SNAP / 2, SNAP) * SNAP;
	}

	/** @return the set minutes as stretches of each day */
	public static List<Span> spans(BitSet minutes) {
		List<Span> out = new ArrayList<>();
		for (int from = minutes.nextSetBit(0); from >= 0 && from < WEEK; from = minutes.nextSetBit(from)) {
			int to = Math.min(minutes.nextClearBit(from), WEEK);
			for (int s = from; s < to;) {
				int dayEnd = (s / DAY + 1) * DAY;
				int e = Math.min(to, dayEnd);
				out.add(new Span(s / DAY, s % DAY, e - (s / DAY) * DAY));
				s = e;
			}
			from = to;
		}
		return out;
	}

	/**
	 * @return the minutes of the week as the design text would write them, runs of equal times on
	 *         consecutive days grouped: {@code Mon-Fri 18:00-08:00}; "never" and "always"
	 */
	public static String describe(BitSet minutes) {
		int set = minutes.cardinality();
		if (set == 0) {
			return "never";
		}
		if (set >= WEEK) {
			return "always";
		}
		// Runs around the week: start after a clear minute, so Sunday night into Monday is one run.
		List<int[]> runs = new ArrayList<>();
		int clear = minutes.nextClearBit(0);
		for (int i = 0; i < WEEK; i++) {
			int m = (clear + i) % WEEK;
			int prev = (m + WEEK - 1) % WEEK;
			if (minutes.get(m) && !minutes.get(prev)) {
				int length = 0;
				while (length < WEEK && minutes.get((m + length) % WEEK)) {
					length++;
				}
				runs.add(new int[] { m, length });
			}
		}
		runs.sort(java.util.Comparator.comparingInt(r -> r[0]));
		// Group runs of the same time of day and length; list their days.
		Map<String, List<Integer>> groups = new LinkedHashMap<>();
		for (int[] r : runs) {
			int start = r[0] % DAY;
			String times = r[1] >= DAY ? "+" + r[1] : Units.formatTime(start) + "-" + Units.formatTime((start + r[1]) % DAY);
			groups.computeIfAbsent(start + "|" + times, k -> new ArrayList<>()).add(r[0] / DAY);
		}
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
			String times = g.getKey().substring(g.getKey().indexOf('|') + 1);
			if (times.startsWith("+")) {
				// Longer than a day: no interval of the text can say it; write its start and end.
				int start = Integer.parseInt(g.getKey().substring(0, g.getKey().indexOf('|')));
				int length = Integer.parseInt(times.substring(1));
				for (int d : g.getValue()) {
					int from = d * DAY + start;
					int to = (from + length) % WEEK;
					parts.add(DAYS[d] + " " + Units.formatTime(start) + " to " + DAYS[to / DAY] + " " + Units.formatTime(to % DAY));
				}
			} else {
				parts.add(dayList(g.getValue()) + " " + times);
			}
		}
		return String.join(", ", parts);
	}

	/** @return e.g. "Mon-Fri", "Mon, Wed", "Sat-Sun" */
	static String dayList(List<Integer> days) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < days.size();) {
			int j = i;
			while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
				j++;
			}
			out.add(j - i >= 2 ? DAYS[days.get(i)] + "-" + DAYS[days.get(j)]
					: j == i ? DAYS[days.get(i)] : DAYS[days.get(i)] + ", " + DAYS[days.get(j)]);
			i = j + 1;
		}
		return String.join(", ", out);
	}

	/** @return the day's name as the text writes it, 0 = "Mon" */
	public static String dayName(int day) {
		return DAYS[day];
	}

	/** @return the changes of the zone's clock from Monday 00:00 to the next Monday 00:00 */
	public static List<ClockChange> clockChanges(ZoneId zone, LocalDate monday) {
		List<ClockChange> out = new ArrayList<>();
		Instant from = monday.atStartOfDay(zone).toInstant();
		Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
		for (ZoneOffsetTransition t = zone.getRules().nextTransition(from.minusSeconds(1)); t != null
				&& t.getInstant().isBefore(to); t = zone.getRules().nextTransition(t.getInstant())) {
			boolean gap = t.isGap();
			// Spring: the local times from before to after do not happen; autumn: after to before happen twice.
			LocalDateTime start = gap ? t.getDateTimeBefore() : t.getDateTimeAfter();
			LocalDateTime end = gap ? t.getDateTimeAfter() : t.getDateTimeBefore();
			int day = (int) (start.toLocalDate().toEpochDay() - monday.toEpochDay());
			if (day < 0 || day > 6) {
				continue;
			}
			int a = minuteOfDay(start.toLocalTime());
			int b = end.toLocalDate().isAfter(start.toLocalDate()) ? DAY : minuteOfDay(end.toLocalTime());
			String text = DAYS[day] + " " + start.toLocalDate() + ": " + (gap
					? Units.formatTime(a) + "-" + Units.formatTime(b) + " is skipped (clocks go forward to "
							+ t.getOffsetAfter() + ")"
					: Units.formatTime(a) + "-" + Units.formatTime(b) + " happens twice (clocks go back to "
							+ t.getOffsetAfter() + ")");
			out.add(new ClockChange(day, start.toLocalDate(), a, b, gap, text));
		}
		return out;
	}

	/** @return the Monday of the first week from {@code day}'s on that has a clock change, or null (no DST) */
	public static LocalDate nextClockChangeWeek(ZoneId zone, LocalDate day) {
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		ZoneOffsetTransition t = zone.getRules().nextTransition(monday.atStartOfDay(zone).toInstant().minusSeconds(1));
		if (t == null) {
			return null;
		}
		return t.getDateTimeBefore().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static int minuteOfDay(LocalTime t) {
		return t.getHour() * 60 + t.getMinute();
	}

	/** @return the zone of the schedule's site, or null */
	static ZoneId zone(Schedule schedule) {
		for (EObject o = schedule.eContainer(); o != null; o = o.eContainer()) {
			String tz = o instanceof Site s ? s.getTimezone() : o instanceof Area a && a.getSite() != null
					? a.getSite().getTimezone() : null;
			if (tz != null) {
				try {
					return ZoneId.of(tz);
				} catch (DateTimeException e) {
					// SCHED-TZ reports it; the week is drawn without clock changes.
					return null;
				}
			}
		}
		return null;
	}

	/** @return the weekday literal of a day index, 0 = Monday */
	static Weekday weekday(int day) {
		return Weekday.get(Math.floorMod(day, 7));
	}
}
