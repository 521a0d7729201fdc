package org.palisade.dsl.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.palisade.dsl.load.DesignDiagnostic.Severity;
import org.palisade.validation.Codes;
import org.palisade.validation.Messages;

/**
 * Checks on a design's text and its findings as a whole: line ends, follow-on errors, and
 * messages that stay one readable line.
 */
final class TextChecks {

	/** Codes that always stand, even after a syntax error: a secret is reported wherever it is. */
	private static final Set<String> ALWAYS = Set.of(Codes.SEC_PLAINTEXT_SECRET);

	/**
	 * A run of characters without a space longer than a quoted token (with its quotes and
	 * punctuation) can be: input that a message quoted whole.
	 */
	private static final Pattern LONG_RUN = Pattern.compile("\\S{" + (Messages.MAX_QUOTED + 9) + ",}");

	private TextChecks() {
	}

	/**
	 * @return an error at the first carriage return not followed by a line feed, or null. Such a
	 *         file (classic Mac line ends) reads as one line to the lexer.
	 */
	static DesignDiagnostic loneCarriageReturn(Path file, byte[] bytes, int offset) {
		int line = 1;
		int column = 1;
		for (int i = offset; i < bytes.length; i++) {
			if (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
				return new DesignDiagnostic(file, line, column, Severity.ERROR, "SYNTAX", "line " + line
						+ " ends with a lone carriage return (CR, as classic Mac OS saved text); save the file with "
						+ "LF or CRLF line ends");
			}
			if (bytes[i] == '\n') {
				line++;
				column = 1;
			} else if ((bytes[i] & 0xc0) != 0x80) {
				column++;
			}
		}
		return null;
	}

	/**
	 * A parser that meets a syntax error skips text to recover, and what it skipped then looks
	 * missing to the linker and the rules: errors about lines that are fine. A file with syntax
	 * errors reports the first one, and the findings on lines before it (and secrets anywhere).
	 */
	static List<DesignDiagnostic> withoutCascade(List<DesignDiagnostic> found) {
		DesignDiagnostic first = null;
		for (DesignDiagnostic d : found) {
			if (d.code().equals("SYNTAX") && (first == null || d.compareTo(first) < 0)) {
				first = d;
			}
		}
		if (first == null) {
			return found;
		}
		List<DesignDiagnostic> kept = new ArrayList<>();
		for (DesignDiagnostic d : found) {
			if (d == first || ALWAYS.contains(d.code())
					|| !d.code().equals("SYNTAX") && d.line() < first.line() && !isLinking(d)) {
				kept.add(d);
			}
		}
		return kept;
	}

	private static boolean isLinking(DesignDiagnostic d) {
		return d.code().equals("LINK") || d.code().equals(Codes.RULE_RECIPIENT) && d.message().startsWith("notify ");
	}

	/**
	 * @return the message on one line, control characters escaped, and any run of more than
	 *         {@link Messages#MAX_QUOTED} (and some) characters without a space cut
	 */
	static String oneLine(String message) {
		if (message == null) {
			return "";
		}
		String line = Messages.escape(message.replaceAll("\\s*\\R\\s*", " ").strip());
		Matcher m = LONG_RUN.matcher(line);
		if (!m.find()) {
			return line;
		}
		StringBuilder b = new StringBuilder();
		do {
			m.appendReplacement(b, Matcher.quoteReplacement(m.group().substring(0, Messages.MAX_QUOTED - 3) + "..."));
		} while (m.find());
		return m.appendTail(b).toString();
	}
}
