package org.palisade.ui.deploy.internal;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Deploy Site... from the toolbar, the Deploy menu, the Project Explorer or the editor: opens the
 * deploy wizard on the design of the selection (a design file, or a project's first design), else
 * of the active editor, after asking to save the project's unsaved designs (a deploy reads the
 * files, as the command line does).
 */
public final class DeployHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		if (window == null) {
			return null;
		}
		IFile design = designOf(HandlerUtil.getActivePart(event), HandlerUtil.getCurrentSelection(event),
				HandlerUtil.getActiveEditor(event));
		if (design != null && !IDE.saveAllEditors(new IResource[] { design.getProject() }, true)) {
			return null;
		}
		DeployWizard.open(window.getShell(), design, List.of());
		return null;
	}

	/** @return the design the user means: the selected one in a view, else the active editor's */
	static IFile designOf(IWorkbenchPart part, ISelection selection, IEditorPart editor) {
		if (!(part instanceof IEditorPart) && selection instanceof IStructuredSelection s && !s.isEmpty()) {
			IResource r = Adapters.adapt(s.getFirstElement(), IResource.class);
			IFile f = designIn(r);
			if (f != null) {
				return f;
			}
		}
		if (editor != null && editor.getEditorInput() instanceof IFileEditorInput in
				&& PalisadeWorkspace.isDesign(in.getFile())) {
			return in.getFile();
		}
		return null;
	}

	private static IFile designIn(IResource r) {
		if (r instanceof IFile f && PalisadeWorkspace.isDesign(f)) {
			return f;
		}
		if (r instanceof IProject || r instanceof IContainer) {
			try {
				List<IFile> files = PalisadeWorkspace.designFiles((IContainer) r);
				return files.isEmpty() ? null : files.get(0);
			} catch (CoreException e) {
				return null;
			}
		}
		return null;
	}
}
