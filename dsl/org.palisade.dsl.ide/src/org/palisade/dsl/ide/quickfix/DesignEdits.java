package org.palisade.dsl.ide.quickfix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.change.util.ChangeRecorder;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.serializer.IEmfResourceChange;
import org.eclipse.xtext.ide.serializer.ITextDocumentChange;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.palisade.dsl.load.ImportUris;
import org.palisade.model.site.Design;
import org.palisade.model.site.Import;

/**
 * A change to a design's model as minimal text edits: the one path by which the Studio
 * (quick fixes, Properties view, diagrams) and the language server (code actions) change a
 * design other than by typing. The change is made on a copy parsed from the text the user
 * sees, and Xtext's change serializer writes only what changed, comments kept.
 */
public final class DesignEdits {

	private DesignEdits() {
	}

	/**
	 * @param set          an empty resource set of the language to parse the copy in (the
	 *                     language server passes one that sees its workspace index)
	 * @param uri          the design's URI (imports resolve against it)
	 * @param text         the design's current text
	 * @param modification changes the copy; returns false when there is nothing to change
	 * @param serializer   a fresh change serializer of the language
	 * @return the replacements in {@code text}, none when nothing changed
	 */
	public static List<ITextReplacement> edits(ResourceSet set, URI uri, String text, Function<XtextResource, Boolean> modification,
			IChangeSerializer serializer) {
		XtextResource copy = parse(set, uri, text);
		return serialize(copy, modification, serializer);
	}

	/**
	 * The same change made on a design already parsed from the text the user sees (the Studio's
	 * model of an open editor), then taken back: no copy is parsed and linked, which at 1,000
	 * cameras was a quarter of the time from a diagram edit to its text. The resource is left
	 * as it was, its node model matching the text again, so the text edits then reach it as any
	 * typing does. Other designs are not rewritten: an edit names elements of this design only.
	 *
	 * @param resource     the parsed design, owned by the calling thread for the duration
	 * @param modification changes the design; returns false when there is nothing to change
	 * @param serializer   a fresh change serializer of the language
	 * @return the replacements in the resource's text, none when nothing changed
	 */
	public static List<ITextReplacement> editsInPlace(XtextResource resource, Function<XtextResource, Boolean> modification,
			IChangeSerializer serializer) {
		EcoreUtil.resolveAll(resource);
		serializer.setUpdateRelatedFiles(false);
		ChangeRecorder undo = new ChangeRecorder(resource);
		try {
			return serialize(resource, modification, serializer);
		} finally {
			undo.endRecording().apply();
			undo.dispose();
		}
	}

	/** Parses a design from text held in memory, with what it imports, every reference resolved. */
	static XtextResource parse(ResourceSet set, URI uri, String text) {
		XtextResource copy = (XtextResource) set.createResource(uri);
		try {
			copy.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new IllegalStateException("cannot parse text held in memory", e);
		}
		loadImports(copy);
		// The serializer writes references by name: every one must be resolved first.
		EcoreUtil.resolveAll(copy);
		return copy;
	}

	/** The change serialized on a parsed copy that is not kept: other files are not rewritten. */
	static List<ITextReplacement> serializeWhole(XtextResource copy, Function<XtextResource, Boolean> modification,
			IChangeSerializer serializer) {
		serializer.setUpdateRelatedFiles(false);
		return serialize(copy, modification, serializer);
	}

	private static List<ITextReplacement> serialize(XtextResource resource, Function<XtextResource, Boolean> modification,
			IChangeSerializer serializer) {
		boolean[] changed = { false };
		serializer.addModification(resource.getContents().get(0),
				root -> changed[0] = Boolean.TRUE.equals(modification.apply(resource)));
		List<IEmfResourceChange> changes = new ArrayList<>();
		serializer.applyModifications(changes::add);
		List<ITextReplacement> replacements = new ArrayList<>();
		if (changed[0]) {
			for (IEmfResourceChange change : changes) {
				if (change instanceof ITextDocumentChange textChange && change.getResource() == resource) {
					replacements.addAll(textChange.getReplacements());
				}
			}
		}
		return replacements;
	}

	/** Loads what a design imports into its resource set, as {@code palisade validate} does. */
	public static void loadImports(XtextResource resource) {
		var resourceSet = resource.getResourceSet();
		for (EObject root : List.copyOf(resource.getContents())) {
			if (root instanceof Design design) {
				for (Import imp : design.getImports()) {
					URI target = ImportUris.resolve(resource, imp.getImportURI());
					if (target != null && resourceSet.getResource(target, false) == null
							&& resourceSet.getURIConverter().exists(target, null)) {
						try {
							resourceSet.getResource(target, true);
						} catch (RuntimeException e) {
							// Kept with its errors; the import's own editor reports them.
						}
					}
				}
			}
		}
	}
}
