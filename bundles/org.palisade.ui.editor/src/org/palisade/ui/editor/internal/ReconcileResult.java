package org.palisade.ui.editor.internal;

import java.util.List;

/**
 * What one pass over the design found, positioned in the document as it was at
 * {@link #stamp()}: published on the UI thread only if the document has not changed since.
 * A pass publishes twice: its findings as soon as the rules have run, then its colours and
 * outline, so the squiggles of a keystroke never wait for the rest.
 *
 * @param stamp      the document's modification stamp the offsets belong to
 * @param problems   the findings of the rules, syntax and linking included; null in the second
 *                   result of a pass (the first one showed them)
 * @param highlights semantic highlighting ranges; null in the first result of a pass
 * @param outline    the design's elements and folds; null in the first result of a pass
 * @param timings    where the pass spent its time, for the benchmark
 */
public record ReconcileResult(long stamp, List<Problem> problems, Highlights highlights, Outline outline,
		Timings timings) {

	/** @return whether this is the first result of a pass: the findings alone */
	public boolean findingsOnly() {
		return highlights == null && outline == null;
	}

	/**
	 * Where a pass spent its time, in nanoseconds.
	 *
	 * @param started   when the reconciler started the pass ({@link System#nanoTime()})
	 * @param replay    replaying the document's changes into the model (parse, link)
	 * @param validate  the rules (resolving references included)
	 * @param highlight semantic highlighting (0 in a findings-only result)
	 * @param outline   the outline and folding regions (0 in a findings-only result)
	 * @param ended     when the result was ready on the worker ({@link System#nanoTime()})
	 */
	public record Timings(long started, long replay, long validate, long highlight, long outline, long ended) {
	}

	/** A finding: severity as in {@link org.eclipse.core.resources.IMarker}, code and message. */
	public record Problem(int offset, int length, int severity, String code, String message) {
		/** @return the text shown in hovers and the status line: {@code CODE message} */
		public String text() {
			return code + " " + message;
		}
	}

	/**
	 * The semantically coloured ranges, sorted and disjoint, in three parallel arrays: a large
	 * site has a hundred thousand of them per check, and an object for each was garbage the
	 * collector had to clear while the user typed.
	 */
	public static final class Highlights {
		private int[] offsets = new int[1024];
		private int[] lengths = new int[1024];
		private String[] styles = new String[1024];
		private int size;

		/** Adds a range after the ones added so far. */
		public void add(int offset, int length, String style) {
			if (size == offsets.length) {
				offsets = java.util.Arrays.copyOf(offsets, size * 2);
				lengths = java.util.Arrays.copyOf(lengths, size * 2);
				styles = java.util.Arrays.copyOf(styles, size * 2);
			}
			offsets[size] = offset;
			lengths[size] = length;
			styles[size++] = style;
		}

		public int size() {
			return size;
		}

		/** @return the ranges' offsets, trimmed to {@link #size()}; the caller may change them */
		int[] offsets() {
			return java.util.Arrays.copyOf(offsets, size);
		}

		/** @return the ranges' lengths, trimmed to {@link #size()}; the caller may change them */
		int[] lengths() {
			return java.util.Arrays.copyOf(lengths, size);
		}

		/** @return the ranges' style ids, trimmed to {@link #size()} */
		String[] styles() {
			return java.util.Arrays.copyOf(styles, size);
		}
	}

	/**
	 * The outline of the design and its folding regions, worked out on the model's worker so
	 * that the UI thread only applies them.
	 *
	 * @param roots the top-level elements
	 * @param folds the regions that fold, whole lines, by outline node id
	 * @param shape changes only when the tree's shape (its node ids) changes: the Outline view
	 *              is rebuilt then and only then
	 */
	public record Outline(List<OutlineNode> roots, List<Fold> folds, long shape) {
	}

	/** A folding region: whole lines, from the start of the first to the start of the line after the last. */
	public record Fold(String id, int offset, int length) {
	}
}
