package org.palisade.dsl.parser;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.palisade.validation.Messages;
import org.palisade.validation.SecretPatterns;

/**
 * Syntax errors that never repeat a secret and stay one readable line. ANTLR quotes the
 * offending token whole: after {@code password} that token is the password a user typed
 * without its quotes, and anywhere it may be a megabyte of binary. Here the token is shown cut
 * to {@link Messages#MAX_QUOTED} characters with control characters escaped, and not at all
 * when it follows {@code password} or {@code credentials} or looks like a secret itself.
 */
public class SiteSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	/**
	 * ANTLR's messages: "mismatched input 'x' expecting y", "extraneous input 'x' expecting y",
	 * "missing y at 'x'", "no viable alternative at input 'x'", "mismatched character 'x' ...":
	 * the quoted token, and what precedes and follows it.
	 */
	private static final Pattern TEMPLATE = Pattern
			.compile("(?s)(.*?(?:input|at|character) )'(.*?)'((?: expecting .*)?)");

	/**
	 * The clauses that open a device block, in the only order the grammar takes them. Written
	 * in another order, or after a port, ANTLR says only "expecting '}'".
	 */
	private static final Set<String> DEVICE_HEAD = Set.of("firmware", "commission", "power");

	static final String DEVICE_ORDER = "; a device block starts with 'firmware', then 'commission', then 'power',"
			+ " each at most once and in that order, before its ports, wires, rules and the rest";

	/** Keywords after which the next token is a secret, or may be one. */
	private static final Set<String> SECRET_KEYWORDS = Set.of("password", "credentials");

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage original = super.getSyntaxErrorMessage(context);
		RecognitionException e = context.getRecognitionException();
		Token previous = e == null ? null : previous(e);
		String message = original.getMessage();
		Matcher m = TEMPLATE.matcher(message == null ? "" : message);
		if (m.matches()) {
			message = m.group(1) + display(m.group(2), previous) + m.group(3);
		} else {
			// ANTLR said it differently: never fall back to a message that may hold the token.
			Token token = e == null ? null : e.token;
			message = token == null || token.getType() == Token.EOF || token.getText() == null ? "syntax error"
					: "syntax error at " + display(token.getText(), previous);
		}
		if (e != null && e.token != null && e.token.getText() != null && DEVICE_HEAD.contains(e.token.getText())) {
			message += DEVICE_ORDER;
		}
		return new SyntaxErrorMessage(readable(message), original.getIssueCode(), original.getIssueData());
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		SyntaxErrorMessage original = super.getSyntaxErrorMessage(context);
		return new SyntaxErrorMessage(readable(original.getMessage()), original.getIssueCode(), original.getIssueData());
	}

	private static String display(String text, Token previous) {
		if (previous != null && previous.getText() != null && SECRET_KEYWORDS.contains(previous.getText())) {
			return "the value after '" + previous.getText() + "' (not shown)";
		}
		if (SecretPatterns.find(text) != null) {
			return "a value that looks like a secret (not shown)";
		}
		return "'" + Messages.quote(text) + "'";
	}

	/** @return the on-channel token before the offending one, or null */
	private static Token previous(RecognitionException e) {
		if (!(e.input instanceof TokenStream tokens) || e.token == null) {
			return null;
		}
		for (int i = e.token.getTokenIndex() - 1; i >= 0; i--) {
			Token t = tokens.get(i);
			if (t.getChannel() == Token.DEFAULT_CHANNEL) {
				return t;
			}
		}
		return null;
	}

	/** Grammar names as a reader says them, on one line. */
	private static String readable(String message) {
		return Messages.escape(message.replace("RULE_STRING", "a \"quoted string\"").replace("RULE_ID", "a name")
				.replace("RULE_INT", "a number").replace("\n", " ").replace("\r", " "));
	}
}
