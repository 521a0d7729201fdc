package org.palisade.generator;

import java.util.List;

/**
 * The installer's wiring sheet of one camera: one row per wire on its I/O terminal.
 *
 * @param camera the camera's name
 * @param model  its model
 * @param rows   one per wire, in design order
 * @param notes  e.g. a load whose voltage is below its minimum
 * @param svg    the camera's wiring diagram as an SVG element (the drawing the Studio shows), for
 *               the HTML sheet
 * @param schedules a typical week (SVG element) of each schedule the camera's rules are
 *               conditioned on, with when each rule can fire, for the HTML sheet
 */
public record WiringSheet(String camera, String model, List<Row> rows, List<String> notes, String svg,
		List<String> schedules) {

	/** A sheet without schedule drawings. */
	public WiringSheet(String camera, String model, List<Row> rows, List<String> notes, String svg) {
		this(camera, model, rows, notes, svg, List.of());
	}

	/**
	 * One wire.
	 *
	 * @param pin        the terminal pin ("2"), or "-" for a wire between peripherals
	 * @param function   what the pin is ("12 V DC out", "I/O port 1: output \"Flashing beacon\", normally open")
	 * @param colour     the wire colour
	 * @param area       cross-section, mm2
	 * @param length     one-way length, m
	 * @param terminal   the peripheral terminal at the other end ("Beacon1.plus (+)")
	 * @param load       the load it feeds with its current ("Beacon1, Beacon 12V 50mA, 50 mA"), or ""
	 * @param loadVolts  voltage at that load after the wire drop ("11.72 V (min 10.8 V)"), or ""
	 */
	public record Row(String pin, String function, String colour, double area, double length, String terminal,
			String load, String loadVolts) {
	}

	public WiringSheet {
		rows = List.copyOf(rows);
		notes = List.copyOf(notes);
		schedules = List.copyOf(schedules);
	}
}
