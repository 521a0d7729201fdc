package org.palisade.ui.deploy.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.palisade.deploy.Change;
import org.palisade.deploy.Credential;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.SecureCredentials;

/**
 * The second page of the deploy wizard: the plan per device, read from the devices (a rehearsal
 * starts the site's virtual devices first), as a tree: each device with its state, each change
 * ({@code +} created, {@code ~} changed, {@code -} deleted, {@code -/+} re-created) with its
 * attributes' old and new values, and the hand-made items found, which are left alone. Nothing is
 * written to any device here: Deploy does that, once pressed. A reference without credentials is
 * asked for before the devices are read.
 */
final class PlanPage extends WizardPage {

	private Tree tree;
	private Label summary;
	private SiteRun.Outcome outcome;
	private SiteTarget planned;
	/** Devices of the last plan that are factory-new (systemready: needs setup), commissioned first (#17). */
	private List<String> factoryNew = List.of();
	private Composite commissionBar;
	private Label commissionText;

	PlanPage() {
		super("plan", "What Would Change", null);
		setDescription("The plan per device, read from the devices. Nothing changes on any device until you press Deploy.");
		setPageComplete(false);
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(1, false));
		summary = new Label(c, SWT.WRAP);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		tree = new Tree(c, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.heightHint = 420;
		data.widthHint = 640;
		tree.setLayoutData(data);
		commissionBar = new Composite(c, SWT.NONE);
		commissionBar.setLayout(new GridLayout(2, false));
		GridData bar = new GridData(SWT.FILL, SWT.TOP, true, false);
		bar.exclude = true;
		commissionBar.setLayoutData(bar);
		commissionBar.setVisible(false);
		commissionText = new Label(commissionBar, SWT.WRAP);
		commissionText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		org.eclipse.swt.widgets.Button commission = new org.eclipse.swt.widgets.Button(commissionBar, SWT.PUSH);
		commission.setText("Commission...");
		// From a later event: the dialog runs its own loop, and the press that opened it returns at once.
		commission.addListener(SWT.Selection, e -> getShell().getDisplay().asyncExec(this::commission));
		setControl(c);
	}

	private TargetPage targetPage() {
		return (TargetPage) getWizard().getPage("target");
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible) {
			getShell().getDisplay().asyncExec(this::plan);
		}
	}

	/** @return the result of the plan shown, or {@code null} */
	SiteRun.Outcome outcome() {
		return outcome;
	}

	/** @return the site as planned */
	SiteTarget planned() {
		return planned;
	}

	private void plan() {
		if (getControl().isDisposed()) {
			return;
		}
		outcome = null;
		factoryNew = List.of();
		setPageComplete(false);
		tree.removeAll();
		showCommissioning(null);
		TargetPage t = targetPage();
		SiteTarget target = t.target();
		if (target == null || !askForMissingCredentials(target, t.selectedDevices())) {
			summary.setText("No plan: credentials are missing.");
			return;
		}
		summary.setText("Reading the devices...");
		SiteRun run = new SiteRun(target, t.selectedDevices(), t.faults(), t.parallel());
		try {
			getContainer().run(true, true, monitor -> {
				monitor.beginTask("Reading " + target.site() + "'s devices", IProgressMonitor.UNKNOWN);
				try {
					outcome = run.plan(monitor::isCanceled, (d, m) -> monitor.subTask(d + ": " + m));
					// The devices that failed untouched are asked whether they are factory-new (#17).
					factoryNew = target.factoryNewDevices(outcome.results());
				} catch (Exception e) {
					throw new InvocationTargetException(e);
				} finally {
					monitor.done();
				}
			});
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			setErrorMessage(target.site() + ": the devices could not be planned: " + cause.getMessage());
			summary.setText(String.valueOf(cause.getMessage()));
			return;
		} catch (InterruptedException e) {
			summary.setText("Planning was cancelled.");
			return;
		}
		planned = target;
		show(outcome);
		showCommissioning(target);
		offerTrust(target, outcome);
	}

	/**
	 * A device refused for its certificate gets the trust dialog (subject, SHA-256, pin for this
	 * device); once one is pinned, the devices are planned again.
	 */
	private void offerTrust(SiteTarget target, SiteRun.Outcome o) {
		List<String> untrusted = o.results().stream().filter(r -> TrustDialog.isTrustFailure(r.error()))
				.map(DeviceResult::device).toList();
		if (untrusted.isEmpty()) {
			return;
		}
		getShell().getDisplay().asyncExec(() -> {
			boolean pinned = false;
			for (String device : untrusted) {
				if (getShell() == null || getShell().isDisposed()) {
					return;
				}
				pinned |= TrustDialog.offer(getShell(), target, device);
			}
			if (pinned && !getControl().isDisposed()) {
				plan();
			}
		});
	}

	/** Shows the offer to commission the factory-new devices of the last plan, or hides it. */
	private void showCommissioning(SiteTarget target) {
		boolean offer = target != null && !factoryNew.isEmpty();
		if (offer) {
			commissionText.setText("Factory-new: " + String.join(", ", factoryNew) + ". "
					+ (factoryNew.size() == 1 ? "It has" : "They have") + " no password yet and cannot be deployed:"
					+ " commission " + (factoryNew.size() == 1 ? "it" : "them") + " first.");
		}
		((GridData) commissionBar.getLayoutData()).exclude = !offer;
		commissionBar.setVisible(offer);
		commissionBar.getParent().layout(true, true);
	}

	private void commission() {
		if (getControl().isDisposed() || planned == null || factoryNew.isEmpty()) {
			return;
		}
		CommissionDialog dialog = new CommissionDialog(getShell(), planned, factoryNew);
		dialog.open();
		if (dialog.commissioned() > 0 && !getControl().isDisposed()) {
			plan();
		}
	}

	private boolean askForMissingCredentials(SiteTarget target, List<String> devices) {
		List<String> missing;
		try {
			missing = target.missingCredentials(devices);
		} catch (IOException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
		for (String ref : missing) {
			CredentialDialog dialog = new CredentialDialog(getShell(), ref, null, true);
			if (dialog.open() != Window.OK) {
				setErrorMessage("No credentials for \"" + ref + "\": the devices that use them cannot be reached.");
				return false;
			}
			char[] pw = dialog.takePassword();
			try {
				if (dialog.store()) {
					SecureCredentials.store(ref, dialog.user(), pw.clone());
				}
				target.enter(ref, new Credential(dialog.user(), pw));
			} catch (IOException e) {
				setErrorMessage(e.getMessage());
				return false;
			} finally {
				java.util.Arrays.fill(pw, '\0');
			}
		}
		setErrorMessage(null);
		return true;
	}

	private void show(SiteRun.Outcome o) {
		int changed = 0;
		int failed = 0;
		boolean interrupted = false;
		for (DeviceResult r : o.results()) {
			TreeItem device = new TreeItem(tree, SWT.NONE);
			String head = r.device() + ": " + r.outcome().text();
			if (r.plan() != null && !r.plan().isEmpty()) {
				head += " (" + r.plan().summary() + ")";
			}
			device.setText(head);
			if (factoryNew.contains(r.device())) {
				new TreeItem(device, SWT.NONE).setText("why: factory-new (no password yet): commission it first (below)");
			} else if (r.error() != null) {
				new TreeItem(device, SWT.NONE).setText("why: " + r.error());
			}
			if (r.interrupted()) {
				interrupted = true;
				new TreeItem(device, SWT.NONE).setText("an earlier deploy did not finish on this device; Deploy completes it");
			}
			if (r.plan() != null) {
				for (Change ch : r.plan().changes()) {
					List<String> lines = ch.describe();
					TreeItem change = new TreeItem(device, SWT.NONE);
					change.setText(lines.get(0));
					for (String attr : lines.subList(1, lines.size())) {
						new TreeItem(change, SWT.NONE).setText(attr.strip());
					}
				}
				for (ManagedObject m : r.handMade()) {
					new TreeItem(device, SWT.NONE).setText("= " + m.label() + " (hand-made, left alone)");
				}
			}
			changed += r.outcome() == DeviceResult.Outcome.CHANGES_PENDING ? 1 : 0;
			failed += r.outcome().isFailure() ? 1 : 0;
		}
		if (!o.notes().isEmpty()) {
			TreeItem notes = new TreeItem(tree, SWT.NONE);
			notes.setText("Journal notes (devices outside this run)");
			o.notes().forEach(n -> new TreeItem(notes, SWT.NONE).setText(n));
		}
		// Top down: an item shows expanded only once its parent is.
		for (TreeItem device : tree.getItems()) {
			device.setExpanded(true);
			for (TreeItem change : device.getItems()) {
				change.setExpanded(change.getItemCount() > 0);
			}
		}
		if (!tree.isDisposed() && tree.getItemCount() > 0) {
			tree.setTopItem(tree.getItem(0));
		}
		List<String> parts = new ArrayList<>();
		parts.add(changed == 0 && failed == 0 && !interrupted ? "No changes: every device matches the design."
				: "Plan: " + changed + " device(s) with changes, " + (o.results().size() - changed - failed)
						+ " up to date, " + failed + " failed.");
		parts.add(changed > 0 || interrupted ? "Press Deploy to apply it; each device is read back and verified, and"
				+ " restored to what it held if it fails." : "There is nothing to deploy.");
		summary.setText(String.join(" ", parts));
		summary.getParent().layout(true, true);
		setPageComplete(changed > 0 || interrupted);
	}
}
