package org.palisade.diagram;

import java.util.Iterator;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.palisade.model.site.DayRange;
import org.palisade.model.site.Interval;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.SiteFactory;

/**
 * The schedule editor's edits as modifications of a design's model, for the one edit path
 * (the Studio's {@code DesignChanges.apply}, {@code DesignEdits.edits} headless): they run on a
 * fresh copy parsed from the current text, so the schedule is found again by name and the
 * interval by index. An occurrence lasts from a quarter of an hour to a day less a quarter, or a
 * whole day from 00:00 (00:00-24:00): the text cannot write 24 hours from another time
 * (18:00-18:00 is empty, SCHED-EMPTY).
 */
public final class ScheduleEdits {

	/** Shortest and longest occurrence the editor makes. */
	public static final int MIN_LENGTH = ScheduleWeek.SNAP;
	public static final int MAX_LENGTH = ScheduleWeek.DAY - ScheduleWeek.SNAP;

	private ScheduleEdits() {
	}

	/** A new interval on one day, from {@code start} (minutes after its midnight) for {@code length} minutes. */
	public static Function<Resource, Boolean> create(String schedule, int day, int start, int length) {
		return resource -> {
			Schedule s = schedule(resource, schedule);
			if (s == null || start < 0 || start >= ScheduleWeek.DAY) {
				return false;
			}
			int l = clamp(start, length);
			Interval i = SiteFactory.eINSTANCE.createInterval();
			DayRange d = SiteFactory.eINSTANCE.createDayRange();
			d.setFirst(ScheduleWeek.weekday(day));
			i.getDays().add(d);
			i.setStart(start);
			i.setEnd(end(start, l));
			s.getIntervals().add(i);
			return true;
		};
	}

	/**
	 * Moves an interval's start by {@code shift} minutes (across midnight its days move with it:
	 * Mon-Fri 23:00 moved by +2 h is Tue-Sat 01:00) and gives it {@code length} minutes.
	 * A move keeps the length; a resize of the start shifts and shortens; a resize of the end only
	 * changes the length.
	 */
	public static Function<Resource, Boolean> reshape(String schedule, int interval, int shift, int length) {
		return resource -> {
			Schedule s = schedule(resource, schedule);
			if (s == null || interval < 0 || interval >= s.getIntervals().size()) {
				return false;
			}
			Interval i = s.getIntervals().get(interval);
			int start = i.getStart() + shift;
			int days = Math.floorDiv(start, ScheduleWeek.DAY);
			start = Math.floorMod(start, ScheduleWeek.DAY);
			int end = end(start, clamp(start, length));
			if (days == 0 && start == i.getStart() && end == i.getEnd()) {
				return false;
			}
			if (days != 0) {
				// New day ranges rather than new values in the old ones: Xtext's serializer writes a
				// changed enum value of an existing node through the value converters, which fail
				// on an enum; a new node is written through the enum rule.
				java.util.List<DayRange> moved = new java.util.ArrayList<>();
				for (DayRange d : i.getDays()) {
					DayRange n = SiteFactory.eINSTANCE.createDayRange();
					n.setFirst(ScheduleWeek.weekday(d.getFirst().getValue() + days));
					if (d.isSetLast()) {
						n.setLast(ScheduleWeek.weekday(d.getLast().getValue() + days));
					}
					moved.add(n);
				}
				i.getDays().clear();
				i.getDays().addAll(moved);
			}
			i.setStart(start);
			i.setEnd(end);
			return true;
		};
	}

	/** Removes an interval. */
	public static Function<Resource, Boolean> delete(String schedule, int interval) {
		return resource -> {
			Schedule s = schedule(resource, schedule);
			if (s == null || interval < 0 || interval >= s.getIntervals().size()) {
				return false;
			}
			s.getIntervals().remove(interval);
			return true;
		};
	}

	static int clamp(int start, int length) {
		return Math.max(MIN_LENGTH, Math.min(start == 0 ? ScheduleWeek.DAY : MAX_LENGTH, length));
	}

	/** @return the end the text writes: past midnight wraps (08:00), a whole day from 00:00 is 24:00 */
	static int end(int start, int length) {
		return start == 0 && length == ScheduleWeek.DAY ? ScheduleWeek.DAY : (start + length) % ScheduleWeek.DAY;
	}

	/** @return the schedule of that name in the resource, or null */
	public static Schedule schedule(Resource resource, String name) {
		if (resource == null || name == null) {
			return null;
		}
		for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Schedule s && name.equals(s.getName())) {
				return s;
			}
		}
		return null;
	}
}
