package org.palisade.dsl.linking;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.IDiagnosticConsumer;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.linking.impl.LinkingHelper;
import org.eclipse.xtext.linking.lazy.LazyLinker;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.palisade.model.site.Device;
import org.palisade.model.site.SitePackage;
import org.palisade.dsl.scoping.SiteScopeProvider;

import com.google.inject.Inject;

/**
 * Xtext's lazy linker, with two shortcuts for large sites.
 * <ul>
 * <li>A reference whose target is known without resolving anything (see
 * {@link SiteScopeProvider#findInFile}: members and ports of this file, catalog entries of
 * this file and the built-in catalogs when it imports nothing) is linked at once, to the
 * element the scope would give: no proxy is built now and resolved later. Everything else
 * (members of other files, unknown names, which must report a linking error) gets a proxy
 * as before.</li>
 * <li>While a resource is first loading, none of its elements has references to clear, so
 * the walk that unsets them is skipped. Relinking and reparsing clear as before.</li>
 * </ul>
 */
public class SiteLinker extends LazyLinker {

	private static final SitePackage P = SitePackage.eINSTANCE;

	@Inject
	private SiteScopeProvider scopes;

	@Inject
	private LinkingHelper linkingHelper;

	/**
	 * Links an element a partial reparse just put in place, and what it holds, without
	 * touching the rest of the model (see {@link SiteResource}): the lazy links of the rest
	 * stay valid, so their bookkeeping is not cleared as a whole-model link clears it.
	 */
	void linkReplaced(EObject replaced, IDiagnosticConsumer consumer) {
		doLinkModel(replaced, consumer);
	}

	@Override
	protected boolean isClearAllReferencesRequired(Resource resource) {
		return !(resource instanceof Resource.Internal internal && internal.isLoading());
	}

	@Override
	protected void createAndSetProxy(EObject obj, INode node, EReference eRef) {
		if (eRef == P.getTerminalEndpoint_Terminal() && obj.eGet(P.getTerminalEndpoint_Device(), false) instanceof Device device
				&& device.eGet(P.getDevice_Type(), false) == null) {
			// The wired peripheral is usually declared after the camera, so its catalog entry is not
			// linked yet: link it now (the linker links it again, to the same, when it gets there).
			List<INode> typeNodes = NodeModelUtils.findNodesForFeature(device, P.getDevice_Type());
			if (!typeNodes.isEmpty()) {
				createAndSetProxy(device, typeNodes.get(0), P.getDevice_Type());
			}
		}
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
