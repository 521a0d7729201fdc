package org.palisade.ui.editor.internal;

import java.util.List;

/**
 * What one pass over the design found, positioned in the document as it was at
 * {@link #stamp()}: published on the UI thread only if the document has not changed since.
 *
 * @param stamp      the document's modification stamp the offsets belong to
 * @param problems   the findings of the rules, syntax and linking included
 * @param highlights semantic highlighting ranges
 * @param outline    the design's elements, for the Outline view and folding
 * @param timings    where the pass spent its time, for the benchmark
 */
public record ReconcileResult(long stamp, List<Problem> problems, List<Highlight> highlights, List<OutlineNode> outline,
		Timings timings) {

	/**
	 * Where a pass spent its time, in nanoseconds.
	 *
	 * @param started   when the reconciler started the pass ({@link System#nanoTime()})
	 * @param replay    replaying the document's changes into the model (parse, link)
	 * @param validate  the rules (resolving references included)
	 * @param highlight semantic highlighting
	 * @param outline   the outline and folding regions
	 * @param ended     when the pass ended on the worker ({@link System#nanoTime()})
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

	/** A semantically coloured range. */
	public record Highlight(int offset, int length, String style) {
	}
}
