package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.ColorSelector;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.palisade.dsl.ide.highlighting.SiteSemanticHighlighting;

/**
 * Window &gt; Preferences &gt; Palisade &gt; Editor Colours: colour, bold and italic for
 * each kind of design text, with a preview that follows every change before it is applied.
 */
public final class EditorColorsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	/** A choice not yet applied. */
	private static final class Choice {
		RGB color;
		boolean bold;
		boolean italic;
	}

	/** The preview: a few lines of a design with each kind of text in it. */
	private static final String SAMPLE = "// Outside office hours\n"
			+ "schedule AfterHours \"After hours\" {\n"
			+ "\tMon-Fri 18:00-08:00\n"
			+ "}\n"
			+ "rule \"Beacon\" when PerimeterDefender.intrusion during AfterHours\n"
			+ "\tdo output \"Flashing beacon\" for 30 s\n";

	private final Map<String, Choice> choices = new HashMap<>();

	private List list;
	private ColorSelector color;
	private Button bold;
	private Button italic;
	private StyledText preview;

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(EditorColors.store());
		setDescription("Colours of the text in the design editor.");
	}

	@Override
	protected Control createContents(Composite parent) {
		for (EditorColors.Style style : EditorColors.STYLES) {
			Choice c = new Choice();
			c.color = EditorColors.color(style);
			int font = EditorColors.fontStyle(style);
			c.bold = (font & SWT.BOLD) != 0;
			c.italic = (font & SWT.ITALIC) != 0;
			choices.put(style.id(), c);
		}
		Composite body = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(body);
		list = new List(body, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
		for (EditorColors.Style style : EditorColors.STYLES) {
			list.add(style.label());
		}
		GridDataFactory.fillDefaults().grab(true, false).applyTo(list);
		Composite controls = new Composite(body, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(controls);
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(controls);
		new Label(controls, SWT.NONE).setText("&Colour:");
		color = new ColorSelector(controls);
		bold = new Button(controls, SWT.CHECK);
		bold.setText("&Bold");
		GridDataFactory.fillDefaults().span(2, 1).applyTo(bold);
		italic = new Button(controls, SWT.CHECK);
		italic.setText("&Italic");
		GridDataFactory.fillDefaults().span(2, 1).applyTo(italic);

		Label previewLabel = new Label(body, SWT.NONE);
		previewLabel.setText("Preview:");
		GridDataFactory.fillDefaults().span(2, 1).applyTo(previewLabel);
		preview = new StyledText(body, SWT.BORDER | SWT.READ_ONLY);
		preview.setFont(JFaceResources.getTextFont());
		preview.setText(SAMPLE);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(preview);

		list.addListener(SWT.Selection, e -> showSelected());
		color.addListener(e -> {
			selected().color = color.getColorValue();
			updatePreview();
		});
		bold.addListener(SWT.Selection, e -> {
			selected().bold = bold.getSelection();
			updatePreview();
		});
		italic.addListener(SWT.Selection, e -> {
			selected().italic = italic.getSelection();
			updatePreview();
		});
		list.select(0);
		showSelected();
		updatePreview();
		return body;
	}

	private Choice selected() {
		return choices.get(EditorColors.STYLES.get(Math.max(0, list.getSelectionIndex())).id());
	}

	private void showSelected() {
		Choice c = selected();
		color.setColorValue(c.color);
		bold.setSelection(c.bold);
		italic.setSelection(c.italic);
	}

	private void updatePreview() {
		java.util.List<StyleRange> ranges = new ArrayList<>();
		for (String keyword : new String[] { "schedule", "rule", "when", "during", "do", "output", "for", "s\n" }) {
			mark(ranges, keyword.strip(), EditorStyles.KEYWORD, keyword.endsWith("\n"));
		}
		mark(ranges, "\"After hours\"", EditorStyles.STRING, false);
		mark(ranges, "\"Beacon\"", EditorStyles.STRING, false);
		mark(ranges, "\"Flashing beacon\"", EditorStyles.STRING, false);
		mark(ranges, "// Outside office hours", EditorStyles.COMMENT, false);
		mark(ranges, "18:00-08:00", EditorStyles.NUMBER, false);
		mark(ranges, "30", EditorStyles.NUMBER, false);
		ranges.add(range(SAMPLE.indexOf("AfterHours"), "AfterHours".length(), SiteSemanticHighlighting.DECLARATION));
		ranges.add(range(SAMPLE.lastIndexOf("AfterHours"), "AfterHours".length(), SiteSemanticHighlighting.REFERENCE));
		ranges.add(range(SAMPLE.indexOf("PerimeterDefender"), "PerimeterDefender".length(), SiteSemanticHighlighting.REFERENCE));
		ranges.sort((a, b) -> Integer.compare(a.start, b.start));
		preview.setStyleRanges(ranges.toArray(StyleRange[]::new));
	}

	/** Marks every whole-word occurrence of a text (the last one only for "s" at a line end). */
	private void mark(java.util.List<StyleRange> ranges, String text, String style, boolean last) {
		int from = last ? SAMPLE.lastIndexOf(text + "\n") : 0;
		for (int at = SAMPLE.indexOf(text, from); at >= 0; at = last ? -1 : SAMPLE.indexOf(text, at + 1)) {
			int start = at;
			boolean startOk = at == 0 || !Character.isLetterOrDigit(SAMPLE.charAt(at - 1));
			int end = at + text.length();
			boolean endOk = end >= SAMPLE.length() || !Character.isLetterOrDigit(SAMPLE.charAt(end));
			if (startOk && endOk && ranges.stream().noneMatch(r -> start < r.start + r.length && r.start < end)) {
				ranges.add(range(at, text.length(), style));
			}
		}
	}

	private StyleRange range(int start, int length, String style) {
		Choice c = choices.get(style);
		StyleRange range = new StyleRange(start, length, new Color(c.color), null);
		range.fontStyle = (c.bold ? SWT.BOLD : 0) | (c.italic ? SWT.ITALIC : 0);
		return range;
	}

	@Override
	protected void performDefaults() {
		for (EditorColors.Style style : EditorColors.STYLES) {
			Choice c = choices.get(style.id());
			c.color = style.defaultColor();
			c.bold = (style.defaultStyle() & SWT.BOLD) != 0;
			c.italic = (style.defaultStyle() & SWT.ITALIC) != 0;
		}
		showSelected();
		updatePreview();
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		for (EditorColors.Style style : EditorColors.STYLES) {
			Choice c = choices.get(style.id());
			PreferenceConverter.setValue(getPreferenceStore(), style.colorKey(), c.color);
			getPreferenceStore().setValue(style.boldKey(), c.bold);
			getPreferenceStore().setValue(style.italicKey(), c.italic);
		}
		return true;
	}
}
