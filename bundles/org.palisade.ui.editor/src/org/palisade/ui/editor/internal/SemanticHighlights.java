package org.palisade.ui.editor.internal;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.custom.StyleRange;

/**
 * Semantic colours over the lexical ones. The ranges of the last check are kept in sorted
 * arrays and shifted by each document change on the UI thread (a large site has hundreds of
 * thousands of them, too many for document positions); a range an edit touches is dropped
 * until the next check.
 */
final class SemanticHighlights implements ITextPresentationListener, IDocumentListener {

	private final EditorStyles styles;

	private int[] offsets = new int[0];
	private int[] lengths = new int[0];
	private String[] styleIds = new String[0];

	SemanticHighlights(EditorStyles styles) {
		this.styles = styles;
	}

	/** Replaces the ranges (UI thread; they match the document as it is now). */
	void set(ReconcileResult.Highlights highlights) {
		offsets = highlights.offsets();
		lengths = highlights.lengths();
		styleIds = highlights.styles();
	}

	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
		// The shift is applied once the change is known to have happened.
	}

	@Override
	public void documentChanged(DocumentEvent event) {
		int start = event.getOffset();
		int end = start + event.getLength();
		int delta = (event.getText() == null ? 0 : event.getText().length()) - event.getLength();
		for (int i = firstEndingAfter(start); i < offsets.length; i++) {
			if (offsets[i] >= end) {
				offsets[i] += delta;
			} else {
				lengths[i] = 0; // touched by the edit
			}
		}
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		int end = extent.getOffset() + extent.getLength();
		for (int i = firstEndingAfter(extent.getOffset()); i < offsets.length && offsets[i] < end; i++) {
			// Looked up as presented, so a colour preference changed meanwhile applies.
			TextAttribute attribute = styles.attribute(styleIds[i]);
			if (lengths[i] > 0 && attribute != null) {
				StyleRange range = new StyleRange(offsets[i], lengths[i], attribute.getForeground(), null, attribute.getStyle());
				presentation.mergeStyleRange(range);
			}
		}
	}

	/** @return the index of the first range ending after an offset (ranges are sorted, disjoint) */
	private int firstEndingAfter(int offset) {
		int low = 0;
		int high = offsets.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (offsets[mid] + lengths[mid] <= offset && lengths[mid] >= 0) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		return Math.max(0, low - 1);
	}
}
