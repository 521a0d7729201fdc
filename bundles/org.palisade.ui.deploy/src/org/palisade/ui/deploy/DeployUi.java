package org.palisade.ui.deploy;

/**
 * Identifiers of the Studio's deploy contributions, for other bundles and tests.
 */
public final class DeployUi {

	/** The bundle's symbolic name. */
	public static final String PLUGIN_ID = "org.palisade.ui.deploy";

	/** The Deploy view: every device of a site with its last known state. */
	public static final String VIEW_ID = "org.palisade.ui.deploy.view";

	/** The credentials preference page. */
	public static final String CREDENTIALS_PAGE_ID = "org.palisade.ui.deploy.credentials";

	/** The family of the plan and deploy jobs, to find or join them. */
	public static final Object JOB_FAMILY = DeployUi.class;

	private DeployUi() {
	}
}
