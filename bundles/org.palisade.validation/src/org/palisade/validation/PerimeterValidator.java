package org.palisade.validation;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.palisade.model.site.Design;
import org.palisade.model.site.DesignElement;
import org.palisade.model.site.Section;
import org.palisade.validation.internal.DoorCheck;
import org.palisade.validation.internal.ElectricalCheck;
import org.palisade.validation.internal.IdentityCheck;
import org.palisade.validation.internal.NetworkCheck;
import org.palisade.validation.internal.PtzCheck;
import org.palisade.validation.internal.RuleCheck;
import org.palisade.validation.internal.ScheduleCheck;
import org.palisade.validation.internal.HttpsOnlyCheck;
import org.palisade.validation.internal.SecurityCheck;
import org.palisade.validation.internal.VideoCheck;

/**
 * The design rules, headless: the Xtext validator (as you type), the CLI and the diagrams
 * all call this. Figures come from the device catalog, never from constants here.
 * <p>
 * Tolerates incomplete models (unresolved references, missing values) as the parser
 * produces them while a person types: such elements are skipped, never a crash.
 */
public final class PerimeterValidator {

	/**
	 * Checks every site and area of a design file.
	 *
	 * @return findings about elements of the design's own resource only (findings about a
	 *         site's other files are reported when those files are checked)
	 */
	public List<Finding> validate(Design design) {
		Findings findings = new Findings();
		SecurityCheck.checkText(design, findings);
		for (DesignElement element : design.getElements()) {
			if (element instanceof Section section) {
				check(section, findings);
			}
		}
		Resource own = design.eResource();
		if (own == null) {
			return findings.all();
		}
		return findings.all().stream().filter(f -> f.target() != null && f.target().eResource() == own).toList();
	}

	private static void check(Section section, Findings findings) {
		SiteContext site = SiteContext.of(section);
		ElectricalCheck.check(section, findings);
		ScheduleCheck.check(section, site, findings);
		RuleCheck.check(section, site, findings);
		NetworkCheck.check(section, site, findings);
		IdentityCheck.check(section, site, findings);
		SecurityCheck.check(section, findings);
		HttpsOnlyCheck.check(section, site, findings);
		VideoCheck.check(section, site, findings);
		PtzCheck.check(section, site, findings);
		DoorCheck.check(section, site, findings);
		org.palisade.validation.internal.VmsCheck.check(section, site, findings);
	}
}
