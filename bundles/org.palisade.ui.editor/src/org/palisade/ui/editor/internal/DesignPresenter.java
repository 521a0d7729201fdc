package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Shows a check's result in the editor, on the UI thread: problem annotations (squiggles,
 * ruler, overview ruler), folding regions. The builder's markers for this file are hidden
 * while the editor shows its own, fresher findings, so no finding is shown twice.
 */
final class DesignPresenter {

	private List<Annotation> problems = new ArrayList<>();

	private final Map<String, ProjectionAnnotation> folds = new HashMap<>();

	/** Replaces the problem annotations of the last check. */
	void showProblems(IAnnotationModel model, List<ReconcileResult.Problem> found) {
		if (model == null) {
			return;
		}
		Map<Annotation, Position> added = new HashMap<>();
		List<Annotation> now = new ArrayList<>();
		for (ReconcileResult.Problem problem : found) {
			ProblemAnnotation annotation = new ProblemAnnotation(problem);
			added.put(annotation, new Position(problem.offset(), problem.length()));
			now.add(annotation);
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(problems.toArray(Annotation[]::new), added);
		} else {
			problems.forEach(model::removeAnnotation);
			added.forEach(model::addAnnotation);
		}
		problems = now;
		hideMarkers(model);
	}

	/** Hides the builder's markers of this file: the editor's own findings stand for them. */
	static void hideMarkers(IAnnotationModel model) {
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation marker && !marker.isMarkedDeleted() && isProblemMarker(marker)) {
				marker.markDeleted(true);
			}
		}
	}

	private static boolean isProblemMarker(MarkerAnnotation annotation) {
		try {
			return annotation.getMarker().exists() && annotation.getMarker().isSubtypeOf(PalisadeWorkspace.PROBLEM_MARKER);
		} catch (CoreException e) {
			return false;
		}
	}

	/**
	 * Folds the elements that span lines (sites, devices, schedules, catalog models), keeping
	 * the collapsed state of the ones that were there before.
	 */
	void showFolds(ProjectionAnnotationModel model, List<ReconcileResult.Fold> regions) {
		if (model == null) {
			return;
		}
		Map<String, Position> wanted = new HashMap<>();
		for (ReconcileResult.Fold fold : regions) {
			wanted.put(fold.id(), new Position(fold.offset(), fold.length()));
		}
		List<Annotation> removed = new ArrayList<>();
		List<Annotation> modified = new ArrayList<>();
		for (Iterator<Map.Entry<String, ProjectionAnnotation>> it = folds.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, ProjectionAnnotation> entry = it.next();
			Position position = wanted.remove(entry.getKey());
			if (position == null) {
				removed.add(entry.getValue());
				it.remove();
			} else {
				Position current = model.getPosition(entry.getValue());
				if (current != null && !current.equals(position)) {
					current.setOffset(position.getOffset());
					current.setLength(position.getLength());
					modified.add(entry.getValue());
				}
			}
		}
		Map<Annotation, Position> added = new HashMap<>();
		wanted.forEach((id, position) -> {
			ProjectionAnnotation annotation = new ProjectionAnnotation();
			folds.put(id, annotation);
			added.put(annotation, position);
		});
		if (!removed.isEmpty() || !added.isEmpty() || !modified.isEmpty()) {
			model.modifyAnnotations(removed.toArray(Annotation[]::new), added, modified.toArray(Annotation[]::new));
		}
	}
}
