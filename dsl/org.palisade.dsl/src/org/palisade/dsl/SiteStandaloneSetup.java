package org.palisade.dsl;

import org.eclipse.emf.ecore.EPackage;
import org.palisade.model.site.SitePackage;

import com.google.inject.Injector;

/**
 * Initializes the language outside OSGi (CLI, tests, benchmarks).
 */
public class SiteStandaloneSetup extends SiteStandaloneSetupGenerated {

	public static void doSetup() {
		new SiteStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	@Override
	public void register(Injector injector) {
		// The generated setup registers inferred packages only; ours is imported, and
		// outside OSGi no plugin.xml extension registers it.
		EPackage.Registry.INSTANCE.putIfAbsent(SitePackage.eNS_URI, SitePackage.eINSTANCE);
		super.register(injector);
	}
}
