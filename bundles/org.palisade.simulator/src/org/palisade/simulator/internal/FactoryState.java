package org.palisade.simulator.internal;

import java.security.SecureRandom;
import java.util.Map;

/**
 * A virtual device out of the box (issue #17, commissioning): it has no account, so no credentials
 * are accepted, and only two requests are answered without authentication, as AXIS OS answers them
 * before anyone has set a password: basic device info (whose unrestricted properties identify the
 * device; developer.axis.com lets anonymous users read them, by default also later) and pwdgrp.cgi
 * creating the root account. Once root exists, everything else asks for credentials.
 */
final class FactoryState {

	private volatile boolean hasAccount;

	/** @return a password nobody knows, for the authenticator until root is created */
	static char[] unusablePassword() {
		SecureRandom r = new SecureRandom();
		char[] pw = new char[32];
		for (int i = 0; i < pw.length; i++) {
			pw[i] = (char) ('a' + r.nextInt(26));
		}
		return pw;
	}

	boolean hasAccount() {
		return hasAccount;
	}

	void accountCreated() {
		hasAccount = true;
	}

	/** @return whether the request is answered without credentials in the device's current state */
	boolean anonymous(String path, Map<String, String> query) {
		// Basic device info stays open once root exists too: anonymous access is on by default.
		return path.equals("/axis-cgi/basicdeviceinfo.cgi") || !hasAccount && path.equals("/axis-cgi/pwdgrp.cgi")
				&& "add".equals(query.get("action")) && "root".equals(query.get("user"));
	}
}
