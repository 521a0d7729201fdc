package org.palisade.ui.deploy.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Stops the rehearsals' virtual devices when the Studio closes. */
public final class Activator implements BundleActivator {

	@Override
	public void start(BundleContext context) {
		// nothing to start: rehearsals start on demand
	}

	@Override
	public void stop(BundleContext context) {
		Rehearsals.stopAll();
	}
}
