package org.palisade.deploy.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.palisade.simulator.rules.Timeline.Entry;
import org.palisade.simulator.rules.Timeline.Kind;

/**
 * The expectations of a rehearsal step, checked against what the virtual devices did in the
 * step's time window: each failure is one sentence with the figures (when, how long, what
 * happened instead).
 */
final class Expectations {

	private static final Pattern PORT = Pattern.compile("(\\S+) port (\\d+) (active|inactive)(?: (\\S+))?");
	private static final Pattern CLIP = Pattern.compile("(\\S+) clip (\\d+)");
	private static final Pattern NO_CLIP = Pattern.compile("(\\S+) no clip");
	/** A PTZ camera went to a preset ({@code GatePtz preset Fence}), or did not move. */
	private static final Pattern PRESET = Pattern.compile("(\\S+) preset (\\S+)");
	private static final Pattern NO_MOVE = Pattern.compile("(\\S+) no move");
	/** A PTZ camera went back to Home by its autoreturn that long after its last move ({@code Gate home after 60s}). */
	private static final Pattern HOME = Pattern.compile("(\\S+) home after (\\S+)");
	/** A door controller ran a command on a door that left it in a mode ({@code Entry door Gate lockeddown}), or none. */
	private static final Pattern DOOR = Pattern.compile("(\\S+) door (\\S+) (locked|unlocked|accessed|lockeddown)");
	private static final Pattern NO_COMMAND = Pattern.compile("(\\S+) door (\\S+) no command");
	/** A virtual VMS received an alert whose text holds TEXT ({@code Center alert "fence"}), or none (#19). */
	private static final Pattern ALERT = Pattern.compile("(\\S+) alert \"?(.+?)\"?");
	private static final Pattern NO_ALERT = Pattern.compile("(\\S+) no alert");
	/** A camera recorded a stream on alarm ({@code North1 recording "Operator"}), or did not. */
	private static final Pattern RECORDING = Pattern.compile("(\\S+) recording \"?(.+?)\"?");
	private static final Pattern NO_RECORDING = Pattern.compile("(\\S+) no recording");
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

	private Expectations() {
	}

	static boolean understood(String text) {
		Matcher m = PORT.matcher(text);
		if (m.matches()) {
			return m.group(4) == null || (m.group(3).equals("active") && Scenario.duration(m.group(4)) != null);
		}
		m = HOME.matcher(text);
		if (m.matches()) {
			return Scenario.duration(m.group(2)) != null;
		}
		return CLIP.matcher(text).matches() || NO_CLIP.matcher(text).matches() || PRESET.matcher(text).matches()
				|| NO_MOVE.matcher(text).matches() || DOOR.matcher(text).matches() || NO_COMMAND.matcher(text).matches()
				|| NO_ALERT.matcher(text).matches() || ALERT.matcher(text).matches() || NO_RECORDING.matcher(text).matches()
				|| RECORDING.matcher(text).matches() || text.equals("nothing");
	}

	/** @return the device an expectation is about, or {@code null} ({@code nothing}) */
	static String device(String text) {
		return text.equals("nothing") ? null : text.substring(0, text.indexOf(' '));
	}

	/**
	 * @param entries the whole timeline
	 * @return {@code null} when met, else why not
	 */
	/** The first autoreturn of the window, timed from the PTZ's move just before it. */
	private static String home(String device, Duration wanted, List<Entry> window, String span, ZoneId zone) {
		List<Entry> moves = window.stream().filter(e -> e.kind() == Kind.PTZ && e.device().equals(device)).toList();
		for (int i = 0; i < moves.size(); i++) {
			Entry e = moves.get(i);
			if (e.subject().equals("preset Home") && e.detail() != null && e.detail().startsWith("returned home")) {
				if (i == 0) {
					return device + " returned home at " + TIME.format(e.at().atZone(zone)) + " after a move before the step";
				}
				Duration after = Duration.between(moves.get(i - 1).at(), e.at());
				return after.equals(wanted) ? null : device + " returned home " + words(after) + " after its move to "
						+ moves.get(i - 1).subject() + " (" + TIME.format(e.at().atZone(zone)) + "), expected " + words(wanted);
			}
		}
		return device + " did not return home " + span + (moves.isEmpty() ? " (it did not move)" : " (its moves: "
				+ moves.stream().map(Entry::subject).collect(Collectors.joining(", ")) + ")");
	}

	static String check(String text, List<Entry> entries, Instant from, Instant to, ZoneId zone) {
		List<Entry> window = entries.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList();
		String span = "between " + TIME.format(from.atZone(zone)) + " and " + TIME.format(to.atZone(zone));
		Matcher m = PORT.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			String subject = "port " + m.group(2);
			Entry on = window.stream().filter(e -> e.kind() == Kind.PORT_ACTIVE && e.device().equals(device)
					&& e.subject().equals(subject)).findFirst().orElse(null);
			if (m.group(3).equals("inactive")) {
				return on == null ? null : device + " " + subject + " was active at " + TIME.format(on.at().atZone(zone))
						+ " (rule \"" + on.rule() + "\", on " + on.trigger() + ")";
			}
			if (on == null) {
				return device + " " + subject + " was never active " + span + why(window);
			}
			Entry off = entries.stream().filter(e -> e.kind() == Kind.PORT_NORMAL && e.device().equals(device)
					&& e.subject().equals(subject) && e.at().isAfter(on.at())).findFirst().orElse(null);
			Duration wanted = m.group(4) == null ? null : Scenario.duration(m.group(4));
			if (off == null || !off.at().isBefore(to)) {
				return wanted == null ? null : device + " " + subject + " went active at " + TIME.format(on.at().atZone(zone))
						+ " and was still active at the end of the step (" + TIME.format(to.atZone(zone)) + "), expected "
						+ words(wanted);
			}
			Duration held = Duration.between(on.at(), off.at());
			if (wanted != null && !held.equals(wanted)) {
				return device + " " + subject + " was active " + words(held) + " (" + TIME.format(on.at().atZone(zone))
						+ " to " + TIME.format(off.at().atZone(zone)) + "), expected " + words(wanted);
			}
			return null;
		}
		m = CLIP.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			String subject = "clip " + m.group(2);
			boolean played = window.stream().anyMatch(e -> e.kind() == Kind.CLIP && e.device().equals(device)
					&& e.subject().equals(subject));
			return played ? null : device + " did not play " + subject + " " + span + why(window);
		}
		m = NO_CLIP.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			List<Entry> clips = window.stream().filter(e -> e.kind() == Kind.CLIP && e.device().equals(device)).toList();
			return clips.isEmpty() ? null : device + " played " + clips.stream().map(Entry::subject)
					.collect(Collectors.joining(", ")) + " " + span;
		}
		m = PRESET.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			String subject = "preset " + m.group(2);
			boolean moved = window.stream().anyMatch(e -> e.kind() == Kind.PTZ && e.device().equals(device)
					&& e.subject().equals(subject));
			return moved ? null : device + " did not move to " + subject + " " + span + why(window);
		}
		m = HOME.matcher(text);
		if (m.matches()) {
			return home(m.group(1), Scenario.duration(m.group(2)), window, span, zone);
		}
		m = DOOR.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			String subject = "door " + m.group(2);
			String mode = m.group(3);
			boolean done = window.stream().anyMatch(e -> e.kind() == Kind.DOOR && e.device().equals(device)
					&& e.subject().equals(subject) && e.detail().toLowerCase(java.util.Locale.ROOT).contains(": " + mode + ","));
			return done ? null : device + " did not leave " + subject + " " + mode + " " + span + why(window);
		}
		m = NO_COMMAND.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			String subject = "door " + m.group(2);
			List<Entry> commands = window.stream().filter(e -> e.kind() == Kind.DOOR && e.device().equals(device)
					&& e.subject().equals(subject)).toList();
			return commands.isEmpty() ? null : device + " " + subject + " ran " + commands.stream().map(Entry::detail)
					.collect(Collectors.joining(", ")) + " " + span;
		}
		String vms = center(text, window, span);
		if (vms != null) {
			return vms.isEmpty() ? null : vms;
		}
		m = NO_MOVE.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			List<Entry> moves = window.stream().filter(e -> e.kind() == Kind.PTZ && e.device().equals(device)).toList();
			return moves.isEmpty() ? null : device + " moved to " + moves.stream().map(Entry::subject)
					.collect(Collectors.joining(", ")) + " " + span;
		}
		List<Entry> done = window.stream().filter(Expectations::isAction).toList();
		return done.isEmpty() ? null : "expected nothing " + span + ", but: " + done.stream()
				.map(e -> e.device() + " " + (e.rule() != null ? "rule \"" + e.rule() + "\" " : "") + e.subject() + " "
						+ e.detail()).collect(Collectors.joining("; "));
	}

	private static boolean isAction(Entry e) {
		return e.kind() == Kind.RULE || e.kind() == Kind.PORT_ACTIVE || e.kind() == Kind.NOTIFY || e.kind() == Kind.CLIP
				|| e.kind() == Kind.PTZ || e.kind() == Kind.DOOR || e.kind() == Kind.ALERT || e.kind() == Kind.RECORD;
	}

	/**
	 * The surveillance center's expectations (#19): {@code DEVICE alert TEXT}, {@code DEVICE no alert},
	 * {@code DEVICE recording STREAM}, {@code DEVICE no recording}.
	 *
	 * @return {@code null} when the text is none of them, empty when met, else why not
	 */
	private static String center(String text, List<Entry> window, String span) {
		Matcher m = NO_ALERT.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			List<Entry> got = window.stream().filter(e -> e.kind() == Kind.ALERT && e.device().equals(device)).toList();
			return got.isEmpty() ? "" : device + " received " + got.stream().map(Entry::detail)
					.collect(Collectors.joining(", ")) + " " + span;
		}
		m = NO_RECORDING.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			List<Entry> got = window.stream().filter(e -> e.kind() == Kind.RECORD && e.device().equals(device)).toList();
			return got.isEmpty() ? "" : device + " made " + got.stream().map(Entry::subject)
					.collect(Collectors.joining(", ")) + " " + span;
		}
		m = ALERT.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			String words = m.group(2);
			boolean got = window.stream().anyMatch(e -> e.kind() == Kind.ALERT && e.device().equals(device)
					&& e.detail().contains(words));
			return got ? "" : device + " received no alert with \"" + words + "\" " + span + why(window);
		}
		m = RECORDING.matcher(text);
		if (m.matches()) {
			String device = m.group(1);
			String subject = "recording \"" + m.group(2) + "\"";
			boolean got = window.stream().anyMatch(e -> e.kind() == Kind.RECORD && e.device().equals(device)
					&& e.subject().equals(subject));
			return got ? "" : device + " made no " + subject + " " + span + why(window);
		}
		return null;
	}

	/** What did happen in the window, to explain a missing action. */
	private static String why(List<Entry> window) {
		List<Entry> events = window.stream().filter(e -> e.kind() == Kind.EVENT).toList();
		List<Entry> done = window.stream().filter(Expectations::isAction).toList();
		if (events.isEmpty()) {
			return " (no event in the step)";
		}
		if (done.isEmpty()) {
			List<Entry> held = window.stream().filter(e -> e.kind() == Kind.HELD_BACK).toList();
			return " (" + events.stream().map(e -> e.device() + " " + e.subject() + " " + e.detail())
					.collect(Collectors.joining(", ")) + (held.isEmpty() ? ": no rule fired on it"
							: ": " + held.stream().map(e -> "rule \"" + e.rule() + "\" " + e.detail())
									.collect(Collectors.joining("; "))) + ")";
		}
		// What did fire, and (the surveillance center's alerts fire day and night, #19) what was held back.
		List<Entry> held = window.stream().filter(e -> e.kind() == Kind.HELD_BACK).toList();
		return " (what happened: " + done.stream().map(e -> e.device() + " " + e.subject() + " " + e.detail())
				.collect(Collectors.joining("; ")) + (held.isEmpty() ? "" : "; " + held.stream()
						.map(e -> "rule \"" + e.rule() + "\" " + e.detail()).collect(Collectors.joining("; "))) + ")";
	}

	static String words(Duration d) {
		if (d.toMillis() % 1000 != 0) {
			return d.toMillis() + " ms";
		}
		long s = d.getSeconds();
		return s % 3600 == 0 && s > 0 ? s / 3600 + " h" : s % 60 == 0 && s > 0 ? s / 60 + " min" : s + " s";
	}
}
