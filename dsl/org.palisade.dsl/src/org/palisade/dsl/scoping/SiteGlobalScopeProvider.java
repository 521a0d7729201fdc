package org.palisade.dsl.scoping;

import java.util.LinkedHashSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.palisade.catalog.BuiltInCatalogs;

/**
 * A design sees what it imports ({@code import "north.perimeter"}) plus the catalogs
 * shipped with Palisade, which every design can use without importing them.
 */
public class SiteGlobalScopeProvider extends ImportUriGlobalScopeProvider {

	private static final java.util.List<URI> BUILT_IN = BuiltInCatalogs.locations().stream()
			.map(uri -> URI.createURI(uri.toString()))
			.toList();

	@Override
	protected LinkedHashSet<URI> getImportedUris(Resource resource) {
		LinkedHashSet<URI> uris = new LinkedHashSet<>(super.getImportedUris(resource));
		for (URI catalog : BUILT_IN) {
			if (!catalog.equals(resource.getURI())) {
				uris.add(catalog);
			}
		}
		return uris;
	}

	/** @return the locations of the built-in catalogs, as EMF URIs */
	public static java.util.List<URI> builtInCatalogs() {
		return BUILT_IN;
	}
}
