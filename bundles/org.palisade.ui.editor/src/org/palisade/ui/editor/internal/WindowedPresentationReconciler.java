package org.palisade.ui.editor.internal;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension2;
import org.eclipse.jface.text.IViewportListener;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;

/**
 * Colours a window of lines around the ones on screen, not the whole design, and moves the
 * window when the view scrolls out of it.
 * <p>
 * SWT's {@code StyledText} does work in proportion to every style range it holds, each time a
 * range is set (it lists them all to look for a variable line height; SWT 3.131 and 3.132)
 * and each time the text changes (it moves every range after the edit). A 10,000-camera
 * design coloured whole holds about 1.5 million ranges, and each key stalled the UI thread
 * for 60-120 ms there ({@code palisade bench editor}, the UI thread sampled in the stalls).
 * With the window it holds the ranges of a few hundred lines, whatever the design's size.
 */
final class WindowedPresentationReconciler extends PresentationReconciler {

	/** Lines coloured above and below the ones on screen: a page or two of scrolling is ready. */
	static final int MARGIN_LINES = 200;

	private ITextViewer viewer;

	/** The coloured window, as a position the document moves with its edits; null until the first presentation. */
	private Position window;

	private IDocument windowDocument;

	private final IViewportListener follow = verticalOffset -> follow();

	private final ITextInputListener reset = new ITextInputListener() {
		@Override
		public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
			dropWindow();
		}

		@Override
		public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
			// The first presentation of the new document places the window.
		}
	};

	@Override
	public void install(ITextViewer textViewer) {
		// Before the superclass's listener, so the window is dropped before the new document is coloured.
		textViewer.addTextInputListener(reset);
		super.install(textViewer);
		viewer = textViewer;
		textViewer.addViewportListener(follow);
	}

	@Override
	public void uninstall() {
		if (viewer != null) {
			viewer.removeViewportListener(follow);
			viewer.removeTextInputListener(reset);
		}
		dropWindow();
		super.uninstall();
	}

	/** Colours only the part of the damage inside the window. */
	@Override
	protected TextPresentation createPresentation(IRegion damage, IDocument document) {
		Position current = window(document);
		int start = Math.max(damage.getOffset(), current.getOffset());
		int end = Math.min(damage.getOffset() + damage.getLength(), current.getOffset() + current.getLength());
		if (end <= start) {
			return null; // out of sight: coloured when the window gets there
		}
		return super.createPresentation(new Region(start, end - start), document);
	}

	/** @return the window, placed around the lines on screen when there is none yet */
	private Position window(IDocument document) {
		if (window == null || windowDocument != document || window.isDeleted()) {
			dropWindow();
			IRegion lines = around(document);
			window = new Position(lines.getOffset(), lines.getLength());
			windowDocument = document;
			try {
				document.addPosition(window);
			} catch (BadLocationException e) {
				window = new Position(0, document.getLength());
			}
		}
		return window;
	}

	/** Scrolled out of the window: colour a new one around the lines on screen, and drop the old one's colours. */
	private void follow() {
		IDocument document = viewer.getDocument();
		StyledText widget = viewer.getTextWidget();
		if (document == null || window == null || windowDocument != document || widget == null || widget.isDisposed()) {
			return;
		}
		try {
			int top = document.getLineOffset(Math.max(0, viewer.getTopIndex()));
			IRegion bottom = document.getLineInformation(Math.max(0, Math.min(document.getNumberOfLines() - 1, viewer.getBottomIndex())));
			if (top >= window.getOffset() && bottom.getOffset() + bottom.getLength() <= window.getOffset() + window.getLength()) {
				return;
			}
		} catch (BadLocationException e) {
			// Recompute below.
		}
		dropWindow();
		Position moved = window(document);
		widget.setStyleRanges(new StyleRange[0]);
		if (viewer instanceof ITextViewerExtension2 presentations) {
			presentations.invalidateTextPresentation(moved.getOffset(), moved.getLength());
		} else {
			viewer.invalidateTextPresentation();
		}
	}

	/** @return whole lines from a margin above the top line on screen to a margin below the bottom one */
	private IRegion around(IDocument document) {
		try {
			int lines = document.getNumberOfLines();
			int top = viewer == null ? 0 : Math.max(0, viewer.getTopIndex());
			int bottom = viewer == null ? top : Math.max(top, viewer.getBottomIndex());
			int first = Math.max(0, top - MARGIN_LINES);
			int last = Math.min(lines - 1, bottom + MARGIN_LINES);
			int start = document.getLineOffset(first);
			IRegion end = document.getLineInformation(last);
			int stop = last + 1 < lines ? document.getLineOffset(last + 1) : end.getOffset() + end.getLength();
			return new Region(start, stop - start);
		} catch (BadLocationException e) {
			return new Region(0, document.getLength());
		}
	}

	private void dropWindow() {
		if (window != null && windowDocument != null) {
			windowDocument.removePosition(window);
		}
		window = null;
		windowDocument = null;
	}
}
