package org.palisade.ui.editor.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.graphics.Color;

/**
 * The colours and fonts of design text, lexical and semantic, read from
 * {@link EditorColors}. The scanners hold this class's tokens, whose attributes
 * {@link #reload()} replaces in place, so a colour change needs no new scanners.
 */
final class EditorStyles {

	static final String KEYWORD = "keyword";
	static final String STRING = "string";
	static final String COMMENT = "comment";
	static final String NUMBER = "number";

	private final Map<String, TextAttribute> attributes = new HashMap<>();

	private final Map<String, Token> tokens = new HashMap<>();

	EditorStyles() {
		reload();
	}

	/** Reads the colours again from the preferences. */
	void reload() {
		for (EditorColors.Style style : EditorColors.STYLES) {
			// SWT colours need no disposal since device-independent Color (3.x).
			TextAttribute attribute = new TextAttribute(new Color(EditorColors.color(style)), null, EditorColors.fontStyle(style));
			attributes.put(style.id(), attribute);
			tokens.computeIfAbsent(style.id(), id -> new Token(null)).setData(attribute);
		}
	}

	/** @return the attribute of a style id, or null for an unknown one */
	TextAttribute attribute(String id) {
		return attributes.get(id);
	}

	/** @return the token of a style id, for the scanners; its attribute follows {@link #reload()} */
	Token token(String id) {
		return tokens.get(id);
	}
}
