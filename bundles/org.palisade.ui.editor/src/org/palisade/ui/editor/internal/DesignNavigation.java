package org.palisade.ui.editor.internal;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;
import org.palisade.dsl.ide.hover.SiteDescriptions;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * What a position of a design refers to: the element a name leads to (go to definition,
 * Ctrl-click) and what to say about it (hover). Runs on the model's worker.
 */
final class DesignNavigation {

	/**
	 * Where a reference leads.
	 *
	 * @param uri        the design holding the target
	 * @param offset     the target's name
	 * @param length     its length
	 * @param linkOffset the reference's own text, to underline
	 * @param linkLength its length
	 */
	record Target(URI uri, int offset, int length, int linkOffset, int linkLength) {
	}

	private DesignNavigation() {
	}

	/** @return where the reference at an offset leads, or null if there is none */
	static Target target(XtextResource resource, int offset) {
		if (resource == null || resource.getParseResult() == null) {
			return null;
		}
		EObjectAtOffsetHelper helper = PalisadeWorkspace.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject target = helper.resolveCrossReferencedElementAt(resource, offset);
		if (target == null || target.eIsProxy() || target.eResource() == null) {
			return null;
		}
		INode link = helper.getCrossReferenceNode(resource, new TextRegion(offset, 0));
		ITextRegion region = PalisadeWorkspace.injector().getInstance(ILocationInFileProvider.class)
				.getSignificantTextRegion(target);
		return new Target(target.eResource().getURI(), region.getOffset(), region.getLength(),
				link == null ? offset : link.getOffset(), link == null ? 0 : link.getLength());
	}

	/**
	 * @return a description of what the name at an offset is or refers to (a device and its
	 *         catalog figures, a pin's role), or null when the offset is on nothing named; the
	 *         language server's hover says the same
	 */
	static String describe(XtextResource resource, int offset) {
		return SiteDescriptions.describeAt(resource, offset);
	}
}
