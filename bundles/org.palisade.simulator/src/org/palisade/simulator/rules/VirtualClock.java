package org.palisade.simulator.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of a virtual fleet: either the real time (timers run on a daemon thread), or a
 * stepped clock for a rehearsal, which stands still until {@link #advanceTo(Instant)} moves it
 * and runs the timers that fall due on the way, each at its own instant, on the caller's thread.
 * A stepped rehearsal of a week therefore takes as long as its actions, not a week, and is the
 * same on every run.
 * <p>
 * It is a {@link Clock}, so the devices' stores stamp what they record (a clip played) with it.
 * {@link #instant()} takes no lock: a device answering on a server thread reads it while a timer
 * task on the stepping thread waits for that answer.
 */
public abstract class VirtualClock extends Clock implements AutoCloseable {

	/** A timer that may be cancelled before it runs. */
	public interface Timer {
		void cancel();
	}

	/** @return a clock at the real time */
	public static VirtualClock real() {
		return new Real();
	}

	/** @return a clock standing at {@code start} until advanced */
	public static VirtualClock stepped(Instant start) {
		return new Stepped(start);
	}

	/** Runs {@code task} once the clock reaches {@code at} (at once if it has). */
	public abstract Timer schedule(Instant at, Runnable task);

	/** @return whether this clock only moves when told */
	public abstract boolean isStepped();

	/**
	 * Moves a stepped clock forward to {@code to}, running every timer due on the way in time
	 * order (timers the tasks set are run too when due).
	 *
	 * @throws IllegalStateException    for the real clock
	 * @throws IllegalArgumentException when {@code to} lies before the clock's time
	 */
	public void advanceTo(Instant to) {
		throw new IllegalStateException("the real clock cannot be stepped");
	}

	/** As {@link #advanceTo(Instant)}, by a duration. */
	public void advance(Duration by) {
		advanceTo(instant().plus(by));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		// Devices take their zone from their own setting (time.cgi), never from the clock.
		throw new UnsupportedOperationException("a virtual clock is in UTC; convert with the device's zone");
	}

	@Override
	public void close() {
	}

	private static final class Real extends VirtualClock {
		private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "virtual-fleet-clock");
			t.setDaemon(true);
			return t;
		});

		@Override
		public Instant instant() {
			return Instant.now();
		}

		@Override
		public boolean isStepped() {
			return false;
		}

		@Override
		public Timer schedule(Instant at, Runnable task) {
			long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
			ScheduledFuture<?> f = timers.schedule(task, delay, TimeUnit.MILLISECONDS);
			return () -> f.cancel(false);
		}

		@Override
		public void close() {
			timers.shutdownNow();
		}
	}

	private static final class Stepped extends VirtualClock {
		private record Entry(Instant at, long order, Runnable task) {
		}

		private final PriorityQueue<Entry> due = new PriorityQueue<>(
				(a, b) -> a.at.equals(b.at) ? Long.compare(a.order, b.order) : a.at.compareTo(b.at));
		private final AtomicLong order = new AtomicLong();
		private volatile Instant now;

		Stepped(Instant start) {
			this.now = start;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public boolean isStepped() {
			return true;
		}

		@Override
		public Timer schedule(Instant at, Runnable task) {
			Entry e = new Entry(at.isBefore(now) ? now : at, order.getAndIncrement(), task);
			synchronized (due) {
				due.add(e);
			}
			return () -> {
				synchronized (due) {
					due.remove(e);
				}
			};
		}

		@Override
		public void advanceTo(Instant to) {
			if (to.isBefore(now)) {
				throw new IllegalArgumentException("the clock is at " + now + "; it cannot go back to " + to);
			}
			while (true) {
				Entry next;
				synchronized (due) {
					next = due.peek();
					if (next == null || next.at.isAfter(to)) {
						break;
					}
					due.poll();
				}
				now = next.at;
				next.task.run(); // outside the lock: the task may set timers and wait for devices
			}
			now = to;
		}
	}
}
