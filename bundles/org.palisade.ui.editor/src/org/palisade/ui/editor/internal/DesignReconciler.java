package org.palisade.ui.editor.internal;

import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Checks the design on the reconciler's thread once typing pauses, and hands the result to
 * the editor. A pass that newer typing made stale stops early (the validator polls the
 * cancel indicator) and publishes nothing: the reconciler runs again after the new change.
 */
final class DesignReconciler implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final Supplier<DesignModel> models;

	private final DesignAnalysis analysis = new DesignAnalysis();

	private final Consumer<ReconcileResult> publisher;

	private IProgressMonitor monitor;

	/** @param models the editor's current model (a new one when the editor's input changes) */
	DesignReconciler(Supplier<DesignModel> models, Consumer<ReconcileResult> publisher) {
		this.models = models;
		this.publisher = publisher;
	}

	@Override
	public void setDocument(IDocument document) {
		// The model follows the document through the editor's listener, not through here.
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		run();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		run();
	}

	@Override
	public void reconcile(IRegion partition) {
		run();
	}

	private void run() {
		long started = System.nanoTime();
		DesignModel model = models.get();
		if (model == null) {
			return;
		}
		CancelIndicator cancel = () -> model.hasPendingChanges() || monitor != null && monitor.isCanceled();
		try {
			ReconcileResult result = model.read(snapshot -> analysis.analyse(snapshot, cancel, started, publisher)).get();
			if (result != null) {
				publisher.accept(result);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException e) {
			if (e.getCause() instanceof org.eclipse.xtext.service.OperationCanceledError
					|| e.getCause() instanceof org.eclipse.core.runtime.OperationCanceledException) {
				return; // typing went on: the next pass checks the newer text
			}
			ILog.of(DesignReconciler.class).error("Checking " + model.uri().lastSegment() + " failed", e.getCause());
		} catch (java.util.concurrent.RejectedExecutionException e) {
			// The editor closed while typing paused.
		}
	}
}
