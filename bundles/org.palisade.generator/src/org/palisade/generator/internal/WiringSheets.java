package org.palisade.generator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.palisade.diagram.ScheduleSvg;
import org.palisade.diagram.ScheduleWeek;
import org.palisade.diagram.SvgRenderer;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.generator.WiringSheet;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Endpoint;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.Wire;
import org.palisade.validation.LoadVoltage;

/** Builds wiring sheets, and writes them as Markdown and HTML. */
public final class WiringSheets {

	private WiringSheets() {
	}

	/**
	 * @param drawing  whether the sheet carries the camera's drawing
	 * @param findings the design rules' findings of the whole design, marked on the drawing
	 */
	public static WiringSheet of(Device camera, boolean drawing, List<org.palisade.validation.Finding> findings) {
		DeviceType type = camera.getType();
		List<LoadVoltage> loads = LoadVoltage.of(camera);
		List<WiringSheet.Row> rows = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (Wire w : camera.getWires()) {
			PinEndpoint pin = w.getFrom() instanceof PinEndpoint p ? p : w.getTo() instanceof PinEndpoint p ? p : null;
			Endpoint other = pin == w.getFrom() ? w.getTo() : w.getFrom();
			String terminal = other instanceof TerminalEndpoint t && t.getDevice() != null && t.getTerminal() != null
					? t.getDevice().getName() + "." + t.getTerminal().getName() + " (" + polarity(t) + ")"
					: other instanceof PinEndpoint p ? "pin " + p.getPin() : "?";
			String load = "";
			String volts = "";
			for (LoadVoltage l : loads) {
				if (l.wires().contains(w)) {
					DeviceType lt = l.load().getType();
					load = l.load().getName() + ", " + (lt == null ? "?" : lt.getName()) + ", " + num(l.milliamps()) + " mA";
					if (!Double.isNaN(l.volts())) {
						volts = num2(l.volts()) + " V" + (l.minVolts() == null ? "" : " (min " + num(l.minVolts()) + " V)");
					}
				}
			}
			rows.add(new WiringSheet.Row(pin == null ? "-" : Integer.toString(pin.getPin()),
					pin == null ? "" : function(camera, type, pin.getPin()), w.getColour() == null ? "" : w.getColour(),
					w.getArea(), w.getLength(), terminal, load, volts));
		}
		for (LoadVoltage l : loads) {
			if (!l.sufficient()) {
				notes.add(l.load().getName() + ": " + (Double.isNaN(l.volts()) ? "not wired to both a supply and a switching pin"
						: "only " + num2(l.volts()) + " V reach it, below its minimum"));
			}
		}
		// The drawing carries the design rules' findings, as the Studio's does; a generated site
		// normally has none, but a warning (a shared pin) is worth seeing on the ladder too.
		String svg = drawing ? SvgRenderer.element(WiringDiagrams.of(camera, findings)) : null;
		return new WiringSheet(camera.getName(), type == null ? "?" : type.getName(), rows, notes, svg,
				drawing ? schedules(camera) : List.of());
	}

	/**
	 * @return a typical week of each schedule the camera's rules use, in the order first used:
	 *         without dates, so the sheet reads the same whenever it is generated
	 */
	private static List<String> schedules(Device camera) {
		java.util.Set<org.palisade.model.site.Schedule> used = new java.util.LinkedHashSet<>();
		for (org.palisade.model.site.Rule r : camera.getRules()) {
			for (org.palisade.model.site.Condition c : r.getConditions()) {
				if (c instanceof org.palisade.model.site.ScheduleCondition sc && sc.getSchedule() != null
						&& !sc.getSchedule().eIsProxy()) {
					used.add(sc.getSchedule());
				}
			}
		}
		return used.stream().map(s -> ScheduleSvg.element(ScheduleWeek.typical(s))).toList();
	}

	private static String polarity(TerminalEndpoint t) {
		return switch (t.getTerminal().getPolarity()) {
		case POSITIVE -> "+";
		case NEGATIVE -> "-";
		case SIGNAL -> "signal";
		case COMMON -> "common";
		};
	}

	private static String function(Device camera, DeviceType type, int number) {
		PinSpec spec = type == null ? null : type.getPins().stream().filter(p -> p.getNumber() == number).findFirst()
				.orElse(null);
		if (spec == null) {
			return "unknown pin";
		}
		return switch (spec.getFunction()) {
		case GROUND -> "0 V DC (-)";
		case DC_OUT -> (spec.getVoltage() == null ? "" : num(spec.getVoltage()) + " V ") + "DC output"
				+ (spec.getMaxCurrent() == null ? "" : ", max " + num(spec.getMaxCurrent()) + " mA");
		case CONFIGURABLE -> {
			PortConfig port = camera.getPorts().stream().filter(p -> spec.getPort() != null && p.getPort() == spec.getPort())
					.findFirst().orElse(null);
			yield "I/O port " + spec.getPort() + (port == null ? " (not configured)"
					: ": " + port.getDirection().getLiteral() + " \"" + port.getName() + "\""
							+ (port.getNormalState() == null ? "" : ", normally " + port.getNormalState().getLiteral()));
		}
		};
	}

	static String num(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
	}

	static String num2(double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}

	/** @return the sheet as a Markdown document */
	public static String markdown(WiringSheet s) {
		StringBuilder b = new StringBuilder("# Wiring sheet: ").append(s.camera()).append(" (").append(s.model())
				.append(")\n\nMulticable I/O terminal. Lengths are one way; the voltage at a load counts its supply and "
						+ "return wires (copper, 20 C).\n\n")
				.append("| pin | function | wire colour | area | length | peripheral terminal | load | voltage at the load |\n")
				.append("|---|---|---|---|---|---|---|---|\n");
		for (WiringSheet.Row r : s.rows()) {
			b.append("| ").append(String.join(" | ", r.pin(), md(r.function()), md(r.colour()), num(r.area()) + " mm2",
					num(r.length()) + " m", md(r.terminal()), md(r.load()), md(r.loadVolts()))).append(" |\n");
		}
		for (String n : s.notes()) {
			b.append("\n**Note:** ").append(md(n)).append('\n');
		}
		return b.toString();
	}

	/** @return the sheet as a self-contained HTML page */
	public static String html(WiringSheet s) {
		StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Wiring sheet: ")
				.append(h(s.camera())).append("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}"
						+ "td,th{border:1px solid #888;padding:4px 8px;text-align:left}figure{margin:1em 0}"
						+ "svg{max-width:100%;height:auto}</style></head><body>\n<h1>Wiring sheet: ")
				.append(h(s.camera())).append(" (").append(h(s.model())).append(")</h1>\n<p>Multicable I/O terminal. Lengths "
						+ "are one way; the voltage at a load counts its supply and return wires (copper, 20 C).</p>\n");
		if (s.svg() != null && !s.svg().isEmpty()) {
			// Inline SVG (not an <img>): the sheet stays one file, and a finding's tooltip works.
			b.append("<figure>\n").append(s.svg()).append("\n<figcaption>Wiring of ").append(h(s.camera()))
					.append(": pins of the I/O terminal on the left, wires in their colours.</figcaption>\n</figure>\n");
		}
		b.append("<table>\n"
						+ "<tr><th>pin</th><th>function</th><th>wire colour</th><th>area</th><th>length</th>"
						+ "<th>peripheral terminal</th><th>load</th><th>voltage at the load</th></tr>\n");
		for (WiringSheet.Row r : s.rows()) {
			b.append("<tr>");
			for (String c : List.of(r.pin(), r.function(), r.colour(), num(r.area()) + " mm2", num(r.length()) + " m",
					r.terminal(), r.load(), r.loadVolts())) {
				b.append("<td>").append(h(c)).append("</td>");
			}
			b.append("</tr>\n");
		}
		b.append("</table>\n");
		for (String n : s.notes()) {
			b.append("<p><strong>Note:</strong> ").append(h(n)).append("</p>\n");
		}
		for (String week : s.schedules()) {
			b.append("<figure>\n").append(week).append("\n<figcaption>A week of a schedule this camera's rules run in, and "
					+ "when each rule can fire.</figcaption>\n</figure>\n");
		}
		return b.append("</body></html>\n").toString();
	}

	private static String md(String s) {
		return s.replace("|", "\\|");
	}

	private static String h(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
