package org.palisade.ui.deploy.internal;

import java.time.ZoneId;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.site.SiteRehearsal;
import org.palisade.simulator.rules.Timeline;

/**
 * The Rehearsal view (#18): a scenario played on fresh virtual devices, as {@code palisade
 * rehearse} plays it, shown as its timeline: the deploy per device, then per step a header (time
 * and label), what each device did (time, device, the rule, the action, for how long, on what),
 * and the step's expectations, met in green or failed in red with the reason. The same words as
 * the command's report, so a timeline seen here reads like the one in CI.
 */
public final class RehearsalView extends ViewPart {

	public static final String ID = "org.palisade.ui.deploy.rehearsal";

	private Label header;
	private Table table;
	private Action again;
	private IFile scenario;
	private Font bold;

	@Override
	public void createPartControl(Composite parent) {
		HeadedTable body = HeadedTable.create(parent, SWT.WRAP,
				new Object[][] { { "Time", 230 }, { "Device", 90 }, { "What happened", 900 } });
		header = body.header();
		table = body.table();
		header.setText("No rehearsal yet: right-click a .rehearsal scenario file and choose Rehearse Scenario.");
		bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		again = new Action("Rehearse Again") {
			@Override
			public void run() {
				if (scenario != null) {
					RehearseHandler.start(scenario);
				}
			}
		};
		again.setToolTipText("Play the scenario again on fresh virtual devices (the design and the scenario as saved)");
		again.setEnabled(false);
		IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
		bar.add(again);
		getViewSite().getActionBars().updateActionBars();
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	/** Says that a scenario is being played (its timeline replaces the last one when done). */
	public void running(IFile file) {
		scenario = file;
		again.setEnabled(false);
		header.setForeground(null);
		header.setText("Rehearsing " + file.getFullPath() + " on fresh virtual devices...");
		table.removeAll();
		header.getParent().layout();
	}

	/** Says why a scenario could not be played (design errors, a bad scenario line), naming file and line. */
	public void failed(IFile file, String message) {
		scenario = file;
		again.setEnabled(true);
		header.setForeground(red());
		header.setText("Cannot rehearse " + file.getFullPath() + ": " + message);
		table.removeAll();
		header.getParent().layout();
	}

	/** Shows a played scenario's timeline and expectations. */
	public void show(IFile file, SiteRehearsal.Result r) {
		scenario = file;
		again.setEnabled(true);
		table.setRedraw(false);
		try {
			table.removeAll();
			for (DeviceResult d : r.deploy()) {
				row("deploy", d.device(), d.outcome().text() + (d.error() != null ? " - " + d.error() : ""),
						d.outcome().isFailure() ? red() : null, false);
			}
			List<Timeline.Entry> entries = r.timeline();
			int next = 0;
			ZoneId zone = r.zone();
			for (SiteRehearsal.PlayedStep s : r.steps()) {
				next = entries(entries, next, s.from(), zone);
				row(SiteRehearsal.time(s.from(), zone), "", s.step().label() == null ? "step" : s.step().label(), null, true);
				next = entries(entries, next, s.to(), zone);
				for (SiteRehearsal.Check c : s.checks()) {
					boolean met = c.failure() == null;
					// The reason before the place, which is the scenario's line (the file is in the header).
					String where = c.expectation().where();
					row("", "", (met ? "met: expect " : "FAILED: expect ") + c.expectation().text()
							+ (met ? "" : ": " + c.failure() + " (" + where.substring(where.lastIndexOf('/') + 1) + ")"),
							met ? green() : red(), false);
				}
			}
		} finally {
			table.setRedraw(true);
		}
		// The first failed expectation in view, selected: what the user came to see.
		table.deselectAll();
		for (int i = 0; i < table.getItemCount(); i++) {
			if (table.getItem(i).getText(2).startsWith("FAILED: ")) {
				table.setSelection(i);
				table.showSelection();
				break;
			}
		}
		int failed = r.failures().size();
		String verdict = !r.deployed() ? "the deploy to the virtual devices failed: no event was played"
				: failed == 0 ? "all " + r.expectations() + " expectation(s) met"
						: failed + " of " + r.expectations() + " expectation(s) failed";
		header.setForeground(r.deployed() && failed == 0 ? green() : red());
		header.setText(file.getFullPath() + ": " + verdict + " (times in " + zone(r) + ")");
		header.getParent().layout();
	}

	private static String zone(SiteRehearsal.Result r) {
		return r.zone().getId();
	}

	private int entries(List<Timeline.Entry> entries, int from, java.time.Instant until, ZoneId zone) {
		int i = from;
		for (; i < entries.size() && entries.get(i).at().isBefore(until); i++) {
			Timeline.Entry e = entries.get(i);
			row(SiteRehearsal.time(e.at(), zone), e.device(), SiteRehearsal.describe(e), null, false);
		}
		return i;
	}

	private void row(String time, String device, String text, Color colour, boolean step) {
		TableItem item = new TableItem(table, SWT.NONE);
		item.setText(new String[] { time, device, text });
		if (colour != null) {
			item.setForeground(colour);
		}
		if (step) {
			item.setFont(bold);
			item.setBackground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
		}
	}

	private Color red() {
		return table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
	}

	private Color green() {
		return table.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN);
	}

	/** @return the rows as text, {@code time | device | what}, for tests */
	public List<String> rows() {
		return java.util.Arrays.stream(table.getItems())
				.map(i -> i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2)).toList();
	}

	/** @return the header line, for tests */
	public String headerText() {
		return header.getText();
	}
}
