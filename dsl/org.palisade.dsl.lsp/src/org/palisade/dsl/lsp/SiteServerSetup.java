package org.palisade.dsl.lsp;

import org.eclipse.xtext.util.Modules2;
import org.palisade.dsl.SiteRuntimeModule;
import org.palisade.dsl.ide.SiteIdeModule;
import org.palisade.dsl.ide.SiteIdeSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The language's injector for the server: the Studio's modules (runtime + ide) with the
 * server's bindings on top, so that every rule, scope and proposal is the same object graph.
 */
public class SiteServerSetup extends SiteIdeSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new SiteRuntimeModule(), new SiteIdeModule(), new SiteServerModule()));
	}
}
