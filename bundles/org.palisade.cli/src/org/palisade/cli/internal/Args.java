package org.palisade.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.cli.Palisade.UsageException;

/** A small option parser: flags, options with one value (repeatable), and positional arguments. */
final class Args {

	final List<String> positional = new ArrayList<>();
	private final Map<String, List<String>> options = new LinkedHashMap<>();

	/**
	 * @param withValue options that take a value ({@code -o} too)
	 * @param flags     options without a value
	 */
	Args(List<String> args, Set<String> withValue, Set<String> flags) {
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			String value = null;
			if (a.startsWith("--") && a.contains("=")) {
				value = a.substring(a.indexOf('=') + 1);
				a = a.substring(0, a.indexOf('='));
			}
			if (withValue.contains(a)) {
				if (value == null) {
					if (i + 1 >= args.size()) {
						throw new UsageException(a + " needs a value");
					}
					value = args.get(++i);
				}
				options.computeIfAbsent(a, k -> new ArrayList<>()).add(value);
			} else if (flags.contains(a)) {
				options.computeIfAbsent(a, k -> new ArrayList<>()).add("");
			} else if (a.startsWith("-") && a.length() > 1) {
				throw new UsageException("unknown option " + a);
			} else {
				positional.add(a);
			}
		}
	}

	boolean has(String option) {
		return options.containsKey(option);
	}

	String get(String option) {
		List<String> v = options.get(option);
		return v == null ? null : v.get(v.size() - 1);
	}

	List<String> all(String option) {
		return options.getOrDefault(option, List.of());
	}

	int intValue(String option, int fallback) {
		String v = get(option);
		if (v == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(v);
		} catch (NumberFormatException e) {
			throw new UsageException(option + " needs a number, not '" + v + "'");
		}
	}
}
