package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.internal.StudioWorkbenchAdvisor;

/**
 * Starts the real Palisade Studio workbench (its own advisor, real SWT widgets under
 * Xvfb), checks what opens, saves a screenshot, and closes it.
 */
class StudioWorkbenchTest {

	@Test
	void studioOpensOnThePalisadePerspective() throws Exception {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicReference<Path> screenshot = new AtomicReference<>();
		Display display = PlatformUI.createDisplay();
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new StudioWorkbenchAdvisor() {
				@Override
				public void postStartup() {
					super.postStartup();
					// Checks run once the window is up and painted; the workbench is
					// closed whatever they find, so a failure never hangs the build.
					display.asyncExec(() -> {
						try {
							screenshot.set(checkWorkbench());
						} catch (Throwable t) {
							failure.set(t);
						} finally {
							PlatformUI.getWorkbench().close();
						}
					});
				}
			});
			assertEquals(PlatformUI.RETURN_OK, code, "the workbench closed normally");
		} finally {
			display.dispose();
		}
		if (failure.get() != null) {
			throw new AssertionError("workbench check failed", failure.get());
		}
		assertNull(failure.get());
		assertTrue(Files.size(screenshot.get()) > 5_000, "screenshot has content: " + screenshot.get());
	}

	private static Path checkWorkbench() throws Exception {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		assertNotNull(window, "the studio has an open window");
		IWorkbenchPage page = window.getActivePage();
		assertNotNull(page, "the window has a page");
		assertEquals(PalisadeUi.PERSPECTIVE_ID, page.getPerspective().getId());
		assertEquals("Palisade", page.getPerspective().getLabel());

		assertNotNull(page.findView(PalisadeUi.SITE_VIEW_ID), "Site view is open");
		assertNotNull(page.findView(IPageLayout.ID_OUTLINE), "Outline view is open");
		assertNotNull(page.findView(IPageLayout.ID_PROP_SHEET), "Properties view is open");

		Shell shell = window.getShell();
		org.eclipse.swt.widgets.Menu bar = shell.getMenuBar();
		assertNotNull(bar, "the studio has a menu bar");
		java.util.List<String> menus = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.MenuItem item : bar.getItems()) {
			menus.add(item.getText().replace("&", ""));
		}
		assertEquals(java.util.List.of("File", "Edit", "Window", "Help"), menus);
		assertTrue(shell.isVisible(), "the studio window is visible");
		assertEquals("Palisade Studio", shell.getText());
		return Screenshots.capture(shell, "studio-workbench");
	}
}
