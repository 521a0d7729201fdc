package org.palisade.ui.diagram;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.palisade.diagram.Diagram.Rect;
import org.palisade.diagram.ScheduleLayout;
import org.palisade.diagram.ScheduleWeek;
import org.palisade.diagram.ScheduleWeek.Box;
import org.palisade.diagram.ScheduleWeek.ClockChange;
import org.palisade.diagram.ScheduleWeek.RuleRow;
import org.palisade.diagram.ScheduleWeek.Span;
import org.palisade.diagram.Styles;
import org.palisade.model.util.Units;

/**
 * A week of a schedule drawn as {@link ScheduleLayout} places it (the SVG's places), edited
 * with the mouse: drag on empty space to create an interval, drag a box to move its interval,
 * drag a box's left or right edge to move its start or end; times snap to the quarter hour.
 * Click a box and press Delete to remove its interval. The canvas changes nothing itself: it
 * hands each edit to an {@link Editing} listener and gets the new week through {@link #setWeek}.
 */
public class ScheduleCanvas extends Canvas {

	/** What the person asked for, in the terms of {@code ScheduleEdits}. */
	public interface Editing {
		void create(int day, int start, int length);

		void reshape(int interval, int shift, int length);

		void delete(int interval);
	}

	private enum Mode {
		CREATE, MOVE, START, END
	}

	/** How near an edge (pixels) a press grabs it rather than the box. */
	private static final int EDGE = 5;

	private final Map<String, Color> colours = new HashMap<>();
	private ScheduleWeek week;
	private ScheduleLayout layout;
	private Editing editing;
	private Integer selected;

	private Mode mode;
	private Box pressed;
	private int pressAt;
	// The occurrence as the drag has it now: start minute of the week and length.
	private int previewStart;
	private int previewLength;
	private String gesture = "";

	public ScheduleCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addListener(SWT.Paint, this::paint);
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.KeyDown, this::key);
		addListener(SWT.Resize, e -> relayout());
		addListener(SWT.Dispose, e -> colours.values().forEach(Color::dispose));
	}

	public void setEditing(Editing editing) {
		this.editing = editing;
	}

	public void setWeek(ScheduleWeek week) {
		this.week = week;
		// A tooltip shown before an edit names the interval as it was; the next hover sets it anew.
		setToolTipText(null);
		if (selected != null && week.boxes().stream().noneMatch(b -> b.interval() == selected)) {
			selected = null;
		}
		relayout();
	}

	public ScheduleWeek week() {
		return week;
	}

	/** @return the geometry the week is drawn with now, to find a box's place (tests, tooltips) */
	public ScheduleLayout geometry() {
		return layout;
	}

	/** @return what the last press and release did, e.g. "resize end of interval 1: Sat 10:00 for 9:00" */
	public String gesture() {
		return gesture;
	}

	private void relayout() {
		layout = week == null ? null : new ScheduleLayout(week, getClientArea().width);
		redraw();
	}

	private int at(Event e) {
		return layout.dayNear(e.y) * ScheduleWeek.DAY + layout.minuteAt(e.x);
	}

	private void mouseDown(Event e) {
		if (layout == null || e.button != 1) {
			return;
		}
		setFocus();
		int day = layout.dayAt(e.y);
		if (day < 0 || e.x < layout.left() - EDGE || e.x > layout.left() + layout.gridWidth() + EDGE) {
			return;
		}
		pressAt = at(e);
		pressed = null;
		mode = Mode.CREATE;
		for (Box b : week.boxes(day)) {
			Rect r = layout.box(b.day(), b.from(), b.to());
			if (b.startsHere() && Math.abs(e.x - r.x()) <= EDGE) {
				mode = Mode.START;
			} else if (b.endsHere() && Math.abs(e.x - (r.x() + r.width())) <= EDGE) {
				mode = Mode.END;
			} else if (e.x > r.x() && e.x < r.x() + r.width()) {
				mode = Mode.MOVE;
			} else {
				continue;
			}
			pressed = b;
			selected = b.interval();
			break;
		}
		if (pressed != null) {
			previewStart = pressed.origin();
			previewLength = pressed.length();
		} else {
			selected = null;
			previewStart = ScheduleWeek.snap(pressAt);
			previewLength = 0;
		}
		redraw();
	}

	private void mouseMove(Event e) {
		if (layout == null) {
			return;
		}
		if (mode == null) {
			hover(e);
			return;
		}
		int now = at(e);
		int delta = now - pressAt;
		switch (mode) {
		case CREATE -> {
			int a = ScheduleWeek.snap(Math.min(pressAt, now));
			int b = ScheduleWeek.snap(Math.max(pressAt, now));
			previewStart = a;
			previewLength = b - a;
		}
		case MOVE -> previewStart = ScheduleWeek.snap(pressed.origin() + delta);
		case START -> {
			int start = Math.min(ScheduleWeek.snap(pressed.origin() + delta),
					pressed.origin() + pressed.length() - ScheduleWeek.SNAP);
			previewStart = start;
			previewLength = pressed.origin() + pressed.length() - start;
		}
		case END -> previewLength = Math.max(ScheduleWeek.SNAP,
				ScheduleWeek.snap(pressed.origin() + pressed.length() + delta) - pressed.origin());
		}
		redraw();
	}

	private void mouseUp(Event e) {
		if (mode == null || layout == null) {
			return;
		}
		mouseMove(e);
		Mode m = mode;
		mode = null;
		redraw();
		if (m == Mode.CREATE) {
			if (previewLength < ScheduleWeek.SNAP) {
				gesture = "click on empty time: nothing created";
				return;
			}
			int start = Math.floorMod(previewStart, ScheduleWeek.WEEK);
			gesture = "create " + when(start, previewLength);
			if (editing != null) {
				editing.create(start / ScheduleWeek.DAY, start % ScheduleWeek.DAY, previewLength);
			}
			return;
		}
		int shift = previewStart - pressed.origin();
		if (shift == 0 && previewLength == pressed.length()) {
			gesture = "select interval " + pressed.interval();
			return;
		}
		gesture = m.name().toLowerCase() + " interval " + pressed.interval() + ": " + when(previewStart, previewLength);
		if (editing != null) {
			editing.reshape(pressed.interval(), shift, previewLength);
		}
	}

	private static String when(int start, int length) {
		int s = Math.floorMod(start, ScheduleWeek.WEEK);
		return ScheduleWeek.dayName(s / ScheduleWeek.DAY) + " " + Units.formatTime(s % ScheduleWeek.DAY) + "-"
				+ Units.formatTime((s + length) % ScheduleWeek.DAY);
	}

	private void key(Event e) {
		if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && selected != null && editing != null) {
			gesture = "delete interval " + selected;
			editing.delete(selected);
		}
	}

	private void hover(Event e) {
		String tip = null;
		int cursor = SWT.CURSOR_ARROW;
		int day = layout.dayAt(e.y);
		if (day >= 0) {
			for (ClockChange c : week.clockChanges()) {
				if (c.day() == day && e.x >= layout.x(c.from()) && e.x <= layout.x(c.to())) {
					tip = "Clock change " + c.text();
				}
			}
			for (Box b : week.boxes(day)) {
				Rect r = layout.box(b.day(), b.from(), b.to());
				if (e.x >= r.x() - EDGE && e.x <= r.x() + r.width() + EDGE) {
					boolean edge = b.startsHere() && Math.abs(e.x - r.x()) <= EDGE
							|| b.endsHere() && Math.abs(e.x - (r.x() + r.width())) <= EDGE;
					cursor = edge ? SWT.CURSOR_SIZEWE : SWT.CURSOR_SIZEALL;
					tip = when(b.origin(), b.length()) + " (interval " + (b.interval() + 1) + " of " + week.title()
							+ "): drag to move it, drag an edge to change its start or end";
				}
			}
		}
		for (int i = 0; i < week.rules().size() && tip == null; i++) {
			RuleRow r = week.rules().get(i);
			Rect all = layout.strip(i, 0, 0, ScheduleWeek.WEEK);
			if (e.y >= all.y() - ScheduleLayout.RULE_LABEL && e.y <= all.y() + all.height()) {
				tip = r.title() + " (" + r.camera() + ", " + r.target() + ")" + (r.overlapsWith().isEmpty() ? ""
						: "; also driving it: " + String.join(", ", r.overlapsWith()));
			}
		}
		setCursor(getDisplay().getSystemCursor(cursor));
		if (tip == null ? getToolTipText() != null : !tip.equals(getToolTipText())) {
			setToolTipText(tip);
		}
	}

	private Color colour(String hex) {
		return colours.computeIfAbsent(hex, h -> new Color(getDisplay(), Integer.parseInt(h.substring(1, 3), 16),
				Integer.parseInt(h.substring(3, 5), 16), Integer.parseInt(h.substring(5, 7), 16)));
	}

	private void paint(Event e) {
		GC gc = e.gc;
		Rectangle area = getClientArea();
		gc.setBackground(colour("#ffffff"));
		gc.fillRectangle(area);
		if (layout == null) {
			return;
		}
		gc.setAntialias(SWT.ON);
		gc.setForeground(colour(Styles.TEXT));
		gc.drawText(title(), (int) ScheduleLayout.MARGIN, (int) ScheduleLayout.MARGIN, true);
		for (int d = 0; d < 7; d++) {
			fill(gc, new Rect(layout.left(), layout.rowTop(d), layout.gridWidth(), ScheduleLayout.ROW),
					d >= 5 ? ScheduleLayout.WEEKEND : "#ffffff", ScheduleLayout.GRID);
			gc.setForeground(colour(Styles.TEXT));
			gc.drawText(week.dayLabel(d), (int) ScheduleLayout.MARGIN, (int) (layout.rowTop(d) + ScheduleLayout.ROW / 2 - 8),
					true);
		}
		for (ClockChange c : week.clockChanges()) {
			fill(gc, new Rect(layout.x(c.from()), layout.rowTop(c.day()) + 1, layout.x(c.to()) - layout.x(c.from()),
					ScheduleLayout.ROW - 2), c.skipped() ? ScheduleLayout.SKIPPED : ScheduleLayout.REPEATED, null);
		}
		for (int h = 0; h <= 24; h++) {
			int x = (int) layout.x(h * 60);
			gc.setForeground(colour(h % 6 == 0 ? "#b0b0b0" : ScheduleLayout.GRID));
			gc.drawLine(x, (int) layout.gridTop(), x, (int) (layout.gridTop() + 7 * ScheduleLayout.ROW));
			if (h < 24 && h % layout.labelStep() == 0) {
				gc.setForeground(colour(Styles.TEXT));
				gc.drawText(String.format("%02d", h), x + 2, (int) (layout.gridTop() - ScheduleLayout.HOURS), true);
			}
		}
		for (Box b : week.boxes()) {
			boolean moving = mode != null && pressed != null && b.interval() == pressed.interval() && b.origin() == pressed.origin();
			Rect r = layout.box(b.day(), b.from(), b.to());
			fill(gc, r, moving ? "#e8eef7" : ScheduleLayout.INTERVAL, ScheduleLayout.INTERVAL_BORDER);
			if (selected != null && b.interval() == selected) {
				gc.setLineWidth(3);
				gc.setForeground(colour(ScheduleLayout.INTERVAL_BORDER));
				gc.drawRectangle(rect(r));
				gc.setLineWidth(1);
			}
			String text = Units.formatTime(b.from()) + "-" + Units.formatTime(b.to());
			Point size = gc.textExtent(text);
			if (size.x + 6 < r.width()) {
				gc.setForeground(colour(Styles.TEXT));
				gc.drawText(text, (int) r.x() + 3, (int) (r.y() + (r.height() - size.y) / 2), true);
			}
		}
		if (mode != null && previewLength > 0) {
			preview(gc);
		}
		rules(gc);
		int y = (int) layout.notesTop();
		gc.setForeground(colour(Styles.TEXT));
		if (week.clockChanges().isEmpty()) {
			gc.drawText(week.zone() == null ? "The site has no time zone: no clock changes shown."
					: "No clock change in " + week.zone() + " this week.", (int) layout.left(), y, true);
		}
		for (ClockChange c : week.clockChanges()) {
			gc.drawText("Clock change " + c.text(), (int) layout.left(), y, true);
			y += (int) Styles.LINE_HEIGHT;
		}
	}

	private String title() {
		return week.title() + (week.title().equals(week.schedule()) ? "" : " (" + week.schedule() + ")") + ", "
				+ week.weekLabel() + (week.zone() == null ? "" : ", " + week.zone());
	}

	/** The occurrence as the drag has it now, dashed, split at midnight like the boxes. */
	private void preview(GC gc) {
		gc.setLineStyle(SWT.LINE_DASH);
		gc.setLineWidth(2);
		gc.setForeground(colour(ScheduleLayout.INTERVAL_BORDER));
		int start = Math.floorMod(previewStart, ScheduleWeek.WEEK);
		for (int s = start, left = previewLength; left > 0;) {
			int day = s / ScheduleWeek.DAY;
			int from = s % ScheduleWeek.DAY;
			int to = Math.min(ScheduleWeek.DAY, from + left);
			gc.drawRectangle(rect(layout.box(day, from, to)));
			left -= to - from;
			s = (s + to - from) % ScheduleWeek.WEEK;
		}
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setLineWidth(1);
		gc.setForeground(colour(Styles.TEXT));
		gc.drawText(when(previewStart, previewLength), (int) layout.left(), (int) (layout.rulesTop() - 2) - 14, false);
	}

	private void rules(GC gc) {
		gc.setForeground(colour(Styles.TEXT));
		gc.drawText(week.rules().isEmpty() ? "No rule uses this schedule."
				: "When the rules can fire (their schedule conditions intersected), Mon to Sun:", (int) ScheduleLayout.MARGIN,
				(int) layout.rulesTop(), true);
		for (int i = 0; i < week.rules().size(); i++) {
			RuleRow r = week.rules().get(i);
			gc.setForeground(colour(r.overlaps().isEmpty() ? Styles.TEXT : Styles.WARNING));
			gc.drawText(r.caption(), (int) layout.left(), (int) layout.ruleTop(i), true);
			Rect all = layout.strip(i, 0, 0, ScheduleWeek.WEEK);
			fill(gc, all, "#ffffff", ScheduleLayout.GRID);
			for (Span s : r.when()) {
				fill(gc, layout.strip(i, s.day(), s.from(), s.to()), ScheduleLayout.FIRES, null);
			}
			for (Span s : r.overlaps()) {
				fill(gc, layout.strip(i, s.day(), s.from(), s.to()), ScheduleLayout.OVERLAP, null);
			}
			gc.setForeground(colour("#808080"));
			for (int d = 1; d < 7; d++) {
				int x = (int) layout.strip(i, d, 0, 0).x();
				gc.drawLine(x, (int) all.y(), x, (int) (all.y() + all.height()));
			}
		}
		if (!week.rules().isEmpty()) {
			// The strips hold a whole week each: name the days once, under the last.
			gc.setForeground(colour(Styles.TEXT));
			for (int d = 0; d < 7; d++) {
				Rect day = layout.strip(0, d, 0, ScheduleWeek.DAY);
				String full = ScheduleWeek.dayName(d);
				// A narrow view names the days by their first letter rather than run them together.
				String name = gc.textExtent(full).x + 4 < day.width() ? full : full.substring(0, 1);
				gc.drawText(name, (int) (day.x() + day.width() / 2 - gc.textExtent(name).x / 2.0),
						(int) layout.stripDaysBaseline(), true);
			}
		}
	}

	private void fill(GC gc, Rect r, String fill, String border) {
		gc.setBackground(colour(fill));
		gc.fillRectangle(rect(r));
		if (border != null) {
			gc.setForeground(colour(border));
			gc.drawRectangle(rect(r));
		}
	}

	private static Rectangle rect(Rect r) {
		return new Rectangle((int) Math.round(r.x()), (int) Math.round(r.y()), (int) Math.round(r.width()),
				(int) Math.round(r.height()));
	}

	@Override
	public Point computeSize(int wHint, int hHint, boolean changed) {
		ScheduleLayout l = week == null ? null : new ScheduleLayout(week, wHint == SWT.DEFAULT ? 1200 : wHint);
		return l == null ? new Point(400, 300) : new Point((int) l.width(), (int) l.height());
	}
}
