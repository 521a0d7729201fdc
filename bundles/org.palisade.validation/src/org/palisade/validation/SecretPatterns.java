package org.palisade.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a secret written into text: the password of a URL's user-info
 * ({@code https://user:pw@host}), a secret parameter ({@code ?password=...}, {@code pwd=},
 * {@code token=}, {@code api_key=}...), {@code password: ...}, or an HTTP authorization value
 * ({@code Bearer ...}). The answer says where the secret is, never what it is, so that a caller
 * can put it in a message.
 */
public final class SecretPatterns {

	/** Parameter names whose value is a secret. */
	private static final Pattern PARAMETER = Pattern.compile(
			"(?i)(?:^|[?&;#,\\s/])(password|passwd|pass|pwd|passphrase|secret|client_secret|token|access_token|"
					+ "auth_token|id_token|refresh_token|api_key|apikey|api-key|auth)\\s*=\\s*[^&;\\s\"']+");

	/** "password: ..." in prose; only the password words, so that "Auth: door 3" stays a label. */
	private static final Pattern STATED = Pattern.compile("(?i)\\b(password|passwd|pwd|passphrase)\\s*:\\s*\\S+");

	private static final Pattern AUTHORIZATION = Pattern.compile(
			"(?i)\\b(bearer|basic)\\s+(?=[A-Za-z0-9._~+/=-]*[0-9=+/])[A-Za-z0-9._~+/=-]{12,}");

	private static final Pattern USER_INFO = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://([^/?#@\\s]*)@");

	private SecretPatterns() {
	}

	/**
	 * @return where the text holds a secret ("a password in its user-info", "'token=' in it"), or
	 *         null when it holds none
	 */
	public static String find(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		// Each pattern needs a character most names and labels lack ("Flashing beacon" has none
		// of them); a design holds tens of thousands of strings, so the patterns run on few.
		if (text.indexOf('@') >= 0 && text.contains("://")) {
			Matcher userInfo = USER_INFO.matcher(text);
			while (userInfo.find()) {
				if (userInfo.group(1).indexOf(':') >= 0) {
					return "a password in its user-info (user:password@)";
				}
			}
		}
		if (text.indexOf('=') >= 0) {
			Matcher parameter = PARAMETER.matcher(text);
			if (parameter.find()) {
				return "a secret parameter ('" + parameter.group(1).toLowerCase(Locale.ROOT) + "=')";
			}
		}
		if (text.indexOf(':') >= 0) {
			Matcher stated = STATED.matcher(text);
			if (stated.find()) {
				return "a password ('" + stated.group(1).toLowerCase(Locale.ROOT) + ": ...')";
			}
		}
		if (text.length() >= MIN_AUTHORIZATION && mentionsAuthorization(text)) {
			Matcher authorization = AUTHORIZATION.matcher(text);
			if (authorization.find()) {
				return "an authorization value ('" + authorization.group(1) + " ...')";
			}
		}
		return null;
	}

	/** @return whether a URL carries a user name or password before its host */
	public static boolean hasUserInfo(String url) {
		if (url == null) {
			return false;
		}
		try {
			return new URI(url).getRawUserInfo() != null;
		} catch (URISyntaxException e) {
			return USER_INFO.matcher(url).find();
		}
	}

	/** "Basic " and twelve characters of token: nothing shorter is an authorization value. */
	private static final int MIN_AUTHORIZATION = "basic ".length() + 12;

	private static boolean mentionsAuthorization(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return lower.contains("bearer") || lower.contains("basic");
	}
}
