package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;
import static org.palisade.ui.tests.Widgets.all;
import static org.palisade.ui.tests.Widgets.button;
import static org.palisade.ui.tests.Widgets.click;
import static org.palisade.ui.tests.Widgets.dialog;
import static org.palisade.ui.tests.Widgets.find;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.deploy.DeployUi;
import org.palisade.ui.deploy.internal.DeployView;
import org.palisade.ui.deploy.internal.DeployWizard;
import org.palisade.ui.deploy.internal.RunJob;

/**
 * Drives the Studio's deploy as a person does, for {@link DeployUiTest}: the wizard's widgets, the
 * plan tree, the Deploy view's rows and actions, the jobs.
 */
final class DeployDriver {

	static final Duration WAIT = Duration.ofSeconds(90);

	private DeployDriver() {
	}

	static IFile example() {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT).getFile("harbour-depot.perimeter");
	}

	/** Opens the wizard as the toolbar button does, from a later event so that this thread is not held. */
	static void openWizard(IFile design) {
		run(() -> Studio.display().asyncExec(() -> DeployWizard.open(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), design, List.of())));
		waitUntil("the deploy wizard", WAIT, () -> dialog("Deploy Site") != null);
	}

	static Button buttonStarting(Shell shell, String start) {
		return all(shell, Button.class).stream().filter(b -> b.getText().replace("&", "").startsWith(start)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + start + "..."));
	}

	/** Chooses "Rehearse on virtual devices", the faults and devices at a time, then Next to the plan. */
	static void rehearseAndPlan(String faults, int parallel) {
		run(() -> {
			Shell shell = dialog("Deploy Site");
			buttonStarting(shell, "Real devices").setSelection(false);
			click(buttonStarting(shell, "Rehearse on virtual devices"));
			if (faults != null) {
				fields(shell).get(0).setText(faults);
			}
			find(shell, Spinner.class).setSelection(parallel);
			assertTrue(button(shell, "Next >").isEnabled(), "the example is a sound site");
			click(button(shell, "Next >"));
		});
		waitUntil("the plan", WAIT, () -> summaryOnUi().startsWith("No changes") || summaryOnUi().startsWith("Plan:")
				|| summaryOnUi().startsWith("No plan"), DeployDriver::summary);
	}

	/** @return the plan page's summary line (any thread) */
	static String summary() {
		return ui(DeployDriver::summaryOnUi);
	}

	static String summaryOnUi() {
		Shell shell = dialog("Deploy Site");
		if (shell == null) {
			return "(no wizard)";
		}
		return all(shell, Label.class).stream().map(Label::getText).filter(t -> t.startsWith("Plan:")
				|| t.startsWith("No changes") || t.startsWith("No plan") || t.startsWith("Reading")).findFirst().orElse("");
	}

	/** @return every line of the plan tree, indented by depth */
	static List<String> planLines() {
		return ui(() -> {
			List<String> lines = new ArrayList<>();
			for (TreeItem item : find(dialog("Deploy Site"), Tree.class).getItems()) {
				collect(item, "", lines);
			}
			return lines;
		});
	}

	static void collect(TreeItem item, String indent, List<String> lines) {
		lines.add(indent + item.getText());
		for (TreeItem child : item.getItems()) {
			collect(child, indent + "  ", lines);
		}
	}

	static DeployView deployView() {
		return ui(() -> (DeployView) page().showView(DeployUi.VIEW_ID));
	}

	/** A screenshot of the studio with the Deploy view maximized, so that every column shows. */
	static void screenshotOfTheView(String name) {
		run(() -> page().setPartState(page().findViewReference(DeployUi.VIEW_ID), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED));
		Studio.sleep(300);
		Studio.screenshot(name);
		run(() -> page().setPartState(page().findViewReference(DeployUi.VIEW_ID), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED));
	}

	/** Runs an action of the Deploy view's toolbar, as a click on it does. */
	static void viewAction(String text) {
		run(() -> {
			for (var item : deployView().getViewSite().getActionBars().getToolBarManager().getItems()) {
				if (item instanceof org.eclipse.jface.action.ActionContributionItem a && a.getAction().getText().equals(text)) {
					assertTrue(a.getAction().isEnabled(), text + " is enabled");
					a.getAction().run();
					return;
				}
			}
			throw new AssertionError("no action " + text + " in the Deploy view");
		});
	}

	static String state(String device) {
		return ui(() -> deployView().shown().stream().filter(r -> r[0].equals(device)).map(r -> r[3]).findFirst().orElse("?"));
	}

	static String rows() {
		return ui(() -> String.join("\n", deployView().shown().stream().map(r -> String.join(" | ", r)).toList()));
	}

	/** Waits for the deploy job that Deploy started (made after {@code before}) to end. */
	static RunJob awaitJob(RunJob before) throws InterruptedException {
		waitUntil("the deploy job", WAIT, () -> RunJob.latest() != before);
		RunJob job = RunJob.latest();
		assertTrue(job.join(WAIT.toMillis(), null), "the job ended");
		return job;
	}

	/** @return the fields a person types into (not the wizard's read-only message) */
	static List<Text> fields(Shell shell) {
		return all(shell, Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) == 0).toList();
	}

	static String everyText(Control root) {
		StringBuilder b = new StringBuilder();
		for (Text t : all(root, Text.class)) {
			b.append(t.getText()).append('\n');
		}
		for (Label l : all(root, Label.class)) {
			b.append(l.getText()).append('\n');
		}
		for (Table t : all(root, Table.class)) {
			for (TableItem i : t.getItems()) {
				for (int col = 0; col < t.getColumnCount(); col++) {
					b.append(i.getText(col)).append('\n');
				}
			}
		}
		return b.toString();
	}

	static TableItem row(Table table, String first) {
		for (TableItem item : table.getItems()) {
			if (item.getText(0).equals(first)) {
				return item;
			}
		}
		throw new AssertionError("no row " + first);
	}
}
