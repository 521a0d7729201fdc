package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;
import static org.palisade.ui.tests.Widgets.button;
import static org.palisade.ui.tests.Widgets.click;
import static org.palisade.ui.tests.Widgets.dialog;
import static org.palisade.ui.tests.Widgets.find;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.search.ui.ISearchResultViewPart;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Find references and rename across files, on the container terminal example: its
 * schedules are declared in the site file and used from the two area files.
 */
@ExtendWith(Studio.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefactoringUiTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static IProject project;

	@BeforeAll
	static void createTheProject() throws Exception {
		Path source = Path.of(System.getProperty("palisade.examples"), "container-terminal");
		project = PalisadeWorkspace.createProject("Container Terminal", source, null);
	}

	@AfterAll
	static void deleteTheProject() throws Exception {
		run(() -> page().closeAllEditors(false));
		project.delete(true, true, null);
	}

	private static PerimeterEditor open(String path, String at) {
		IFile file = project.getFile(path);
		PerimeterEditor editor = ui(() -> (PerimeterEditor) IDE.openEditor(page(), file, PerimeterEditor.ID));
		waitUntil("the first check of " + path, WAIT, () -> editor.lastStatus() != null || editor.model() != null);
		int offset = ui(() -> editor.document().get().indexOf(at));
		assertTrue(offset >= 0, path + " holds " + at);
		run(() -> {
			editor.viewer().getTextWidget().forceFocus();
			// The caret goes just inside the end of the text: on the name it ends with.
			editor.selectAndReveal(offset + at.length() - 1, 0);
		});
		return editor;
	}

	private static String disk(String path) throws Exception {
		IFile file = project.getFile(path);
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		try (var in = file.getContents()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static int count(String text, String word) {
		return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
	}

	@Test
	@Order(1)
	void findReferencesListsEveryUseInTheAreaFiles() {
		open("areas/gate.perimeter", "during AfterHours");
		Studio.key(SWT.CTRL | SWT.SHIFT, 'g');
		List<String> rows = new ArrayList<>();
		waitUntil("the Search view to list the uses", WAIT, () -> {
			rows.clear();
			rows.addAll(ui(RefactoringUiTest::searchRows));
			return rows.size() == 5;
		}, () -> "rows: " + rows);
		assertEquals("areas/gate.perimeter:22   rule \"Gate opened after hours\" when input \"Pedestrian gate\" is open during AfterHours",
				rows.get(0));
		assertTrue(rows.get(4).startsWith("areas/quay.perimeter:42"), rows.toString());
		String label = ui(() -> ((org.eclipse.search.ui.text.AbstractTextSearchViewPage) NewSearchUI.getSearchResultView().getActivePage()).getInput().getLabel());
		assertEquals("References to schedule 'AfterHours': 5 uses in Container Terminal", label);
		Studio.screenshot("find-references");
	}

	private static List<String> searchRows() {
		ISearchResultViewPart view = NewSearchUI.getSearchResultView();
		List<String> rows = new ArrayList<>();
		if (view == null) {
			return rows;
		}
		Table table = find(view.getActivePage().getControl(), Table.class);
		if (table != null) {
			for (TableItem item : table.getItems()) {
				rows.add(item.getText());
			}
		}
		return rows;
	}

	@Test
	@Order(2)
	void renameFromTheSiteFileRewritesTheAreaFilesWithAPreview() throws Exception {
		PerimeterEditor site = open("site.perimeter", "schedule AfterHours");
		assertEquals(2, count(disk("areas/gate.perimeter"), "AfterHours"));
		Studio.key(SWT.ALT | SWT.SHIFT, 'r');
		waitUntil("the rename dialog", WAIT, () -> ui(() -> dialog("Rename schedule 'AfterHours'") != null));
		// The field starts with the name selected: typing replaces it. A taken name is refused.
		Studio.type("ShiftChange");
		waitUntil("the clash to be reported", WAIT, () -> ui(() -> !button(dialog("Rename schedule"), "OK").isEnabled()));
		run(() -> {
			org.eclipse.swt.widgets.Text field = find(dialog("Rename schedule"), org.eclipse.swt.widgets.Text.class);
			field.setText("");
			field.setFocus();
		});
		Studio.type("NightWatch");
		waitUntil("OK to be enabled", WAIT, () -> ui(() -> button(dialog("Rename schedule"), "OK").isEnabled()));
		run(() -> click(button(dialog("Rename schedule"), "Preview >")));
		waitUntil("the preview", WAIT, () -> ui(() -> {
			Shell shell = dialog("Rename schedule");
			return shell != null && find(shell, org.eclipse.swt.widgets.Tree.class) != null;
		}));
		Studio.sleep(500);
		Studio.screenshot("rename-preview");
		List<String> changes = ui(() -> {
			List<String> names = new ArrayList<>();
			for (var item : find(dialog("Rename schedule"), org.eclipse.swt.widgets.Tree.class).getItems()) {
				for (var child : item.getItems()) {
					names.add(child.getText());
				}
			}
			return names;
		});
		assertTrue(changes.toString().contains("gate.perimeter") && changes.toString().contains("quay.perimeter")
				&& changes.toString().contains("site.perimeter"), "the preview lists each file: " + changes);
		run(() -> click(button(dialog("Rename schedule"), "OK")));
		waitUntil("the dialog to close", WAIT, () -> ui(() -> dialog("Rename schedule") == null));

		String siteText = ui(() -> site.document().get());
		assertTrue(siteText.contains("schedule NightWatch \"After hours\""), siteText);
		assertFalse(siteText.contains("AfterHours"));
		String gate = disk("areas/gate.perimeter");
		String quay = disk("areas/quay.perimeter");
		assertEquals(0, count(gate, "AfterHours"), gate);
		assertEquals(2, count(gate, "during NightWatch"), gate);
		assertEquals(3, count(quay, "during NightWatch"), quay);
		// The renamed site still links: no error markers anywhere once the builder has run.
		run(() -> page().saveAllEditors(false));
		waitUntil("the project to be built without errors", WAIT, () -> errors().isEmpty(), () -> "errors: " + errors());
	}

	private static List<String> errors() {
		List<String> found = new ArrayList<>();
		try {
			ResourcesPlugin.getWorkspace().getRoot().getProject("Container Terminal").refreshLocal(IResource.DEPTH_INFINITE, null);
			for (IMarker m : project.findMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE)) {
				if (m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR) {
					found.add(m.getResource().getName() + ": " + m.getAttribute(IMarker.MESSAGE, ""));
				}
			}
		} catch (Exception e) {
			found.add(e.toString());
		}
		return found;
	}
}
