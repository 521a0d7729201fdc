package org.palisade.ui.editor.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.palisade.dsl.ide.quickfix.DesignEdits;

import com.google.inject.Injector;

/**
 * The parsed design behind one editor, owned by one worker thread.
 * <p>
 * EMF and Xtext resources are not thread-safe, so every read of the model (validation,
 * proposals, hovers, navigation, formatting) runs on this model's single worker through
 * {@link #read(Function)}. The UI thread only queues the document's changes as they happen
 * (a cheap copy of the replaced range); the worker replays them with Xtext's partial
 * reparse before it serves a read, so the model it reads always matches the document as of
 * {@link Snapshot#stamp()}.
 */
public final class DesignModel {

	/**
	 * The model as a read sees it.
	 *
	 * @param resource     the parsed design
	 * @param stamp        the document stamp it matches
	 * @param replayNanos  how long replaying the document's changes took before this read (parse, link)
	 */
	public record Snapshot(XtextResource resource, long stamp, long replayNanos) {
	}

	private sealed interface Change permits Edit, Reset, Unload {
	}

	private record Edit(int offset, int length, String text, long stamp) implements Change {
	}

	private record Reset(String text, long stamp) implements Change {
	}

	private record Unload(URI uri) implements Change {
	}

	private final Injector injector;

	private final URI uri;

	private final ExecutorService worker;

	private final ConcurrentLinkedQueue<Change> pending = new ConcurrentLinkedQueue<>();

	// Worker thread only.
	private XtextResourceSet resourceSet;
	private XtextResource resource;
	private long stamp = IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;

	/**
	 * @param uri where the design lives (a {@code file:} URI, so that its imports resolve
	 *            next to it)
	 */
	public DesignModel(Injector injector, URI uri) {
		this.injector = injector;
		this.uri = uri;
		this.worker = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "Palisade design model " + uri.lastSegment());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** @return the location of the design */
	public URI uri() {
		return uri;
	}

	/** Starts over from a document's whole text (UI thread: opening, reverting). */
	public void reset(IDocument document) {
		pending.add(new Reset(document.get(), stampOf(document)));
	}

	/** Queues a change of the document (UI thread, from {@code documentChanged}). */
	public void changed(DocumentEvent event) {
		pending.add(new Edit(event.getOffset(), event.getLength(), event.getText() == null ? "" : event.getText(),
				stampOf(event.getDocument())));
	}

	/** Drops a design this one imports, so the next read loads it again (another file was saved). */
	public void importChanged(URI changed) {
		pending.add(new Unload(changed));
	}

	/** @return whether document changes wait to be replayed: a read in progress is stale */
	public boolean hasPendingChanges() {
		return !pending.isEmpty();
	}

	/**
	 * Runs a read of the model on its worker, once the document's changes so far are
	 * replayed.
	 *
	 * @return the read's result, completed on the worker
	 */
	public <T> CompletableFuture<T> read(Function<Snapshot, T> reader) {
		return CompletableFuture.supplyAsync(() -> {
			long start = System.nanoTime();
			replay();
			return reader.apply(new Snapshot(resource, stamp, System.nanoTime() - start));
		}, worker);
	}

	/** Stops the worker; reads queued after this fail. */
	public void dispose() {
		worker.shutdownNow();
	}

	private void replay() {
		Change change;
		boolean changedHere = false;
		while ((change = pending.poll()) != null) {
			if (change instanceof Reset reset) {
				load(reset.text());
				stamp = reset.stamp();
				changedHere = true;
			} else if (change instanceof Edit edit) {
				if (resource == null) {
					continue; // a reset follows before anyone reads
				}
				resource.update(edit.offset(), edit.length(), edit.text());
				stamp = edit.stamp();
				changedHere = true;
			} else if (change instanceof Unload unload && resourceSet != null) {
				Resource imported = resourceSet.getResource(unload.uri(), false);
				if (imported != null && imported != resource) {
					imported.unload();
					resourceSet.getResources().remove(imported);
					changedHere = true;
				}
			}
		}
		if (changedHere && resource != null) {
			loadImports();
		}
	}

	private void load(String text) {
		resourceSet = injector.getInstance(XtextResourceSet.class);
		resource = (XtextResource) resourceSet.createResource(uri);
		try {
			resource.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new IllegalStateException("cannot parse text held in memory", e);
		}
	}

	/**
	 * Loads what the design imports (as {@code palisade validate} does), and links the
	 * other designs again: they may point at elements of this one, which a reparse replaced.
	 */
	private void loadImports() {
		loadImports(resource);
		for (Resource other : List.copyOf(resourceSet.getResources())) {
			if (other != resource && other instanceof XtextResource xtext && other.isLoaded()) {
				xtext.relink();
			}
		}
	}

	/** Loads what a design imports into its resource set, as {@code palisade validate} does. */
	public static void loadImports(XtextResource resource) {
		DesignEdits.loadImports(resource);
	}

	private static long stampOf(IDocument document) {
		return document instanceof IDocumentExtension4 ext ? ext.getModificationStamp()
				: IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
	}
}
