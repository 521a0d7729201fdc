package org.palisade.deploy.site;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.palisade.deploy.DeviceResult;
import org.palisade.simulator.rules.Timeline.Entry;

/**
 * A rehearsal as text: the deploy in a line per device, then the timeline with a header per step
 * (time, device, what happened, with the rule, the action, for how long and what triggered it),
 * each step followed by its expectations, met or not.
 */
final class RehearsalReport {

	private RehearsalReport() {
	}

	static String text(SiteRehearsal.Result r) {
		StringBuilder out = new StringBuilder();
		out.append("Deploy to the virtual devices:\n");
		for (DeviceResult d : r.deploy()) {
			out.append("  ").append(d.device()).append(": ").append(d.outcome().text())
					.append(d.error() != null ? " - " + d.error() : "").append('\n');
		}
		if (!r.deployed()) {
			out.append("The deploy failed: no event was played.\n");
			return out.toString();
		}
		int width = r.timeline().stream().mapToInt(e -> e.device().length()).max().orElse(6);
		List<Entry> entries = r.timeline();
		int next = 0;
		for (SiteRehearsal.PlayedStep s : r.steps()) {
			next = lines(out, entries, next, s.from(), r.zone(), width);
			out.append("\n== ").append(Expectations.TIME.format(s.from().atZone(r.zone())))
					.append(s.step().label() != null ? "  " + s.step().label() : "").append('\n');
			next = lines(out, entries, next, s.to(), r.zone(), width);
			for (SiteRehearsal.Check c : s.checks()) {
				out.append(c.failure() == null ? "   ok      " : "   FAILED  ").append("expect ")
						.append(c.expectation().text());
				if (c.failure() != null) {
					out.append("\n            ").append(c.expectation().where()).append(": ").append(c.failure());
				}
				out.append('\n');
			}
		}
		int failed = r.failures().size();
		out.append('\n').append(failed == 0 ? "All " + r.expectations() + " expectation(s) met."
				: failed + " of " + r.expectations() + " expectation(s) failed.").append('\n');
		return out.toString();
	}

	/** Appends the entries before {@code until}, from index {@code from}; @return the next index. */
	private static int lines(StringBuilder out, List<Entry> entries, int from, Instant until, ZoneId zone, int width) {
		int i = from;
		for (; i < entries.size() && entries.get(i).at().isBefore(until); i++) {
			Entry e = entries.get(i);
			out.append("   ").append(Expectations.TIME.format(e.at().atZone(zone))).append("  ")
					.append(String.format("%-" + width + "s", e.device())).append("  ").append(line(e)).append('\n');
		}
		return i;
	}

	static String line(Entry e) {
		String on = e.trigger() == null ? "" : " (on " + e.trigger() + ")";
		String rule = e.rule() == null ? "" : "rule \"" + e.rule() + "\": ";
		String held = e.duration() == null ? "" : " for " + Expectations.words(e.duration());
		return switch (e.kind()) {
		case EVENT -> "event " + e.subject() + " " + e.detail();
		case SCHEDULE -> "schedule \"" + e.subject() + "\" " + e.detail();
		case HELD_BACK -> rule + e.detail() + on;
		case RULE -> rule + e.detail() + on;
		case PORT_ACTIVE -> rule + e.subject() + " " + e.detail() + held + on;
		case PORT_NORMAL -> e.subject() + " " + e.detail() + (e.trigger() == null ? "" : " (" + e.trigger() + ")");
		case NOTIFY -> rule + "notify " + e.subject() + ": " + e.detail() + on;
		case CLIP -> "played " + e.subject() + " " + e.detail().replaceFirst("^played ", "") + " (asked by "
				+ e.trigger() + ")";
		case PTZ -> e.subject() + ": " + e.detail() + " (asked by " + e.trigger() + ")";
		case DOOR -> e.subject() + " " + e.detail() + " (asked by " + e.trigger() + ")";
		case ALERT -> "received " + e.subject() + " " + e.detail() + " (from " + e.trigger() + ")";
		case RECORD -> rule + e.subject() + " " + e.detail() + held + on;
		case NOTE -> "note: " + e.detail();
		};
	}
}
