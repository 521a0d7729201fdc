package org.palisade.simulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for reading requests; no state. */
final class HttpIo {

	/** Bodies larger than this are refused: no deployer call comes near it. */
	static final int MAX_BODY = 1 << 20;

	private HttpIo() {
	}

	/** Decodes {@code a=b&c=d} (plus or %20 for spaces) into an ordered map; later duplicates win. */
	static Map<String, String> parseForm(String raw, Map<String, String> into) {
		if (raw == null || raw.isEmpty()) {
			return into;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String k = eq < 0 ? pair : pair.substring(0, eq);
			String v = eq < 0 ? "" : pair.substring(eq + 1);
			into.put(decode(k), decode(v));
		}
		return into;
	}

	static Map<String, String> newQuery() {
		return new LinkedHashMap<>();
	}

	private static String decode(String s) {
		try {
			return URLDecoder.decode(s, StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			return s; // a stray '%' is kept literally, as lenient CGI parsers do
		}
	}
}
