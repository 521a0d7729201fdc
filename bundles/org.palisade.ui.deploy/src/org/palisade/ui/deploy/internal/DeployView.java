package org.palisade.ui.deploy.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.palisade.deploy.site.SiteDesign;
import org.palisade.dsl.load.DesignInputException;

/**
 * The Deploy view: every device of the site last planned or deployed, with its last known state
 * (up to date, changes pending, deployed, restored, failed with the reason, interrupted), when it
 * was last read, and actions: Deploy Site..., Check for Drift (plan all), Re-plan or Deploy the
 * selected device, Trust its certificate, and stop a rehearsal's virtual devices.
 */
public final class DeployView extends ViewPart {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.systemDefault());

	private Label header;
	private Table table;
	private final Runnable listener = this::refreshLater;
	private Action replan;
	private Action deployOne;
	private Action trust;
	private Action stop;

	@Override
	public void createPartControl(Composite parent) {
		HeadedTable body = HeadedTable.create(parent, SWT.NONE, new Object[][] { { "Device", 80 }, { "Kind", 160 },
				{ "Address", 230 }, { "State", 150 }, { "Last read", 140 }, { "Details", 600 } });
		header = body.header();
		table = body.table();
		table.addListener(SWT.Selection, e -> enable());
		makeActions();
		DeployRecords.get().listen(listener);
		refresh();
	}

	private void makeActions() {
		Action deploy = action("Deploy Site...", () -> {
			SiteTarget t = DeployRecords.get().current();
			DeployWizard.open(shell(), t == null ? null : t.file(), List.of());
		});
		Action planAll = action("Check for Drift", () -> {
			SiteTarget t = DeployRecords.get().current();
			if (t != null) {
				planAll(shell(), t, t.file());
			}
		});
		replan = action("Re-plan Device", () -> {
			SiteTarget t = DeployRecords.get().current();
			String d = selected();
			if (t != null && d != null) {
				run(shell(), t, t.file(), List.of(d));
			}
		});
		deployOne = action("Deploy Device...", () -> {
			SiteTarget t = DeployRecords.get().current();
			String d = selected();
			if (t != null && d != null) {
				DeployWizard.open(shell(), t.file(), List.of(d));
			}
		});
		trust = action("Trust Certificate...", () -> {
			SiteTarget t = DeployRecords.get().current();
			String d = selected();
			if (t != null && d != null) {
				TrustDialog.offer(shell(), t, d);
			}
		});
		stop = action("Stop Virtual Devices", () -> {
			SiteTarget t = DeployRecords.get().current();
			if (t != null && t.rehearse()) {
				Rehearsals.stop(t.key());
				header.setText(header.getText() + " - virtual devices stopped");
			}
		});
		IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
		for (Action a : new Action[] { deploy, planAll, replan, deployOne, trust, stop }) {
			bar.add(a);
		}
		MenuManager menu = new MenuManager();
		menu.add(replan);
		menu.add(deployOne);
		menu.add(trust);
		table.setMenu(menu.createContextMenu(table));
		getViewSite().getActionBars().updateActionBars();
	}

	private static Action action(String text, Runnable body) {
		Action a = new Action(text) {
			@Override
			public void run() {
				body.run();
			}
		};
		a.setToolTipText(text);
		return a;
	}

	private Shell shell() {
		return getSite().getShell();
	}

	private String selected() {
		TableItem[] s = table.getSelection();
		return s.length == 0 ? null : s[0].getText(0);
	}

	private void enable() {
		SiteTarget t = DeployRecords.get().current();
		boolean one = selected() != null;
		replan.setEnabled(one);
		deployOne.setEnabled(one);
		trust.setEnabled(one && t != null); // a device on plain HTTP is told it has no certificate
		stop.setEnabled(t != null && t.rehearse() && Rehearsals.running(t.key()) != null);
	}

	/**
	 * Plans every device of a site as a job (the drift check).
	 *
	 * @param shown the site the view shows (planned again as it was reached), or {@code null}
	 * @param file  else the design, planned on its real devices
	 */
	static void planAll(Shell shell, SiteTarget shown, IFile file) {
		run(shell, shown, file, List.of());
	}

	private static void run(Shell shell, SiteTarget shown, IFile file, List<String> devices) {
		SiteTarget target;
		try {
			// The design may have changed since: reloaded, reached as before (a rehearsal's fleet is kept).
			target = shown != null ? shown.reload() : SiteTarget.load(file, false);
		} catch (SiteDesign.Invalid e) {
			MessageDialog.openError(shell, "Check for Drift", e.getMessage() + ":\n"
					+ String.join("\n", e.errors().stream().limit(5).map(d -> d.format()).toList()));
			return;
		} catch (DesignInputException | IllegalArgumentException e) {
			MessageDialog.openError(shell, "Check for Drift", e.getMessage());
			return;
		}
		DeployRecords.get().show(target);
		new RunJob(target, devices, List.of(), 8, false).schedule();
	}

	private void refreshLater() {
		if (table != null && !table.isDisposed()) {
			table.getDisplay().asyncExec(this::refresh);
		}
	}

	private void refresh() {
		if (table == null || table.isDisposed()) {
			return;
		}
		SiteTarget t = DeployRecords.get().current();
		header.setText(t == null ? "No site planned or deployed yet: Deploy Site... plans one and shows the plan first."
				: t.site() + (t.rehearse() ? " - rehearsal on virtual devices" : " - real devices") + " ("
						+ t.file().getFullPath().makeRelative() + ")");
		String selected = selected();
		table.removeAll();
		for (DeployRecords.Row r : DeployRecords.get().rows()) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { r.device(), r.role(), r.address(), r.state().text(),
					r.lastRead() == null ? "never" : TIME.format(r.lastRead()), r.detail() });
			if (r.state() == DeployRecords.State.FAILED || r.state() == DeployRecords.State.INTERRUPTED) {
				item.setForeground(3, table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			}
			if (r.device().equals(selected)) {
				table.setSelection(item);
			}
		}
		enable();
	}

	/** @return the rows as shown: device, kind, address, state, last read, details (tests) */
	public List<String[]> shown() {
		return java.util.Arrays.stream(table.getItems())
				.map(i -> new String[] { i.getText(0), i.getText(1), i.getText(2), i.getText(3), i.getText(4), i.getText(5) })
				.toList();
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	@Override
	public void dispose() {
		DeployRecords.get().unlisten(listener);
		super.dispose();
	}
}
