package org.palisade.validation.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.Storage;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SecretPatterns;

/**
 * Secrets never live in a design: credentials are references resolved at deploy time.
 * Messages never repeat a secret they found, nor any part of the text that holds it.
 */
public final class SecurityCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	/** Fields with checks of their own below. */
	private static final Set<EStructuralFeature> OWN_CHECKS = Set.of(P.getDevice_Password(), P.getRecipient_Password(),
			P.getDevice_Credentials(), P.getRecipient_Credentials(), P.getStorage_Credentials(), P.getRecipient_Url(),
			P.getStorage_Share());

	/**
	 * The text attributes of each class that {@link #checkText} reads, worked out once per class:
	 * asking every element's class for them again took most of a whole-site check in the editor.
	 */
	private static final Map<EClass, List<EAttribute>> TEXT_ATTRIBUTES = new ConcurrentHashMap<>();

	private static List<EAttribute> textAttributes(EClass type) {
		return TEXT_ATTRIBUTES.computeIfAbsent(type, t -> t.getEAllAttributes().stream()
				.filter(a -> a.getEAttributeType().getInstanceClass() == String.class && !OWN_CHECKS.contains(a))
				.toList());
	}

	private SecurityCheck() {
	}

	public static void check(Section section, Findings findings) {
		for (Device d : section.getDevices()) {
			if (d.getPassword() != null) {
				findings.error(Codes.SEC_PLAINTEXT_SECRET, d, P.getDevice_Password(), "a password is written in the "
						+ "design for " + d.getName() + "; remove it and use credentials \"<key>\", resolved from the "
						+ "secret store at deploy time");
			}
			credentials(d, P.getDevice_Credentials(), d.getCredentials(), d.getName(), findings);
			Storage storage = d.getStorage();
			if (storage != null) {
				url(storage, P.getStorage_Share(), storage.getShare(), "the share URL of " + d.getName(), findings);
				credentials(storage, P.getStorage_Credentials(), storage.getCredentials(), "the storage of " + d.getName(),
						findings);
			}
		}
		for (Recipient r : section.getRecipients()) {
			if (r.getPassword() != null) {
				findings.error(Codes.SEC_PLAINTEXT_SECRET, r, P.getRecipient_Password(), "a password is written in the "
						+ "design for recipient " + r.getName() + "; use credentials \"<key>\" instead");
			}
			url(r, P.getRecipient_Url(), r.getUrl(), "the URL of recipient " + r.getName(), findings);
			credentials(r, P.getRecipient_Credentials(), r.getCredentials(), "recipient " + r.getName(), findings);
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

	/**
	 * Every other text of the design (labels, names of streams and ports, imports, catalog
	 * descriptions...): a secret pasted anywhere is found, not only in the fields meant for one.
	 */
	public static void checkText(Design design, Findings findings) {
		for (EObject element : design.eContents()) {
			checkText(element, findings);
		}
	}

	/**
	 * The containment references of each class, worked out once per class. This check reads
	 * every element of the design on each keystroke in the editor; EMF's reflective content
	 * iterator asked each element's class for them again and was most of this check's time at
	 * 1,000 cameras ({@code palisade bench editor}, profiled).
	 */
	private static final Map<EClass, List<EReference>> CONTAINMENTS = new ConcurrentHashMap<>();

	/** Checks an element's text, then what it contains, in the order eAllContents gives. */
	private static void checkText(EObject element, Findings findings) {
		checkOwnText(element, findings);
		for (EReference containment : CONTAINMENTS.computeIfAbsent(element.eClass(), c -> List.copyOf(c.getEAllContainments()))) {
			Object value = element.eGet(containment, false);
			if (value instanceof List<?> children) {
				for (Object child : children) {
					checkText((EObject) child, findings);
				}
			} else if (value != null) {
				checkText((EObject) value, findings);
			}
		}
	}

	private static void checkOwnText(EObject element, Findings findings) {
		for (EAttribute attribute : textAttributes(element.eClass())) {
			Object value = element.eGet(attribute);
			if (value == null) {
				continue;
			}
			List<?> values = value instanceof List<?> l ? l : List.of(value);
			for (Object v : values) {
				String where = v instanceof String s ? SecretPatterns.find(s) : null;
				if (where != null) {
					findings.error(Codes.SEC_PLAINTEXT_SECRET, element, attribute, "the " + attribute.getName()
							+ " of " + describe(element) + " holds " + where + "; a design holds no secret: "
							+ "use credentials \"<key>\", resolved at deploy time");
					break;
				}
			}
		}
	}

	private static void url(EObject owner, EAttribute feature, String url, String what, Findings findings) {
		if (SecretPatterns.hasUserInfo(url)) {
			findings.error(Codes.SEC_PLAINTEXT_SECRET, owner, feature, what + " carries a user name or password; use "
					+ "credentials \"<key>\" instead");
			return;
		}
		String where = SecretPatterns.find(url);
		if (where != null) {
			findings.error(Codes.SEC_PLAINTEXT_SECRET, owner, feature, what + " holds " + where
					+ "; use credentials \"<key>\" instead");
		}
	}

	/** A reference names a secret ("site/north1"); "user:password" is the secret itself. */
	private static void credentials(EObject owner, EAttribute feature, String reference, String what, Findings findings) {
		if (reference == null) {
			return;
		}
		if (reference.indexOf(':') >= 0 || SecretPatterns.find(reference) != null) {
			findings.error(Codes.SEC_PLAINTEXT_SECRET, owner, feature, "the credentials of " + what + " hold a user "
					+ "name and password, not a reference; write a key such as credentials \"site/device\" and keep "
					+ "user:password in the secret store, resolved at deploy time");
		}
	}

	/** @return "recipient Ops", "stream of Cam", "site Yard": the nearest named element */
	private static String describe(EObject element) {
		String kind = element.eClass().getName().toLowerCase(java.util.Locale.ROOT);
		for (EObject e = element; e != null; e = e.eContainer()) {
			EStructuralFeature name = e.eClass().getEStructuralFeature("name");
			// A name that itself holds the secret is never printed.
			if (name != null && e.eGet(name) instanceof String n && SecretPatterns.find(n) == null) {
				return e == element ? kind + " " + n : kind + " of " + n;
			}
		}
		return "this " + kind;
	}
}
