package org.palisade.ui.deploy.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Check for Drift: plans every device of the site shown in the Deploy view (else of the selected
 * design, on its real devices) as a job; a device whose configuration no longer matches the
 * design is marked "changes pending".
 */
public final class PlanAllHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		SiteTarget current = DeployRecords.get().current();
		IFile file = current != null ? current.file()
				: DeployHandler.designOf(HandlerUtil.getActivePart(event), HandlerUtil.getCurrentSelection(event),
						HandlerUtil.getActiveEditor(event));
		if (file == null) {
			MessageDialog.openInformation(window == null ? null : window.getShell(), "Check for Drift",
					"Select a design (or deploy a site first): the drift check reads the devices of its site.");
			return null;
		}
		DeployView.planAll(window == null ? null : window.getShell(), current, file);
		return null;
	}
}
