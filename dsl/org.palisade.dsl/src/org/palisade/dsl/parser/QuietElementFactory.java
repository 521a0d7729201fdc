package org.palisade.dsl.parser;

import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.parser.DefaultEcoreElementFactory;

/**
 * Creates the parser's model elements with notification delivery off.
 * <p>
 * The node model is attached to every element as an adapter before its features are set,
 * so each assignment of the parser would otherwise build and dispatch a notification that
 * nobody needs: on a site of thousands of cameras that is a tenth of the load time.
 * {@link SiteModelParser} turns delivery back on for the whole parsed tree before anyone
 * else sees it.
 */
public class QuietElementFactory extends DefaultEcoreElementFactory {

	@Override
	public EObject create(EClassifier classifier) {
		EObject element = super.create(classifier);
		element.eSetDeliver(false);
		return element;
	}
}
