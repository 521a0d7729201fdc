package org.palisade.validation;

/**
 * How messages quote what a user wrote: a message is always one readable line, whatever the
 * input held. A quoted token is cut to {@link #MAX_QUOTED} characters, and control and other
 * non-printable characters are written as Java-style escapes (backslash, u, four hex digits), so that a NUL, an escape
 * sequence or a megabyte-long token can neither break a terminal nor flood a log.
 */
public final class Messages {

	/** The most characters of input a message quotes. */
	public static final int MAX_QUOTED = 60;

	private Messages() {
	}

	/** @return the text cut to {@link #MAX_QUOTED} characters ("..." marks a cut) and escaped */
	public static String quote(String text) {
		if (text == null) {
			return "";
		}
		int cut = text.codePointCount(0, text.length()) > MAX_QUOTED ? text.offsetByCodePoints(0, MAX_QUOTED - 3) : -1;
		return escape(cut < 0 ? text : text.substring(0, cut)) + (cut < 0 ? "" : "...");
	}

	/** @return the text with control, format and unassigned characters as backslash-u escapes */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder b = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (printable(c)) {
				if (b != null) {
					b.append(c);
				}
			} else {
				if (b == null) {
					b = new StringBuilder(text.length() + 8).append(text, 0, i);
				}
				b.append(String.format("\\u%04x", (int) c));
			}
		}
		return b == null ? text : b.toString();
	}

	private static boolean printable(char c) {
		if (c >= 0x20 && c < 0x7f) {
			return true;
		}
		return switch (Character.getType(c)) {
		case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.LINE_SEPARATOR,
				Character.PARAGRAPH_SEPARATOR -> false;
		// A lone surrogate half is no character; a pair is (an emoji is readable).
		case Character.SURROGATE -> true;
		default -> true;
		};
	}
}
