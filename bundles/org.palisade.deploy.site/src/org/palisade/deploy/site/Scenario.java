package org.palisade.deploy.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rehearsal scenario: steps, each at a time, with the events that happen then and what must
 * follow. The text format, kept beside the design ({@code harbour-depot.rehearsal}):
 *
 * <pre>
 * # comment
 * at Tue 2026-12-01 02:00 "Intrusion at night"
 *   event North1.PerimeterDefender.intrusion
 *   expect North1 port 1 active 30s
 *   expect Horn clip 2
 * </pre>
 *
 * Times are the site's local time ({@code yyyy-MM-dd HH:mm[:ss]}, a weekday before the date is
 * checked against it); an offset ({@code 02:15+01:00}) picks one of a repeated autumn hour, which
 * otherwise means the first. Events: {@code DEVICE.APPLICATION.EVENT} (an event kind such as
 * {@code intrusion} is every scenario of the application; a scenario name is that one),
 * {@code DEVICE.input.N} / {@code DEVICE.input.N.normal}; {@code @TIME} or {@code @+30s} puts an
 * event later than its step. Expectations: {@code DEVICE port N active [DURATION]},
 * {@code DEVICE port N inactive}, {@code DEVICE clip N}, {@code DEVICE no clip}, {@code nothing}.
 */
public final class Scenario {

	/** A line that cannot be used: names the file and line. */
	public static final class Invalid extends Exception {
		private static final long serialVersionUID = 1L;

		public Invalid(String message) {
			super(message);
		}
	}

	/**
	 * An injected event; {@code input} events have a port, application events an application and
	 * event, door alarms a door (its name) and the alarm as {@code event} ({@code DoorForcedOpen},
	 * {@code DoorOpenTooLong}).
	 */
	public record Event(Instant at, String device, String application, String event, int inputPort, boolean active,
			String text, String where, String door) {
	}

	/** One expectation as written, with where it was written. */
	public record Expectation(String text, String where) {
	}

	public record Step(String label, Instant at, List<Event> events, List<Expectation> expectations, String where) {
	}

	private static final Pattern TIME = Pattern.compile(
			"(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s+)?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{1,2}:\\d{2}(?::\\d{2})?)(Z|[+-]\\d{2}:\\d{2})?");
	private static final Pattern AT = Pattern.compile("at\\s+([^\"]+?)\\s*(?:\"([^\"]*)\")?");
	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)");

	private final List<Step> steps = new ArrayList<>();

	public List<Step> steps() {
		return List.copyOf(steps);
	}

	/**
	 * @throws Invalid naming the file and line of the first line that cannot be used
	 */
	public static Scenario read(Path file, ZoneId zone) throws IOException, Invalid {
		Scenario s = new Scenario();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		Builder step = null;
		for (int i = 0; i < lines.size(); i++) {
			String where = file + ":" + (i + 1);
			String line = lines.get(i).replaceAll("(^|\\s)#.*$", "").trim();
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("at ") || line.equals("at")) {
				if (step != null) {
					s.add(step);
				}
				Matcher m = AT.matcher(line);
				if (!m.matches()) {
					throw new Invalid(where + ": expected: at [WEEKDAY] yyyy-MM-dd HH:mm[:ss][+hh:mm] [\"label\"], got: " + line);
				}
				step = new Builder(where, time(m.group(1), zone, where), m.group(2));
			} else if (line.startsWith("event ")) {
				need(step, where);
				step.events.add(event(line.substring(6).trim(), step.at, zone, where));
			} else if (line.startsWith("expect ")) {
				need(step, where);
				step.expectations.add(expectation(line.substring(7).trim(), where));
			} else {
				throw new Invalid(where + ": expected 'at', 'event' or 'expect', got: " + line);
			}
		}
		if (step != null) {
			s.add(step);
		}
		if (s.steps.isEmpty()) {
			throw new Invalid(file + ": no step (a line 'at yyyy-MM-dd HH:mm')");
		}
		return s;
	}

	private static void need(Builder step, String where) throws Invalid {
		if (step == null) {
			throw new Invalid(where + ": an event or expectation before the first 'at' line");
		}
	}

	/** Adds a step (the command line's {@code --at}, {@code --event} and {@code --expect}). */
	public Scenario add(String label, Instant at, List<Event> events, List<Expectation> expectations, String where)
			throws Invalid {
		Builder b = new Builder(where, at, label);
		b.events.addAll(events);
		b.expectations.addAll(expectations);
		add(b);
		return this;
	}

	private void add(Builder b) throws Invalid {
		if (!steps.isEmpty() && b.at.isBefore(steps.get(steps.size() - 1).at())) {
			throw new Invalid(b.where + ": steps must be in time order; this one is before the step of "
					+ steps.get(steps.size() - 1).where());
		}
		for (Event e : b.events) {
			if (e.at().isBefore(b.at)) {
				throw new Invalid(e.where() + ": the event is before its step's time");
			}
		}
		steps.add(new Step(b.label, b.at, List.copyOf(b.events), List.copyOf(b.expectations), b.where));
	}

	private static final class Builder {
		final String where;
		final Instant at;
		final String label;
		final List<Event> events = new ArrayList<>();
		final List<Expectation> expectations = new ArrayList<>();

		Builder(String where, Instant at, String label) {
			this.where = where;
			this.at = at;
			this.label = label;
		}
	}

	/**
	 * A local time of the site: the first of a repeated hour unless an offset says which; a time in
	 * the spring gap does not exist and is refused.
	 *
	 * @throws Invalid naming {@code where}
	 */
	public static Instant time(String text, ZoneId zone, String where) throws Invalid {
		Matcher m = TIME.matcher(text.trim());
		if (!m.matches()) {
			throw new Invalid(where + ": '" + text + "' is not a time: [WEEKDAY] yyyy-MM-dd HH:mm[:ss][+hh:mm]");
		}
		LocalDateTime local;
		try {
			String t = m.group(3);
			local = LocalDateTime.of(LocalDate.parse(m.group(2)), LocalTime.parse(t.length() == 4 ? "0" + t : t));
		} catch (DateTimeException e) {
			throw new Invalid(where + ": '" + text + "' is not a time: " + e.getMessage());
		}
		if (m.group(1) != null) {
			String day = local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
			if (!day.equals(m.group(1))) {
				throw new Invalid(where + ": " + m.group(2) + " is a " + day + ", not a " + m.group(1));
			}
		}
		List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
		if (m.group(4) != null) {
			ZoneOffset offset = ZoneOffset.of(m.group(4));
			if (!valid.contains(offset)) {
				throw new Invalid(where + ": " + local + m.group(4) + " is not a time in " + zone + " (offsets then: "
						+ valid + ")");
			}
			return local.atOffset(offset).toInstant();
		}
		if (valid.isEmpty()) {
			throw new Invalid(where + ": " + local + " does not exist in " + zone + " (the clocks skip it)");
		}
		return ZonedDateTime.ofLocal(local, zone, null).toInstant();
	}

	/** {@code 30s}, {@code 2m}, {@code 1h}, {@code 500ms}. */
	public static Duration duration(String text) {
		Matcher m = DURATION.matcher(text.trim());
		if (!m.matches()) {
			return null;
		}
		long n = Long.parseLong(m.group(1));
		return switch (m.group(2)) {
		case "ms" -> Duration.ofMillis(n);
		case "s" -> Duration.ofSeconds(n);
		case "m", "min" -> Duration.ofMinutes(n);
		default -> Duration.ofHours(n);
		};
	}

	/**
	 * @param stepAt the time of the step (an event without {@code @} happens then; {@code @+30s} after it)
	 * @throws Invalid naming {@code where}
	 */
	public static Event event(String text, Instant stepAt, ZoneId zone, String where) throws Invalid {
		String spec = text;
		Instant at = stepAt;
		int sign = text.indexOf('@');
		if (sign >= 0) {
			spec = text.substring(0, sign).trim();
			String when = text.substring(sign + 1).trim();
			if (when.startsWith("+")) {
				Duration d = duration(when.substring(1));
				if (d == null) {
					throw new Invalid(where + ": '" + when + "' is not a delay such as +30s, +2m");
				}
				at = stepAt.plus(d);
			} else {
				at = time(when, zone, where);
			}
		}
		String[] parts = spec.split("\\.");
		if (parts.length >= 3 && parts[1].equals("door")) {
			String alarm = parts.length == 4 ? switch (parts[3]) {
			case "forced" -> "DoorForcedOpen";
			case "open-too-long" -> "DoorOpenTooLong";
			default -> null;
			} : null;
			if (alarm == null || parts[2].isEmpty()) {
				throw new Invalid(where + ": expected DEVICE.door.NAME.forced or DEVICE.door.NAME.open-too-long, got: " + spec);
			}
			return new Event(at, parts[0], null, alarm, 0, true, spec, where, parts[2]);
		}
		if (parts.length >= 3 && parts[1].equals("input")) {
			int port;
			try {
				port = Integer.parseInt(parts[2]);
			} catch (NumberFormatException e) {
				throw new Invalid(where + ": '" + parts[2] + "' is not an input port number");
			}
			boolean active = parts.length == 3 || parts[3].equals("active");
			if (parts.length > 4 || (parts.length == 4 && !parts[3].equals("active") && !parts[3].equals("normal"))) {
				throw new Invalid(where + ": expected DEVICE.input.N[.active|.normal], got: " + spec);
			}
			return new Event(at, parts[0], null, null, port, active, spec, where, null);
		}
		if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
			throw new Invalid(where + ": expected DEVICE.APPLICATION.EVENT or DEVICE.input.N, got: " + spec);
		}
		return new Event(at, parts[0], parts[1], parts[2], 0, true, spec, where, null);
	}

	/** @throws Invalid when the expectation is not one of the known forms */
	public static Expectation expectation(String text, String where) throws Invalid {
		String t = text.trim().replaceAll("\\s+", " ");
		if (!Expectations.understood(t)) {
			throw new Invalid(where + ": expected 'DEVICE port N active [DURATION]', 'DEVICE port N inactive', "
					+ "'DEVICE clip N', 'DEVICE no clip', 'DEVICE preset NAME', 'DEVICE no move', 'DEVICE home after 60s', 'DEVICE door NAME MODE', "
					+ "'DEVICE door NAME no command' or 'nothing', got: " + text);
		}
		return new Expectation(t, where);
	}
}
