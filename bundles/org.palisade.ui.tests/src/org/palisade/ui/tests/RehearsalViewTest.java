package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.deploy.internal.RehearsalView;
import org.palisade.ui.deploy.internal.RehearseHandler;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The Rehearsal view (#18) on real widgets: Rehearse Scenario on the example's scenario file,
 * selected in the Project Explorer, plays it on virtual devices and shows the timeline (the beacon's
 * port for 30 s, the horn's clip 2) with every expectation met; a copy whose schedule stops on
 * Thursday shows the Friday night expectation failed, in words.
 */
@ExtendWith(Studio.class)
class RehearsalViewTest {

	private static final Duration WAIT = Duration.ofSeconds(120);

	@Test
	void theExampleScenarioIsPlayedFromTheProjectExplorerAndEveryExpectationIsMet() throws Exception {
		IFile scenario = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT)
				.getFile("harbour-depot.rehearsal");
		assertTrue(scenario.exists(), "the example project carries its scenario: " + scenario.getFullPath());
		RehearsalView view = rehearseFromProjectExplorer(scenario);
		List<String> rows = ui(view::rows);
		String all = String.join("\n", rows);
		String header = ui(view::headerText);
		assertTrue(header.endsWith("all 35 expectation(s) met (times in Europe/Stockholm)"), header);
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Tue 2026-12-01 02:00:00 CET | North1 | rule \"Flashing beacon\": port 1 active")
				&& r.contains("for 30 s")), all);
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Tue 2026-12-01 02:00:00 CET | Horn | played clip 2")), all);
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Tue 2026-12-01 02:00:30 CET | North1 | port 1 normal")),
				"the port goes back after 30 s: " + all);
		assertTrue(rows.stream().anyMatch(r -> r.contains("Intrusion in office hours")), all);
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Tue 2026-12-01 10:00:00 CET | North1 | rule \"Flashing beacon\": not fired")), all);
		assertEquals(35, rows.stream().filter(r -> r.contains("| met: expect ")).count(), all);
		// The camera locks the yard gate down (#19): the door controller's answer on the timeline.
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Tue 2026-12-01 02:00:00 CET | Entry | door YardGate tdc:LockDownDoor: LockedDown")), all);
		// The PTZ follows the alarm (#19).
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Tue 2026-12-01 02:00:00 CET | Gate | preset Fence: moved to")), all);
		// and its autoreturn takes it home a minute later (return home after 60 s).
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Tue 2026-12-01 02:01:00 CET | Gate | preset Home: returned home after 60 s")), all);
		screenshot("rehearsal-view-example");
	}

	@Test
	void aScheduleThatStopsOnThursdayFailsTheFridayExpectation() throws Exception {
		IProject project = PalisadeWorkspace.createProject("Rehearsal Mon-Thu",
				Path.of(System.getProperty("palisade.examples")).resolve("harbour-depot"), null);
		try {
			IFile design = project.getFile("harbour-depot.perimeter");
			String text = Files.readString(design.getLocation().toFile().toPath());
			assertTrue(text.contains("Mon-Fri 18:00-08:00"), text);
			design.setContents(new ByteArrayInputStream(text.replace("Mon-Fri 18:00-08:00", "Mon-Thu 18:00-08:00")
					.getBytes(StandardCharsets.UTF_8)), true, false, null);
			RehearsalView view = rehearseFromProjectExplorer(project.getFile("harbour-depot.rehearsal"));
			List<String> rows = ui(view::rows);
			String all = String.join("\n", rows);
			String header = ui(view::headerText);
			assertTrue(header.endsWith("8 of 35 expectation(s) failed (times in Europe/Stockholm)"), header);
			assertTrue(rows.stream().anyMatch(r -> r.contains("| FAILED: expect North1 port 1 active 30s: North1 port 1 was never"
					+ " active between Fri 2026-12-04 23:00:00 CET and Fri 2026-12-04 23:10:00 CET")
					&& r.endsWith("(harbour-depot.rehearsal:37)")), all);
			screenshot("rehearsal-view-failed");
		} finally {
			project.delete(true, true, null);
		}
	}

	/** Selects the scenario in the Project Explorer and runs Rehearse Scenario on it, as its context menu does. */
	private static RehearsalView rehearseFromProjectExplorer(IFile scenario) throws Exception {
		Job before = RehearseHandler.latest();
		run(() -> {
			IViewPart explorer = page().showView(IPageLayout.ID_PROJECT_EXPLORER);
			StructuredViewer viewer = ((CommonNavigator) explorer).getCommonViewer();
			((org.eclipse.jface.viewers.TreeViewer) viewer).expandToLevel(scenario.getProject(), 1);
			viewer.setSelection(new StructuredSelection(scenario), true);
			assertNotNull(viewer.testFindItem(scenario), "the Project Explorer shows " + scenario.getFullPath());
			page().activate(explorer);
			PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.palisade.ui.deploy.rehearse", null);
		});
		waitUntil("the rehearsal job", WAIT, () -> RehearseHandler.latest() != before);
		Job job = RehearseHandler.latest();
		job.join(WAIT.toMillis(), null);
		assertEquals(Job.NONE, job.getState(), "the rehearsal ended in " + WAIT);
		assertTrue(job.getResult().isOK(), String.valueOf(job.getResult()));
		RehearsalView view = ui(() -> (RehearsalView) page().findView(RehearsalView.ID));
		assertNotNull(view, "the Rehearsal view is open");
		waitUntil("the timeline shown", WAIT, () -> ui(() -> !view.headerText().startsWith("Rehearsing")));
		return view;
	}

	private static void screenshot(String name) {
		run(() -> page().setPartState(page().findViewReference(RehearsalView.ID), IWorkbenchPage.STATE_MAXIMIZED));
		Studio.sleep(300);
		Studio.screenshot(name);
		run(() -> page().setPartState(page().findViewReference(RehearsalView.ID), IWorkbenchPage.STATE_RESTORED));
	}
}
