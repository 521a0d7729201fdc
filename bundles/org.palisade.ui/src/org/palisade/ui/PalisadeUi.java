package org.palisade.ui;

/**
 * Identifiers of the Palisade workbench contributions, for other bundles and tests.
 */
public final class PalisadeUi {

	/** The bundle's symbolic name. */
	public static final String PLUGIN_ID = "org.palisade.ui";

	/** The Palisade perspective, open when the studio starts. */
	public static final String PERSPECTIVE_ID = "org.palisade.ui.perspective";

	/** The project a first start creates from the bundled example. */
	public static final String EXAMPLE_PROJECT = "Harbour Depot";

	private PalisadeUi() {
	}
}
