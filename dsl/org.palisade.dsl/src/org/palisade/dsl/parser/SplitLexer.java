package org.palisade.dsl.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.parser.antlr.Lexer;

/**
 * Lexes a large text on two cores: the second half on a thread of its own while the first half
 * is lexed as ever, then hands out the second half's tokens when the first half's lexer reaches
 * the point where the second one started.
 * <p>
 * Lexing is a fifth of a cold {@code validate} of a 10,000-camera design (#16, profiled), all of
 * it before the parser starts. The language's lexer keeps nothing from one token to the next, so
 * from any point where a token starts it produces the same tokens whoever starts it there. The
 * second half starts after a line break and its indentation, and is used only when the first
 * half's lexer reaches exactly that point (not inside a string or comment that runs across it)
 * and lexed all of it without an error: otherwise its work is dropped and the first lexer goes
 * on alone, so the tokens are always the ones a single lexer gives. The second half's tokens
 * read their text from a stream over the same characters, positioned by consuming them (line
 * numbers and columns counted as the single lexer counts them).
 */
public final class SplitLexer extends Lexer {

	/** Texts shorter than this are lexed on one thread (a thread costs more than it saves). */
	public static final int LEAST_CHARS = 1 << 20;

	private final Lexer front;

	private final int split;

	private final Thread back;

	/** Set by {@link #back} when it lexed to the end without an error; read after joining it. */
	private List<Token> tail;

	private volatile boolean abandoned;

	private List<Token> serving;

	private int next;

	private SplitLexer(Lexer front, String text, int split, Lexer second) {
		super(front.getCharStream());
		this.front = front;
		this.split = split;
		this.back = new Thread(() -> lexTail(text, second), "palisade-lexer");
		back.setDaemon(true);
	}

	/**
	 * @param front  the lexer set on the whole text, as the parser made it
	 * @param lexers makes a second lexer of the language
	 * @return {@code front}, or for a large text a token source lexing its second half on a second
	 *         thread
	 */
	public static TokenSource around(Lexer front, CharStream stream, Supplier<Lexer> lexers) {
		if (stream == null || stream.size() < LEAST_CHARS || stream.index() != 0) {
			return front;
		}
		String text = stream.substring(0, stream.size() - 1);
		int split = splitPoint(text);
		if (split < 0) {
			return front;
		}
		SplitLexer lexer = new SplitLexer(front, text, split, lexers.get());
		lexer.back.start();
		return lexer;
	}

	/** @return the first character after a line break and its indentation past the middle, or -1 */
	public static int splitPoint(String text) {
		int lineBreak = text.indexOf('\n', text.length() / 2);
		if (lineBreak < 0) {
			return -1;
		}
		int at = lineBreak + 1;
		while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
			at++;
		}
		return at < text.length() ? at : -1;
	}

	private void lexTail(String text, Lexer second) {
		try {
			ANTLRStringStream in = new ANTLRStringStream(text);
			in.seek(split);
			second.setCharStream(in);
			List<Token> tokens = new ArrayList<>(text.length() / 8);
			for (Token t = second.nextToken(); t.getType() != Token.EOF; t = second.nextToken()) {
				if (t.getType() == Token.INVALID_TOKEN_TYPE || abandoned) {
					// Its message is the first lexer's to give, when it gets there.
					return;
				}
				tokens.add(t);
			}
			tail = tokens;
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
			// The first lexer lexes it all, and meets whatever this met itself.
		}
	}

	@Override
	public Token nextToken() {
		if (serving != null) {
			return next < serving.size() ? serving.get(next++) : Token.EOF_TOKEN;
		}
		if (!abandoned && front.getCharStream().index() >= split) {
			abandoned = true;
			List<Token> done = joinTail();
			if (done != null && front.getCharStream().index() == split) {
				serving = done;
				return nextToken();
			}
		}
		return front.nextToken();
	}

	private List<Token> joinTail() {
		try {
			back.join();
			return tail;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** @return whether the second half's tokens were used (tests) */
	public boolean usedTail() {
		return serving != null;
	}

	@Override
	public String getErrorMessage(Token t) {
		// Only the first lexer's tokens can be errors: a second half with one is dropped.
		return front.getErrorMessage(t);
	}

	@Override
	public CharStream getCharStream() {
		return front.getCharStream();
	}

	@Override
	public String getSourceName() {
		return front.getSourceName();
	}

	@Override
	public String getGrammarFileName() {
		return front.getGrammarFileName();
	}

	@Override
	public String[] getTokenNames() {
		return front.getTokenNames();
	}

	@Override
	public void mTokens() {
		throw new UnsupportedOperationException("SplitLexer hands out its lexers' tokens");
	}
}
