package org.palisade.ui.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Samples the UI thread's stack every 2 ms while a probe has waited for it over 20 ms, and
 * counts the samples by their innermost frames: where the UI thread was when it kept a user
 * waiting.
 */
final class StallSampler extends Thread {

	private static final long STALLED_NANOS = 20_000_000;

	private final Thread ui;

	private final AtomicLong waitingSince;

	private final AtomicReference<Boolean> running;

	private final Map<String, Integer> samples = new HashMap<>();

	private int total;

	StallSampler(Thread ui, AtomicLong waitingSince, AtomicReference<Boolean> running) {
		super("UI stall sampler");
		setDaemon(true);
		this.ui = ui;
		this.waitingSince = waitingSince;
		this.running = running;
	}

	@Override
	public void run() {
		while (running.get()) {
			long since = waitingSince.get();
			if (since != 0 && System.nanoTime() - since > STALLED_NANOS) {
				String where = where(ui.getStackTrace());
				synchronized (samples) {
					samples.merge(where, 1, Integer::sum);
					total++;
				}
			}
			try {
				Thread.sleep(2);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	/** @return the innermost three frames outside the JDK, innermost first */
	private static String where(StackTraceElement[] stack) {
		StringBuilder where = new StringBuilder();
		int frames = 0;
		for (StackTraceElement frame : stack) {
			String c = frame.getClassName();
			if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
				continue;
			}
			where.append(frames == 0 ? "" : " <- ").append(simple(frame));
			if (++frames == 3) {
				break;
			}
		}
		return frames == 0 ? "(no stack)" : where.toString();
	}

	private static String simple(StackTraceElement frame) {
		String c = frame.getClassName();
		return c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName();
	}

	/** @return the places the UI thread was sampled in while stalled, most sampled first */
	String report() {
		synchronized (samples) {
			if (total == 0) {
				return "the UI thread was never sampled in a wait over 20 ms";
			}
			return "UI thread sampled " + total + " times in waits over 20 ms: "
					+ samples.entrySet().stream().sorted(Map.Entry.<String, Integer> comparingByValue().reversed()).limit(6)
							.map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("; "));
		}
	}
}
