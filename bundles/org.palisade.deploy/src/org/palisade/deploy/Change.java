package org.palisade.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One difference between a device and its desired configuration.
 *
 * @param op     what is done about it
 * @param before the object on the device, {@code null} for {@link Op#CREATE}
 * @param after  the object wanted, {@code null} for {@link Op#DELETE}
 */
public record Change(Op op, ManagedObject before, ManagedObject after) {

	/** Settings are updated in place; items are created, deleted, or replaced (delete then create). */
	public enum Op {
		CREATE("+"), UPDATE("~"), REPLACE("-/+"), DELETE("-");

		private final String symbol;

		Op(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return symbol;
		}
	}

	public Change {
		Objects.requireNonNull(op);
		if (before == null && after == null) {
			throw new IllegalArgumentException("a change needs an object");
		}
	}

	/** @return the object concerned (the wanted one, else the one on the device) */
	public ManagedObject object() {
		return after != null ? after : before;
	}

	/**
	 * @return the readable diff: a head line such as {@code ~ port 1} and one indented line
	 *         per attribute that differs ({@code name: "Port 1" -> "Flashing beacon"})
	 */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		String why = op == Op.REPLACE && before != null && after != null && before.sameContent(after)
				? "  (re-created: an object it refers to is re-created)" : "";
		lines.add(op.symbol() + " " + object().label() + why);
		if (op == Op.DELETE) {
			return lines;
		}
		TreeSet<String> names = new TreeSet<>();
		// A setting is only compared on what is wanted of it; other attributes are not news.
		boolean setting = object().nature() == ManagedObject.Nature.SETTING && after != null;
		if (before != null && !setting) {
			names.addAll(before.attributes().keySet());
		}
		if (after != null) {
			names.addAll(after.attributes().keySet());
		}
		for (String n : names) {
			String b = before == null ? null : before.attributes().get(n);
			String a = after == null ? null : after.attributes().get(n);
			if (Objects.equals(a, b)) {
				continue;
			}
			if (b == null) {
				lines.add("    " + n + ": " + quote(a));
			} else if (a == null) {
				lines.add("    " + n + ": " + quote(b) + " -> (none)");
			} else {
				lines.add("    " + n + ": " + quote(b) + " -> " + quote(a));
			}
		}
		return lines;
	}

	private static String quote(String v) {
		return "\"" + v.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
	}
}
