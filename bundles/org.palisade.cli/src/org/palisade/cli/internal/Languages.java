package org.palisade.cli.internal;

import org.palisade.dsl.SiteStandaloneSetup;
import org.palisade.dsl.load.DesignSet;

import com.google.inject.Injector;

/**
 * The language injector, created once per process (about half a second).
 */
final class Languages {

	private static Injector injector;

	private Languages() {
	}

	static synchronized Injector injector() {
		if (injector == null) {
			injector = new SiteStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	static DesignSet designSet() {
		return injector().getInstance(DesignSet.class);
	}
}
