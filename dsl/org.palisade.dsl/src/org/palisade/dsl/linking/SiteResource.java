package org.palisade.dsl.linking;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.impl.ListBasedDiagnosticConsumer;
import org.palisade.dsl.parser.SitePartialParsing;
import org.palisade.model.site.SitePackage;

/**
 * A design's resource, which after a keystroke links only the element the partial reparse
 * replaced, when nothing elsewhere can depend on it.
 * <p>
 * Xtext links the whole model again after every reparse: every reference of a 1,000-camera
 * design is unset, given a proxy and resolved again on each keystroke, a third of the
 * editor's time per key ({@code palisade bench editor}, profiled). That is needed when the
 * edit may have declared, renamed or removed something other elements refer to. When the
 * replaced element is of a kind that nothing can refer to, and cannot hold anything that can
 * be referred to (a wire, a rule, a stream), no other reference can have changed: the new
 * element's own references are linked and the rest stays as it was. Any other edit, a full
 * reparse, and every {@value #FULL_LINK_EVERY}th edit (the lazy links' bookkeeping only grows
 * meanwhile) link everything as Xtext does.
 */
public class SiteResource extends LazyLinkingResource {

	/** After this many partial links, link everything again. */
	static final int FULL_LINK_EVERY = 500;

	/** Per containing reference: whether what it holds can be, or can hold, a reference's target. */
	private static final Map<EReference, Boolean> REFERABLE_INSIDE = new ConcurrentHashMap<>();

	private EObject linkOnly;

	private int partialLinks;

	private int linkedPartially;

	@Override
	protected void updateInternalState(IParseResult oldParseResult, IParseResult newParseResult) {
		EObject replaced = SitePartialParsing.takeReplaced();
		linkOnly = replaced != null && replaced.eResource() == this && partialLinks < FULL_LINK_EVERY
				&& oldParseResult.getRootASTElement() == newParseResult.getRootASTElement()
				&& replaced.eContainmentFeature() != null && !mayHoldTargets(replaced.eContainmentFeature())
						? replaced
						: null;
		try {
			super.updateInternalState(oldParseResult, newParseResult);
		} finally {
			linkOnly = null;
		}
	}

	@Override
	protected void doLinking() {
		if (linkOnly == null || !(getLinker() instanceof SiteLinker linker) || isEagerLinking()) {
			partialLinks = 0;
			super.doLinking();
			return;
		}
		partialLinks++;
		linkedPartially++;
		ListBasedDiagnosticConsumer consumer = new ListBasedDiagnosticConsumer();
		linker.linkReplaced(linkOnly, consumer);
		getErrors().addAll(consumer.getResult(Severity.ERROR));
		getWarnings().addAll(consumer.getResult(Severity.WARNING));
	}

	/** @return how many edits so far linked only what they replaced (tests) */
	public int linkedPartially() {
		return linkedPartially;
	}

	/**
	 * @return whether an element held by this reference, or anything inside it, may be the
	 *         target of a cross-reference of the language
	 */
	static boolean mayHoldTargets(EReference containment) {
		return REFERABLE_INSIDE.computeIfAbsent(containment, c -> {
			Set<EClass> targets = targetTypes();
			Set<EClass> seen = new HashSet<>();
			return reaches(c.getEReferenceType(), targets, seen);
		});
	}

	private static boolean reaches(EClass type, Set<EClass> targets, Set<EClass> seen) {
		for (EClass candidate : withSubtypes(type)) {
			if (!seen.add(candidate)) {
				continue;
			}
			for (EClass target : targets) {
				if (target.isSuperTypeOf(candidate) || candidate.isSuperTypeOf(target)) {
					return true;
				}
			}
			for (EReference containment : candidate.getEAllContainments()) {
				if (reaches(containment.getEReferenceType(), targets, seen)) {
					return true;
				}
			}
		}
		return false;
	}

	/** @return the types that cross-references of the site language point at */
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
		EPackage site = SitePackage.eINSTANCE;
		for (EClassifier classifier : site.getEClassifiers()) {
			if (classifier instanceof EClass type) {
				classes.add(type);
			}
		}
		return classes;
	}
}
