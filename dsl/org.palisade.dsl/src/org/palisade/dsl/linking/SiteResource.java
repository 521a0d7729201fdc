package org.palisade.dsl.linking;

import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.impl.ListBasedDiagnosticConsumer;
import org.palisade.dsl.parser.SitePartialParsing;

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
 * element's own references are linked and the rest stays as it was. The same holds when the
 * replaced element can be referred to (a camera, when a wire is drawn in it) but holds the
 * same referable elements, by the same names in the same places, as before
 * ({@link Referables}): the references that held the old one are pointed at the new one.
 * Any other edit, a full reparse, and every {@value #FULL_LINK_EVERY}th edit (the lazy links'
 * bookkeeping only grows meanwhile) link everything as Xtext does.
 */
public class SiteResource extends LazyLinkingResource {

	/** After this many partial links, link everything again. */
	static final int FULL_LINK_EVERY = 500;

	/** Per containing reference: whether what it holds can be, or can hold, a reference's target. */
	private static final Map<EReference, Boolean> REFERABLE_INSIDE = new ConcurrentHashMap<>();

	private EObject linkOnly;

	/** Whether the element linked alone may be the target of references from the rest. */
	private boolean repoint;

	private int partialLinks;

	private int linkedPartially;

	@com.google.inject.Inject
	private org.eclipse.xtext.service.OperationCanceledManager cancels;

	/** Elements linked alone since the whole design's references were last resolved. */
	private final java.util.List<EObject> resolvePending = new java.util.ArrayList<>();

	/**
	 * Whether every reference of the design outside {@link #resolvePending} is resolved and
	 * none failed: then resolving the pending elements' references resolves everything.
	 */
	private boolean resolvedClean;

	@Override
	protected void updateInternalState(IParseResult oldParseResult, IParseResult newParseResult) {
		SitePartialParsing.Replacement replaced = SitePartialParsing.takeReplaced();
		EObject element = replaced == null ? null : replaced.element();
		boolean holdsTargets = element != null && element.eContainmentFeature() != null
				&& mayHoldTargets(element.eContainmentFeature());
		linkOnly = element != null && element.eResource() == this && partialLinks < FULL_LINK_EVERY
				&& oldParseResult.getRootASTElement() == newParseResult.getRootASTElement()
				&& element.eContainmentFeature() != null && (!holdsTargets || replaced.sameTargets()) ? element : null;
		repoint = linkOnly != null && holdsTargets;
		try {
			super.updateInternalState(oldParseResult, newParseResult);
		} finally {
			linkOnly = null;
			repoint = false;
		}
	}

	@Override
	protected void doLinking() {
		if (linkOnly == null || !(getLinker() instanceof SiteLinker linker) || isEagerLinking()) {
			partialLinks = 0;
			resolveAllNextTime();
			super.doLinking();
			return;
		}
		partialLinks++;
		linkedPartially++;
		resolvePending.add(linkOnly);
		ListBasedDiagnosticConsumer consumer = new ListBasedDiagnosticConsumer();
		linker.linkReplaced(linkOnly, consumer);
		if (repoint) {
			repointInto(linkOnly);
		}
		getErrors().addAll(consumer.getResult(Severity.ERROR));
		getWarnings().addAll(consumer.getResult(Severity.WARNING));
	}

	/**
	 * Points the references of the rest of the model that held the replaced element (or
	 * something in it) at its successor. The old element was unloaded into proxies that would
	 * resolve to the successor by their place on first access anyway; doing it now means no
	 * reader ever meets a proxy of an element that exists. A walk over the references, no scope
	 * lookups: a tenth of linking everything again at 1,000 cameras.
	 */
	private void repointInto(EObject replacement) {
		String prefix = getURIFragment(replacement);
		for (TreeIterator<EObject> it = getAllContents(); it.hasNext();) {
			EObject element = it.next();
			if (element == replacement) {
				it.prune();
				continue;
			}
			for (EReference reference : element.eClass().getEAllReferences()) {
				if (reference.isContainment() || reference.isContainer() || reference.isDerived() || !element.eIsSet(reference)) {
					continue;
				}
				if (reference.isMany()) {
					@SuppressWarnings("unchecked")
					InternalEList<EObject> values = (InternalEList<EObject>) element.eGet(reference, false);
					for (int i = 0; i < values.size(); i++) {
						EObject successor = successor(values.basicGet(i), prefix);
						if (successor != null) {
							values.set(i, successor);
						}
					}
				} else {
					EObject successor = successor((EObject) element.eGet(reference, false), prefix);
					if (successor != null) {
						element.eSet(reference, successor);
					}
				}
			}
		}
	}

	/** @return what an unloaded element of this resource under {@code prefix} now is, or null */
	private EObject successor(EObject value, String prefix) {
		if (value == null || !value.eIsProxy()) {
			return null;
		}
		URI uri = ((InternalEObject) value).eProxyURI();
		String fragment = uri.fragment();
		if (fragment == null || !(fragment.equals(prefix) || fragment.startsWith(prefix + "/"))
				|| !getURI().equals(uri.trimFragment())) {
			return null;
		}
		EObject found = getEObject(fragment);
		return found == null || found.eIsProxy() ? null : found;
	}

	/**
	 * Resolves the design's references before it is checked. Xtext walks every reference of
	 * the design for this, a quarter of a keystroke's check at 1,000 cameras; after edits that
	 * linked only what they replaced, the references elsewhere are still resolved, so only the
	 * replaced elements' own are. A link that failed anywhere is resolved again on every check
	 * (its error is only reported when resolving it fails), so then everything is walked.
	 */
	@Override
	public void resolveLazyCrossReferences(org.eclipse.xtext.util.CancelIndicator monitor) {
		if (resolvedClean) {
			for (EObject element : resolvePending) {
				if (element.eResource() == this) {
					resolveWithin(element, monitor);
				}
			}
			resolvePending.clear();
			resolvedClean = !failedLinks();
			return;
		}
		super.resolveLazyCrossReferences(monitor);
		resolvePending.clear();
		resolvedClean = !failedLinks();
	}

	/** The next check resolves every reference of the design again (another file changed). */
	public void resolveAllNextTime() {
		resolvedClean = false;
		resolvePending.clear();
	}

	private void resolveWithin(EObject element, org.eclipse.xtext.util.CancelIndicator monitor) {
		resolveReferences(element);
		for (TreeIterator<EObject> it = element.eAllContents(); it.hasNext();) {
			cancels.checkCanceled(monitor);
			resolveReferences(it.next());
		}
	}

	private static void resolveReferences(EObject element) {
		for (EReference reference : element.eClass().getEAllReferences()) {
			if (!reference.isContainment() && !reference.isContainer() && !reference.isDerived()
					&& element.eIsSet(reference)) {
				Object value = element.eGet(reference, true);
				if (value instanceof java.util.List<?> list) {
					for (int i = 0; i < list.size(); i++) {
						list.get(i); // a resolving list keeps what it resolved
					}
				}
			}
		}
	}

	private boolean failedLinks() {
		return getErrors().stream().anyMatch(d -> d instanceof org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic)
				|| getWarnings().stream().anyMatch(d -> d instanceof org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic);
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
		return REFERABLE_INSIDE.computeIfAbsent(containment,
				c -> Referables.reachable(c.getEReferenceType(), new HashSet<>()));
	}
}
