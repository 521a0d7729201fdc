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
 * @param started    when the pass started ({@link System#nanoTime()}), for the benchmark
 */
public record ReconcileResult(long stamp, List<Problem> problems, List<Highlight> highlights, List<OutlineNode> outline,
		long started) {

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
