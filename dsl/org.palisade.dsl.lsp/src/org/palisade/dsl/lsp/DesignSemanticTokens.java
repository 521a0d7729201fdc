package org.palisade.dsl.lsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.palisade.dsl.ide.highlighting.SiteSemanticHighlighting;

/**
 * The Studio's semantic highlighting as LSP semantic tokens: a declared name is a
 * {@code variable} with the {@code declaration} modifier, a name that refers to an element
 * declared elsewhere a {@code variable}. Keywords, strings and numbers are the TextMate
 * grammar's (the lexer's), as in the Studio. Xtext's default maps highlighting style ids to
 * token types by name, which fits none of the language's styles.
 */
public class DesignSemanticTokens extends SemanticTokensService {

	private static final int VARIABLE = 0;
	private static final int DECLARATION = 1;

	@Override
	protected void addTokenTypes() {
		getTokenTypes().add(SemanticTokenTypes.Variable);
	}

	@Override
	protected void addTokenModifiers() {
		getTokenModifiers().add(SemanticTokenModifiers.Deprecated);
		getTokenModifiers().add(SemanticTokenModifiers.Declaration);
	}

	@Override
	public SemanticTokens semanticTokensFull(Document document, XtextResource resource, SemanticTokensParams params,
			CancelIndicator cancel) {
		List<Integer> data = new ArrayList<>();
		if (document == null || resource == null) {
			return new SemanticTokens(data);
		}
		ISemanticHighlightingCalculator calculator = resource.getResourceServiceProvider().get(ISemanticHighlightingCalculator.class);
		record Token(int offset, int length, boolean declaration) {
		}
		List<Token> tokens = new ArrayList<>();
		calculator.provideHighlightingFor(resource,
				(offset, length, ids) -> tokens.add(new Token(offset, length, SiteSemanticHighlighting.DECLARATION.equals(ids[0]))), cancel);
		tokens.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
		// Xtext's Document.getPosition counts lines from the start each time: on a large site
		// that is quadratic, so the line starts are found once.
		int[] lines = lineStarts(document.getContents());
		int line = 0;
		int character = 0;
		for (Token token : tokens) {
			int startLine = lineOf(lines, token.offset());
			if (lineOf(lines, token.offset() + token.length()) != startLine) {
				continue; // a token may not span lines unless the client says it can; names never do
			}
			int startCharacter = token.offset() - lines[startLine];
			data.add(startLine - line);
			data.add(startLine == line ? startCharacter - character : startCharacter);
			data.add(token.length());
			data.add(VARIABLE);
			data.add(token.declaration() ? 1 << DECLARATION : 0);
			line = startLine;
			character = startCharacter;
		}
		return new SemanticTokens(data);
	}

	/** @return the offset each line starts at (a line ends with \n, \r\n or \r, as LSP counts them) */
	static int[] lineStarts(String text) {
		int[] starts = new int[16];
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
				if (count == starts.length) {
					starts = java.util.Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return java.util.Arrays.copyOf(starts, count);
	}

	/** @return the line an offset is on */
	static int lineOf(int[] starts, int offset) {
		int found = java.util.Arrays.binarySearch(starts, offset);
		return found >= 0 ? found : -found - 2;
	}
}
