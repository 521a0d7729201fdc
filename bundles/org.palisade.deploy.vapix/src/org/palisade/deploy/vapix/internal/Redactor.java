package org.palisade.deploy.vapix.internal;

import java.util.List;
import java.util.Locale;

/** Masks secrets out of texts that may reach logs or exception messages. */
public final class Redactor {

	private Redactor() {
	}

	/** @return whether a parameter of this name holds a secret */
	public static boolean isSecretName(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return n.contains("pass") || n.contains("secret") || n.contains("credential");
	}

	/** @return {@code text} with every non-trivial secret value replaced by {@code ***} */
	public static String redact(String text, List<String> secrets) {
		if (text == null) {
			return null;
		}
		String out = text;
		for (String s : secrets) {
			// Very short values would mask innocent characters and reveal the secret's length.
			if (s != null && s.length() >= 3) {
				out = out.replace(s, "***");
			}
		}
		return out;
	}

	/** @return the first line of {@code text}, trimmed and cut to a readable length */
	public static String firstLine(String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		int nl = t.indexOf('\n');
		String line = nl < 0 ? t : t.substring(0, nl).strip();
		return line.length() > 300 ? line.substring(0, 300) + "..." : line;
	}
}
