package org.palisade.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.palisade.dsl.conversion.SiteValueConverters;
import org.palisade.dsl.scoping.SiteGlobalScopeProvider;
import org.palisade.dsl.scoping.SiteQualifiedNameConverter;
import org.palisade.dsl.scoping.SiteQualifiedNameProvider;

/**
 * Binds the hand-written services of the perimeter language; everything else comes from
 * the generated {@link AbstractSiteRuntimeModule}.
 */
public class SiteRuntimeModule extends AbstractSiteRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return SiteValueConverters.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return SiteQualifiedNameProvider.class;
	}

	public Class<? extends IQualifiedNameConverter> bindIQualifiedNameConverter() {
		return SiteQualifiedNameConverter.class;
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return SiteGlobalScopeProvider.class;
	}
}
