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

	private final CredentialStore store;
	private final Map<String, Credential> cache = new HashMap<>();

	public Placeholders(CredentialStore store) {
		this.store = store;
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
			return value;
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
