package org.palisade.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.palisade.model.site.Design;
import org.palisade.model.site.DesignElement;

/**
 * Indexes what {@link SiteQualifiedNameProvider} names, without visiting what it never
 * names: exported elements are sites, catalog entries and the members of sites and areas,
 * so nothing below a member (a device's ports, wires and rules; a catalog entry's pins) is
 * visited. On a large site that is most of the file.
 */
public class SiteResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	@Override
	public boolean createEObjectDescriptions(EObject eObject, IAcceptor<IEObjectDescription> acceptor) {
		super.createEObjectDescriptions(eObject, acceptor);
		return eObject instanceof Design || eObject instanceof DesignElement;
	}
}
