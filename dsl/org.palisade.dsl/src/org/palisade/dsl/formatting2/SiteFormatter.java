package org.palisade.dsl.formatting2;

import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.palisade.model.site.ApplicationType;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Site;
import org.palisade.model.site.SitePackage;

/**
 * Lays a design out as a wiring plan reads: one element per line, blocks indented by a
 * tab, single spaces between words, none around the dots of {@code Beacon1.plus} and the
 * dashes of {@code Mon-Fri 18:00-08:00}. A rule's {@code do} clause may stay on the
 * rule's line or go on the next one, indented. Blank lines between elements are kept
 * (at most one), and so are comments.
 */
public class SiteFormatter extends AbstractJavaFormatter {

	private static final SitePackage P = SitePackage.eINSTANCE;

	/** Containments whose elements each start a line. */
	private static final Set<EReference> MEMBERS = Set.of(P.getDesign_Imports(), P.getDesign_Elements(),
			P.getSite_Networks(), P.getSection_Schedules(), P.getSection_Recipients(), P.getSection_Devices(),
			P.getSchedule_Intervals(), P.getDevice_Applications(), P.getDevice_Streams(), P.getDevice_Storage(),
			P.getDevice_Ports(), P.getDevice_Wires(), P.getDevice_Clips(), P.getDevice_Presets(), P.getDevice_Doors(),
			P.getDevice_Receiver(), P.getDevice_Recordings(),
			P.getDevice_Rules(),
			P.getApplicationInstance_Scenarios(), P.getCatalog_Entries(), P.getDeviceType_Pins());

	/** Keywords that start a line inside their element's block. */
	private static final Map<Class<?>, Set<String>> LINE_KEYWORDS = Map.of(
			Site.class, Set.of("timezone", "integration"),
			Device.class, Set.of("firmware", "commission", "power"),
			DeviceType.class, Set.of("terminal", "terminals", "operates", "inductive", "wire-area", "supply-limit",
					"max-pulse", "budget", "clip-slots", "factory-address", "runs", "doors", "relays"),
			ApplicationType.class, Set.of("events", "uses"));

	protected void format(Design design, IFormattableDocument doc) {
		formatElement(design, doc);
	}

	private void formatElement(EObject element, IFormattableDocument doc) {
		// A change (the diagrams, quick fixes) or a selection asks for a few regions: the elements
		// outside them are skipped, not laid out and dropped, which in a 1,000-camera site was most
		// of the time from a diagram edit to its text (bench diagram). Their parents are in range.
		// An element with no region of its own (new, not yet written) is laid out.
		if (element.eContainer() != null && getRequest().getTextRegionAccess().regionForEObject(element) != null
				&& !isInRequestedRange(element)) {
			return;
		}
		ISemanticRegion open = regionFor(element).keyword("{");
		ISemanticRegion close = regionFor(element).keyword("}");
		if (open != null && close != null) {
			doc.interior(open, close, this::indent);
		}
		ISemanticRegion first = firstRegion(element);
		if (first != null && first.getPreviousHiddenRegion().getPreviousSemanticRegion() != null) {
			IHiddenRegion before = first.getPreviousHiddenRegion();
			if (isMember(element)) {
				doc.set(before, f -> f.setNewLines(1, 1, 2));
			} else if (element.eContainer() == null || firstRegion(element.eContainer()) != first) {
				// The first word of an inline part (an endpoint, a trigger) follows its keyword.
				spaceBefore(first, before, doc);
			}
		}
		for (ISemanticRegion region : semanticRegions(element)) {
			IHiddenRegion before = region.getPreviousHiddenRegion();
			if (region == first || before.getPreviousSemanticRegion() == null) {
				continue;
			}
			if (region == close) {
				doc.set(before, f -> f.setNewLines(1, 1, 2));
			} else if (isLineKeyword(element, region)) {
				doc.set(before, f -> f.setNewLines(1, 1, 2));
			} else if (element instanceof Rule && "do".equals(region.getText())) {
				// "do" may be wrapped onto the next line, indented under the rule.
				doc.set(before, f -> {
					f.setNewLines(0, 0, 1);
					f.setSpace(" ");
				});
			} else {
				spaceBefore(region, before, doc);
			}
		}
		if (element instanceof Rule rule) {
			ISemanticRegion when = regionFor(rule).keyword("when");
			ISemanticRegion last = lastRegion(rule);
			if (when != null && last != null && when != last) {
				doc.interior(when, last, this::indent);
			}
		}
		if (open != null) {
			doc.set(open.getNextHiddenRegion(), f -> f.setNewLines(1, 1, 2));
		}
		// Every element follows the same layout rules: recurse directly rather than through
		// the polymorphic dispatch, which has a method for the root only.
		for (EObject child : element.eContents()) {
			formatElement(child, doc);
		}
	}

	private void spaceBefore(ISemanticRegion region, IHiddenRegion before, IFormattableDocument doc) {
		ISemanticRegion previous = before.getPreviousSemanticRegion();
		String text = region.getText();
		String prev = previous == null ? "" : previous.getText();
		if (previous != null && "{".equals(prev)) {
			return;
		}
		if (".".equals(text) || ".".equals(prev) || ",".equals(text) || "-".equals(text) || "-".equals(prev)) {
			doc.set(before, this::noSpace);
		} else {
			doc.set(before, this::oneSpace);
		}
	}

	private ISemanticRegion firstRegion(EObject element) {
		for (ISemanticRegion r : allSemanticRegions(element)) {
			return r;
		}
		return null;
	}

	private ISemanticRegion lastRegion(EObject element) {
		ISemanticRegion last = null;
		for (ISemanticRegion r : allSemanticRegions(element)) {
			last = r;
		}
		return last;
	}

	private static boolean isMember(EObject element) {
		return element.eContainmentFeature() != null && MEMBERS.contains(element.eContainmentFeature());
	}

	private static boolean isLineKeyword(EObject element, ISemanticRegion region) {
		for (Map.Entry<Class<?>, Set<String>> e : LINE_KEYWORDS.entrySet()) {
			if (e.getKey().isInstance(element) && e.getValue().contains(region.getText())) {
				return true;
			}
		}
		return false;
	}
}
