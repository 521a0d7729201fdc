package org.palisade.ui.editor.internal;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.ui.texteditor.TextEditorAction;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.editor.internal.refactoring.DesignElement;
import org.palisade.ui.editor.internal.refactoring.ReferencesSearch;
import org.palisade.ui.editor.internal.refactoring.RenameRefactoring;
import org.palisade.ui.editor.internal.refactoring.RenameWizard;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The editor's own commands: format, toggle comment, open declaration, rename, find
 * references. Each change to the text is one undoable step.
 */
public final class EditorActions {

	/** Command of Format (Ctrl+Shift+F). */
	public static final String FORMAT = "org.palisade.ui.editor.format";

	/** Command of Toggle Comment (Ctrl+/). */
	public static final String TOGGLE_COMMENT = "org.palisade.ui.editor.toggleComment";

	/** Command of Open Declaration (F3). */
	public static final String OPEN_DECLARATION = "org.palisade.ui.editor.openDeclaration";

	/** Command of Rename (Alt+Shift+R). */
	public static final String RENAME = "org.palisade.ui.editor.rename";

	/** Command of Find References (Ctrl+Shift+G). */
	public static final String FIND_REFERENCES = "org.palisade.ui.editor.findReferences";

	/** The actions' texts are set in code; the platform's action base wants a bundle all the same. */
	private static final ResourceBundle NO_BUNDLE = new java.util.ListResourceBundle() {
		@Override
		protected Object[][] getContents() {
			return new Object[0][];
		}
	};

	private EditorActions() {
	}

	/** Formats the whole design with the language's formatter (the one {@code DesignFormatter} uses). */
	public static final class Format extends TextEditorAction {

		public Format(PerimeterEditor editor) {
			super(NO_BUNDLE, "Format.", editor);
			setText("&Format");
			setActionDefinitionId(FORMAT);
		}

		@Override
		public void run() {
			PerimeterEditor editor = (PerimeterEditor) getTextEditor();
			try {
				List<ITextReplacement> replacements = editor.model().read(s -> replacements(s.resource())).get(10, TimeUnit.SECONDS);
				if (replacements == null) {
					editor.status("Cannot format: the design has syntax errors; fix them first.");
					return;
				}
				MultiTextEdit edit = new MultiTextEdit();
				for (ITextReplacement r : replacements) {
					edit.addChild(new ReplaceEdit(r.getOffset(), r.getLength(), r.getReplacementText()));
				}
				applyAsOneStep(editor, edit);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (Exception e) {
				editor.status("Cannot format: " + e.getMessage());
			}
		}

		/** @return the formatter's replacements, or null when the text does not parse (model worker) */
		static List<ITextReplacement> replacements(XtextResource resource) {
			if (resource == null || resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
				return null;
			}
			var injector = PalisadeWorkspace.injector();
			FormatterRequest request = injector.getInstance(FormatterRequest.class);
			request.setTextRegionAccess(injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create());
			request.setExceptionHandler(e -> {
				throw new IllegalStateException(e.getMessage(), e);
			});
			return List.copyOf(injector.getInstance(IFormatter2.class).format(request));
		}
	}

	/** Comments the selected lines with {@code //}, or uncomments them when all are comments. */
	public static final class ToggleComment extends TextEditorAction {

		public ToggleComment(PerimeterEditor editor) {
			super(NO_BUNDLE, "ToggleComment.", editor);
			setText("Toggle Co&mment");
			setActionDefinitionId(TOGGLE_COMMENT);
		}

		@Override
		public void run() {
			PerimeterEditor editor = (PerimeterEditor) getTextEditor();
			IDocument document = editor.document();
			ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
			try {
				int first = selection.getStartLine();
				int last = selection.getEndLine();
				if (last > first && selection.getOffset() + selection.getLength() == document.getLineOffset(last)) {
					last--; // a selection ending at a line start does not take that line
				}
				boolean allCommented = true;
				for (int line = first; line <= last; line++) {
					String text = lineText(document, line).strip();
					if (!text.isEmpty() && !text.startsWith("//")) {
						allCommented = false;
					}
				}
				MultiTextEdit edit = new MultiTextEdit();
				for (int line = first; line <= last; line++) {
					IRegion info = document.getLineInformation(line);
					String text = lineText(document, line);
					if (allCommented) {
						int at = text.indexOf("//");
						if (at >= 0) {
							edit.addChild(new ReplaceEdit(info.getOffset() + at, 2, ""));
						}
					} else {
						edit.addChild(new ReplaceEdit(info.getOffset(), 0, "//"));
					}
				}
				applyAsOneStep(editor, edit);
			} catch (BadLocationException e) {
				editor.status("Cannot toggle the comment: " + e.getMessage());
			}
		}

		private static String lineText(IDocument document, int line) throws BadLocationException {
			IRegion info = document.getLineInformation(line);
			return document.get(info.getOffset(), info.getLength());
		}
	}

	/** Opens the element the name under the caret refers to (F3; Ctrl-click is the hyperlink). */
	public static final class OpenDeclaration extends TextEditorAction {

		public OpenDeclaration(PerimeterEditor editor) {
			super(NO_BUNDLE, "OpenDeclaration.", editor);
			setText("Open &Declaration");
			setActionDefinitionId(OPEN_DECLARATION);
		}

		@Override
		public void run() {
			PerimeterEditor editor = (PerimeterEditor) getTextEditor();
			int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
			try {
				DesignNavigation.Target target = editor.model().read(s -> DesignNavigation.target(s.resource(), offset))
						.get(5, TimeUnit.SECONDS);
				if (target == null) {
					editor.status("No declaration: the caret is not on a reference");
				} else {
					Navigator.open(editor, target);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (Exception e) {
				editor.status("Cannot open the declaration: " + e.getMessage());
			}
		}
	}

	/**
	 * Renames the element under the caret and its uses across the project, through the
	 * rename dialog and its preview. Unsaved text in open editors is what is renamed.
	 */
	public static final class Rename extends TextEditorAction {

		public Rename(PerimeterEditor editor) {
			super(NO_BUNDLE, "Rename.", editor);
			setText("Re&name...");
			setActionDefinitionId(RENAME);
		}

		@Override
		public void run() {
			PerimeterEditor editor = (PerimeterEditor) getTextEditor();
			IFile file = editor.getEditorInput().getAdapter(IFile.class);
			if (file == null) {
				editor.status("Cannot rename: this design is not in a workspace project.");
				return;
			}
			int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
			try {
				DesignElement target = DesignElement.at(file, offset);
				if (target == null) {
					editor.status("Nothing to rename: the caret is not on a named element.");
					return;
				}
				RenameWizard wizard = new RenameWizard(new RenameRefactoring(target));
				new RefactoringWizardOpenOperation(wizard).run(editor.getSite().getShell(), "Rename");
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (CoreException e) {
				editor.status("Cannot rename: " + e.getMessage());
			}
		}
	}

	/** Lists the uses of the element under the caret in the Search view. */
	public static final class FindReferences extends TextEditorAction {

		public FindReferences(PerimeterEditor editor) {
			super(NO_BUNDLE, "FindReferences.", editor);
			setText("Find Re&ferences");
			setActionDefinitionId(FIND_REFERENCES);
		}

		@Override
		public void run() {
			PerimeterEditor editor = (PerimeterEditor) getTextEditor();
			IFile file = editor.getEditorInput().getAdapter(IFile.class);
			if (file == null) {
				editor.status("Cannot search: this design is not in a workspace project.");
				return;
			}
			int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
			NewSearchUI.runQueryInBackground(new ReferencesSearch.Query(file, offset));
		}
	}

	/** Applies an edit to the editor's document as one undoable change. */
	public static void applyAsOneStep(PerimeterEditor editor, MultiTextEdit edit) {
		if (!edit.hasChildren()) {
			return;
		}
		IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
		if (target != null) {
			target.beginCompoundChange();
		}
		try {
			edit.apply(editor.document());
		} catch (MalformedTreeException | BadLocationException e) {
			editor.status("Cannot change the text: " + e.getMessage());
		} finally {
			if (target != null) {
				target.endCompoundChange();
			}
		}
	}
}
