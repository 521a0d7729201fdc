package org.palisade.dsl.parser;

import java.util.Iterator;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.TokenSource;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.IParseResult;
import org.palisade.dsl.parser.antlr.SiteParser;

/**
 * The generated parser, with notification delivery restored on everything it built (see
 * {@link QuietElementFactory}). Every parse, full or partial, runs through
 * {@link #doParse(String, CharStream, NodeModelBuilder, int)}, so no caller ever receives an
 * element that stays silent. A large text is lexed on two threads ({@link SplitLexer}).
 */
public class SiteModelParser extends SiteParser {

	@Override
	protected TokenSource createLexer(CharStream stream) {
		TokenSource lexer = super.createLexer(stream);
		return lexer instanceof Lexer front ? SplitLexer.around(front, stream, () -> getLexerProvider().get()) : lexer;
	}

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder,
			int initialLookAhead) {
		IParseResult result = super.doParse(ruleName, in, nodeModelBuilder, initialLookAhead);
		EObject root = result.getRootASTElement();
		SitePartialParsing.parsed(root);
		if (root != null) {
			root.eSetDeliver(true);
			for (Iterator<EObject> it = root.eAllContents(); it.hasNext();) {
				it.next().eSetDeliver(true);
			}
		}
		return result;
	}
}
