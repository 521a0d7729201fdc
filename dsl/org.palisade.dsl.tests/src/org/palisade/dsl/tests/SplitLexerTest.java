package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.dsl.load.SyntheticSite;
import org.palisade.dsl.parser.SplitLexer;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * A large design is lexed on two threads (#16): the tokens, their lines and columns, and the
 * lexer's error messages must be those of one lexer over the whole text, whether the second
 * half's tokens are used or (a string or comment running across the split, an error in the
 * second half) dropped.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class SplitLexerTest {

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexers;

	@Inject
	private IParser parser;

	/** Large enough to be split: about 1.3 MB. */
	private static final String SITE = SyntheticSite.of(1600);

	@Test
	void aLargeDesignLexedOnTwoThreadsGivesTheTokensOfOne() {
		assertTrue(SITE.length() >= SplitLexer.LEAST_CHARS, "the text must be large enough to be split: " + SITE.length());
		SplitLexer split = assertSplitGivesTheSameTokens(SITE);
		assertTrue(split.usedTail(), "the second half's tokens were not used");
	}

	@Test
	void aCommentRunningAcrossTheSplitIsLexedByTheFirstLexer() {
		int at = SplitLexer.splitPoint(SITE);
		// From the start of a line before the split to the end of one after it (no string holds them).
		int open = SITE.lastIndexOf('\n', at - 200) + 1;
		int close = SITE.indexOf('\n', at + 100);
		String text = SITE.substring(0, open) + "/* a long note\n" + SITE.substring(open, close) + " */"
				+ SITE.substring(close);
		SplitLexer split = assertSplitGivesTheSameTokens(text);
		assertFalse(split.usedTail(), "the second half started inside a comment and was used");
	}

	@Test
	void anErrorInTheSecondHalfIsReportedAsOneLexerReportsIt() {
		int at = SplitLexer.splitPoint(SITE);
		int lineEnd = SITE.indexOf('\n', at + 5000);
		// A string that never closes: the lexer reports it, and the second half is dropped.
		String text = SITE.substring(0, lineEnd) + " \"never closed" + SITE.substring(lineEnd);
		SplitLexer split = assertSplitGivesTheSameTokens(text);
		assertFalse(split.usedTail(), "a second half with a lexer error was used");
	}

	@Test
	void theParserLexesALargeDesignOnTwoThreadsToTheSameNodeModel() {
		IParseResult result = parser.parse(new StringReader(SITE));
		assertFalse(result.hasSyntaxErrors());
		List<String> leaves = new ArrayList<>();
		for (ILeafNode leaf : result.getRootNode().getLeafNodes()) {
			leaves.add(leaf.getTotalOffset() + ":" + leaf.getTotalLength() + ":" + leaf.getTotalStartLine());
		}
		List<String> expected = new ArrayList<>();
		Lexer one = lexers.get();
		one.setCharStream(new ANTLRStringStream(SITE));
		for (Token t = one.nextToken(); t.getType() != Token.EOF; t = one.nextToken()) {
			CommonToken c = (CommonToken) t;
			expected.add(c.getStartIndex() + ":" + (c.getStopIndex() - c.getStartIndex() + 1) + ":" + c.getLine());
		}
		assertEquals(expected.size(), leaves.size());
		assertEquals(expected, leaves);
	}

	private SplitLexer assertSplitGivesTheSameTokens(String text) {
		Lexer one = lexers.get();
		one.setCharStream(new ANTLRStringStream(text));
		List<String> expected = describe(one, one);

		Lexer front = lexers.get();
		ANTLRStringStream stream = new ANTLRStringStream(text);
		front.setCharStream(stream);
		TokenSource source = SplitLexer.around(front, stream, lexers::get);
		assertNotSame(front, source);
		SplitLexer split = (SplitLexer) source;
		List<String> actual = describe(split, split);
		assertEquals(expected.size(), actual.size(), "token count");
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.get(i), actual.get(i), "token " + i);
		}
		assertSame(stream, split.getCharStream());
		return split;
	}

	private static void assertNotSame(Object unexpected, Object actual) {
		assertFalse(unexpected == actual, "a large text was not split");
	}

	/** @return each token as type, offsets, line, column, text and the lexer's error message */
	private static List<String> describe(TokenSource source, Lexer errors) {
		List<String> tokens = new ArrayList<>();
		for (Token t = source.nextToken(); t.getType() != Token.EOF; t = source.nextToken()) {
			CommonToken c = (CommonToken) t;
			tokens.add(t.getType() + " " + c.getStartIndex() + "-" + c.getStopIndex() + " " + t.getLine() + ":"
					+ t.getCharPositionInLine() + " " + t.getChannel() + " " + t.getText() + " " + errors.getErrorMessage(t));
		}
		return tokens;
	}
}
