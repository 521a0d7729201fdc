package org.palisade.simulator.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What happened on a virtual fleet, in the order it happened: events, schedules that became active
 * or inactive, rules that fired and the actions they ran, ports that went back to normal,
 * notifications sent (or not) and what the receiving devices did. Thread-safe; entries are kept in
 * the order they were added, which on a stepped clock is time order.
 */
public final class Timeline {

	/** What an entry is about. */
	public enum Kind {
		/** An event a device saw: an injected application event or input change, an output port's own event. */
		EVENT,
		/** A scheduled event became active or inactive. */
		SCHEDULE,
		/** A rule fired (fixed action) or became active or inactive (unlimited action). */
		RULE,
		/** A rule's start event came but a condition did not hold: the rule did not fire ({@link Entry#detail()} says which). */
		HELD_BACK,
		/** An output port went to its active state; {@link Entry#subject()} is {@code port N} (1-based). */
		PORT_ACTIVE,
		/** An output port went back to its normal state. */
		PORT_NORMAL,
		/** A notification sent, refused by the recipient, or not sent (see {@link Entry#detail()}). */
		NOTIFY,
		/** A speaker played a clip; {@link Entry#subject()} is {@code clip N}. */
		CLIP,
		/** A PTZ camera moved to a preset; {@link Entry#subject()} is {@code preset NAME}, the detail where and by whom. */
		PTZ,
		/** A door controller ran a door command; {@link Entry#subject()} is {@code door NAME}, the detail its mode and who asked. */
		DOOR,
		/** A virtual VMS received an alert; {@link Entry#subject()} is {@code alert}, the detail its text and how it came (#19). */
		ALERT,
		/** A camera recorded a stream on alarm; {@link Entry#subject()} is {@code recording "STREAM"}, the detail the disk (#19). */
		RECORD,
		/** Something the virtual device does not run, said once. */
		NOTE
	}

	/**
	 * @param device   the device it happened on
	 * @param trigger  what caused it (an event, a schedule), or {@code null}
	 * @param rule     the rule, as the device holds its name, or {@code null}
	 * @param subject  what changed: {@code port 1}, {@code clip 2}, a schedule name, an event
	 * @param duration how long an action holds, or {@code null}
	 * @param detail   free text: the state, the URL, the answer
	 */
	public record Entry(Instant at, String device, Kind kind, String trigger, String rule, String subject,
			Duration duration, String detail) {
	}

	private final List<Entry> entries = new ArrayList<>();
	private final List<Consumer<Entry>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	public void add(Entry e) {
		synchronized (entries) {
			entries.add(e);
		}
		listeners.forEach(l -> l.accept(e));
	}

	/** @return every entry so far */
	public List<Entry> entries() {
		synchronized (entries) {
			return List.copyOf(entries);
		}
	}

	/** @return the entries from {@code from} (inclusive) to {@code to} (exclusive) */
	public List<Entry> between(Instant from, Instant to) {
		return entries().stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList();
	}

	/** Calls {@code listener} with every entry added from now on (an event stream, a live view). */
	public void listen(Consumer<Entry> listener) {
		listeners.add(listener);
	}
}
