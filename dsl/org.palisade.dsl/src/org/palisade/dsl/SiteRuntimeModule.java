package org.palisade.dsl;

import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinker;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.IAstFactory;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.IPartialParsingHelper;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.palisade.dsl.conversion.SiteValueConverters;
import org.palisade.dsl.linking.SiteLinker;
import org.palisade.dsl.linking.SiteResource;
import org.palisade.dsl.linking.SiteLinkingMessages;
import org.palisade.dsl.parser.SiteSyntaxErrorMessages;
import org.palisade.dsl.parser.NearbyTokenRegions;
import org.palisade.dsl.parser.QuietElementFactory;
import org.palisade.dsl.parser.SitePartialParsing;
import org.palisade.dsl.parser.SiteModelParser;
import org.palisade.dsl.scoping.SiteGlobalScopeProvider;
import org.palisade.dsl.scoping.SiteQualifiedNameConverter;
import org.palisade.dsl.scoping.SiteQualifiedNameProvider;
import org.palisade.dsl.scoping.SiteResourceDescriptionStrategy;
import org.palisade.dsl.validation.SiteDiagnostician;

import com.google.inject.Binder;
import com.google.inject.name.Names;

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

	/**
	 * EMF's generic object checks (multiplicities, proxies) repeat what the grammar and
	 * the linker already guarantee and report, at a cost on every element of a large site.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bind(Boolean.class).annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR))
				.toInstance(Boolean.FALSE);
	}

	public Class<? extends IQualifiedNameConverter> bindIQualifiedNameConverter() {
		return SiteQualifiedNameConverter.class;
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return SiteGlobalScopeProvider.class;
	}

	@Override
	public Class<? extends IParser> bindIParser() {
		return SiteModelParser.class;
	}

	public Class<? extends IAstFactory> bindIAstFactory() {
		return QuietElementFactory.class;
	}

	@Override
	public Class<? extends ILinker> bindILinker() {
		return SiteLinker.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return SiteResourceDescriptionStrategy.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return SiteLinkingMessages.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return SiteSyntaxErrorMessages.class;
	}

	/** Links again only what a keystroke replaced, when nothing else can depend on it. */
	@Override
	public Class<? extends XtextResource> bindXtextResource() {
		return SiteResource.class;
	}

	/** Partial reparses that lex from near the edit (see {@link NearbyTokenRegions}). */
	@Override
	public Class<? extends IPartialParsingHelper> bindIPartialParserHelper() {
		return SitePartialParsing.class;
	}

	public Class<? extends TokenRegionProvider> bindTokenRegionProvider() {
		return NearbyTokenRegions.class;
	}

	@Override
	public Class<? extends Diagnostician> bindDiagnostician() {
		return SiteDiagnostician.class;
	}
}
