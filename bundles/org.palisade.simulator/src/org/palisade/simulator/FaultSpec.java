package org.palisade.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Faults for virtual devices written as text, so that people rehearse bad days from the command
 * line ({@code palisade simulate --fault ...}): {@code [DEVICE:]FAULT[,FAULT]...}, where FAULT is
 * <ul>
 * <li>{@code latency=MS}: every request waits that long;</li>
 * <li>{@code fail-after=N[/STATUS]}: after N good calls, every call gets HTTP STATUS (default 503);</li>
 * <li>{@code drop-after=N}: after N good calls, every call's connection is dropped unanswered;</li>
 * <li>{@code fail-next=N[/STATUS]}, {@code drop-next=N}: the next N calls only;</li>
 * <li>{@code fail-rate=P[/STATUS]}: each call fails with probability P (0..1, repeatable seed);</li>
 * <li>{@code wrong-password}: the device's password is not the one handed out, so it rejects the login.</li>
 * </ul>
 * Without DEVICE, the faults apply to every device. See {@link FaultInjector} for what each does.
 *
 * @param device the device, or {@code null} for all
 * @param faults the parsed faults, in order
 */
public record FaultSpec(String device, List<Fault> faults) {

	/** One fault: its name and its numbers ({@code value}, then {@code status}). */
	public record Fault(String name, double value, int status) {
	}

	/** @throws IllegalArgumentException naming the part that is wrong */
	public static FaultSpec parse(String text) {
		String spec = text.strip();
		String device = null;
		int colon = spec.indexOf(':');
		if (colon > 0 && !spec.substring(0, colon).contains("=")) {
			device = spec.substring(0, colon).strip();
			spec = spec.substring(colon + 1);
		}
		List<Fault> faults = new ArrayList<>();
		for (String part : spec.split(",")) {
			String p = part.strip().toLowerCase(Locale.ROOT);
			if (p.isEmpty()) {
				continue;
			}
			String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
			String arg = p.contains("=") ? p.substring(p.indexOf('=') + 1) : null;
			faults.add(switch (name) {
			case "wrong-password" -> {
				if (arg != null) {
					throw bad(text, part, "takes no value");
				}
				yield new Fault(name, 0, 0);
			}
			case "latency", "drop-after", "drop-next" -> new Fault(name, whole(text, part, arg), 0);
			case "fail-after", "fail-next" -> {
				String[] v = slash(text, part, arg);
				yield new Fault(name, whole(text, part, v[0]), status(text, part, v[1]));
			}
			case "fail-rate" -> {
				String[] v = slash(text, part, arg);
				double rate;
				try {
					rate = Double.parseDouble(v[0]);
				} catch (NumberFormatException e) {
					throw bad(text, part, "needs a probability from 0 to 1");
				}
				if (!(rate >= 0 && rate <= 1)) {
					throw bad(text, part, "needs a probability from 0 to 1");
				}
				yield new Fault(name, rate, status(text, part, v[1]));
			}
			default -> throw bad(text, part, "is not a fault: latency=MS, fail-after=N[/STATUS], drop-after=N,"
					+ " fail-next=N[/STATUS], drop-next=N, fail-rate=P[/STATUS], wrong-password");
			});
		}
		if (faults.isEmpty()) {
			throw new IllegalArgumentException("'" + text + "': no fault given");
		}
		return new FaultSpec(device, List.copyOf(faults));
	}

	/** Arms the faults on a device (whatever its name: the caller picks the devices). */
	public void applyTo(VirtualDevice d) {
		FaultInjector f = d.faults();
		for (Fault x : faults) {
			switch (x.name()) {
			case "latency" -> f.latency(Duration.ofMillis((long) x.value()));
			case "fail-after" -> f.failAfter((int) x.value(), x.status());
			case "drop-after" -> f.dropAfter((int) x.value());
			case "fail-next" -> f.failNext((int) x.value(), x.status());
			case "drop-next" -> f.dropNext((int) x.value());
			case "fail-rate" -> f.failRandomly(x.value(), 1, x.status());
			case "wrong-password" -> d.changePassword(("not-the-handed-out-" + Long.toHexString(System.nanoTime()))
					.toCharArray());
			default -> throw new IllegalStateException(x.name());
			}
		}
	}

	private static String[] slash(String text, String part, String arg) {
		if (arg == null) {
			throw bad(text, part, "needs a value");
		}
		int s = arg.indexOf('/');
		return s < 0 ? new String[] { arg, null } : new String[] { arg.substring(0, s), arg.substring(s + 1) };
	}

	private static int whole(String text, String part, String arg) {
		if (arg == null) {
			throw bad(text, part, "needs a value");
		}
		try {
			int n = Integer.parseInt(arg);
			if (n < 0) {
				throw bad(text, part, "needs a whole number of at least 0");
			}
			return n;
		} catch (NumberFormatException e) {
			throw bad(text, part, "needs a whole number, not '" + arg + "'");
		}
	}

	private static int status(String text, String part, String arg) {
		if (arg == null) {
			return 503;
		}
		try {
			int s = Integer.parseInt(arg);
			if (s >= 500 && s <= 599) {
				return s;
			}
		} catch (NumberFormatException e) {
			// said below
		}
		throw bad(text, part, "needs a 5xx status after '/', not '" + arg + "'");
	}

	private static IllegalArgumentException bad(String text, String part, String why) {
		return new IllegalArgumentException("--fault '" + text + "': '" + part.strip() + "' " + why);
	}
}
