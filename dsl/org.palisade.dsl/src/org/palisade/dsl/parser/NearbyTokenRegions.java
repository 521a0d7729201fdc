package org.palisade.dsl.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * Widens an edit to whole tokens, lexing from a token boundary just before the edit rather
 * than from the start of the text. Xtext's provider lexes everything in front of the edit on
 * every keystroke: half the file on average, a third of a keystroke's reparse in a
 * 1,000-camera design ({@code palisade bench editor}, profiled).
 * <p>
 * Any token that starts and ends before the edit is unchanged by it, so the start of the
 * leaf node found {@value #MARGIN} characters before the edit in the previous node model is a
 * token boundary of the new text too; the margin covers the lexer's look-ahead. Without a
 * previous node model (a reparse not run by {@link SitePartialParsing}), Xtext's own
 * behaviour applies.
 */
public class NearbyTokenRegions extends TokenRegionProvider {

	/** How far before the edit the lexer starts, at least: far more than its look-ahead. */
	static final int MARGIN = 256;

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexers;

	@Override
	public ITextRegion getTokenRegion(String text, ITextRegion region) {
		int start = boundaryBefore(region.getOffset());
		if (start <= 0) {
			return super.getTokenRegion(text, region);
		}
		ANTLRStringStream input = new ANTLRStringStream(text);
		input.seek(start);
		Lexer lexer = lexers.get();
		lexer.setCharStream(input);
		// The same walk as Xtext's, from a boundary instead of from 0.
		int currentStart = start;
		int currentEnd = start;
		int regionStart = region.getOffset();
		int regionEnd = regionStart + region.getLength();
		CommonToken next = (CommonToken) lexer.nextToken();
		while (next != Token.EOF_TOKEN && currentEnd <= regionStart) {
			currentStart = next.getStartIndex();
			currentEnd = next.getStopIndex() + 1;
			next = (CommonToken) lexer.nextToken();
		}
		while (next != Token.EOF_TOKEN && currentEnd < regionEnd) {
			currentEnd = next.getStopIndex() + 1;
			next = (CommonToken) lexer.nextToken();
		}
		return currentStart != regionStart || currentEnd != regionEnd
				? new TextRegion(currentStart, currentEnd - currentStart)
				: region;
	}

	/** @return the start of a token well before an offset, or 0 when none is known */
	private static int boundaryBefore(int offset) {
		ICompositeNode root = SitePartialParsing.previousRoot();
		if (root == null || offset - MARGIN <= 0 || offset > root.getTotalEndOffset()) {
			return 0;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset - MARGIN);
		return leaf == null ? 0 : leaf.getTotalOffset();
	}
}
