package org.palisade.ui.editor.internal;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;

/**
 * One proposal: replaces what was typed of it (the entry's prefix, and whatever the user
 * typed while the list was open) with the proposal's text.
 */
final class DesignProposal implements ICompletionProposal, ICompletionProposalExtension2 {

	private final ContentAssistEntry entry;

	private final int start;

	private int cursor;

	DesignProposal(ContentAssistEntry entry, int offset) {
		this.entry = entry;
		this.start = offset - (entry.getPrefix() == null ? 0 : entry.getPrefix().length());
	}

	/** @return the text the proposal inserts */
	public String getReplacement() {
		return entry.getProposal();
	}

	@Override
	public void apply(IDocument document) {
		apply(document, start + (entry.getPrefix() == null ? 0 : entry.getPrefix().length()));
	}

	@Override
	public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
		apply(viewer.getDocument(), offset);
	}

	private void apply(IDocument document, int offset) {
		try {
			document.replace(start, Math.max(0, offset - start), entry.getProposal());
			cursor = start + entry.getProposal().length();
		} catch (BadLocationException e) {
			// The document changed under the popup; nothing to apply.
		}
	}

	@Override
	public Point getSelection(IDocument document) {
		return new Point(cursor, 0);
	}

	@Override
	public String getAdditionalProposalInfo() {
		return entry.getDocumentation();
	}

	@Override
	public String getDisplayString() {
		String label = entry.getLabel() != null ? entry.getLabel() : entry.getProposal();
		return entry.getDescription() != null ? label + " - " + entry.getDescription() : label;
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}

	@Override
	public void selected(ITextViewer viewer, boolean smartToggle) {
		// no preview
	}

	@Override
	public void unselected(ITextViewer viewer) {
		// no preview
	}

	@Override
	public boolean validate(IDocument document, int offset, DocumentEvent event) {
		if (offset < start) {
			return false;
		}
		try {
			String typed = document.get(start, offset - start);
			String proposal = entry.getProposal();
			return proposal.regionMatches(true, 0, typed, 0, typed.length())
					|| proposal.startsWith("\"") && proposal.regionMatches(true, 1, typed, 0, typed.length());
		} catch (BadLocationException e) {
			return false;
		}
	}
}
