package org.palisade.model.util;

import org.eclipse.emf.ecore.EObject;
import org.palisade.model.site.Device;
import org.palisade.model.site.Network;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Schedule;

/**
 * The elements named within a site (devices, schedules, recipients, networks): names
 * that rules and wiring refer to and that must be unique across the site's files.
 */
public final class SiteMembers {

	private SiteMembers() {
	}

	/** @return the element's name if it is a site member, otherwise null */
	public static String name(EObject element) {
		if (element instanceof Device d) {
			return d.getName();
		}
		if (element instanceof Schedule s) {
			return s.getName();
		}
		if (element instanceof Recipient r) {
			return r.getName();
		}
		if (element instanceof Network n) {
			return n.getName();
		}
		return null;
	}
}
