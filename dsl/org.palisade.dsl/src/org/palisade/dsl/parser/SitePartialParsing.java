package org.palisade.dsl.parser;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.impl.PartialParsingHelper;
import org.eclipse.xtext.util.ReplaceRegion;

/**
 * Xtext's partial reparse, with the node model of the text before the edit made known to
 * {@link NearbyTokenRegions} for the length of one reparse: the tokens in front of the edit
 * are unchanged, so the lexer can start near the edit instead of at the top of the file.
 */
public class SitePartialParsing extends PartialParsingHelper {

	/** The root node of the text being edited, while a reparse of it runs on this thread. */
	private static final ThreadLocal<ICompositeNode> PREVIOUS = new ThreadLocal<>();

	@Override
	public IParseResult reparse(IParser parser, IParseResult previousParseResult, ReplaceRegion changedRegion) {
		ICompositeNode outer = PREVIOUS.get();
		PREVIOUS.set(previousParseResult == null ? null : previousParseResult.getRootNode());
		try {
			return super.reparse(parser, previousParseResult, changedRegion);
		} finally {
			PREVIOUS.set(outer);
		}
	}

	/** @return the node model before the edit being reparsed on this thread, or null */
	static ICompositeNode previousRoot() {
		return PREVIOUS.get();
	}
}
