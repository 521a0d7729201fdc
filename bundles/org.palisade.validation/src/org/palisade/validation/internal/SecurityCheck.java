package org.palisade.validation.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.palisade.model.site.Device;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.Storage;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;

/**
 * Secrets never live in a design: credentials are references resolved at deploy time.
 * Messages never repeat a secret they found.
 */
public final class SecurityCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	private SecurityCheck() {
	}

	public static void check(Section section, Findings findings) {
		for (Device d : section.getDevices()) {
			if (d.getPassword() != null) {
				findings.error(Codes.SEC_PLAINTEXT_SECRET, d, P.getDevice_Password(), "a password is written in the "
						+ "design for " + d.getName() + "; remove it and use credentials \"<key>\", resolved from the "
						+ "secret store at deploy time");
			}
			Storage storage = d.getStorage();
			if (storage != null && hasUserInfo(storage.getShare())) {
				findings.error(Codes.SEC_PLAINTEXT_SECRET, storage, P.getStorage_Share(), "the share URL of "
						+ d.getName() + " carries a user name or password; use credentials \"<key>\" instead");
			}
		}
		for (Recipient r : section.getRecipients()) {
			if (r.getPassword() != null) {
				findings.error(Codes.SEC_PLAINTEXT_SECRET, r, P.getRecipient_Password(), "a password is written in the "
						+ "design for recipient " + r.getName() + "; use credentials \"<key>\" instead");
			}
			if (hasUserInfo(r.getUrl())) {
				findings.error(Codes.SEC_PLAINTEXT_SECRET, r, P.getRecipient_Url(), "the URL of recipient " + r.getName()
						+ " carries a user name or password; use credentials \"<key>\" instead");
			}
			boolean credentials = r.getCredentials() != null
					|| r.getSpeaker() != null && !r.getSpeaker().eIsProxy() && r.getSpeaker().getCredentials() != null;
			boolean plain = r.getUrl() != null ? r.getUrl().regionMatches(true, 0, "http:", 0, 5)
					: r.getSpeaker() != null && !r.isSecure();
			if (credentials && plain) {
				findings.warning(Codes.SEC_HTTP_CREDENTIALS, r, r.getUrl() != null ? P.getRecipient_Url() : P.getRecipient_Speaker(),
						"recipient " + r.getName() + " sends credentials over plain HTTP; use "
								+ (r.getUrl() != null ? "an https:// URL" : "'https' after the clip number"));
			}
		}
	}

	private static boolean hasUserInfo(String url) {
		if (url == null) {
			return false;
		}
		try {
			return new URI(url).getRawUserInfo() != null;
		} catch (URISyntaxException e) {
			int at = url.indexOf('@');
			int scheme = url.indexOf("://");
			return scheme >= 0 && at > scheme;
		}
	}
}
