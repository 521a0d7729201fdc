package org.palisade.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * One rule violation (or note) about a design element.
 *
 * @param code     the rule's stable code, e.g. {@code ELEC-WIRE-DROP} (see {@link Codes})
 * @param severity how bad it is
 * @param message  what is wrong, the numbers behind it, and how to fix it
 * @param target   the element the finding is about (a wire, a port, a rule...)
 * @param feature  the feature of the target to point at, or null for the whole element
 */
public record Finding(String code, Severity severity, String message, EObject target, EStructuralFeature feature) {
}
