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

	/** How many reparses the document's edits have cost so far (read after a read completes). */
	private volatile int reparses;

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

	/** @return how many reparses replaying the document's edits has cost so far (tests, bench) */
	public int reparses() {
		return reparses;
	}

	/** Stops the worker; reads queued after this fail. */
	public void dispose() {
		worker.shutdownNow();
	}

	/**
	 * Edits closer together than this are reparsed as one: a burst of typing, or a diagram
	 * edit's lines in one camera. Edits further apart stay separate, since one reparse of
	 * everything between them costs more than a few small ones.
	 */
	static final int COALESCE_SPAN = 8192;

	private void replay() {
		Change change;
		boolean changedHere = false;
		Edits edits = new Edits();
		while ((change = pending.poll()) != null) {
			if (change instanceof Edit edit) {
				if (resource == null) {
					continue; // a reset follows before anyone reads
				}
				if (!edits.add(edit, resource)) {
					flush(edits);
					edits.add(edit, resource);
				}
				stamp = edit.stamp();
				changedHere = true;
				continue;
			}
			flush(edits);
			if (change instanceof Reset reset) {
				load(reset.text());
				stamp = reset.stamp();
				changedHere = true;
			} else if (change instanceof Unload unload && resourceSet != null) {
				Resource imported = resourceSet.getResource(unload.uri(), false);
				if (imported != null && imported != resource) {
					imported.unload();
					resourceSet.getResources().remove(imported);
					changedHere = true;
					// References into the unloaded file are proxies again.
					if (resource instanceof org.palisade.dsl.linking.SiteResource site) {
						site.resolveAllNextTime();
					}
				}
			}
		}
		flush(edits);
		if (changedHere && resource != null) {
			loadImports();
		}
	}

	private void flush(Edits edits) {
		reparses += edits.flushInto(resource);
	}

	/**
	 * Document changes waiting to be reparsed as one region. While a check runs, typing goes
	 * on: replaying each key on its own costs a reparse per key, and a whole-text reparse per
	 * key while the text has a syntax error (Xtext reparses everything when the edited element
	 * does not parse), which at 1,000 cameras made the worker fall further behind with each key
	 * and filled the heap with parse trees ({@code palisade bench editor}, profiled).
	 */
	static final class Edits {

		private final List<Edit> edits = new java.util.ArrayList<>();

		/** Length of the text before the first edit, and after the last one. */
		private int lengthBefore;
		private int length;

		/** The region the edits touch: its start, and the unchanged text after it, by length. */
		private int start;
		private int suffix;

		/**
		 * @return whether the edit joined the group; false when it lies too far from the
		 *         others (flush them first)
		 */
		boolean add(Edit edit, XtextResource resource) {
			int lengthAfter = (edits.isEmpty() ? textLength(resource) : length) - edit.length() + edit.text().length();
			int newStart = edits.isEmpty() ? edit.offset() : Math.min(start, edit.offset());
			int newSuffix = lengthAfter - edit.offset() - edit.text().length();
			if (!edits.isEmpty()) {
				newSuffix = Math.min(suffix, newSuffix);
				if (lengthAfter - newSuffix - newStart > COALESCE_SPAN) {
					return false;
				}
			} else {
				lengthBefore = textLength(resource);
			}
			edits.add(edit);
			length = lengthAfter;
			start = newStart;
			suffix = newSuffix;
			return true;
		}

		/**
		 * Reparses the waiting edits as one change of the text, and forgets them.
		 *
		 * @return how many reparses that took
		 */
		int flushInto(XtextResource resource) {
			if (edits.isEmpty()) {
				return 0;
			}
			int reparses = 1;
			if (edits.size() == 1 || resource.getParseResult() == null) {
				for (Edit edit : edits) {
					resource.update(edit.offset(), edit.length(), edit.text());
				}
				reparses = edits.size();
			} else {
				StringBuilder text = new StringBuilder(resource.getParseResult().getRootNode().getText());
				for (Edit edit : edits) {
					text.replace(edit.offset(), edit.offset() + edit.length(), edit.text());
				}
				// Neither end may overlap the other: the region is at least empty.
				int kept = Math.min(suffix, Math.min(lengthBefore, text.length()) - start);
				resource.update(start, lengthBefore - kept - start, text.substring(start, text.length() - kept));
			}
			edits.clear();
			return reparses;
		}

		private static int textLength(XtextResource resource) {
			return resource.getParseResult() == null ? 0 : resource.getParseResult().getRootNode().getTotalLength();
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
