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

	/**
	 * Starts creating the injector on a thread of its own, for a command that will need it: the
	 * EMF packages and Guice's bindings (a third of a cold {@code validate} of a small design) are
	 * then built on the second core while the command line is parsed, instead of after it (#16,
	 * cold start). The command's own {@link #injector()} waits for it; if it failed, that call
	 * tries again and fails with the cause, reported as any failure of the command.
	 */
	static void prepare() {
		Thread setup = new Thread(() -> {
			try {
				injector();
			} catch (RuntimeException | LinkageError e) {
				// The command's own call meets it again and reports it.
			}
		}, "palisade-language-setup");
		setup.setDaemon(true);
		setup.start();
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
