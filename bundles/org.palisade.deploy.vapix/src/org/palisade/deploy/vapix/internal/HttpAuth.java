package org.palisade.deploy.vapix.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.palisade.deploy.vapix.Credentials;

/**
 * Client side of HTTP authentication for one device: parses {@code WWW-Authenticate}, picks a
 * scheme the way {@code curl --anyauth} does (the strongest offered: Digest SHA-256, Digest MD5,
 * then Basic), and computes {@code Authorization} headers.
 * <p>
 * Digest state (nonce, opaque, nonce count) is kept between calls so that later calls
 * authenticate pre-emptively in one round trip; {@code nc} counts up per nonce as RFC 7616
 * requires, and a new nonce (after {@code stale=true} or a fresh challenge) restarts it at 1.
 * Thread-safe.
 */
public final class HttpAuth {

	/** One parsed challenge; {@code scheme} is lower case, parameter names too. */
	public record Challenge(String scheme, Map<String, String> params) {
		public boolean stale() {
			return "true".equalsIgnoreCase(params.getOrDefault("stale", ""));
		}

		String algorithm() {
			return params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
		}
	}

	/**
	 * Client nonces come from one generator per thread: the default generator serialises every
	 * caller on one lock, which shows when many devices are deployed in parallel.
	 */
	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
		try {
			return SecureRandom.getInstance("DRBG");
		} catch (java.security.NoSuchAlgorithmException e) {
			return new SecureRandom();
		}
	});

	private Challenge current;
	private long nonceCount;

	/** @return the challenges in the headers, in order; unparseable parts are skipped */
	public static List<Challenge> parse(List<String> headerValues) {
		List<Challenge> out = new ArrayList<>();
		for (String value : headerValues) {
			Challenge open = null;
			for (String token : splitTopLevel(value)) {
				String t = token.trim();
				if (t.isEmpty()) {
					continue;
				}
				int space = t.indexOf(' ');
				int eq = t.indexOf('=');
				boolean startsScheme = eq < 0 || (space > 0 && space < eq);
				if (startsScheme) {
					String scheme = (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
					open = new Challenge(scheme, new LinkedHashMap<>());
					out.add(open);
					t = space < 0 ? "" : t.substring(space + 1).trim();
					eq = t.indexOf('=');
				}
				if (open != null && eq > 0) {
					open.params().put(t.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(t.substring(eq + 1).trim()));
				}
			}
		}
		return out;
	}

	/** Splits on commas outside quoted strings. */
	private static List<String> splitTopLevel(String s) {
		List<String> parts = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && quoted && i + 1 < s.length()) {
				cur.append(c).append(s.charAt(++i));
				continue;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				parts.add(cur.toString());
				cur.setLength(0);
			} else {
				cur.append(c);
			}
		}
		parts.add(cur.toString());
		return parts;
	}

	private static String unquote(String v) {
		if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
			return v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
		}
		return v;
	}

	/** @return the strongest usable challenge, or {@code null} if none is supported */
	public static Challenge choose(List<Challenge> challenges) {
		Challenge best = null;
		int bestRank = 0;
		for (Challenge c : challenges) {
			int rank = rank(c);
			if (rank > bestRank) {
				best = c;
				bestRank = rank;
			}
		}
		return best;
	}

	private static int rank(Challenge c) {
		if (c.scheme().equals("basic")) {
			return 1;
		}
		if (!c.scheme().equals("digest") || !c.params().containsKey("nonce")) {
			return 0;
		}
		String qop = c.params().get("qop");
		if (qop != null && !Arrays.asList(qop.replace(" ", "").split(",")).contains("auth")) {
			return 0; // auth-int only: would need the body hashed, no Axis device asks for it
		}
		return switch (c.algorithm()) {
		case "SHA-256" -> 3;
		case "MD5" -> 2;
		default -> 0;
		};
	}

	/** Adopts a challenge for this and later requests; a new nonce restarts the nonce count. */
	public synchronized void install(Challenge c) {
		current = c;
		nonceCount = 0;
	}

	/** @return whether a scheme has been negotiated (so requests can authenticate pre-emptively) */
	public synchronized boolean hasScheme() {
		return current != null;
	}

	/**
	 * @param requestTarget path and query exactly as on the request line
	 * @return the Authorization value, or {@code null} before any challenge was seen
	 */
	public String header(String method, String requestTarget, Credentials credentials) {
		Challenge c;
		long nc;
		synchronized (this) {
			c = current;
			if (c == null) {
				return null;
			}
			nc = ++nonceCount;
		}
		char[] password = credentials.password();
		try {
			if (c.scheme().equals("basic")) {
				byte[] raw = concat((credentials.username() + ":").getBytes(StandardCharsets.UTF_8), password);
				try {
					return "Basic " + Base64.getEncoder().encodeToString(raw);
				} finally {
					Arrays.fill(raw, (byte) 0);
				}
			}
			return digest(c, nc, method, requestTarget, credentials.username(), password);
		} finally {
			Arrays.fill(password, '\0');
		}
	}

	private static String digest(Challenge c, long nc, String method, String uri, String user, char[] password) {
		String algorithm = c.algorithm();
		String realm = c.params().getOrDefault("realm", "");
		String nonce = c.params().get("nonce");
		boolean qopAuth = c.params().containsKey("qop");
		byte[] userRealm = (user + ":" + realm + ":").getBytes(StandardCharsets.UTF_8);
		byte[] a1 = concat(userRealm, password);
		String ha1;
		try {
			ha1 = hash(algorithm, a1);
		} finally {
			Arrays.fill(a1, (byte) 0);
		}
		String ha2 = hash(algorithm, (method + ":" + uri).getBytes(StandardCharsets.UTF_8));
		String hex = Long.toHexString(nc);
		String ncHex = "00000000".substring(Math.min(8, hex.length())) + hex;
		byte[] cn = new byte[8];
		RANDOM.get().nextBytes(cn);
		String cnonce = HexFormat.of().formatHex(cn);
		String response = hash(algorithm, (qopAuth ? ha1 + ":" + nonce + ":" + ncHex + ":" + cnonce + ":auth:" + ha2
				: ha1 + ":" + nonce + ":" + ha2).getBytes(StandardCharsets.UTF_8));
		StringBuilder h = new StringBuilder("Digest username=\"").append(quote(user)).append("\", realm=\"")
				.append(quote(realm)).append("\", nonce=\"").append(quote(nonce)).append("\", uri=\"").append(quote(uri))
				.append("\", algorithm=").append(algorithm).append(", response=\"").append(response).append('"');
		if (qopAuth) {
			h.append(", qop=auth, nc=").append(ncHex).append(", cnonce=\"").append(cnonce).append('"');
		}
		String opaque = c.params().get("opaque");
		if (opaque != null) {
			h.append(", opaque=\"").append(quote(opaque)).append('"');
		}
		return h.toString();
	}

	private static String quote(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static byte[] concat(byte[] prefix, char[] secret) {
		ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
		byte[] out = Arrays.copyOf(prefix, prefix.length + bb.remaining());
		bb.get(out, prefix.length, bb.remaining());
		if (bb.hasArray()) {
			Arrays.fill(bb.array(), (byte) 0);
		}
		return out;
	}

	/**
	 * One digest object per algorithm, cloned per use: {@code MessageDigest.getInstance} searches
	 * the security providers on every call, which showed in profiles of large deploys.
	 */
	private static final Map<String, MessageDigest> PROTOTYPES = new java.util.concurrent.ConcurrentHashMap<>();

	private static String hash(String algorithm, byte[] data) {
		try {
			MessageDigest proto = PROTOTYPES.get(algorithm);
			if (proto == null) {
				proto = MessageDigest.getInstance(algorithm);
				PROTOTYPES.putIfAbsent(algorithm, proto);
			}
			MessageDigest md;
			try {
				md = (MessageDigest) proto.clone();
			} catch (CloneNotSupportedException e) {
				md = MessageDigest.getInstance(algorithm);
			}
			return HexFormat.of().formatHex(md.digest(data));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(algorithm + " is required by every JDK", e);
		}
	}
}
