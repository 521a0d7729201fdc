package org.palisade.diagram;

import org.palisade.diagram.Diagram.Rect;

/**
 * Where a {@link ScheduleWeek} is drawn at a given width: one row per day (Monday on top),
 * the 24 hours across, then one row per rule with its whole week on a strip under the grid,
 * then the week's clock changes in words. Shared by the SVG and the SWT canvas so both draw,
 * and the canvas hit-tests, the same places.
 */
public final class ScheduleLayout {

	public static final double MARGIN = 10;
	public static final double TITLE = 26;
	public static final double DAY_LABEL = 92;
	public static final double HOURS = 18;
	public static final double ROW = 34;
	public static final double RULES_GAP = 16;
	public static final double RULE_LABEL = 17;
	public static final double RULE_STRIP = 16;
	public static final double RULE_GAP = 8;

	// Colours of the schedule drawings (CSS #rrggbb), beside the wiring's in Styles.
	public static final String INTERVAL = "#cfe0f7";
	public static final String INTERVAL_BORDER = "#2f6fd6";
	public static final String FIRES = "#a8d5a8";
	public static final String FIRES_BORDER = "#3d8b3d";
	public static final String OVERLAP = Styles.WARNING;
	/** The hour a spring change skips: it does not happen, drawn grey. */
	public static final String SKIPPED = "#9e9e9e";
	/** The hour an autumn change repeats: it happens twice, drawn amber. */
	public static final String REPEATED = "#f5c542";
	public static final String GRID = "#dddddd";
	public static final String WEEKEND = "#f6f6f6";

	private final ScheduleWeek week;
	private final double width;

	public ScheduleLayout(ScheduleWeek week, double width) {
		this.week = week;
		// Narrow views still get every hour, at 6 px; hour labels thin out (labelStep).
		this.width = Math.max(width, DAY_LABEL + 2 * MARGIN + 24 * 6);
	}

	public ScheduleWeek week() {
		return week;
	}

	public double width() {
		return width;
	}

	public double left() {
		return MARGIN + DAY_LABEL;
	}

	public double gridWidth() {
		return width - left() - MARGIN;
	}

	public double hourWidth() {
		return gridWidth() / 24;
	}

	/** @return every how many hours the hour axis is labelled, so labels never overlap */
	public int labelStep() {
		return hourWidth() > 24 ? 1 : hourWidth() >= 10 ? 2 : 6;
	}

	public double gridTop() {
		return MARGIN + TITLE + HOURS;
	}

	public double rowTop(int day) {
		return gridTop() + day * ROW;
	}

	/** @return x of a minute of a day in the grid */
	public double x(int minute) {
		return left() + minute * gridWidth() / ScheduleWeek.DAY;
	}

	/** @return the box's rectangle in its day's row */
	public Rect box(int day, int from, int to) {
		return new Rect(x(from), rowTop(day) + 4, x(to) - x(from), ROW - 8);
	}

	/** @return the minute of the day under x, unsnapped, 0 to 1440 */
	public int minuteAt(double x) {
		return (int) Math.round(Math.max(0, Math.min(ScheduleWeek.DAY, (x - left()) * ScheduleWeek.DAY / gridWidth())));
	}

	/** @return the day row under y, or -1 outside the grid */
	public int dayAt(double y) {
		if (y < gridTop() || y >= gridTop() + 7 * ROW) {
			return -1;
		}
		return (int) ((y - gridTop()) / ROW);
	}

	/** @return the day row under y, kept within Monday to Sunday (for a drag that leaves the grid) */
	public int dayNear(double y) {
		return (int) Math.max(0, Math.min(6, Math.floor((y - gridTop()) / ROW)));
	}

	public double rulesTop() {
		return gridTop() + 7 * ROW + RULES_GAP;
	}

	/** @return the top of rule {@code i}'s label line; its strip follows */
	public double ruleTop(int i) {
		return rulesTop() + RULE_LABEL + i * (RULE_LABEL + RULE_STRIP + RULE_GAP);
	}

	/** @return a stretch of a day on a rule's week strip (the strip holds the whole week across the grid's width) */
	public Rect strip(int rule, int day, int from, int to) {
		double unit = gridWidth() / ScheduleWeek.WEEK;
		double a = left() + (day * ScheduleWeek.DAY + from) * unit;
		double b = left() + (day * ScheduleWeek.DAY + to) * unit;
		return new Rect(a, ruleTop(rule) + RULE_LABEL, b - a, RULE_STRIP);
	}

	/** @return the baseline of the day names under the rules' strips (none when no rule uses the schedule) */
	public double stripDaysBaseline() {
		return ruleTop(week.rules().size()) + 2;
	}

	public double notesTop() {
		return ruleTop(week.rules().size()) + (week.rules().isEmpty() ? 4 : 4 + Styles.LINE_HEIGHT);
	}

	public double height() {
		return notesTop() + Math.max(1, week.clockChanges().size()) * Styles.LINE_HEIGHT + MARGIN;
	}
}
