package org.palisade.deploy.vapix;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.palisade.deploy.vapix.internal.Failures;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

/**
 * {@code /axis-cgi/pwdgrp.cgi} ([SYS] in vapix-notes.md, "pwdgrp.cgi and user groups"): the root
 * account of a factory-new device, and its password. The device answers success and failure alike
 * with HTTP 200 and an HTML page whose message starts with {@code Error:} on failure (recorded).
 * <p>
 * Passwords go in a form-encoded POST body, never in the URL ([SYS] advises the body; a URL ends up
 * in access logs), and are registered as the request's secrets, so that no message of the
 * transport repeats them.
 */
public final class UserAccounts {

	private static final String PATH = "/axis-cgi/pwdgrp.cgi";
	/** The groups of the root account of an Axis device (administrator, with PTZ control). */
	static final String ROOT_GROUPS = "admin:operator:viewer:ptz";

	private final HttpTransport transport;

	UserAccounts(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Creates the root account of a factory-new device, which answers this without authentication
	 * while it has no account ({@code action=add&user=root&grp=root&sgrp=admin:operator:viewer:ptz},
	 * as AXIS Device Manager's scripted equivalents send it). Not idempotent: a repeat answers "this
	 * user name already exists".
	 *
	 * @throws VapixException {@code DEVICE_ERROR} with the device's message, e.g. when the account exists
	 */
	public void createRoot(char[] password) throws VapixException {
		send("action=add&user=root&grp=root&sgrp=" + encode(ROOT_GROUPS), password, Safety.NON_IDEMPOTENT,
				"pwdgrp.cgi add root");
	}

	/**
	 * The accounts of each group ({@code action=get}: {@code text/plain} lines {@code admin="root,joe"},
	 * {@code operator=...}, {@code viewer=...}, {@code ptz=...}, {@code digusers=...}; [SYS]). Lines
	 * in another shape are skipped.
	 *
	 * @return group name to its accounts, in the device's order
	 */
	public java.util.Map<String, List<String>> groups() throws VapixException {
		VapixRequest req = VapixRequest.get(PATH, "action=get", Safety.READ, "pwdgrp.cgi get");
		VapixResponse r = transport.execute(req);
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
		for (String line : r.text().split("\\R")) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([A-Za-z0-9_]+)\\s*=\\s*\"?([^\"]*)\"?\\s*")
					.matcher(line);
			if (m.matches()) {
				out.put(m.group(1), m.group(2).isBlank() ? List.of()
						: java.util.Arrays.stream(m.group(2).split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList());
			}
		}
		return out;
	}

	/**
	 * Sets a new password for an existing account ({@code action=update&user=<user>&pwd=<new>}). The
	 * connection's own credentials stop working once the device has applied it.
	 */
	public void changePassword(String user, char[] password) throws VapixException {
		send("action=update&user=" + encode(user), password, Safety.IDEMPOTENT_WRITE, "pwdgrp.cgi update " + user);
	}

	private void send(String form, char[] password, Safety safety, String call) throws VapixException {
		String pwd = new String(password);
		String encoded = encode(pwd);
		VapixRequest req = VapixRequest.post(PATH, (form + "&pwd=" + encoded).getBytes(StandardCharsets.UTF_8),
				"application/x-www-form-urlencoded", safety, call).withSecrets(List.of(pwd, encoded));
		VapixResponse r = transport.execute(req);
		String message = message(r.text());
		if (message != null && message.startsWith("Error")) {
			throw Failures.deviceError(transport.device(), req, r, message, null);
		}
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
	}

	/** @return the text of the answer page without its HTML, or {@code null} */
	static String message(String page) {
		if (page == null) {
			return null;
		}
		String text = page.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")
				.strip();
		return text.isEmpty() ? null : text;
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
