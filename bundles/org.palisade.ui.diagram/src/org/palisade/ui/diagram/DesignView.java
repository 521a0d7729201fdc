package org.palisade.ui.diagram;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.editor.internal.ReconcileResult;

/**
 * A view drawn from the design open in an editor: it follows that editor's checks (redrawn after
 * each one that produced findings) and lets go of it, saying so, when the editor closes. The
 * wiring diagram, the schedule editor and the site overview share this; each says what it shows
 * and how it is drawn.
 */
public abstract class DesignView extends ViewPart {

	private PerimeterEditor editor;
	private final Consumer<ReconcileResult> onCheck = r -> {
		if (r.problems() != null) {
			refresh();
		}
	};
	private final IPartListener2 onClose = new IPartListener2() {
		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			if (editor != null && ref.getPart(false) == editor) {
				detach();
				setContentDescription(closedMessage());
			}
		}
	};

	/** Draws the view again from the editor's current model; completes once it is shown. */
	public abstract CompletableFuture<?> refresh();

	/** @return what the view says once its design's editor has closed */
	protected abstract String closedMessage();

	/** @return the editor whose design is shown, or {@code null} */
	public PerimeterEditor editor() {
		return editor;
	}

	/** Call from {@code createPartControl}: from then on the view notices its editor closing. */
	protected void watchEditorClosing() {
		getSite().getPage().addPartListener(onClose);
	}

	/** Follows another editor's checks (and no longer the previous one's). */
	protected void follow(PerimeterEditor next) {
		detach();
		editor = next;
		next.addReconcileListener(onCheck);
	}

	private void detach() {
		if (editor != null) {
			editor.removeReconcileListener(onCheck);
			editor = null;
		}
	}

	@Override
	public void dispose() {
		detach();
		getSite().getPage().removePartListener(onClose);
		super.dispose();
	}
}
