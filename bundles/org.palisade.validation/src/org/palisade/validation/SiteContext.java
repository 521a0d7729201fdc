package org.palisade.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.palisade.model.site.Area;
import org.palisade.model.site.Device;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Section;
import org.palisade.model.site.Site;

/**
 * A whole site: the site element and every area of it loaded in the same resource set.
 * Site-wide rules (duplicate addresses, names) look at all of it, whichever file is being
 * checked.
 */
public final class SiteContext {

	private final Site site;
	private final List<Section> sections;

	private SiteContext(Site site, List<Section> sections) {
		this.site = site;
		this.sections = sections;
	}

	/**
	 * @param section a site or an area
	 * @return the context of the site the section belongs to; for an area whose site is
	 *         unresolved, a context of that area alone (site() is null)
	 */
	public static SiteContext of(Section section) {
		Site site = section instanceof Site s ? s : siteOf((Area) section);
		if (site == null) {
			return new SiteContext(null, List.of(section));
		}
		List<Section> sections = new ArrayList<>();
		sections.add(site);
		ResourceSet resourceSet = site.eResource() == null ? null : site.eResource().getResourceSet();
		if (resourceSet == null) {
			if (section != site) {
				sections.add(section);
			}
		} else {
			for (Resource resource : List.copyOf(resourceSet.getResources())) {
				for (EObject root : resource.getContents()) {
					for (EObject element : root.eContents()) {
						if (element instanceof Area area && siteOf(area) == site) {
							sections.add(area);
						}
					}
				}
			}
		}
		return new SiteContext(site, Collections.unmodifiableList(sections));
	}

	private static Site siteOf(Area area) {
		Site site = area.getSite();
		return site == null || site.eIsProxy() ? null : site;
	}

	/** @return the site, or null for an area whose site is not found */
	public Site site() {
		return site;
	}

	/** @return the site and its areas */
	public List<Section> sections() {
		return sections;
	}

	/** @return every device of the site, in declaration order */
	public List<Device> devices() {
		List<Device> devices = new ArrayList<>();
		sections.forEach(s -> devices.addAll(s.getDevices()));
		return devices;
	}

	/** @return every schedule of the site */
	public List<Schedule> schedules() {
		List<Schedule> schedules = new ArrayList<>();
		sections.forEach(s -> schedules.addAll(s.getSchedules()));
		return schedules;
	}

	/** @return every recipient of the site */
	public List<Recipient> recipients() {
		List<Recipient> recipients = new ArrayList<>();
		sections.forEach(s -> recipients.addAll(s.getRecipients()));
		return recipients;
	}
}
