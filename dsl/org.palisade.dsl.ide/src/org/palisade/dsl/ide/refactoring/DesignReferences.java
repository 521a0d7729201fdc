package org.palisade.dsl.ide.refactoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Where a design element is used: every cross-reference to it from the designs loaded in
 * one resource set (the files of a project, with what they import).
 * <p>
 * A site is small enough (a few thousand elements per file) that walking the loaded
 * models is faster than keeping a reference index up to date, and it sees the text as it
 * is now, unsaved editors included when the caller loads them.
 */
public final class DesignReferences {

	/**
	 * One use of an element.
	 *
	 * @param uri    the file that refers to it
	 * @param offset where the reference's text starts
	 * @param length the length of the reference's text
	 * @param line   its line, from 1
	 * @param source the element holding the reference (a rule, a wire, a device...)
	 * @param rule   the grammar rule the name is written with there (ValidID, STRING...),
	 *               so that a rename writes it the same way
	 */
	public record Reference(URI uri, int offset, int length, int line, EObject source, String rule) {
	}

	private DesignReferences() {
	}

	/**
	 * @param target an element of a design in {@code designs}
	 * @return its uses, by file then position
	 */
	public static List<Reference> find(EObject target, ResourceSet designs) {
		URI targetUri = EcoreUtil.getURI(target);
		List<Reference> found = new ArrayList<>();
		for (Resource resource : List.copyOf(designs.getResources())) {
			for (TreeIterator<EObject> it = resource.getAllContents(); it.hasNext();) {
				EObject source = it.next();
				for (EReference ref : source.eClass().getEAllReferences()) {
					if (ref.isContainment() || ref.isContainer() || ref.isDerived() || ref.isTransient()) {
						continue;
					}
					collect(source, ref, target, targetUri, found);
				}
			}
		}
		found.sort(Comparator.comparing((Reference r) -> r.uri().toString()).thenComparingInt(Reference::offset));
		return found;
	}

	/** @return the name of the rule a reference's or a name's text is parsed with */
	static String ruleOf(INode node) {
		EObject grammar = node.getGrammarElement();
		if (grammar instanceof CrossReference reference) {
			grammar = reference.getTerminal();
		}
		return grammar instanceof RuleCall call ? call.getRule().getName() : null;
	}

	private static void collect(EObject source, EReference ref, EObject target, URI targetUri, List<Reference> found) {
		List<EObject> values = new ArrayList<>();
		if (ref.isMany()) {
			@SuppressWarnings("unchecked")
			List<EObject> many = (List<EObject>) source.eGet(ref, true);
			values.addAll(many);
		} else {
			values.add((EObject) source.eGet(ref, true));
		}
		List<INode> nodes = null;
		for (int i = 0; i < values.size(); i++) {
			EObject value = values.get(i);
			if (value == null || !(value == target || !value.eIsProxy() && targetUri.equals(EcoreUtil.getURI(value)))) {
				continue;
			}
			if (nodes == null) {
				nodes = NodeModelUtils.findNodesForFeature(source, ref);
			}
			if (i < nodes.size()) {
				INode node = nodes.get(i);
				found.add(new Reference(source.eResource().getURI(), node.getOffset(), node.getLength(), node.getStartLine(), source,
						ruleOf(node)));
			}
		}
	}
}
