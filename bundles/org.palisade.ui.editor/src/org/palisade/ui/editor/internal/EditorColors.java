package org.palisade.ui.editor.internal;

import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.palisade.dsl.ide.highlighting.SiteSemanticHighlighting;

/**
 * The colours of design text as preferences (Window &gt; Preferences &gt; Palisade &gt;
 * Editor Colours): one colour, bold and italic per kind of text. Open editors follow a
 * change at once.
 */
public final class EditorColors {

	/**
	 * One kind of text.
	 *
	 * @param id           the style id the scanners and semantic highlighting use
	 * @param label        what the preference page calls it
	 * @param defaultColor its colour out of the box
	 * @param defaultStyle SWT.BOLD, SWT.ITALIC or SWT.NORMAL
	 */
	public record Style(String id, String label, RGB defaultColor, int defaultStyle) {

		public String colorKey() {
			return "style." + id + ".color";
		}

		public String boldKey() {
			return "style." + id + ".bold";
		}

		public String italicKey() {
			return "style." + id + ".italic";
		}
	}

	/** Every kind of text, in the order the preference page lists them. */
	public static final List<Style> STYLES = List.of(
			new Style(EditorStyles.KEYWORD, "Keywords", new RGB(127, 0, 85), SWT.BOLD),
			new Style(SiteSemanticHighlighting.DECLARATION, "Declared names", new RGB(0, 0, 192), SWT.BOLD),
			new Style(SiteSemanticHighlighting.REFERENCE, "References", new RGB(0, 128, 128), SWT.ITALIC),
			new Style(EditorStyles.STRING, "Strings", new RGB(42, 0, 255), SWT.NORMAL),
			new Style(EditorStyles.NUMBER, "Numbers", new RGB(125, 125, 125), SWT.NORMAL),
			new Style(EditorStyles.COMMENT, "Comments", new RGB(63, 127, 95), SWT.NORMAL));

	private static final String BUNDLE = "org.palisade.ui.editor";

	private static ScopedPreferenceStore store;

	private EditorColors() {
	}

	/** @return the preferences of the editor's colours, with their defaults set */
	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, BUNDLE);
			for (Style style : STYLES) {
				PreferenceConverter.setDefault(store, style.colorKey(), style.defaultColor());
				store.setDefault(style.boldKey(), (style.defaultStyle() & SWT.BOLD) != 0);
				store.setDefault(style.italicKey(), (style.defaultStyle() & SWT.ITALIC) != 0);
			}
		}
		return store;
	}

	/** @return a style's colour as the preferences say */
	public static RGB color(Style style) {
		return PreferenceConverter.getColor(store(), style.colorKey());
	}

	/** @return a style's SWT font style (bold, italic) as the preferences say */
	public static int fontStyle(Style style) {
		return (store().getBoolean(style.boldKey()) ? SWT.BOLD : 0) | (store().getBoolean(style.italicKey()) ? SWT.ITALIC : 0);
	}
}
