package org.palisade.diagram;

import java.io.StringWriter;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.palisade.diagram.internal.Svg;

import org.palisade.diagram.Diagram.Rect;
import org.palisade.diagram.ScheduleWeek.Box;
import org.palisade.diagram.ScheduleWeek.ClockChange;
import org.palisade.diagram.ScheduleWeek.RuleRow;
import org.palisade.diagram.ScheduleWeek.Span;
import org.palisade.model.util.Units;

/**
 * Writes a {@link ScheduleWeek} as SVG, laid out by {@link ScheduleLayout}, in the manner of
 * {@link SvgRenderer} (JDK StAX writer, which escapes text): each interval's box is
 * {@code <rect class="interval" data-interval="0">} with a {@code <title>} giving its times, a
 * clock change is {@code <g class="clock-change skipped|repeated">}, a rule's row
 * {@code <g class="rule">} and a stretch two rules share {@code <rect class="overlap">}.
 */
public final class ScheduleSvg {

	/** Width of the drawing in generated pages: fits an A4 page at print scale. */
	public static final double WIDTH = 900;

	private ScheduleSvg() {
	}

	/** @return the week as a standalone SVG document */
	public static String render(ScheduleWeek week) {
		return write(new ScheduleLayout(week, WIDTH), true);
	}

	/** @return the week as an {@code <svg>} element, to inline in HTML */
	public static String element(ScheduleWeek week) {
		return write(new ScheduleLayout(week, WIDTH), false);
	}

	private static String write(ScheduleLayout l, boolean document) {
		StringWriter out = new StringWriter();
		ScheduleWeek week = l.week();
		try {
			XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			Svg.start(w, document, l.width(), l.height(), "Schedule " + week.title() + ", " + week.weekLabel());
			rect(w, null, new Rect(0, 0, l.width(), l.height()), "#ffffff", "none", 0);
			Svg.label(w, ScheduleLayout.MARGIN, ScheduleLayout.MARGIN + 15, title(week), "start", true);
			grid(w, l);
			for (ClockChange c : week.clockChanges()) {
				w.writeStartElement("g");
				w.writeAttribute("class", "clock-change " + (c.skipped() ? "skipped" : "repeated"));
				Svg.text(w, "title", c.text());
				Rect r = new Rect(l.x(c.from()), l.rowTop(c.day()) + 1, l.x(c.to()) - l.x(c.from()), ScheduleLayout.ROW - 2);
				rect(w, null, r, c.skipped() ? ScheduleLayout.SKIPPED : ScheduleLayout.REPEATED, "none", 0);
				w.writeEndElement();
			}
			for (Box b : week.boxes()) {
				w.writeStartElement("rect");
				Rect r = l.box(b.day(), b.from(), b.to());
				w.writeAttribute("class", "interval");
				w.writeAttribute("data-interval", Integer.toString(b.interval()));
				w.writeAttribute("data-day", ScheduleWeek.dayName(b.day()));
				attributes(w, r, ScheduleLayout.INTERVAL, ScheduleLayout.INTERVAL_BORDER, 1.2);
				w.writeAttribute("fill-opacity", "0.85");
				String times = Units.formatTime(b.from()) + "-" + Units.formatTime(b.to());
				Svg.text(w, "title", ScheduleWeek.dayName(b.day()) + " " + times);
				w.writeEndElement();
				if (Styles.textWidth(times) + 6 < r.width()) {
					Svg.label(w, r.x() + 3, r.y() + r.height() / 2 + 4, times, "start", false);
				}
			}
			rules(w, l);
			double y = l.notesTop() + Styles.LINE_HEIGHT - 4;
			if (week.monday() == null) {
				Svg.label(w, l.left(), y, week.zone() == null ? "The site has no time zone."
						: week.zoneRules().isEmpty() ? week.zone() + " does not change clock."
								: "Clock changes in " + week.zone() + ": " + String.join("; ", week.zoneRules()), "start", false);
			} else if (week.clockChanges().isEmpty()) {
				Svg.label(w, l.left(), y, week.zone() == null ? "The site has no time zone: no clock changes shown."
						: "No clock change in " + week.zone() + " this week.", "start", false);
			}
			for (ClockChange c : week.clockChanges()) {
				Svg.label(w, l.left(), y, "Clock change " + c.text(), "start", false);
				y += Styles.LINE_HEIGHT;
			}
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		} catch (XMLStreamException e) {
			// Writing to a StringWriter fails only on a programming error (unbalanced elements).
			throw new IllegalStateException(e);
		}
		return out.toString();
	}

	/** @return e.g. "After hours (AfterHours), week of Mon 30 Mar 2026, Europe/Stockholm" */
	static String title(ScheduleWeek week) {
		return week.title() + (week.title().equals(week.schedule()) ? "" : " (" + week.schedule() + ")") + ", "
				+ week.weekLabel() + (week.zone() == null ? "" : ", " + week.zone());
	}

	private static void grid(XMLStreamWriter w, ScheduleLayout l) throws XMLStreamException {
		w.writeStartElement("g");
		w.writeAttribute("class", "grid");
		for (int d = 0; d < 7; d++) {
			rect(w, null, new Rect(l.left(), l.rowTop(d), l.gridWidth(), ScheduleLayout.ROW), d >= 5 ? ScheduleLayout.WEEKEND
					: "#ffffff", ScheduleLayout.GRID, 1);
			Svg.label(w, ScheduleLayout.MARGIN, l.rowTop(d) + ScheduleLayout.ROW / 2 + 4, l.week().dayLabel(d), "start", false);
		}
		for (int h = 0; h <= 24; h++) {
			double x = l.x(h * 60);
			line(w, x, l.gridTop(), x, l.gridTop() + 7 * ScheduleLayout.ROW, h % 6 == 0 ? "#b0b0b0" : ScheduleLayout.GRID);
			if (h < 24 && h % l.labelStep() == 0) {
				Svg.label(w, x + 2, l.gridTop() - 5, String.format(Locale.ROOT, "%02d", h), "start", false);
			}
		}
		w.writeEndElement();
	}

	private static void rules(XMLStreamWriter w, ScheduleLayout l) throws XMLStreamException {
		ScheduleWeek week = l.week();
		Svg.label(w, ScheduleLayout.MARGIN, l.rulesTop() + 12, week.rules().isEmpty() ? "No rule uses this schedule."
				: "When the rules can fire (their schedule conditions intersected), Mon to Sun:", "start", true);
		for (int i = 0; i < week.rules().size(); i++) {
			RuleRow r = week.rules().get(i);
			w.writeStartElement("g");
			w.writeAttribute("class", "rule");
			w.writeAttribute("data-rule", r.rule());
			Svg.label(w, l.left(), l.ruleTop(i) + 12, r.caption(), "start", false);
			Rect all = l.strip(i, 0, 0, ScheduleWeek.WEEK);
			rect(w, null, all, "#ffffff", ScheduleLayout.GRID, 1);
			for (int d = 1; d < 7; d++) {
				double x = l.strip(i, d, 0, 0).x();
				line(w, x, all.y(), x, all.y() + all.height(), "#b0b0b0");
			}
			for (Span s : r.when()) {
				rect(w, "fires", l.strip(i, s.day(), s.from(), s.to()), ScheduleLayout.FIRES, ScheduleLayout.FIRES_BORDER, 0.8);
			}
			for (Span s : r.overlaps()) {
				w.writeStartElement("rect");
				attributes(w, l.strip(i, s.day(), s.from(), s.to()), ScheduleLayout.OVERLAP, ScheduleLayout.OVERLAP, 0.8);
				w.writeAttribute("class", "overlap");
				Svg.text(w, "title", r.rule() + " and " + String.join(", ", r.overlapsWith()) + " both drive " + r.target() + " on "
						+ ScheduleWeek.dayName(s.day()) + " " + Units.formatTime(s.from()) + "-" + Units.formatTime(s.to()));
				w.writeEndElement();
			}
			w.writeEndElement();
		}
		if (!week.rules().isEmpty()) {
			// The strips hold a whole week each: name the days once, under the last.
			for (int d = 0; d < 7; d++) {
				Rect day = l.strip(0, d, 0, ScheduleWeek.DAY);
				Svg.label(w, day.x() + day.width() / 2, l.stripDaysBaseline() + 10, ScheduleWeek.dayName(d), "middle", false);
			}
		}
	}

	private static void line(XMLStreamWriter w, double x1, double y1, double x2, double y2, String stroke)
			throws XMLStreamException {
		w.writeStartElement("line");
		w.writeAttribute("x1", Svg.n(x1));
		w.writeAttribute("y1", Svg.n(y1));
		w.writeAttribute("x2", Svg.n(x2));
		w.writeAttribute("y2", Svg.n(y2));
		w.writeAttribute("stroke", stroke);
		w.writeEndElement();
	}

	private static void rect(XMLStreamWriter w, String cls, Rect r, String fill, String stroke, double width)
			throws XMLStreamException {
		w.writeStartElement("rect");
		if (cls != null) {
			w.writeAttribute("class", cls);
		}
		attributes(w, r, fill, stroke, width);
		w.writeEndElement();
	}

	private static void attributes(XMLStreamWriter w, Rect r, String fill, String stroke, double width)
			throws XMLStreamException {
		w.writeAttribute("x", Svg.n(r.x()));
		w.writeAttribute("y", Svg.n(r.y()));
		w.writeAttribute("width", Svg.n(r.width()));
		w.writeAttribute("height", Svg.n(r.height()));
		w.writeAttribute("fill", fill);
		w.writeAttribute("stroke", stroke);
		if (width > 0) {
			w.writeAttribute("stroke-width", Svg.n(width));
		}
	}



}
