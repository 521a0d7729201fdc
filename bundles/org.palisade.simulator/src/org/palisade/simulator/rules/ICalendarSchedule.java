package org.palisade.simulator.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A scheduled event's iCalendar as an Axis device holds it (vapix.md section 3: DTSTART, DTEND for an
 * interval, RRULE FREQ=WEEKLY or DAILY with BYDAY and INTERVAL), evaluated in the device's time zone
 * with RFC 5545's rules for local ("floating") times:
 * <ul>
 * <li>a local time that occurs twice (the autumn change) means its first occurrence, a local time
 * that does not occur (the spring gap) is read with the offset before the gap (3.3.5), which is
 * what {@link ZonedDateTime#of} does;</li>
 * <li>every instance lasts the exact duration from DTSTART to DTEND (3.8.5.3), so an instance
 * that spans a change of offset ends one local hour earlier or later than DTEND's clock time.</li>
 * </ul>
 * Hand-written because no iCalendar library is available to the build (none on the package list;
 * ical4j also needs four more bundles), and the device dialect is this small subset. Whether an
 * Axis device follows RFC 5545 across a change of offset is unconfirmed (no recording).
 */
public final class ICalendarSchedule {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
	private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY, "WE",
			DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY, "SU",
			DayOfWeek.SUNDAY);

	/** One instance: from {@code start} (inclusive) to {@code end} (exclusive). */
	public record Occurrence(Instant start, Instant end) {
		public boolean contains(Instant t) {
			return !t.isBefore(start) && t.isBefore(end);
		}
	}

	private final LocalDateTime start;
	private final LocalDateTime end;
	private final ZoneId fixedZone;
	private final boolean daily;
	private final int interval;
	private final Set<DayOfWeek> days;

	private ICalendarSchedule(LocalDateTime start, LocalDateTime end, ZoneId fixedZone, boolean daily, int interval,
			Set<DayOfWeek> days) {
		this.start = start;
		this.end = end;
		this.fixedZone = fixedZone;
		this.daily = daily;
		this.interval = interval;
		this.days = days;
	}

	/**
	 * @throws IllegalArgumentException naming what cannot be run: a missing DTSTART, a pulse (no
	 *                                  DTEND), a frequency other than WEEKLY or DAILY, a rule part
	 *                                  this dialect does not have
	 */
	public static ICalendarSchedule parse(String text) {
		LocalDateTime dtStart = null;
		LocalDateTime dtEnd = null;
		ZoneId zone = null;
		String rule = null;
		for (String raw : text.split("\r?\n")) {
			String line = raw.trim();
			int colon = line.indexOf(':');
			if (line.isEmpty() || colon < 0) {
				continue;
			}
			String[] nameAndParams = line.substring(0, colon).split(";");
			String name = nameAndParams[0].toUpperCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			switch (name) {
			case "DTSTART", "DTEND" -> {
				ZoneId z = null;
				for (int i = 1; i < nameAndParams.length; i++) {
					if (nameAndParams[i].toUpperCase(Locale.ROOT).startsWith("TZID=")) {
						z = ZoneId.of(nameAndParams[i].substring(5));
					}
				}
				if (value.endsWith("Z")) {
					z = ZoneOffset.UTC;
					value = value.substring(0, value.length() - 1);
				}
				LocalDateTime t;
				try {
					t = LocalDateTime.parse(value, LOCAL);
				} catch (DateTimeParseException e) {
					throw new IllegalArgumentException(name + " '" + value + "' is not a date-time (yyyyMMddTHHmmss)");
				}
				if (name.equals("DTSTART")) {
					dtStart = t;
					zone = z;
				} else {
					dtEnd = t;
				}
			}
			case "RRULE" -> rule = value;
			default -> {
				// Other properties (SUMMARY, UID, ...) do not change when the event is active.
			}
			}
		}
		if (dtStart == null) {
			throw new IllegalArgumentException("no DTSTART");
		}
		if (dtEnd == null) {
			throw new IllegalArgumentException("a pulse (no DTEND): pulses are not run by the virtual device");
		}
		if (!dtEnd.isAfter(dtStart)) {
			throw new IllegalArgumentException("DTEND " + dtEnd + " is not after DTSTART " + dtStart);
		}
		boolean daily = false;
		int interval = 1;
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		if (rule == null) {
			throw new IllegalArgumentException("no RRULE: a single event is not run by the virtual device");
		}
		for (String part : rule.split(";")) {
			String[] kv = part.split("=", 2);
			String key = kv[0].trim().toUpperCase(Locale.ROOT);
			String v = kv.length > 1 ? kv[1].trim().toUpperCase(Locale.ROOT) : "";
			switch (key) {
			case "FREQ" -> {
				if (!v.equals("WEEKLY") && !v.equals("DAILY")) {
					throw new IllegalArgumentException("FREQ=" + v + " is not run by the virtual device (WEEKLY, DAILY)");
				}
				daily = v.equals("DAILY");
			}
			case "INTERVAL" -> {
				try {
					interval = Integer.parseInt(v);
				} catch (NumberFormatException e) {
					interval = 0;
				}
				if (interval < 1) {
					throw new IllegalArgumentException("INTERVAL=" + v + " is not a positive number");
				}
			}
			case "BYDAY" -> {
				for (String d : v.split(",")) {
					DayOfWeek day = DAYS.get(d.trim());
					if (day == null) {
						throw new IllegalArgumentException("BYDAY " + d + " is not a weekday (MO..SU)");
					}
					days.add(day);
				}
			}
			case "WKST" -> {
				// Weeks start on Monday, the default; only INTERVAL > 1 would notice.
			}
			default -> throw new IllegalArgumentException("RRULE part " + key + " is not run by the virtual device");
			}
		}
		if (days.isEmpty()) {
			days = daily ? EnumSet.allOf(DayOfWeek.class) : EnumSet.of(dtStart.getDayOfWeek());
		}
		return new ICalendarSchedule(dtStart, dtEnd, zone, daily, interval, days);
	}

	private ZoneId zone(ZoneId deviceZone) {
		return fixedZone != null ? fixedZone : deviceZone;
	}

	/** The exact duration of every instance: DTSTART to DTEND as instants in the zone. */
	private Duration length(ZoneId zone) {
		return Duration.between(ZonedDateTime.of(start, zone), ZonedDateTime.of(end, zone));
	}

	private boolean occursOn(LocalDate d) {
		if (d.isBefore(start.toLocalDate()) || !days.contains(d.getDayOfWeek())) {
			return false;
		}
		if (interval == 1) {
			return true;
		}
		long n = daily ? ChronoUnit.DAYS.between(start.toLocalDate(), d)
				: ChronoUnit.WEEKS.between(start.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
						d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
		return n % interval == 0;
	}

	private Occurrence on(LocalDate d, ZoneId zone) {
		Instant s = ZonedDateTime.of(d, start.toLocalTime(), zone).toInstant();
		return new Occurrence(s, s.plus(length(zone)));
	}

	/** @return the instance that holds {@code t} in the device's zone, or {@code null} when none does */
	public Occurrence occurrenceAt(Instant t, ZoneId deviceZone) {
		ZoneId zone = zone(deviceZone);
		LocalDate today = t.atZone(zone).toLocalDate();
		long back = length(zone).toDays() + 2;
		for (LocalDate d = today.minusDays(back); !d.isAfter(today.plusDays(1)); d = d.plusDays(1)) {
			if (occursOn(d)) {
				Occurrence o = on(d, zone);
				if (o.contains(t)) {
					return o;
				}
			}
		}
		return null;
	}

	/** @return whether the event is active at {@code t} */
	public boolean activeAt(Instant t, ZoneId deviceZone) {
		return occurrenceAt(t, deviceZone) != null;
	}

	/** @return the first instant after {@code t} at which the event starts or ends, or {@code null} within a year */
	public Instant nextChange(Instant t, ZoneId deviceZone) {
		ZoneId zone = zone(deviceZone);
		Occurrence now = occurrenceAt(t, deviceZone);
		Instant best = now != null ? now.end() : null;
		LocalDate today = t.atZone(zone).toLocalDate();
		for (LocalDate d = today.minusDays(1); !d.isAfter(today.plusDays(7L * interval + 1)); d = d.plusDays(1)) {
			if (occursOn(d)) {
				Instant s = on(d, zone).start();
				if (s.isAfter(t) && (best == null || s.isBefore(best))) {
					best = s;
				}
			}
		}
		return best;
	}
}
