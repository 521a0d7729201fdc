package org.palisade.dsl.load;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * Where an {@code import "..."} of a design points: paths are relative to the importing file.
 */
public final class ImportUris {

	private ImportUris() {
	}

	/** @return the imported file's URI, or null for a blank path or one that is no URI at all */
	public static URI resolve(Resource from, String path) {
		if (path == null || path.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = URI.createURI(path);
		} catch (IllegalArgumentException e) {
			return null;
		}
		return uri.isRelative() && from.getURI() != null ? uri.resolve(from.getURI()) : uri;
	}
}
