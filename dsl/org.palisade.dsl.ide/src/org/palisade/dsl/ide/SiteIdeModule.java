package org.palisade.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.palisade.dsl.ide.contentassist.SiteContentProposalProvider;
import org.palisade.dsl.ide.contentassist.SiteCrossrefProposalProvider;
import org.palisade.dsl.ide.highlighting.SiteSemanticHighlighting;

/**
 * The platform-neutral IDE services of the perimeter language, shared by the Studio's
 * editor (in-process) and the language server: proposals, semantic highlighting.
 */
public class SiteIdeModule extends AbstractSiteIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return SiteContentProposalProvider.class;
	}

	public Class<? extends IdeCrossrefProposalProvider> bindIdeCrossrefProposalProvider() {
		return SiteCrossrefProposalProvider.class;
	}

	public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
		return SiteSemanticHighlighting.class;
	}
}
