package org.palisade.dsl.linking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.palisade.model.site.SitePackage;

/**
 * What of an element a cross-reference of the language can point at: the element and the
 * elements it holds whose type is some reference's target, each by its place in the element
 * and its name. Two versions of an element with the same referables can stand for each other
 * as targets: a reference from elsewhere finds the new one where it found the old.
 */
public final class Referables {

	/** The types that cross-references of the site language point at. */
	private static final Set<EClass> TARGETS = targetTypes();

	private Referables() {
	}

	/** @return one line per referable element in {@code element}'s tree: relative path, type, name */
	public static List<String> of(EObject element) {
		List<String> found = new ArrayList<>();
		collect(element, "", found);
		return found;
	}

	private static void collect(EObject element, String path, List<String> into) {
		if (isTarget(element.eClass())) {
			into.add(path + " " + element.eClass().getName() + " " + name(element));
		}
		for (EReference containment : element.eClass().getEAllContainments()) {
			Object value = element.eGet(containment, false);
			if (value instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					collect((EObject) list.get(i), path + "/" + containment.getName() + "." + i, into);
				}
			} else if (value instanceof EObject child) {
				collect(child, path + "/" + containment.getName(), into);
			}
		}
	}

	private static Object name(EObject element) {
		EStructuralFeature name = element.eClass().getEStructuralFeature("name");
		return name instanceof EAttribute ? element.eGet(name) : null;
	}

	static boolean isTarget(EClass type) {
		for (EClass target : TARGETS) {
			if (target.isSuperTypeOf(type)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return whether an element held by this reference, or anything inside it, may be the
	 *         target of a cross-reference of the language
	 */
	static boolean reachable(EClass type, Set<EClass> seen) {
		for (EClass candidate : withSubtypes(type)) {
			if (!seen.add(candidate)) {
				continue;
			}
			for (EClass target : TARGETS) {
				if (target.isSuperTypeOf(candidate) || candidate.isSuperTypeOf(target)) {
					return true;
				}
			}
			for (EReference containment : candidate.getEAllContainments()) {
				if (reachable(containment.getEReferenceType(), seen)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<EClass> targetTypes() {
		Set<EClass> targets = new HashSet<>();
		for (EClass type : classes()) {
			for (EReference reference : type.getEReferences()) {
				if (!reference.isContainment() && !reference.isContainer()) {
					targets.add(reference.getEReferenceType());
				}
			}
		}
		return targets;
	}

	private static Set<EClass> withSubtypes(EClass type) {
		Set<EClass> all = new HashSet<>();
		all.add(type);
		for (EClass other : classes()) {
			if (type.isSuperTypeOf(other)) {
				all.add(other);
			}
		}
		return all;
	}

	private static Set<EClass> classes() {
		Set<EClass> classes = new HashSet<>();
		for (EClassifier classifier : SitePackage.eINSTANCE.getEClassifiers()) {
			if (classifier instanceof EClass type) {
				classes.add(type);
			}
		}
		return classes;
	}
}
