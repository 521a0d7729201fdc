package org.palisade.dsl.load;

import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * Where an {@code import "..."} of a design points: paths are relative to the importing file.
 */
public final class ImportUris {

	/** Schemes of local files (on disk, in the workspace, in a bundle). */
	private static final Set<String> LOCAL = Set.of("file", "platform", "bundleresource", "bundleentry", "archive");

	private ImportUris() {
	}

	/**
	 * @return the imported file's URI, or null for a blank path, one that is no URI at all, or
	 *         one on the network
	 */
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
		if (isRemote(uri)) {
			return null;
		}
		return uri.isRelative() && from.getURI() != null ? uri.resolve(from.getURI()) : uri;
	}

	/**
	 * @return whether the URI names something on the network: imports are files, and checking
	 *         whether an http: import exists would send a request, with any user-info in it, to
	 *         a server while validating
	 */
	public static boolean isRemote(URI uri) {
		// A one-letter scheme is a Windows drive ("C:/sites/yard.perimeter").
		return uri.scheme() != null && uri.scheme().length() > 1
				&& !LOCAL.contains(uri.scheme().toLowerCase(java.util.Locale.ROOT));
	}
}
