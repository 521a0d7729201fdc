package org.palisade.ui.editor.internal.refactoring;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The rename dialog: the new name, checked as it is typed (a valid name, not taken by
 * another element of the same kind), with Preview showing each file's edits.
 */
public final class RenameWizard extends RefactoringWizard {

	public RenameWizard(RenameRefactoring refactoring) {
		super(refactoring, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
		setDefaultPageTitle(refactoring.getName());
	}

	@Override
	protected void addUserInputPages() {
		addPage(new NamePage());
	}

	/** The one input: the new name. */
	static final class NamePage extends UserInputWizardPage {

		/** Name of the new-name field, for UI tests. */
		static final String FIELD = "org.palisade.rename.newName";

		NamePage() {
			super("RenameDesignElement");
		}

		@Override
		public void createControl(Composite parent) {
			RenameRefactoring refactoring = (RenameRefactoring) getRefactoring();
			Composite body = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
			new Label(body, SWT.NONE).setText("New &name:");
			Text field = new Text(body, SWT.BORDER | SWT.SINGLE);
			field.setData("name", FIELD);
			field.setText(refactoring.currentName());
			field.selectAll();
			GridDataFactory.fillDefaults().grab(true, false).hint(convertWidthInCharsToPixels(40), SWT.DEFAULT).applyTo(field);
			field.addModifyListener(e -> check(field.getText()));
			Label note = new Label(body, SWT.WRAP);
			note.setText("Every use of it in this project's designs is renamed too.");
			GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(note);
			setPageComplete(false);
			setControl(body);
			Dialog.applyDialogFont(body);
			field.setFocus();
		}

		private void check(String name) {
			String problem = ((RenameRefactoring) getRefactoring()).setNewName(name);
			setErrorMessage(problem);
			setPageComplete(problem == null);
		}
	}
}
