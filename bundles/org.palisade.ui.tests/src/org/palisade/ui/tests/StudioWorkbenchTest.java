package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.ui.PalisadeUi;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The studio's window as a first-time user sees it: the Palisade perspective with its
 * views, the menus, and the bundled example already a project.
 */
@ExtendWith(Studio.class)
class StudioWorkbenchTest {

	@Test
	void studioOpensOnThePalisadePerspectiveWithTheExampleProject() throws Exception {
		Path screenshot = ui(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			assertNotNull(window, "the studio has an open window");
			IWorkbenchPage page = window.getActivePage();
			assertNotNull(page, "the window has a page");
			assertEquals(PalisadeUi.PERSPECTIVE_ID, page.getPerspective().getId());
			assertEquals("Palisade", page.getPerspective().getLabel());

			assertNotNull(page.findView(IPageLayout.ID_PROJECT_EXPLORER), "Project Explorer is open");
			assertNotNull(page.findView(IPageLayout.ID_OUTLINE), "Outline view is open");
			assertNotNull(page.findView(IPageLayout.ID_PROBLEM_VIEW), "Problems view is open");
			assertNotNull(page.findViewReference(IPageLayout.ID_PROP_SHEET), "Properties view is in the perspective");

			Shell shell = window.getShell();
			List<String> menus = new ArrayList<>();
			for (MenuItem item : shell.getMenuBar().getItems()) {
				menus.add(item.getText().replace("&", ""));
			}
			assertEquals(List.of("File", "Edit", "Navigate", "Search", "Deploy", "Window", "Help"), menus);
			assertTrue(shell.isVisible(), "the studio window is visible");
			assertEquals("Palisade Studio", shell.getText());
			return Screenshots.capture(shell, "studio-workbench");
		});
		IProject example = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT);
		assertTrue(example.isOpen(), "the first start made the bundled example a project");
		assertTrue(example.hasNature(PalisadeWorkspace.NATURE_ID), "a Palisade project");
		assertTrue(example.getFile("harbour-depot.perimeter").exists());
		assertTrue(Files.size(screenshot) > 5_000, "screenshot has content: " + screenshot);
	}
}
