package org.palisade.ui.editor.internal;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.source.Annotation;

/**
 * A finding of the rules shown in the editor while typing: a squiggle, a ruler icon, an
 * overview-ruler mark, and its text in hovers. The types are the platform's error, warning
 * and info annotations, so the user's colour preferences for them apply.
 */
public final class ProblemAnnotation extends Annotation {

	/** The platform's annotation type of an error. */
	public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";

	/** The platform's annotation type of a warning. */
	public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";

	/** The platform's annotation type of an information. */
	public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private final String code;

	ProblemAnnotation(ReconcileResult.Problem problem) {
		super(switch (problem.severity()) {
		case IMarker.SEVERITY_ERROR -> ERROR;
		case IMarker.SEVERITY_WARNING -> WARNING;
		default -> INFO;
		}, false, problem.text());
		this.code = problem.code();
	}

	/** @return the rule code (ELEC-DCOUT-CURRENT, SYNTAX, LINK...) */
	public String getCode() {
		return code;
	}
}
