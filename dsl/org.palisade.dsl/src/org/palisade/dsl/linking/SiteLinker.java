package org.palisade.dsl.linking;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.linking.impl.LinkingHelper;
import org.eclipse.xtext.linking.lazy.LazyLinker;
import org.eclipse.xtext.nodemodel.INode;
import org.palisade.dsl.scoping.SiteScopeProvider;

import com.google.inject.Inject;

/**
 * Xtext's lazy linker, with two shortcuts for large sites.
 * <ul>
 * <li>A reference whose target is declared in the same file (a site member, or a port of
 * the rule's own device) is linked at once, to the element the scope would give: no proxy
 * is built now and resolved later. Everything else (catalog entries, members of other
 * files, unknown names, which must report a linking error) gets a proxy as before.</li>
 * <li>While a resource is first loading, none of its elements has references to clear, so
 * the walk that unsets them is skipped. Relinking and reparsing clear as before.</li>
 * </ul>
 */
public class SiteLinker extends LazyLinker {

	@Inject
	private SiteScopeProvider scopes;

	@Inject
	private LinkingHelper linkingHelper;

	@Override
	protected boolean isClearAllReferencesRequired(Resource resource) {
		return !(resource instanceof Resource.Internal internal && internal.isLoading());
	}

	@Override
	protected void createAndSetProxy(EObject obj, INode node, EReference eRef) {
		if (!eRef.isMany()) {
			EObject target = null;
			try {
				target = scopes.findInFile(obj, eRef, linkingHelper.getCrossRefNodeAsString(node, true));
			} catch (IllegalNodeException e) {
				// A name the value converter rejects: the lazy path reports it.
			}
			if (target != null && eRef.getEReferenceType().isInstance(target)) {
				obj.eSet(eRef, target);
				return;
			}
		}
		super.createAndSetProxy(obj, node, eRef);
	}
}
