package org.palisade.dsl.scoping;

import java.util.LinkedHashSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.palisade.catalog.BuiltInCatalogs;
import org.palisade.dsl.load.ImportUris;
import org.palisade.model.site.Design;
import org.palisade.model.site.Import;

import com.google.inject.Inject;

/**
 * A design sees what it imports ({@code import "north.perimeter"}) plus the catalogs
 * shipped with Palisade, which every design can use without importing them.
 */
public class SiteGlobalScopeProvider extends ImportUriGlobalScopeProvider {

	private static final java.util.List<URI> BUILT_IN = BuiltInCatalogs.locations().stream()
			.map(uri -> URI.createURI(uri.toString()))
			.toList();

	@Inject
	private IResourceScopeCache cache;

	/**
	 * Imports stand only at the head of a design, so only those are read; the default walks
	 * every element of the file looking for an importURI attribute, which on a large site
	 * costs more than linking it.
	 */
	@Override
	protected LinkedHashSet<URI> getImportedUris(Resource resource) {
		return cache.get(SiteGlobalScopeProvider.class, resource, () -> {
			LinkedHashSet<URI> uris = new LinkedHashSet<>();
			IAcceptor<String> collector = createURICollector(resource, uris);
			for (EObject root : resource.getContents()) {
				if (root instanceof Design design) {
					for (Import i : design.getImports()) {
						if (i.getImportURI() != null) {
							collector.accept(i.getImportURI());
						}
					}
				}
			}
			// A remote import is refused (IMPORT-MISSING) without asking the network whether it exists.
			uris.removeIf(uri -> ImportUris.isRemote(uri) || !EcoreUtil2.isValidUri(resource, uri));
			for (URI catalog : BUILT_IN) {
				if (!catalog.equals(resource.getURI())) {
					uris.add(catalog);
				}
			}
			return uris;
		});
	}

	/** @return the locations of the built-in catalogs, as EMF URIs */
	public static java.util.List<URI> builtInCatalogs() {
		return BUILT_IN;
	}
}
