package org.palisade.ui.editor.internal.refactoring;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.palisade.dsl.ide.refactoring.DesignRename;
import org.palisade.dsl.load.DesignSet;
import org.palisade.workspace.PalisadeWorkspace;
import org.palisade.workspace.ProjectDesigns;

/**
 * Renames a design element and its uses in every file of the project, as one LTK change:
 * previewed file by file, applied to open editors' documents (unsaved text kept as it
 * was, saved files saved again) and undone in one step from Edit &gt; Undo.
 */
public final class RenameRefactoring extends Refactoring {

	private final DesignElement target;

	private final DesignRename rename = PalisadeWorkspace.injector().getInstance(DesignRename.class);

	private String newName;

	public RenameRefactoring(DesignElement target) {
		this.target = target;
		this.newName = DesignRename.nameOf(target.element());
	}

	@Override
	public String getName() {
		return "Rename " + target.label();
	}

	/** @return the element's name now */
	public String currentName() {
		return DesignRename.nameOf(target.element());
	}

	/** @return why the name cannot be used, or null */
	public String setNewName(String name) {
		this.newName = name;
		return rename.problem(target.element(), name);
	}

	@Override
	public RefactoringStatus checkInitialConditions(IProgressMonitor pm) {
		if (target.file() == null) {
			return RefactoringStatus.createFatalErrorStatus(target.label() + " is declared in "
					+ target.element().eResource().getURI().lastSegment()
					+ ", outside the workspace (a built-in catalog): it cannot be renamed here.");
		}
		return new RefactoringStatus();
	}

	@Override
	public RefactoringStatus checkFinalConditions(IProgressMonitor pm) throws OperationCanceledException {
		String problem = rename.problem(target.element(), newName);
		return problem == null ? new RefactoringStatus() : RefactoringStatus.createFatalErrorStatus(problem);
	}

	@Override
	public Change createChange(IProgressMonitor pm) throws CoreException {
		CompositeChange change = new CompositeChange("Rename " + target.label() + " to '" + newName + "'");
		for (DesignRename.FileEdits edits : rename.rename(target.element(), newName, target.designs().resourceSet())) {
			IFile file = ProjectDesigns.fileOf(edits.uri());
			if (file == null) {
				// A use in a file outside the workspace (an import by absolute path) would be
				// left stale: say so rather than rename half.
				throw new CoreException(org.eclipse.core.runtime.Status.error(
						edits.uri().toFileString() + " uses " + target.label() + " but is outside the workspace; rename it there by hand."));
			}
			TextFileChange fileChange = new TextFileChange(file.getName(), file);
			fileChange.setTextType(DesignSet.EXTENSION);
			MultiTextEdit edit = new MultiTextEdit();
			for (DesignRename.Replacement r : edits.replacements()) {
				edit.addChild(new ReplaceEdit(r.offset(), r.length(), r.text()));
			}
			fileChange.setEdit(edit);
			change.add(fileChange);
		}
		return change;
	}
}
