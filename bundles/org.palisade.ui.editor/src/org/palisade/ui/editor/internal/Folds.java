package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The folding regions of a design, from its text and outline, on the model's worker: asking
 * the document for the lines of thousands of elements took the UI thread tens of
 * milliseconds per check at 1,000 cameras ({@code palisade bench editor}, profiled).
 */
final class Folds {

	/** Elements this deep and shallower fold: site, area, device and what a device holds. */
	private static final int DEPTH = 2;

	private Folds() {
	}

	/** @return a region for every element of the outline that spans more than one line */
	static List<ReconcileResult.Fold> of(String text, List<OutlineNode> outline) {
		int[] starts = lineStarts(text);
		List<ReconcileResult.Fold> folds = new ArrayList<>();
		collect(text.length(), starts, outline, folds, 0);
		return folds;
	}

	private static void collect(int end, int[] starts, List<OutlineNode> nodes, List<ReconcileResult.Fold> into, int depth) {
		for (OutlineNode node : nodes) {
			int first = lineOf(starts, node.offset());
			int last = lineOf(starts, Math.min(end, node.offset() + node.length()));
			if (last > first) {
				int stop = last + 1 < starts.length ? starts[last + 1] : end;
				into.add(new ReconcileResult.Fold(node.id(), starts[first], stop - starts[first]));
			}
			if (depth < DEPTH) {
				collect(end, starts, node.children(), into, depth + 1);
			}
		}
	}

	/** @return the offset each line starts at (line delimiters: \n, \r\n and \r, as the document has them) */
	static int[] lineStarts(String text) {
		int[] starts = new int[64];
		int n = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
				if (n == starts.length) {
					starts = Arrays.copyOf(starts, n * 2);
				}
				starts[n++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, n);
	}

	/** @return the index of the line an offset is on */
	static int lineOf(int[] starts, int offset) {
		int found = Arrays.binarySearch(starts, offset);
		return found >= 0 ? found : -found - 2;
	}
}
