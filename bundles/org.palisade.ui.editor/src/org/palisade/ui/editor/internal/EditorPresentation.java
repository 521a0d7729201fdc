package org.palisade.ui.editor.internal;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelListener;
import org.eclipse.jface.text.source.projection.ProjectionViewer;

/**
 * The editor side of a check: findings, semantic colours and folds, applied on the UI
 * thread to the viewer as it is when the result arrives.
 */
public final class EditorPresentation {

	private final ProjectionViewer viewer;

	private final SemanticHighlights highlights;

	private final DesignPresenter presenter = new DesignPresenter();

	private ReconcileResult.Outline lastOutline;

	private IAnnotationModel watched;

	/** The builder's markers come back after each save: hide them again as they arrive. */
	private final IAnnotationModelListener markerHider = DesignPresenter::hideMarkers;

	private final ITextInputListener inputListener = new ITextInputListener() {
		@Override
		public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
			if (oldInput != null) {
				oldInput.removeDocumentListener(highlights);
			}
		}

		@Override
		public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
			if (newInput != null) {
				newInput.addDocumentListener(highlights);
			}
		}
	};

	public EditorPresentation(ProjectionViewer viewer, DesignConfiguration configuration) {
		this.viewer = viewer;
		this.highlights = new SemanticHighlights(configuration.styles());
		viewer.addTextPresentationListener(highlights);
		viewer.addTextInputListener(inputListener);
		if (viewer.getDocument() != null) {
			viewer.getDocument().addDocumentListener(highlights);
		}
	}

	/** Shows a result that matches the document as it is now: findings, or colours and folds. */
	public void show(ReconcileResult result, IAnnotationModel annotations) {
		if (annotations != watched) {
			if (watched != null) {
				watched.removeAnnotationModelListener(markerHider);
			}
			watched = annotations;
			if (annotations != null) {
				annotations.addAnnotationModelListener(markerHider);
			}
		}
		if (result.problems() != null) {
			presenter.showProblems(annotations, result.problems());
		}
		if (result.highlights() != null) {
			highlights.set(result.highlights());
			// Only the lines on screen: the viewer's invalidateTextPresentation() re-lexes the whole
			// document on the UI thread (600 ms at 1,000 cameras, measured by 'bench editor'); lines
			// scrolled into view later get the new colours as they are presented.
			int top = viewer.getTopIndexStartOffset();
			int bottom = viewer.getBottomIndexEndOffset();
			if (bottom > top) {
				viewer.invalidateTextPresentation(top, bottom - top);
			}
		}
		if (result.outline() != null) {
			presenter.showFolds(viewer.getProjectionAnnotationModel(), result.outline().folds());
			lastOutline = result.outline();
		}
	}

	/** @return the outline of the last result shown, or null before the first */
	public ReconcileResult.Outline lastOutline() {
		return lastOutline;
	}

	public void dispose() {
		if (watched != null) {
			watched.removeAnnotationModelListener(markerHider);
		}
		viewer.removeTextPresentationListener(highlights);
		viewer.removeTextInputListener(inputListener);
		if (viewer.getDocument() != null) {
			viewer.getDocument().removeDocumentListener(highlights);
		}
	}
}
