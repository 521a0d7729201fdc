package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Ctrl+1 on a finding: the fixes {@link SiteQuickFixes} knows for its code, applied through
 * {@link org.palisade.ui.editor.DesignChanges} as one undoable step.
 */
final class DesignQuickAssist implements IQuickAssistProcessor {

	private final PerimeterEditor editor;

	DesignQuickAssist(PerimeterEditor editor) {
		this.editor = editor;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return SiteQuickFixes.FIXABLE.contains(code(annotation));
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel annotations = context.getSourceViewer().getAnnotationModel();
		int offset = context.getOffset();
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			String code = code(annotation);
			Position position = annotations.getPosition(annotation);
			if (annotation.isMarkedDeleted() || position == null || !SiteQuickFixes.FIXABLE.contains(code)
					|| !(position.overlapsWith(offset, 1) || position.getOffset() + position.getLength() == offset)) {
				continue;
			}
			String message = annotation.getText();
			int at = position.getOffset();
			try {
				List<SiteQuickFixes.Fix> fixes = editor.model().read(s -> SiteQuickFixes.fixes(s.resource(), at, code, message))
						.get(5, TimeUnit.SECONDS);
				for (SiteQuickFixes.Fix fix : fixes) {
					proposals.add(new FixProposal(editor, fix));
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (Exception e) {
				ILog.of(DesignQuickAssist.class).error("Fixes for " + code + " failed", e);
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** @return the rule code of an annotation of ours or of the builder, or "" */
	static String code(Annotation annotation) {
		if (annotation instanceof ProblemAnnotation problem) {
			return problem.getCode();
		}
		if (annotation instanceof MarkerAnnotation marker && marker.getMarker().exists()) {
			return marker.getMarker().getAttribute(PalisadeWorkspace.CODE, "");
		}
		return "";
	}

	/** One fix in the Ctrl+1 list. */
	static final class FixProposal implements ICompletionProposal {

		private final PerimeterEditor editor;

		private final SiteQuickFixes.Fix fix;

		FixProposal(PerimeterEditor editor, SiteQuickFixes.Fix fix) {
			this.editor = editor;
			this.fix = fix;
		}

		@Override
		public void apply(IDocument document) {
			SecretStorage.apply(editor, fix);
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return fix.label();
		}

		@Override
		public String getDisplayString() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
