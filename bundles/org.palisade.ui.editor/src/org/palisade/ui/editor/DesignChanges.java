package org.palisade.ui.editor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.swt.widgets.Display;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.palisade.dsl.ide.quickfix.DesignEdits;
import org.palisade.dsl.ide.quickfix.DesignSlice;
import org.palisade.dsl.ide.quickfix.DesignSlice.Replacement;
import org.palisade.ui.editor.internal.DesignModel;
import org.palisade.ui.editor.internal.EditorActions;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The one way to change a design other than typing: quick fixes, the Properties view and
 * the diagrams change its EMF model, and Xtext's {@link IChangeSerializer} turns the change
 * into minimal text edits on the editor's document (comments and untouched text kept, one
 * undo step).
 * <p>
 * The change is made on the editor's own model, on the design's worker thread, serialized, and
 * taken back ({@link DesignEdits#editsInPlace}); the model then follows the edited document like
 * any typing. So a change never leaves the text and the model apart, and a change computed
 * against text the user has since edited is dropped rather than applied in the wrong place.
 * (It was made on a copy parsed from the text: 4.7 s from a diagram edit to the text at 1,000
 * cameras, {@code palisade bench diagram}.)
 */
public final class DesignChanges {

	/** Text edits for one design, valid for the document at {@code stamp}. */
	private record Edits(long stamp, List<Replacement> replacements, long queued, long replayed, long serialized) {
	}

	/**
	 * Where the time of the last change went, in nanoseconds (benchmark): waiting for the
	 * design's worker, replaying the document's changes, serializing, waiting for the UI
	 * thread, and putting the edits in the document.
	 */
	public record Timings(long waitForWorker, long replay, long serialize, long waitForUi, long uiBusy, long apply) {
	}

	private static volatile Timings last = new Timings(0, 0, 0, 0, 0, 0);

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

	private static final AtomicLong SLICED = new AtomicLong();

	private DesignChanges() {
	}

	/** @return how many changes so far were serialized on a slice of their design (tests, benchmarks) */
	public static long slicedChanges() {
		return SLICED.get();
	}

	/** @return where the time of the last change that reached the text went */
	public static Timings lastTimings() {
		return last;
	}

	/**
	 * Changes the design open in an editor.
	 *
	 * @param modification changes a copy of the design (find elements in it by name or offset);
	 *                     returns false when there is nothing to change
	 * @return completes with true once the edits are in the document, false when nothing
	 *         changed or the text changed meanwhile
	 */
	public static CompletableFuture<Boolean> apply(PerimeterEditor editor, Function<XtextResource, Boolean> modification) {
		return apply(editor, Set.of(), modification);
	}

	/**
	 * Changes the design open in an editor, the change confined to the named elements: in a large
	 * design it is serialized on a slice of the design that holds them ({@link DesignSlice}),
	 * which is the difference between 0.7 s and a few tens of milliseconds at 1,000 cameras. A
	 * change that reaches further is made on the whole design, so a scope too narrow costs time,
	 * never a wrong edit.
	 *
	 * @param scope names of the elements the change is confined to (a camera and the devices it
	 *              wires to, a schedule); empty for a change anywhere
	 */
	public static CompletableFuture<Boolean> apply(PerimeterEditor editor, Set<String> scope,
			Function<XtextResource, Boolean> modification) {
		CompletableFuture<Boolean> done = new CompletableFuture<>();
		DesignModel model = editor.model();
		long asked = System.nanoTime();
		model.read(snapshot -> edits(model, snapshot, scope, modification, asked)).whenComplete((edits, failure) -> {
			Display display = editor.getSite().getShell().getDisplay();
			long computed = System.nanoTime();
			long uiCpu = THREADS.getThreadCpuTime(display.getThread().getId());
			display.asyncExec(() -> {
				if (failure != null) {
					org.eclipse.core.runtime.ILog.of(DesignChanges.class).error("A change to " + model.uri().lastSegment() + " failed", failure);
					editor.status("The change could not be made: " + failure.getMessage());
					done.completeExceptionally(failure);
					return;
				}
				long applying = System.nanoTime();
				boolean applied = applyNow(editor, edits);
				if (applied) {
					last = new Timings(edits.queued(), edits.replayed(), edits.serialized(), applying - computed,
							THREADS.getCurrentThreadCpuTime() - uiCpu, System.nanoTime() - applying);
				}
				done.complete(applied);
			});
		});
		return done;
	}

	private static boolean applyNow(PerimeterEditor editor, Edits edits) {
		if (edits == null || edits.replacements().isEmpty()) {
			editor.status("Nothing to change: the design already reads so.");
			return false;
		}
		if (editor.document() instanceof IDocumentExtension4 ext && ext.getModificationStamp() != edits.stamp()) {
			editor.status("The design changed while the change was computed; try again.");
			return false;
		}
		MultiTextEdit edit = new MultiTextEdit();
		for (Replacement r : edits.replacements()) {
			edit.addChild(new ReplaceEdit(r.offset(), r.length(), r.text()));
		}
		EditorActions.applyAsOneStep(editor, edit);
		return true;
	}

	/** On the model's worker: the edits a modification makes to the design's current text. */
	private static Edits edits(DesignModel model, DesignModel.Snapshot snapshot, Set<String> scope,
			Function<XtextResource, Boolean> modification, long asked) {
		long start = System.nanoTime();
		// The snapshot's replay ran just before this reader: the worker picked the read up then.
		long queued = start - snapshot.replayNanos() - asked;
		XtextResource current = snapshot.resource();
		if (current == null || current.getParseResult() == null) {
			return null;
		}
		var injector = PalisadeWorkspace.injector();
		Optional<List<Replacement>> sliced = DesignSlice.edits(current, scope, injector.getInstance(XtextResourceSet.class),
				modification, injector.getInstance(IChangeSerializer.class));
		if (sliced.isPresent()) {
			SLICED.incrementAndGet();
			return new Edits(snapshot.stamp(), sliced.get(), queued, snapshot.replayNanos(), System.nanoTime() - start);
		}
		List<ITextReplacement> replacements = DesignEdits.editsInPlace(current, modification,
				injector.getInstance(IChangeSerializer.class));
		return new Edits(snapshot.stamp(), DesignSlice.of(replacements), queued, snapshot.replayNanos(),
				System.nanoTime() - start);
	}
}
