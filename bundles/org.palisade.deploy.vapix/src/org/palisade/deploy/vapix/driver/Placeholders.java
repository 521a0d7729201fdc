package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;

/**
 * Resolves {@code ${credential.user:<ref>}} and {@code ${credential.password:<ref>}} placeholders
 * for one device run, and recognises the resolved values when they are read back, so that the
 * plan, the journal and every output keep showing the placeholder, never the secret.
 * Resolved values are kept only until {@link #clear()}.
 */
public final class Placeholders {

	private static final Pattern CREDENTIAL = Pattern.compile("\\$\\{credential\\.(user|password):([^}]+)\\}");
	/** {@code ${door.token:<credentials ref>@<address>/<door number>}} ({@link Conventions#doorToken}). */
	private static final Pattern DOOR_TOKEN = Pattern.compile("\\$\\{door\\.token:([^@}]+)@([^/}]+)/(\\d+)\\}");

	/** Asks a door controller of the site for its door's token (#19). */
	@FunctionalInterface
	public interface DoorTokens {
		/**
		 * @param address        the controller's design address
		 * @param door           the door number from 1
		 * @param credentialsRef the credentials to ask with
		 */
		String token(String address, int door, String credentialsRef) throws IOException;
	}

	private final CredentialStore store;
	private final Map<String, Credential> cache = new HashMap<>();
	private final DoorTokens doorTokens;
	/** Door token placeholder to the token, and back, as resolved in this run. */
	private final Map<String, String> tokens = new HashMap<>();
	private final Map<String, String> tokenPlaceholders = new HashMap<>();

	public Placeholders(CredentialStore store) {
		this(store, null);
	}

	/** @param doorTokens how door tokens are asked for, or {@code null} when the site has no door controller */
	public Placeholders(CredentialStore store, DoorTokens doorTokens) {
		this.store = store;
		this.doorTokens = doorTokens;
	}

	/**
	 * @return the value with each door token placeholder in it replaced by the token
	 * @throws IOException when a controller cannot be asked
	 */
	public String resolveDoorTokens(String value) throws IOException {
		if (value == null || !value.contains("${door.token:")) {
			return value;
		}
		Matcher m = DOOR_TOKEN.matcher(value);
		StringBuilder b = new StringBuilder();
		while (m.find()) {
			String placeholder = m.group();
			String token = tokens.get(placeholder);
			if (token == null) {
				if (doorTokens == null) {
					throw new IOException("door " + m.group(3) + " of " + m.group(2) + ": no door controller of the site to ask");
				}
				token = doorTokens.token(m.group(2), Integer.parseInt(m.group(3)), m.group(1));
				tokens.put(placeholder, token);
				tokenPlaceholders.put(token, placeholder);
			}
			m.appendReplacement(b, Matcher.quoteReplacement(token));
		}
		m.appendTail(b);
		return b.toString();
	}

	/** @return a read value with the door tokens resolved in this run put back as their placeholders */
	public String recogniseDoorTokens(String readValue) {
		if (readValue == null || tokenPlaceholders.isEmpty()) {
			return readValue;
		}
		String out = readValue;
		for (Map.Entry<String, String> e : tokenPlaceholders.entrySet()) {
			out = out.replace(e.getKey(), e.getValue());
		}
		return out;
	}

	/** @return whether the value is a credential placeholder */
	public static boolean isCredential(String value) {
		return value != null && CREDENTIAL.matcher(value).matches();
	}

	/**
	 * @return the value with its placeholder resolved; the caller must not keep or print it
	 * @throws IOException when the reference cannot be resolved
	 */
	public String resolve(String value) throws IOException {
		if (value == null) {
			return null;
		}
		Matcher m = CREDENTIAL.matcher(value);
		if (!m.matches()) {
			if (value.startsWith("${secret:") || value.equals("${redacted}")) {
				throw new IOException("a secret of the state to restore is unknown (" + value + ")");
			}
			return resolveDoorTokens(value);
		}
		Credential c = credential(m.group(2));
		if (m.group(1).equals("user")) {
			return c.username();
		}
		char[] pw = c.password();
		try {
			return new String(pw);
		} finally {
			Arrays.fill(pw, '\0');
		}
	}

	/**
	 * @param placeholder a placeholder the value may have been written from
	 * @return the placeholder if the read value is what it resolves to, else {@code null}
	 */
	public String recognise(String readValue, String placeholder) {
		if (readValue != null && placeholder != null && placeholder.contains("${door.token:")) {
			String back = recogniseDoorTokens(readValue);
			return back.equals(placeholder) ? placeholder : null;
		}
		if (readValue == null || !isCredential(placeholder)) {
			return null;
		}
		try {
			return readValue.equals(resolve(placeholder)) ? placeholder : null;
		} catch (IOException e) {
			return null;
		}
	}

	private Credential credential(String ref) throws IOException {
		Credential c = cache.get(ref);
		if (c == null) {
			Credential found = store.resolve(ref).orElseThrow(() -> new IOException("no credentials for '" + ref
					+ "' (looked in: " + store.describe() + "; e.g. set " + CredentialStore.variable(ref) + "=user:password)"));
			// A copy of our own: clear() must not wipe what the store hands to others.
			char[] pw = found.password();
			c = new Credential(found.username(), pw);
			Arrays.fill(pw, '\0');
			cache.put(ref, c);
		}
		return c;
	}

	/** Wipes the resolved passwords. */
	public void clear() {
		cache.values().forEach(Credential::clear);
		cache.clear();
	}
}
