package org.palisade.deploy.vapix;

import java.util.Arrays;
import java.util.Objects;

/**
 * A username and password for one device. The password is held as a {@code char[]} so it can be
 * wiped with {@link #clear()}; it never appears in {@link #toString()}, logs or exception
 * messages produced by this bundle.
 */
public final class Credentials {

	private final String username;
	private final char[] password;
	private volatile boolean cleared;

	/** Copies {@code password}; the caller may wipe its own array afterwards. */
	public Credentials(String username, char[] password) {
		this.username = Objects.requireNonNull(username, "username");
		this.password = Objects.requireNonNull(password, "password").clone();
	}

	public String username() {
		return username;
	}

	/**
	 * @return a fresh copy of the password, which the caller must wipe after use
	 * @throws IllegalStateException after {@link #clear()}
	 */
	public char[] password() {
		if (cleared) {
			throw new IllegalStateException("credentials were cleared");
		}
		return password.clone();
	}

	/** @return an independent copy (own password array) */
	public Credentials copy() {
		char[] pw = password();
		try {
			return new Credentials(username, pw);
		} finally {
			Arrays.fill(pw, '\0');
		}
	}

	/** Overwrites the password in memory; the object is unusable afterwards. */
	public void clear() {
		cleared = true;
		Arrays.fill(password, '\0');
	}

	@Override
	public String toString() {
		return "Credentials[username=" + username + ", password=***]";
	}
}
