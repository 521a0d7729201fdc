package org.palisade.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /axis-cgi/pwdgrp.cgi} (vapix-notes.md section 2, "pwdgrp.cgi and user groups"):
 * {@code action=get} lists the groups' members as {@code admin="root,joe"} lines (documented), so a
 * client can read the rights of the account it uses; {@code add} and {@code remove} answer, for
 * success and error alike, HTTP 200 with the recorded HTML page and message. The device's own account
 * is an administrator. Passwords given to {@code add} are not kept: this device authenticates its
 * own account only, whose password {@code add} (a factory-new device's root) and {@code update} set.
 */
final class PwdgrpEndpoint implements Endpoint {

	/** User name to its {@code sgrp} (colon-separated groups), in creation order. */
	private final Map<String, String> users = new LinkedHashMap<>();
	private final String account;
	private final FactoryState factory;
	private final DigestAuthenticator auth;

	/**
	 * @param factory the out-of-the-box state of a factory-new device (no account until root is
	 *                added), or {@code null}
	 * @param auth    takes the device account's password when it is created or updated (#17)
	 */
	PwdgrpEndpoint(StateStore store, FactoryState factory, DigestAuthenticator auth) {
		this.account = store.descriptor().username();
		this.factory = factory;
		this.auth = auth;
		if (factory == null) {
			users.put(account, "admin:operator:viewer:ptz");
		}
	}

	@Override
	public Response handle(Request request) {
		String action = request.query().getOrDefault("action", "");
		synchronized (users) {
			return switch (action) {
			case "get" -> Response.text(200, groups(), "get");
			case "add" -> page(add(request.query()), "add");
			case "remove" -> page(remove(request.query().get("user")), "remove");
			case "update" -> page(update(request.query()), "update");
			default -> page("Error: unknown action.", action.isEmpty() ? "pwdgrp.cgi" : action);
			};
		}
	}

	private String groups() {
		StringBuilder b = new StringBuilder();
		for (String g : new String[] { "admin", "operator", "viewer", "ptz" }) {
			b.append(g).append("=\"").append(String.join(",", members(g))).append("\"\n");
		}
		b.append("digusers=\"").append(String.join(",", users.keySet())).append("\"\n");
		return b.toString();
	}

	private java.util.List<String> members(String group) {
		return users.entrySet().stream().filter(e -> java.util.List.of(e.getValue().split(":")).contains(group))
				.map(Map.Entry::getKey).toList();
	}

	private String add(Map<String, String> q) {
		String user = q.getOrDefault("user", "");
		String pwd = q.get("pwd");
		String sgrp = q.getOrDefault("sgrp", "viewer");
		if (!user.matches("[A-Za-z0-9_.-]{1,14}")) {
			return "Error: account user name.";
		}
		if (pwd == null || pwd.isEmpty()) {
			return "Error: invalid password.";
		}
		if (users.containsKey(user)) {
			return "Error: this user name already exists, consult the system log file.";
		}
		if (!sgrp.matches("(admin|operator|viewer|ptz)(:(admin|operator|viewer|ptz))*")) {
			return "Error: invalid group.";
		}
		users.put(user, sgrp);
		if (user.equals(account) && auth != null) {
			// The device's own account (root, out of the box): its password is what it now asks for.
			setPassword(pwd);
			if (factory != null) {
				factory.accountCreated();
			}
		}
		return "Created account " + user + ".";
	}

	/** {@code action=update&user=&pwd=}: a new password (the response text is unconfirmed; see vapix-notes.md). */
	private String update(Map<String, String> q) {
		String user = q.get("user");
		String pwd = q.get("pwd");
		if (user == null || !users.containsKey(user)) {
			return "Error: account user name.";
		}
		if (pwd == null || pwd.isEmpty()) {
			return "Error: invalid password.";
		}
		if (user.equals(account) && auth != null) {
			setPassword(pwd);
		}
		return "Modified account " + user + ".";
	}

	private void setPassword(String pwd) {
		char[] pw = pwd.toCharArray();
		try {
			auth.changePassword(pw);
		} finally {
			java.util.Arrays.fill(pw, '\0');
		}
	}

	private String remove(String user) {
		// Recorded: removing a user that does not exist gives the bad-name message.
		if (user == null || users.remove(user) == null) {
			return "Error: account user name.";
		}
		return "Removed account " + user + ".";
	}

	/** The page devices answer with (recorded byte for byte, CRLF line ends). */
	private static Response page(String message, String operation) {
		String body = "<html><head><title>User accounts</title></head><body bgcolor=#ffffff>" + message
				+ "\r\n</body>\r\n\r\n</html>\r\n";
		return new Response(200, "text/html", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), operation);
	}
}
