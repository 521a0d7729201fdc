package org.palisade.ui.editor.internal;

import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;

/**
 * Colours code with the language's own lexer, so what is bold is exactly what the parser
 * takes as a keyword ({@code with-diode}, {@code kbit/s}), never a guess from a word list.
 * Runs on the UI thread over the damaged lines of a code partition: comments and strings
 * are other partitions, so no token here spans lines.
 */
final class LexicalScanner implements ITokenScanner {

	private final Lexer lexer;

	private final Map<Integer, String> tokenNames;

	private final IToken keyword;

	private final IToken number;

	private final IToken other;

	private int base;

	private int tokenOffset;

	private int tokenLength;

	LexicalScanner(Injector injector, EditorStyles styles) {
		lexer = injector.getInstance(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
		tokenNames = injector.getInstance(ITokenDefProvider.class).getTokenDefMap();
		keyword = styles.token(EditorStyles.KEYWORD);
		number = styles.token(EditorStyles.NUMBER);
		other = new Token(new TextAttribute(null));
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		String text;
		try {
			text = document.get(offset, length);
		} catch (BadLocationException e) {
			text = "";
		}
		base = offset;
		lexer.setCharStream(new ANTLRStringStream(text));
	}

	@Override
	public IToken nextToken() {
		org.antlr.runtime.Token token = lexer.nextToken();
		if (token == null || token.getType() == org.antlr.runtime.Token.EOF) {
			return Token.EOF;
		}
		CommonToken common = (CommonToken) token;
		tokenOffset = base + common.getStartIndex();
		tokenLength = common.getStopIndex() - common.getStartIndex() + 1;
		String name = tokenNames.get(token.getType());
		if (name == null) {
			return other;
		}
		if (name.startsWith("'") && name.length() > 2 && Character.isLetter(name.charAt(1))) {
			return keyword;
		}
		if ("RULE_INT".equals(name)) {
			return number;
		}
		if ("RULE_WS".equals(name)) {
			return Token.WHITESPACE;
		}
		return other;
	}

	@Override
	public int getTokenOffset() {
		return tokenOffset;
	}

	@Override
	public int getTokenLength() {
		return tokenLength;
	}
}
