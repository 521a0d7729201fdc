package org.palisade.dsl;

import java.util.Map;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.xtext.XtextPackage;
import org.eclipse.xtext.resource.impl.BinaryGrammarResourceFactoryImpl;
import org.palisade.model.site.SitePackage;

import com.google.inject.Injector;

/**
 * Initializes the language outside OSGi (CLI, tests, benchmarks).
 */
public class SiteStandaloneSetup extends SiteStandaloneSetupGenerated {

	public static void doSetup() {
		new SiteStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	/**
	 * The generated set-up first calls {@code TerminalsStandaloneSetup.doSetup()}, which registers
	 * the resource factories and the Xtext package below and then builds a Guice injector for
	 * Xtext's Terminals grammar and drops it (its {@code register} does nothing): a sixth of a cold
	 * {@code validate} of a small design, for nothing (#16, profiled). The registrations are kept,
	 * as that method makes them (only where none is), without that injector. The language's
	 * grammar access reads the Terminals grammar from its own injector, as before.
	 */
	@Override
	public Injector createInjectorAndDoEMFRegistration() {
		Map<String, Object> factories = Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap();
		factories.computeIfAbsent("ecore", e -> new EcoreResourceFactoryImpl());
		factories.computeIfAbsent("xmi", e -> new XMIResourceFactoryImpl());
		factories.computeIfAbsent("xtextbin", e -> new BinaryGrammarResourceFactoryImpl());
		if (!EPackage.Registry.INSTANCE.containsKey(XtextPackage.eNS_URI)) {
			EPackage.Registry.INSTANCE.put(XtextPackage.eNS_URI, XtextPackage.eINSTANCE);
		}
		Injector injector = createInjector();
		register(injector);
		return injector;
	}

	@Override
	public void register(Injector injector) {
		// The generated setup registers inferred packages only; ours is imported, and
		// outside OSGi no plugin.xml extension registers it.
		EPackage.Registry.INSTANCE.putIfAbsent(SitePackage.eNS_URI, SitePackage.eINSTANCE);
		super.register(injector);
	}
}
