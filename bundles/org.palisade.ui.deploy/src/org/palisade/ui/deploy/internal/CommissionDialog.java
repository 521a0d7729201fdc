package org.palisade.ui.deploy.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.palisade.deploy.site.FactoryNew;
import org.palisade.deploy.site.SiteCommissioning;
import org.palisade.deploy.vapix.driver.CommissionJournal;
import org.palisade.deploy.vapix.driver.Commissioner;

/**
 * The deploy wizard's offer to commission factory-new devices (issue #17): the commissioning plan
 * of each device, as {@code palisade commission --plan} prints it, then, once Commission is pressed,
 * the run on a thread of its own, one device at a time (factory-new devices share the factory
 * address), each step shown as it is journaled, and each device's outcome. Passwords go to secure
 * storage (a rehearsal's to its private file) and are never shown. Real devices none of whose
 * addresses lies on a network of this machine are not tried: the dialog says why.
 */
final class CommissionDialog extends Dialog {

	static final String TITLE = "Commission Factory-New Devices";

	private final SiteTarget target;
	private final List<String> devices;
	private Text log;
	private Label status;
	private ProgressBar progress;
	private List<Commissioner.Target> targets = List.of();
	private Commissioner commissioner;
	private String refusal;
	private volatile boolean running;
	private int commissioned;

	CommissionDialog(Shell parent, SiteTarget target, List<String> devices) {
		super(parent);
		this.target = target;
		this.devices = List.copyOf(devices);
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(TITLE);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite c = (Composite) super.createDialogArea(parent);
		c.setLayout(new GridLayout(1, false));
		Label intro = new Label(c, SWT.WRAP);
		intro.setText(String.join(", ", devices) + (devices.size() == 1 ? " is" : " are") + " factory-new: no password"
				+ " yet, plain HTTP only. Commissioning takes each from its factory address to the design's, as planned"
				+ " below. Nothing is sent until you press Commission; every step is journaled and a stopped run resumes.");
		GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false);
		introData.widthHint = 720;
		intro.setLayoutData(introData);
		log = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.heightHint = 300;
		data.widthHint = 720;
		log.setLayoutData(data);
		progress = new ProgressBar(c, SWT.HORIZONTAL);
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		status = new Label(c, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		showPlan();
		return c;
	}

	private void showPlan() {
		try {
			targets = target.commissioningTargets(devices);
			commissioner = target.commissioner();
			if (!target.rehearse()) {
				refusal = FactoryNew.offNetwork(targets, java.util.Set.of());
			}
			CommissionJournal journal = new CommissionJournal(SiteCommissioning.journalFile(target.state()));
			SiteCommissioning.Plan plan = SiteCommissioning.plan(target.site(), targets, commissioner, journal);
			log.setText(String.join("\n", plan.lines()) + "\n");
			status.setText(refusal != null ? refusal + "; nothing was sent." : "Ready: " + targets.size() + " device(s).");
		} catch (Exception e) {
			refusal = String.valueOf(e.getMessage());
			status.setText("No commissioning plan: " + refusal);
		}
		progress.setMaximum(Math.max(1, targets.size()));
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Commission", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		getButton(IDialogConstants.OK_ID).setEnabled(refusal == null && !targets.isEmpty());
	}

	@Override
	protected void okPressed() {
		if (commissioned > 0 || running) {
			super.okPressed();
			return;
		}
		running = true;
		getButton(IDialogConstants.OK_ID).setEnabled(false);
		getButton(IDialogConstants.CANCEL_ID).setEnabled(false);
		log.append("\n");
		List<Commissioner.Target> run = new ArrayList<>(targets);
		Commissioner c = commissioner.listener((device, step) -> ui(() -> {
			log.append("[" + device + "] " + step + "\n");
			status.setText(device + ": " + step);
		}));
		Thread worker = new Thread(() -> {
			int ok = 0;
			for (int i = 0; i < run.size(); i++) {
				Commissioner.Target t = run.get(i);
				Commissioner.Result r = c.commission(t);
				ok += r.failure() == null ? 1 : 0;
				int done = i + 1;
				ui(() -> {
					log.append(r.failure() == null ? t.device() + ": commissioned at " + t.address() + "\n"
							: t.device() + ": failed - " + r.failure() + "\n");
					progress.setSelection(done);
				});
			}
			int succeeded = ok;
			ui(() -> finished(succeeded, run.size()));
		}, "Palisade commissioning");
		worker.setDaemon(true);
		worker.start();
	}

	private void finished(int ok, int all) {
		running = false;
		commissioned = ok;
		status.setText(ok == all ? "Commissioned " + ok + " device(s). Close to plan the deploy again."
				: "Commissioned " + ok + " of " + all + "; the others failed (see above). Commission again to resume.");
		getButton(IDialogConstants.OK_ID).setText(ok > 0 ? "Close" : "Commission");
		getButton(IDialogConstants.OK_ID).setEnabled(true);
		getButton(IDialogConstants.CANCEL_ID).setEnabled(ok == 0);
		getButton(IDialogConstants.OK_ID).getParent().layout(true);
	}

	@Override
	protected void cancelPressed() {
		if (!running) {
			super.cancelPressed();
		}
	}

	/** @return how many devices were commissioned (after the run) */
	int commissioned() {
		return commissioned;
	}

	private void ui(Runnable r) {
		Shell shell = getShell();
		if (shell != null && !shell.isDisposed()) {
			shell.getDisplay().asyncExec(() -> {
				if (!log.isDisposed()) {
					r.run();
				}
			});
		}
	}
}
