package org.palisade.ui.deploy.internal;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.palisade.ui.deploy.DeployUi;

/**
 * Deploy Site: pick the site, its devices and real or virtual devices; see the plan per device;
 * press Deploy to run it as a workbench job (progress and Cancel in the Progress view, outcome per
 * device in the Deploy view). Until Deploy is pressed nothing is written to any device.
 */
public final class DeployWizard extends Wizard {

	private final TargetPage target;
	private final PlanPage plan = new PlanPage();
	private RunJob job;

	public DeployWizard(IFile design, List<String> devices) {
		setWindowTitle("Deploy Site");
		setNeedsProgressMonitor(true);
		target = new TargetPage(design, devices);
	}

	@Override
	public void addPages() {
		addPage(target);
		addPage(plan);
	}

	@Override
	public boolean canFinish() {
		return getContainer().getCurrentPage() == plan && plan.isPageComplete();
	}

	@Override
	public boolean performFinish() {
		SiteTarget planned = plan.planned();
		job = new RunJob(planned, target.selectedDevices(), target.faults(), target.parallel(), true);
		job.schedule();
		try {
			PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(DeployUi.VIEW_ID);
		} catch (PartInitException | NullPointerException e) {
			// the job runs anyway; its progress is in the Progress view
		}
		return true;
	}

	/** @return the deploy job started by Finish, or {@code null} */
	public RunJob job() {
		return job;
	}

	/**
	 * Opens the wizard (blocking).
	 *
	 * @param design  the design to start with, or {@code null}
	 * @param devices the devices to check, or none for all
	 */
	public static int open(Shell shell, IFile design, List<String> devices) {
		WizardDialog dialog = new WizardDialog(shell, new DeployWizard(design, devices)) {
			@Override
			protected void createButtonsForButtonBar(Composite parent) {
				super.createButtonsForButtonBar(parent);
				// The last press is the confirmation: it says what it does.
				Button finish = getButton(IDialogConstants.FINISH_ID);
				finish.setText("Deploy");
				setButtonLayoutData(finish);
			}
		};
		dialog.setPageSize(760, 560);
		return dialog.open();
	}
}
