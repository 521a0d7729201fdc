package org.palisade.catalog;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;

/**
 * The device catalogs shipped with Palisade. They are data (.perimeter files in the
 * bundle's {@code catalog/} folder), visible to every design without an import.
 */
public final class BuiltInCatalogs {

	private static final List<String> FILES = List.of("axis.perimeter");

	private BuiltInCatalogs() {
	}

	/**
	 * @return the location of each built-in catalog file: a {@code bundleresource:} URL
	 *         inside OSGi, a {@code file:} or {@code jar:} URL outside
	 */
	public static List<java.net.URI> locations() {
		return FILES.stream().map(BuiltInCatalogs::locate).toList();
	}

	private static java.net.URI locate(String file) {
		URL url = BuiltInCatalogs.class.getResource("/catalog/" + file);
		if (url == null) {
			throw new IllegalStateException("built-in catalog missing from the org.palisade.catalog bundle: catalog/" + file);
		}
		try {
			return url.toURI();
		} catch (URISyntaxException e) {
			throw new IllegalStateException("unusable location of catalog/" + file + ": " + url, e);
		}
	}
}
