package org.palisade.deploy;

import java.util.Arrays;
import java.util.Objects;

/**
 * A username and password resolved from a credentials reference. The password is a
 * {@code char[]} that {@link #clear()} wipes; {@link #toString()} never shows it.
 */
public final class Credential {

	private final String username;
	private final char[] password;

	/** Copies the password. */
	public Credential(String username, char[] password) {
		this.username = Objects.requireNonNull(username);
		this.password = password.clone();
	}

	public String username() {
		return username;
	}

	/** @return a copy, to be wiped by the caller */
	public char[] password() {
		return password.clone();
	}

	public void clear() {
		Arrays.fill(password, '\0');
	}

	@Override
	public String toString() {
		return "Credential[" + username + ", ***]";
	}
}
