package org.palisade.ui.editor.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.palisade.dsl.ide.highlighting.SiteSemanticHighlighting;

/**
 * The colours and fonts of design text, lexical and semantic. Colours are allocated once per
 * display (SWT colours need no disposal since 3.x's device-independent Color).
 */
final class EditorStyles {

	static final String KEYWORD = "keyword";
	static final String STRING = "string";
	static final String COMMENT = "comment";
	static final String NUMBER = "number";

	private final Map<String, TextAttribute> attributes = new HashMap<>();

	EditorStyles(Display display) {
		put(KEYWORD, new RGB(127, 0, 85), SWT.BOLD);
		put(STRING, new RGB(42, 0, 255), SWT.NORMAL);
		put(COMMENT, new RGB(63, 127, 95), SWT.NORMAL);
		put(NUMBER, new RGB(125, 125, 125), SWT.NORMAL);
		put(SiteSemanticHighlighting.DECLARATION, new RGB(0, 0, 192), SWT.BOLD);
		put(SiteSemanticHighlighting.REFERENCE, new RGB(0, 128, 128), SWT.ITALIC);
	}

	private void put(String id, RGB rgb, int style) {
		attributes.put(id, new TextAttribute(new Color(rgb), null, style));
	}

	/** @return the attribute of a style id, or null for an unknown one */
	TextAttribute attribute(String id) {
		return attributes.get(id);
	}
}
