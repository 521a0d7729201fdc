package org.palisade.ui.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.palisade.ui.editor.internal.DesignConfiguration;
import org.palisade.ui.editor.internal.DesignModel;
import org.palisade.ui.editor.internal.DesignOutlinePage;
import org.palisade.ui.editor.internal.DesignPartitions;
import org.palisade.ui.editor.internal.EditorActions;
import org.palisade.ui.editor.internal.EditorColors;
import org.palisade.ui.editor.internal.EditorPresentation;
import org.palisade.ui.editor.internal.ReconcileResult;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The editor of {@code .perimeter} designs: the platform's text editor (undo, find/replace,
 * line numbers, markers, quick diff) driven by the perimeter language's IDE services, the
 * ones its language server uses.
 * <p>
 * The parsed design lives in a {@link DesignModel} with a worker thread of its own; the
 * editor queues the document's changes to it and shows each check's findings, semantic
 * colours, outline and folds once typing pauses.
 */
public class PerimeterEditor extends TextEditor {

	/** The editor's id, as declared in plugin.xml. */
	public static final String ID = "org.palisade.ui.editor";

	/** The key binding context active in this editor. */
	public static final String CONTEXT = "org.palisade.ui.editor.scope";

	private DesignModel model;

	private EditorPresentation presentation;

	private DesignOutlinePage outline;

	private ProjectionSupport projection;

	private final List<Consumer<ReconcileResult>> listeners = new CopyOnWriteArrayList<>();

	private final IDocumentListener modelFeeder = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// The model takes the change once it happened.
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			if (model != null) {
				model.changed(event);
			}
		}
	};

	/** Another design saved: the one this imports may be it. */
	private final IResourceChangeListener importWatcher = this::workspaceChanged;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setSourceViewerConfiguration(new DesignConfiguration(this, getPreferenceStore()));
		setKeyBindingScopes(new String[] { CONTEXT });
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		IDocument old = document();
		if (old != null) {
			old.removeDocumentListener(modelFeeder);
		}
		super.doSetInput(input);
		if (model != null) {
			model.dispose();
		}
		model = new DesignModel(PalisadeWorkspace.injector(), uriOf(input));
		IDocument document = document();
		if (document != null) {
			DesignPartitions.install(document);
			model.reset(document);
			document.addDocumentListener(modelFeeder);
		}
	}

	private static URI uriOf(IEditorInput input) {
		if (input instanceof IFileEditorInput fileInput) {
			IPath location = fileInput.getFile().getLocation();
			if (location != null) {
				return URI.createFileURI(location.toOSString());
			}
			return URI.createPlatformResourceURI(fileInput.getFile().getFullPath().toString(), true);
		}
		if (input instanceof IURIEditorInput uriInput) {
			return URI.createURI(uriInput.getURI().toString());
		}
		return URI.createURI("memory:/" + input.getName().replace(' ', '_') + (input.getName().endsWith(".perimeter") ? "" : ".perimeter"));
	}

	@Override
	protected ISourceViewer createSourceViewer(Composite parent, IVerticalRuler ruler, int styles) {
		fAnnotationAccess = getAnnotationAccess();
		fOverviewRuler = createOverviewRuler(getSharedColors());
		ProjectionViewer viewer = new ProjectionViewer(parent, ruler, getOverviewRuler(), isOverviewRulerVisible(), styles);
		getSourceViewerDecorationSupport(viewer);
		return viewer;
	}

	@Override
	public void createPartControl(Composite parent) {
		super.createPartControl(parent);
		ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
		projection = new ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors());
		projection.addSummarizableAnnotationType("org.eclipse.ui.workbench.texteditor.error");
		projection.addSummarizableAnnotationType("org.eclipse.ui.workbench.texteditor.warning");
		projection.install();
		viewer.doOperation(ProjectionViewer.TOGGLE);
		presentation = new EditorPresentation(viewer, ((DesignConfiguration) getSourceViewerConfiguration()));
		if (getSelectionProvider() instanceof IPostSelectionProvider post) {
			post.addPostSelectionChangedListener(event -> {
				if (outline != null && event.getSelection() instanceof ITextSelection text) {
					outline.reveal(text.getOffset());
				}
			});
		}
		ResourcesPlugin.getWorkspace().addResourceChangeListener(importWatcher, IResourceChangeEvent.POST_CHANGE);
		EditorColors.store().addPropertyChangeListener(colorsChanged);
	}

	/** A colour preference changed: re-colour the whole text once (rare, so no economy). */
	private final IPropertyChangeListener colorsChanged = event -> {
		ISourceViewer viewer = getSourceViewer();
		if (viewer != null && viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) {
			viewer.getTextWidget().getDisplay().asyncExec(() -> {
				if (!viewer.getTextWidget().isDisposed()) {
					((DesignConfiguration) getSourceViewerConfiguration()).reloadColors();
					viewer.invalidateTextPresentation();
				}
			});
		}
	};

	@Override
	protected void createActions() {
		super.createActions();
		setAction(EditorActions.FORMAT, new EditorActions.Format(this));
		setAction(EditorActions.TOGGLE_COMMENT, new EditorActions.ToggleComment(this));
		setAction(EditorActions.OPEN_DECLARATION, new EditorActions.OpenDeclaration(this));
		setAction(EditorActions.RENAME, new EditorActions.Rename(this));
		setAction(EditorActions.FIND_REFERENCES, new EditorActions.FindReferences(this));
	}

	@Override
	protected void editorContextMenuAboutToShow(IMenuManager menu) {
		super.editorContextMenuAboutToShow(menu);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.OPEN_DECLARATION);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.FIND_REFERENCES);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.RENAME);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.FORMAT);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, EditorActions.TOGGLE_COMMENT);
	}

	/**
	 * Shows a check's result, if the document is still the one it checked (called on the
	 * model's worker): first its findings, then its colours and outline.
	 */
	public void reconciled(ReconcileResult result) {
		Display display = getSite() == null ? null : getSite().getShell().getDisplay();
		if (display == null || display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			IDocument document = document();
			if (presentation == null || document == null
					|| document instanceof IDocumentExtension4 ext && ext.getModificationStamp() != result.stamp()) {
				return; // typed since: the next check has it
			}
			long showStart = System.nanoTime();
			presentation.show(result, annotationModel());
			long shown = System.nanoTime();
			if (outline != null && result.outline() != null) {
				outline.update(result.outline());
			}
			lastShowNanos = new long[] { result.stamp(), System.nanoTime() - showStart, shown - showStart, result.timings().ended(), showStart };
			if (!result.findingsOnly()) {
				lastShown = result;
				lastShownMillis = System.currentTimeMillis();
			}
			for (Consumer<ReconcileResult> listener : listeners) {
				listener.accept(result);
			}
		});
	}

	private volatile ReconcileResult lastShown;

	private volatile long lastShownMillis;

	private volatile long[] lastShowNanos = new long[5];

	/**
	 * @return for the last result shown: its stamp, the time spent showing it (annotations,
	 *         colours, folds and outline), of which annotations, colours and folds, when its check
	 *         ended and when showing it started (nanoseconds; for the benchmark)
	 */
	public long[] lastShowNanos() {
		return lastShowNanos.clone();
	}

	/** @return the colours and outline of the last check shown, or null before the first */
	public ReconcileResult lastShown() {
		return lastShown;
	}

	/** @return when the last check's colours and outline were shown ({@link System#currentTimeMillis()}), 0 before */
	public long lastShownMillis() {
		return lastShownMillis;
	}

	/** Calls a listener on the UI thread each time a check's result is shown (tests, benchmark). */
	public void addReconcileListener(Consumer<ReconcileResult> listener) {
		listeners.add(listener);
	}

	/** Removes a listener added by {@link #addReconcileListener}. */
	public void removeReconcileListener(Consumer<ReconcileResult> listener) {
		listeners.remove(listener);
	}

	/** @return the parsed design behind this editor */
	public DesignModel model() {
		return model;
	}

	/** @return the document being edited, or null before the input is set */
	public IDocument document() {
		return getDocumentProvider() == null || getEditorInput() == null ? null
				: getDocumentProvider().getDocument(getEditorInput());
	}

	/** @return the text viewer (for tests and the benchmark, which drive it as a user would) */
	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	/** @return how the viewer is configured: hovers, assist, reconciler (tests, benchmark) */
	public org.eclipse.jface.text.source.SourceViewerConfiguration configuration() {
		return getSourceViewerConfiguration();
	}

	private IAnnotationModel annotationModel() {
		return getDocumentProvider().getAnnotationModel(getEditorInput());
	}

	private volatile String lastStatus = "";

	/** Shows a message in the status line. */
	public void status(String message) {
		lastStatus = message;
		getEditorSite().getActionBars().getStatusLineManager().setMessage(message);
	}

	/** @return the last message this editor showed in the status line (tests) */
	public String lastStatus() {
		return lastStatus;
	}

	@Override
	public <T> T getAdapter(Class<T> type) {
		if (IContentOutlinePage.class.equals(type)) {
			if (outline == null) {
				outline = new DesignOutlinePage(this);
				if (presentation != null && presentation.lastOutline() != null) {
					Display.getCurrent().asyncExec(() -> outline.update(presentation.lastOutline()));
				}
			}
			return type.cast(outline);
		}
		if (projection != null) {
			T adapter = projection.getAdapter(getSourceViewer(), type);
			if (adapter != null) {
				return adapter;
			}
		}
		return super.getAdapter(type);
	}

	private void workspaceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null || model == null) {
			return;
		}
		try {
			delta.accept(d -> {
				if (d.getResource() instanceof IFile file && PalisadeWorkspace.isDesign(file)
						&& (d.getFlags() & IResourceDelta.CONTENT) != 0 && file.getLocation() != null) {
					URI uri = URI.createFileURI(file.getLocation().toOSString());
					if (!uri.equals(model.uri())) {
						model.importChanged(uri);
					}
				}
				return true;
			});
		} catch (CoreException e) {
			// Nothing to reload then.
		}
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(importWatcher);
		EditorColors.store().removePropertyChangeListener(colorsChanged);
		IDocument document = document();
		if (document != null) {
			document.removeDocumentListener(modelFeeder);
		}
		if (presentation != null) {
			presentation.dispose();
		}
		if (model != null) {
			model.dispose();
		}
		super.dispose();
	}
}
