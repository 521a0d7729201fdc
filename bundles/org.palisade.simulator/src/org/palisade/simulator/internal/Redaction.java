package org.palisade.simulator.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Decides which values are secrets so that no log line or toString ever shows them. */
public final class Redaction {

	private Redaction() {
	}

	/** @return whether a parameter with this name holds a secret (password, passphrase, secret, ...) */
	public static boolean isSecretName(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return n.contains("pass") || n.contains("secret") || n.contains("credential");
	}

	/** @return the parameters, sorted, with secret values replaced by {@code ***} */
	public static Map<String, String> maskParameters(Map<String, String> parameters) {
		Map<String, String> masked = new TreeMap<>();
		parameters.forEach((k, v) -> masked.put(k, isSecretName(k) && !v.isEmpty() ? "***" : v));
		return masked;
	}
}
