package org.palisade.dsl.ide.refactoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.palisade.dsl.ide.contentassist.SiteCrossrefProposalProvider;

import com.google.inject.Inject;

/**
 * Renames a design element and every use of it, across the files of a project.
 * <p>
 * The edits replace exactly the text of the declaration's name and of each reference,
 * written the way the grammar wants it there (quoted for ports and catalog models, bare
 * for schedules), and nothing else: comments and layout stay. Xtext's
 * {@code IChangeSerializer} was tried first and only rewrites references to names the
 * index exports, which leaves every use of a port (named within its device) stale; the
 * reference finder sees those. Nothing is written here: the caller gets the edits per
 * file, to preview and apply as one change.
 */
public final class DesignRename {

	/** One replacement in a file's text. */
	public record Replacement(int offset, int length, String text) {
	}

	/** The replacements a rename makes in one file, in text order. */
	public record FileEdits(URI uri, List<Replacement> replacements) {
	}

	@Inject
	private IValueConverterService converters;

	@Inject
	private IQualifiedNameProvider names;

	/** @return the attribute that names the element, or null when it has no name to rename */
	public static EAttribute nameAttribute(EObject element) {
		if (element == null) {
			return null;
		}
		EStructuralFeature feature = element.eClass().getEStructuralFeature("name");
		return feature instanceof EAttribute attribute && attribute.getEType().getInstanceClass() == String.class ? attribute : null;
	}

	/** @return the element's current name, or null */
	public static String nameOf(EObject element) {
		EAttribute attribute = nameAttribute(element);
		return attribute == null ? null : (String) element.eGet(attribute);
	}

	/**
	 * @return why the element cannot take the new name (a message for the rename dialog),
	 *         or null when it can
	 */
	public String problem(EObject element, String newName) {
		EAttribute attribute = nameAttribute(element);
		INode declaration = declaration(element);
		if (attribute == null || declaration == null) {
			return "This element has no name to rename.";
		}
		if (newName == null || newName.isBlank()) {
			return "Enter a new name.";
		}
		if (newName.equals(element.eGet(attribute))) {
			return "The element already has this name.";
		}
		try {
			write(newName, DesignReferences.ruleOf(declaration));
		} catch (ValueConverterException e) {
			return "'" + newName + "' is not a valid name here: " + e.getMessage();
		}
		EObject clash = clash(element, attribute, newName);
		if (clash != null) {
			INode node = NodeModelUtils.getNode(clash);
			return "'" + newName + "' is already used by another " + kind(clash)
					+ (clash.eResource() == null ? "" : " in " + clash.eResource().getURI().lastSegment())
					+ (node == null ? "" : " line " + node.getStartLine()) + ".";
		}
		return null;
	}

	/**
	 * The edits of a rename. Check {@link #problem(EObject, String)} first.
	 *
	 * @param designs every design that may use the element, loaded and linked
	 * @return the edits per file, the element's own file first
	 */
	public List<FileEdits> rename(EObject element, String newName, ResourceSet designs) {
		INode declaration = declaration(element);
		if (declaration == null) {
			throw new IllegalArgumentException("not a named element: " + element.eClass().getName());
		}
		Map<URI, List<Replacement>> edits = new LinkedHashMap<>();
		edits.computeIfAbsent(element.eResource().getURI(), u -> new ArrayList<>()).add(new Replacement(declaration.getOffset(),
				declaration.getLength(), write(newName, DesignReferences.ruleOf(declaration))));
		for (DesignReferences.Reference ref : DesignReferences.find(element, designs)) {
			edits.computeIfAbsent(ref.uri(), u -> new ArrayList<>()).add(new Replacement(ref.offset(), ref.length(), write(newName, ref.rule())));
		}
		List<FileEdits> result = new ArrayList<>();
		edits.forEach((uri, replacements) -> {
			replacements.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
			result.add(new FileEdits(uri, List.copyOf(replacements)));
		});
		return result;
	}

	/** The node of the element's name where it is declared. */
	private static INode declaration(EObject element) {
		EAttribute attribute = nameAttribute(element);
		if (attribute == null) {
			return null;
		}
		List<INode> nodes = NodeModelUtils.findNodesForFeature(element, attribute);
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	/**
	 * The text of a name as a rule writes it. A ValidID is an ID that may also be one of
	 * the language's one-letter unit keywords, so it is checked as an ID (which escapes a
	 * keyword with ^).
	 */
	private String write(String name, String rule) {
		String as = rule == null || "ValidID".equals(rule) ? "ID" : rule;
		return converters.toString(name, as);
	}

	/** Another element the new name would be confused with: same kind, same scope. */
	private EObject clash(EObject element, EAttribute attribute, String newName) {
		QualifiedName current = names.getFullyQualifiedName(element);
		List<EObject> candidates = new ArrayList<>();
		if (current != null && element.eResource() != null && element.eResource().getResourceSet() != null) {
			// Named within the site or globally: the clash may be in any loaded file.
			element.eResource().getResourceSet().getAllContents().forEachRemaining(n -> {
				if (n instanceof EObject o) {
					candidates.add(o);
				}
			});
		} else if (element.eContainer() != null) {
			// Local (ports, scenarios): only its siblings.
			candidates.addAll(element.eContainer().eContents());
		}
		QualifiedName wanted = current == null ? null : current.skipLast(1).append(newName);
		for (EObject other : candidates) {
			if (other == element || !sameKind(other, element) || !newName.equals(other.eGet(attribute))) {
				continue;
			}
			if (wanted == null || wanted.equals(names.getFullyQualifiedName(other))) {
				return other;
			}
		}
		return null;
	}

	private static boolean sameKind(EObject a, EObject b) {
		return a.eClass() == b.eClass() || a.eClass().getEAllSuperTypes().contains(b.eClass())
				|| b.eClass().getEAllSuperTypes().contains(a.eClass());
	}

	/** The word an integrator uses for the element: "schedule", "port", "device"... */
	public static String kind(EObject element) {
		return SiteCrossrefProposalProvider.kindOf(element.eClass().getName());
	}
}
