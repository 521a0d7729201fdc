package org.palisade.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.palisade.simulator.AuthMode;

/**
 * Server side of HTTP Digest (RFC 7616 / RFC 2617: SHA-256 or MD5, qop=auth) and optionally Basic.
 * <p>
 * A challenge offers Digest SHA-256 first and MD5 second, as RFC 7616 orders them (preferred
 * first) and as recent Axis firmware does; either answer is accepted. A client that takes the
 * first Digest challenge thus exercises SHA-256, one that only knows MD5 still gets in.
 * <p>
 * Nonces are tracked: a nonce the device did not issue, or one older than the lifetime, is
 * rejected with {@code stale=true} when the digest itself was right (the client knows the
 * password and only needs a fresh nonce); a replayed {@code nc} for a nonce is rejected the same
 * way. Out-of-order {@code nc} values are accepted, because concurrent requests sharing a nonce
 * legitimately arrive out of order. A wrong digest gets a plain challenge (no stale).
 */
public final class DigestAuthenticator {

	/** Outcome of checking one request. */
	public enum Outcome { OK, CHALLENGE, STALE }

	private static final int MAX_NONCES = 10_000;
	/** The Digest algorithms offered, in the order of the challenges. */
	private static final List<String> ALGORITHMS = List.of("SHA-256", "MD5");
	private static final SecureRandom RANDOM = new SecureRandom();

	private final String realm;
	private final AuthMode mode;
	private final Duration nonceLifetime;
	private final Clock clock;
	private final Map<String, NonceInfo> nonces = new ConcurrentHashMap<>();
	private volatile String username;
	private volatile char[] password;

	private static final class NonceInfo {
		final Instant issued;
		final Set<String> seenNc = ConcurrentHashMap.newKeySet();

		NonceInfo(Instant issued) {
			this.issued = issued;
		}
	}

	public DigestAuthenticator(String realm, AuthMode mode, Duration nonceLifetime, String username, char[] password,
			Clock clock) {
		this.realm = realm;
		this.mode = mode;
		this.nonceLifetime = nonceLifetime;
		this.clock = clock;
		this.username = username;
		this.password = password.clone();
	}

	/** Replaces the password (the "device password changed" fault); the old one is wiped. */
	public synchronized void changePassword(char[] newPassword) {
		char[] old = this.password;
		this.password = newPassword.clone();
		Arrays.fill(old, '\0');
	}

	/** Forgets every issued nonce, so the next digest request is answered with stale=true. */
	public void expireNonces() {
		nonces.clear();
	}

	/**
	 * @param authorization the Authorization header or {@code null}
	 * @param requestUri    the raw request-target (path and query) as sent on the request line
	 */
	public Outcome check(String method, String requestUri, String authorization) {
		if (authorization == null) {
			return Outcome.CHALLENGE;
		}
		String lower = authorization.toLowerCase(Locale.ROOT);
		if (lower.startsWith("basic ") && mode != AuthMode.DIGEST) {
			return checkBasic(authorization.substring(6).trim());
		}
		if (lower.startsWith("digest ") && mode != AuthMode.BASIC) {
			return checkDigest(method, requestUri, parseParams(authorization.substring(7)));
		}
		return Outcome.CHALLENGE;
	}

	private Outcome checkBasic(String token) {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(token);
		} catch (IllegalArgumentException e) {
			return Outcome.CHALLENGE;
		}
		byte[] expected = concat(bytes(username + ":"), password);
		boolean ok = MessageDigest.isEqual(decoded, expected);
		Arrays.fill(decoded, (byte) 0);
		Arrays.fill(expected, (byte) 0);
		return ok ? Outcome.OK : Outcome.CHALLENGE;
	}

	private Outcome checkDigest(String method, String requestUri, Map<String, String> p) {
		String nonce = p.get("nonce");
		String uri = p.get("uri");
		String response = p.get("response");
		String qop = p.get("qop");
		String algorithm = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
		if (nonce == null || uri == null || response == null || !username.equals(p.get("username"))
				|| !realm.equals(p.get("realm")) || !ALGORITHMS.contains(algorithm)
				|| (qop != null && !"auth".equals(qop)) || !uri.equals(requestUri)) {
			return Outcome.CHALLENGE;
		}
		String ha1 = hex(algorithm, bytes(username + ":" + realm + ":"), password);
		String ha2 = hex(algorithm, (method + ":" + uri).getBytes(StandardCharsets.UTF_8), null);
		String nc = p.get("nc");
		String material = qop == null ? ha1 + ":" + nonce + ":" + ha2
				: ha1 + ":" + nonce + ":" + nc + ":" + p.get("cnonce") + ":" + qop + ":" + ha2;
		String expected = hex(algorithm, material.getBytes(StandardCharsets.UTF_8), null);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			return Outcome.CHALLENGE;
		}
		NonceInfo info = nonces.get(nonce);
		if (info == null || info.issued.plus(nonceLifetime).isBefore(clock.instant())) {
			return Outcome.STALE;
		}
		if (qop != null && (nc == null || !info.seenNc.add(nc))) {
			return Outcome.STALE; // replayed nonce count
		}
		return Outcome.OK;
	}

	/** @return the WWW-Authenticate header values for a 401, Digest first (the stronger scheme) */
	public List<String> challenges(boolean stale) {
		List<String> out = new ArrayList<>();
		if (mode != AuthMode.BASIC) {
			for (String algorithm : ALGORITHMS) {
				out.add("Digest realm=\"" + realm + "\", nonce=\"" + newNonce() + "\", algorithm=" + algorithm
						+ ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
			}
		}
		if (mode != AuthMode.DIGEST) {
			out.add("Basic realm=\"" + realm + "\"");
		}
		return out;
	}

	private String newNonce() {
		if (nonces.size() >= MAX_NONCES) {
			Instant limit = clock.instant().minus(nonceLifetime);
			nonces.entrySet().removeIf(e -> e.getValue().issued.isBefore(limit));
			if (nonces.size() >= MAX_NONCES) {
				nonces.clear(); // clients simply get stale=true and re-authenticate
			}
		}
		byte[] raw = new byte[16];
		RANDOM.nextBytes(raw);
		String nonce = HexFormat.of().formatHex(raw);
		nonces.put(nonce, new NonceInfo(clock.instant()));
		return nonce;
	}

	/** Parses {@code k=v, k="quoted \" value"} lists as used by Authorization and WWW-Authenticate. */
	static Map<String, String> parseParams(String s) {
		Map<String, String> out = new HashMap<>();
		int i = 0;
		int n = s.length();
		while (i < n) {
			while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
				i++;
			}
			int eq = s.indexOf('=', i);
			if (eq < 0) {
				break;
			}
			String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
			i = eq + 1;
			StringBuilder value = new StringBuilder();
			if (i < n && s.charAt(i) == '"') {
				i++;
				while (i < n && s.charAt(i) != '"') {
					if (s.charAt(i) == '\\' && i + 1 < n) {
						i++;
					}
					value.append(s.charAt(i++));
				}
				i++;
			} else {
				while (i < n && s.charAt(i) != ',') {
					value.append(s.charAt(i++));
				}
			}
			out.put(key, value.toString().trim());
		}
		return out;
	}

	private static byte[] concat(byte[] prefix, char[] secret) {
		ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
		byte[] out = Arrays.copyOf(prefix, prefix.length + bb.remaining());
		bb.get(out, prefix.length, bb.remaining());
		return out;
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	/** Digest of {@code prefix} followed by the UTF-8 bytes of {@code secret} (if any), as lower-case hex. */
	private static String hex(String algorithm, byte[] prefix, char[] secret) {
		try {
			MessageDigest md = MessageDigest.getInstance(algorithm);
			md.update(prefix);
			if (secret != null) {
				ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
				byte[] b = new byte[bb.remaining()];
				bb.get(b);
				md.update(b);
				Arrays.fill(b, (byte) 0);
			}
			return HexFormat.of().formatHex(md.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(algorithm + " is required by every JDK", e);
		}
	}
}
