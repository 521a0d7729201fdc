package org.palisade.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * Collects the findings of one validation run.
 */
public final class Findings {

	private final List<Finding> list = new ArrayList<>();

	public void error(String code, EObject target, EStructuralFeature feature, String message) {
		add(code, Severity.ERROR, target, feature, message);
	}

	public void warning(String code, EObject target, EStructuralFeature feature, String message) {
		add(code, Severity.WARNING, target, feature, message);
	}

	public void info(String code, EObject target, EStructuralFeature feature, String message) {
		add(code, Severity.INFO, target, feature, message);
	}

	public void add(String code, Severity severity, EObject target, EStructuralFeature feature, String message) {
		list.add(new Finding(code, severity, message, target, feature));
	}

	/** @return the findings so far, in the order they were found */
	public List<Finding> all() {
		return List.copyOf(list);
	}
}
