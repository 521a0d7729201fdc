package org.palisade.ui;

/**
 * Identifiers of the Palisade workbench contributions, for other bundles and tests.
 */
public final class PalisadeUi {

	/** The bundle's symbolic name. */
	public static final String PLUGIN_ID = "org.palisade.ui";

	/** The Palisade perspective, open when the studio starts. */
	public static final String PERSPECTIVE_ID = "org.palisade.ui.perspective";

	/** The view that shows the open site: devices, wiring, schedules, rules. */
	public static final String SITE_VIEW_ID = "org.palisade.ui.views.site";

	private PalisadeUi() {
	}
}
