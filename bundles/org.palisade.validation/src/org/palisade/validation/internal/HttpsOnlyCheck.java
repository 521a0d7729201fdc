package org.palisade.validation.internal;

import java.net.URI;

import org.eclipse.emf.ecore.EObject;
import org.palisade.model.site.Device;
import org.palisade.model.site.DoorAction;
import org.palisade.model.site.PtzAction;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;

/**
 * SEC-HTTPS-ONLY (issue #17): a device the design commissions "HTTPS only" refuses plain HTTP, so
 * anything of the design that calls it over plain HTTP would fail on site, silently, when the alarm
 * comes: a recipient that plays its clips without 'https' or whose URL is http:// to its address,
 * a PTZ move or a door command without 'https'.
 */
public final class HttpsOnlyCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	private HttpsOnlyCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		for (Recipient r : section.getRecipients()) {
			Device speaker = r.getSpeaker();
			if (speaker != null && !speaker.eIsProxy() && speaker.isHttpsOnly() && !r.isSecure()) {
				findings.error(Codes.SEC_HTTPS_ONLY, r, P.getRecipient_Speaker(), "recipient " + r.getName() + " plays "
						+ speaker.getName() + "'s clips over plain HTTP, but " + speaker.getName() + " is commissioned"
						+ " https-only and refuses it; add 'https' after the clip number");
			}
			Device target = r.getUrl() == null ? null : byAddress(site, host(r.getUrl()));
			if (target != null && target.isHttpsOnly() && r.getUrl().regionMatches(true, 0, "http:", 0, 5)) {
				findings.error(Codes.SEC_HTTPS_ONLY, r, P.getRecipient_Url(), "recipient " + r.getName() + " calls "
						+ target.getName() + " at " + target.getAddress() + " over plain http://, but " + target.getName()
						+ " is commissioned https-only and refuses it; use an https:// URL");
			}
		}
		for (Device d : section.getDevices()) {
			// Actions are only ever a rule's; walking everything a device holds cost a tenth of
			// a keystroke's check at 1,000 cameras.
			for (org.palisade.model.site.Rule rule : d.getRules()) {
				EObject o = rule.getAction();
				if (o instanceof PtzAction a && a.getPtz() != null && !a.getPtz().eIsProxy() && a.getPtz().isHttpsOnly()
						&& !a.isSecure()) {
					findings.error(Codes.SEC_HTTPS_ONLY, a, P.getPtzAction_Preset(), d.getName() + " moves "
							+ a.getPtz().getName() + " over plain HTTP, but " + a.getPtz().getName() + " is commissioned"
							+ " https-only and refuses it; add 'https' after the preset");
				} else if (o instanceof DoorAction a && a.getController() != null && !a.getController().eIsProxy()
						&& a.getController().isHttpsOnly() && !a.isSecure()) {
					findings.error(Codes.SEC_HTTPS_ONLY, a, P.getDoorAction_Door(), d.getName() + " commands "
							+ a.getController().getName() + " over plain HTTP, but " + a.getController().getName()
							+ " is commissioned https-only and refuses it; add 'https' after the door");
				}
			}
		}
	}

	private static String host(String url) {
		try {
			return URI.create(url.strip()).getHost();
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Device byAddress(SiteContext site, String host) {
		if (host == null) {
			return null;
		}
		return site.devices().stream().filter(d -> host.equals(d.getAddress())).findFirst().orElse(null);
	}
}
