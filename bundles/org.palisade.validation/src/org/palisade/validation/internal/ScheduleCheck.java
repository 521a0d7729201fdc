package org.palisade.validation.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.palisade.model.site.DayRange;
import org.palisade.model.site.Interval;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Section;
import org.palisade.model.site.Site;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.Weekday;
import org.palisade.model.util.Units;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;

/**
 * Weekly schedules: wrap past midnight, empty schedules, overlaps, the site time zone and
 * the local times that daylight saving skips or repeats.
 */
public final class ScheduleCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	private ScheduleCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		ZoneId zone = null;
		if (section instanceof Site s) {
			zone = checkZone(s, findings);
		} else if (site.site() != null) {
			zone = zone(site.site().getTimezone());
		}
		for (Schedule schedule : section.getSchedules()) {
			checkSchedule(schedule, zone, findings);
		}
	}

	private static ZoneId checkZone(Site site, Findings findings) {
		String tz = site.getTimezone();
		if (tz == null) {
			findings.error(Codes.SCHED_TZ, site, P.getDesignElement_Name(), "site \"" + site.getName()
					+ "\" has no time zone; schedules run in local time: add e.g. timezone \"Europe/Stockholm\"");
			return null;
		}
		ZoneId zone = zone(tz);
		if (zone == null) {
			findings.error(Codes.SCHED_TZ, site, P.getSite_Timezone(), "\"" + tz
					+ "\" is not an IANA time zone (Area/City, e.g. \"Europe/Stockholm\")");
		}
		return zone;
	}

	private static ZoneId zone(String tz) {
		if (tz == null || !tz.contains("/") && !tz.equals("UTC")) {
			// Offsets such as "+01:00" ignore daylight saving: the site needs a region.
			return null;
		}
		try {
			return ZoneId.of(tz);
		} catch (DateTimeException e) {
			return null;
		}
	}

	private static void checkSchedule(Schedule schedule, ZoneId zone, Findings findings) {
		String name = "schedule " + schedule.getName();
		if (WeeklyTime.of(schedule).isEmpty()) {
			findings.error(Codes.SCHED_EMPTY, schedule, P.getSchedule_Name(), name
					+ " covers no time" + (schedule.getIntervals().isEmpty() ? " (it has no interval)"
							: " (its intervals start and end at the same time)")
					+ "; a rule that waits for it never fires");
			return;
		}
		List<Interval> intervals = schedule.getIntervals();
		for (int i = 0; i < intervals.size(); i++) {
			Interval interval = intervals.get(i);
			if (interval.getDays().isEmpty()) {
				continue;
			}
			if (interval.getEnd() < interval.getStart()) {
				DayRange first = interval.getDays().get(0);
				Weekday next = Weekday.get((first.getFirst().getValue() + 1) % 7);
				findings.info(Codes.SCHED_WRAP, interval, P.getInterval_End(), Units.formatTime(interval.getStart())
						+ "-" + Units.formatTime(interval.getEnd()) + " runs past midnight: on "
						+ WeeklyTime.label(first.getFirst()) + " it ends " + WeeklyTime.label(next) + " "
						+ Units.formatTime(interval.getEnd()));
			} else if (interval.getEnd() == interval.getStart()) {
				findings.error(Codes.SCHED_EMPTY, interval, P.getInterval_End(), "the interval "
						+ Units.formatTime(interval.getStart()) + "-" + Units.formatTime(interval.getEnd())
						+ " is empty; for a whole day write 00:00-24:00");
			}
			BitSet mine = WeeklyTime.of(interval);
			for (int j = 0; j < i; j++) {
				BitSet common = (BitSet) mine.clone();
				common.and(WeeklyTime.of(intervals.get(j)));
				if (!common.isEmpty()) {
					findings.warning(Codes.SCHED_OVERLAP, interval, null, "this interval overlaps interval " + (j + 1)
							+ " of " + name + " from " + WeeklyTime.label(common.nextSetBit(0))
							+ " (" + common.cardinality() + " min a week); they are merged");
					break;
				}
			}
			if (zone != null) {
				checkDaylightSaving(interval, zone, findings);
			}
		}
	}

	/** Warns where a start or end falls in the hour a clock change skips or repeats. */
	private static void checkDaylightSaving(Interval interval, ZoneId zone, Findings findings) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (DayRange range : interval.getDays()) {
			for (Weekday w : WeeklyTime.days(range)) {
				days.add(DayOfWeek.of(w.getValue() + 1));
			}
		}
		int year = Year.now(zone).getValue();
		DaylightSaving.Clash clash = DaylightSaving.firstClash(days, interval.getStart(), interval.getEnd(), zone, year,
				year + 1);
		if (clash == null) {
			return;
		}
		LocalDateTime at = clash.at();
		String day = WeeklyTime.label(Weekday.get(at.getDayOfWeek().getValue() - 1));
		findings.warning(Codes.SCHED_TZ, interval, null, Units.formatTime(at.getHour() * 60 + at.getMinute()) + " on "
				+ day + " " + at.toLocalDate() + (clash.end() && clash.nextDay() ? " (where this interval ends, past midnight)" : "")
				+ " is " + (clash.gap() ? "skipped" : "repeated") + " by the daylight-saving change in " + zone
				+ "; move the " + (clash.end() ? "end" : "start") + " out of " + clash.from().toLocalTime() + "-"
				+ clash.to().toLocalTime());
	}
}
