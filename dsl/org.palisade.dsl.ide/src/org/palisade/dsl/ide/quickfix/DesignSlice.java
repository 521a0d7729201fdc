package org.palisade.dsl.ide.quickfix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.palisade.model.site.Design;
import org.palisade.model.site.DesignElement;
import org.palisade.model.site.Device;
import org.palisade.model.site.Section;

/**
 * A change confined to a few named elements of a large design (a camera's wiring, a schedule's
 * intervals), serialized on a slice of the design: its text without the devices the change
 * neither names nor reaches. Xtext's change serializer snapshots and diffs the whole resource it
 * is given (region access, reference and object snapshots: O(file)), which at 1,000 cameras took
 * 0.7 s of a diagram edit; on the slice it works on a few devices. The edits it writes are
 * mapped back into the design's text.
 * <p>
 * The slice keeps every element that is not a device (schedules, recipients, networks: few),
 * the devices the scope names, and every device those reach by reference (a wire's beacon, a
 * recipient's speaker, a rule's PTZ), so the changed elements link and serialize as in the whole
 * design. When the change writes outside the scoped elements' text (it added a device, renamed
 * something used elsewhere, or found nothing to do in the slice) no edit is returned and the
 * caller takes the whole design: the slice is an optimisation, never a different answer.
 */
public final class DesignSlice {

	/** A replacement in the design's text. */
	public record Replacement(int offset, int length, String text) {
		static Replacement of(ITextReplacement r) {
			return new Replacement(r.getOffset(), r.getLength(), r.getReplacementText());
		}
	}

	/** A kept run of the design's text, and where it starts in the slice. */
	private record Segment(int sliceStart, int designStart, int length) {
	}

	private DesignSlice() {
	}

	/** @return the text with the replacements made (they do not overlap), for headless callers */
	public static String apply(String text, List<Replacement> replacements) {
		StringBuilder b = new StringBuilder(text);
		List<Replacement> sorted = new ArrayList<>(replacements);
		sorted.sort(Comparator.comparingInt(Replacement::offset).reversed());
		for (Replacement r : sorted) {
			b.replace(r.offset(), r.offset() + r.length(), r.text());
		}
		return b.toString();
	}

	/** The replacements of a change made on the whole design (no slice), in this class's terms. */
	public static List<Replacement> of(List<ITextReplacement> replacements) {
		return replacements.stream().map(Replacement::of).toList();
	}

	/**
	 * @param design       the design as parsed from the text the user sees (read only here)
	 * @param scope        names of the elements the change is confined to (devices, schedules...)
	 * @param set          an empty resource set of the language to parse the slice in
	 * @param modification changes the slice's model; returns false when there is nothing to change
	 * @param serializer   a fresh change serializer of the language
	 * @return the replacements in the design's text, or empty when the change cannot be made on a
	 *         slice (the caller then makes it on the whole design)
	 */
	public static Optional<List<Replacement>> edits(XtextResource design, Set<String> scope, ResourceSet set,
			Function<XtextResource, Boolean> modification, IChangeSerializer serializer) {
		if (scope.isEmpty() || design.getParseResult() == null || design.getParseResult().hasSyntaxErrors()
				|| design.getContents().isEmpty() || !(design.getContents().get(0) instanceof Design root)) {
			return Optional.empty();
		}
		List<int[]> holes = holes(design, root, scope);
		if (holes == null) {
			return Optional.empty();
		}
		String text = design.getParseResult().getRootNode().getText();
		StringBuilder slice = new StringBuilder(text.length() / 8);
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		for (int[] hole : holes) {
			segments.add(new Segment(slice.length(), at, hole[0] - at));
			slice.append(text, at, hole[0]);
			at = hole[1];
		}
		segments.add(new Segment(slice.length(), at, text.length() - at));
		slice.append(text, at, text.length());

		XtextResource copy = DesignEdits.parse(set, design.getURI(), slice.toString());
		if (copy.getParseResult().hasSyntaxErrors()) {
			return Optional.empty();
		}
		List<int[]> regions = regions(copy, scope);
		List<ITextReplacement> replacements = DesignEdits.serializeWhole(copy, modification, serializer);
		if (replacements.isEmpty()) {
			return Optional.empty();
		}
		List<Replacement> mapped = new ArrayList<>(replacements.size());
		for (ITextReplacement r : replacements) {
			if (!inside(regions, r.getOffset(), r.getOffset() + r.getLength())) {
				return Optional.empty();
			}
			Segment s = segment(segments, r.getOffset());
			if (r.getOffset() + r.getLength() > s.sliceStart() + s.length()) {
				return Optional.empty();
			}
			mapped.add(new Replacement(s.designStart() + r.getOffset() - s.sliceStart(), r.getLength(),
					r.getReplacementText()));
		}
		return Optional.of(mapped);
	}

	/**
	 * The text ranges of the devices the slice leaves out, in order; {@code null} when a scoped
	 * name is not an element of the design or a device has no text of its own.
	 */
	private static List<int[]> holes(XtextResource design, Design root, Set<String> scope) {
		Set<Device> kept = new HashSet<>();
		Set<String> found = new HashSet<>();
		Deque<EObject> reach = new ArrayDeque<>();
		List<Device> devices = new ArrayList<>();
		for (DesignElement element : root.getElements()) {
			if (element instanceof Section section) {
				devices.addAll(section.getDevices());
				for (EObject child : section.eContents()) {
					String name = SimpleAttributeResolver.NAME_RESOLVER.apply(child);
					if (name != null && scope.contains(name)) {
						found.add(name);
						if (child instanceof Device d) {
							kept.add(d);
						}
					}
					if (!(child instanceof Device) || kept.contains(child)) {
						reach.add(child);
					}
				}
			} else {
				reach.add(element);
			}
		}
		if (!found.containsAll(scope)) {
			return null;
		}
		// What the kept elements refer to must link in the slice as in the design.
		while (!reach.isEmpty()) {
			EObject element = reach.pop();
			refer(element, design, kept, reach);
			for (Iterator<EObject> it = EcoreUtil.getAllProperContents(element, true); it.hasNext();) {
				refer(it.next(), design, kept, reach);
			}
		}
		List<int[]> holes = new ArrayList<>();
		for (Device d : devices) {
			if (!kept.contains(d)) {
				ICompositeNode node = NodeModelUtils.getNode(d);
				if (node == null) {
					return null;
				}
				holes.add(new int[] { node.getOffset(), node.getEndOffset() });
			}
		}
		holes.sort(Comparator.comparingInt(h -> h[0]));
		return holes;
	}

	private static void refer(EObject from, XtextResource design, Set<Device> kept, Deque<EObject> reach) {
		for (EObject target : from.eCrossReferences()) {
			EObject o = target;
			while (o != null && !(o instanceof Device)) {
				o = o.eContainer();
			}
			if (o instanceof Device d && d.eResource() == design && kept.add(d)) {
				reach.add(d);
			}
		}
	}

	/** Where the scoped elements are in the slice's text. */
	private static List<int[]> regions(XtextResource copy, Set<String> scope) {
		List<int[]> regions = new ArrayList<>();
		for (var it = copy.getAllContents(); it.hasNext();) {
			EObject o = it.next();
			if (o instanceof Section) {
				for (EObject child : o.eContents()) {
					String name = SimpleAttributeResolver.NAME_RESOLVER.apply(child);
					ICompositeNode node = name != null && scope.contains(name) ? NodeModelUtils.getNode(child) : null;
					if (node != null) {
						regions.add(new int[] { node.getOffset(), node.getEndOffset() });
					}
				}
				it.prune();
			} else if (!(o instanceof Design)) {
				it.prune();
			}
		}
		return regions;
	}

	private static boolean inside(List<int[]> regions, int start, int end) {
		for (int[] r : regions) {
			if (start >= r[0] && end <= r[1]) {
				return true;
			}
		}
		return false;
	}

	private static Segment segment(List<Segment> segments, int sliceOffset) {
		Segment found = segments.get(0);
		for (Segment s : segments) {
			if (s.sliceStart() > sliceOffset) {
				break;
			}
			found = s;
		}
		return found;
	}
}
