package org.palisade.diagram;

import java.util.Locale;
import java.util.Map;

import org.palisade.validation.Severity;

/**
 * Colours and sizes shared by the SVG renderer and the SWT canvas, so both draw the same
 * picture. Colours are CSS {@code #rrggbb}.
 */
public final class Styles {

	/** Font size of labels, in pixels; layout sizes text boxes from it. */
	public static final double FONT_SIZE = 11;
	/** Average advance of one character at {@link #FONT_SIZE} (sans-serif), for sizing labels. */
	public static final double CHAR_WIDTH = 6.4;
	public static final double LINE_HEIGHT = 15;
	public static final String TEXT = "#1a1a1a";
	public static final String BORDER = "#4a4a4a";
	/** Under-stroke that keeps white and yellow wires visible on a white page. */
	public static final String WIRE_CASING = "#3c3c3c";
	public static final String ERROR = "#d0021b";
	public static final String WARNING = "#e59400";
	public static final String INFO = "#2f6fd6";
	public static final String LINK = "#6b6b6b";

	// Wire insulation colours as installers name them (IEC 60757 names and common synonyms).
	private static final Map<String, String> WIRES = Map.ofEntries(Map.entry("red", "#d7261e"),
			Map.entry("black", "#202020"), Map.entry("blue", "#1f5fd1"), Map.entry("brown", "#7b4a1e"),
			Map.entry("green", "#1f9a3a"), Map.entry("yellow", "#f2d21b"), Map.entry("white", "#ffffff"),
			Map.entry("grey", "#8c8c8c"), Map.entry("gray", "#8c8c8c"), Map.entry("orange", "#f28c1b"),
			Map.entry("violet", "#8a3fc7"), Map.entry("purple", "#8a3fc7"), Map.entry("pink", "#f07ab4"),
			Map.entry("turquoise", "#1fb5b0"), Map.entry("gold", "#c9a227"), Map.entry("silver", "#b8b8b8"));

	private Styles() {
	}

	/** @return the CSS colour of a wire colour name; an unknown name draws grey */
	public static String wire(String name) {
		return name == null ? "#8c8c8c" : WIRES.getOrDefault(name.toLowerCase(Locale.ROOT), "#8c8c8c");
	}

	/** @return the fill of a box of that kind */
	public static String fill(Diagram.NodeKind kind) {
		return switch (kind) {
		case IO_TERMINAL -> "#e8eef7";
		case PERIPHERAL -> "#fff4d6";
		case CAMERA -> "#e3f1e6";
		case SPEAKER -> "#efe6f7";
		case OTHER -> "#f0f0f0";
		};
	}

	/** @return the colour of a finding's mark */
	public static String severity(Severity s) {
		return switch (s) {
		case ERROR -> ERROR;
		case WARNING -> WARNING;
		case INFO -> INFO;
		};
	}

	/** @return the worst severity of the marks, or null when there is none */
	public static Severity worst(java.util.List<Diagram.Mark> marks) {
		return marks.stream().map(Diagram.Mark::severity).min(java.util.Comparator.naturalOrder()).orElse(null);
	}

	/** @return an estimate of a label's width at {@link #FONT_SIZE}, for layout */
	public static double textWidth(String s) {
		return s.length() * CHAR_WIDTH;
	}
}
