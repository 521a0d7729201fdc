package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Wires the platform text editor to the perimeter language: the lexer colours code, the
 * partitioner colours comments and strings, a reconciler checks the design while typing,
 * and content assist, hovers and hyperlinks read the model on its worker.
 */
public final class DesignConfiguration extends TextSourceViewerConfiguration {

	/**
	 * How long typing must pause before the design is checked: the whole of it is added to
	 * every keystroke-to-finding time. Each key restarts the wait, and a check that a newer key
	 * makes stale stops early, so a burst of typing wastes little; the document's changes are
	 * replayed into the model one by one whatever the delay, so a longer wait saves nothing there.
	 */
	public static final int RECONCILE_DELAY_MS = 30;

	private final PerimeterEditor editor;

	private final EditorStyles styles;

	public DesignConfiguration(PerimeterEditor editor, IPreferenceStore preferences) {
		super(preferences);
		this.editor = editor;
		this.styles = new EditorStyles();
	}

	EditorStyles styles() {
		return styles;
	}

	/** Reads the colour preferences again; the viewer's text must be presented again after. */
	public void reloadColors() {
		styles.reload();
	}

	@Override
	public String getConfiguredDocumentPartitioning(ISourceViewer viewer) {
		return DesignPartitions.PARTITIONING;
	}

	@Override
	public String[] getConfiguredContentTypes(ISourceViewer viewer) {
		return DesignPartitions.TYPES;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer viewer) {
		PresentationReconciler reconciler = new WindowedPresentationReconciler();
		reconciler.setDocumentPartitioning(DesignPartitions.PARTITIONING);
		DefaultDamagerRepairer code = new DefaultDamagerRepairer(new LexicalScanner(PalisadeWorkspace.injector(), styles));
		reconciler.setDamager(code, IDocument.DEFAULT_CONTENT_TYPE);
		reconciler.setRepairer(code, IDocument.DEFAULT_CONTENT_TYPE);
		DefaultDamagerRepairer comment = new DefaultDamagerRepairer(whole(EditorStyles.COMMENT));
		reconciler.setDamager(comment, DesignPartitions.COMMENT);
		reconciler.setRepairer(comment, DesignPartitions.COMMENT);
		DefaultDamagerRepairer string = new DefaultDamagerRepairer(whole(EditorStyles.STRING));
		reconciler.setDamager(string, DesignPartitions.STRING);
		reconciler.setRepairer(string, DesignPartitions.STRING);
		return reconciler;
	}

	private RuleBasedScanner whole(String style) {
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setDefaultReturnToken(styles.token(style));
		return scanner;
	}

	@Override
	public IReconciler getReconciler(ISourceViewer viewer) {
		MonoReconciler reconciler = new MonoReconciler(new DesignReconciler(editor::model, editor::reconciled), false);
		reconciler.setDelay(RECONCILE_DELAY_MS);
		return reconciler;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer viewer) {
		ContentAssistant assistant = new ContentAssistant(true);
		assistant.setDocumentPartitioning(DesignPartitions.PARTITIONING);
		DesignCompletionProcessor processor = new DesignCompletionProcessor(editor::model);
		assistant.setContentAssistProcessor(processor, IDocument.DEFAULT_CONTENT_TYPE);
		assistant.setContentAssistProcessor(processor, DesignPartitions.STRING);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(300);
		assistant.setShowEmptyList(true);
		assistant.setStatusLineVisible(true);
		assistant.setStatusMessage("Ctrl+Space for all proposals");
		assistant.setInformationControlCreator(getInformationControlCreator(viewer));
		return assistant;
	}

	@Override
	public org.eclipse.jface.text.quickassist.IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer viewer) {
		org.eclipse.jface.text.quickassist.QuickAssistAssistant assistant = new org.eclipse.jface.text.quickassist.QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new DesignQuickAssist(editor));
		assistant.setInformationControlCreator(getInformationControlCreator(viewer));
		return assistant;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer viewer, String contentType) {
		return new DesignTextHover(editor::model);
	}

	@Override
	public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer viewer) {
		List<IHyperlinkDetector> detectors = new ArrayList<>();
		detectors.add(new Navigator.Detector(editor));
		IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(viewer);
		if (inherited != null) {
			detectors.addAll(Arrays.asList(inherited));
		}
		return detectors.toArray(IHyperlinkDetector[]::new);
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer viewer, String contentType) {
		return new String[] { "//", "" };
	}
}
