package org.palisade.dsl.load;

import java.nio.file.Path;

/**
 * One finding about a design file, positioned for a person and a machine to act on.
 *
 * @param file     the design file, as given or found under a given folder
 * @param line     1-based line, 0 when the finding is about the whole file
 * @param column   1-based column, 0 when unknown
 * @param severity error, warning or info
 * @param code     the rule code (ELEC-WIRE-DROP...), SYNTAX or LINK for unreadable text
 * @param message  what is wrong, the numbers behind it and how to fix it
 */
public record DesignDiagnostic(Path file, int line, int column, Severity severity, String code, String message)
		implements Comparable<DesignDiagnostic> {

	/** How bad a finding is. Errors stop a deployment. */
	public enum Severity {
		ERROR, WARNING, INFO;

		/** @return the lower-case word used in diagnostics lines and JSON */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	@Override
	public int compareTo(DesignDiagnostic o) {
		int c = file.toString().compareTo(o.file.toString());
		if (c != 0) {
			return c;
		}
		c = Integer.compare(line, o.line);
		return c != 0 ? c : Integer.compare(column, o.column);
	}

	/** @return {@code file:line:col: severity: CODE message}, the form compilers use */
	public String format() {
		// A file name may hold a line break or an escape sequence: the line stays one line.
		return org.palisade.validation.Messages.escape(file.toString()) + ":" + line + ":" + column + ": "
				+ severity.label() + ": " + code + " " + message;
	}
}
