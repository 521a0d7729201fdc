package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The workbench around the editor: New Palisade Project (empty and from an example),
 * File &gt; Import of the examples, the preference pages, the Properties view of an
 * Outline selection, and Help &gt; About. Each drives the real dialogs by their widgets.
 */
@ExtendWith(Studio.class)
class WorkbenchFeaturesTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final List<IProject> created = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		run(() -> {
			for (Shell shell : Studio.display().getShells()) {
				if (shell != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell() && shell.isVisible()) {
					shell.close();
				}
			}
			page().closeAllEditors(false);
		});
		for (IProject project : created) {
			project.delete(true, true, null);
		}
	}

	/** Opens a registered wizard the way File &gt; New or File &gt; Import does, without blocking. */
	private static void openWizard(IWizardDescriptor descriptor) {
		assertNotNull(descriptor, "the wizard is registered");
		run(() -> {
			IWorkbenchWizard wizard = descriptor.createWizard();
			wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
			WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), (IWizard) wizard);
			dialog.setBlockOnOpen(false);
			dialog.open();
		});
	}

	private static List<String> markers(IProject project, int severity) throws Exception {
		List<String> found = new ArrayList<>();
		for (IMarker m : project.findMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE)) {
			if (m.getAttribute(IMarker.SEVERITY, -1) == severity) {
				found.add(m.getAttribute(IMarker.MESSAGE, "")); // the message starts with the rule's code
			}
		}
		return found;
	}

	@Test
	void newProjectWizardMakesAnEmptySiteThatChecksCleanAndOpensIt() throws Exception {
		openWizard(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("org.palisade.ui.newProject"));
		waitUntil("the New Palisade Project wizard", WAIT, () -> dialog("New Palisade Project") != null);
		run(() -> {
			Shell shell = dialog("New Palisade Project");
			assertFalse(button(shell, "Finish").isEnabled(), "no name yet, no Finish");
			find(shell, Text.class).setText("Harbour Depot");
			assertFalse(button(shell, "Finish").isEnabled(), "a taken name is refused");
			find(shell, Text.class).setText("North Yard");
			assertTrue(button(shell, "Finish").isEnabled());
		});
		Studio.screenshot("new-project-wizard");
		run(() -> click(button(dialog("New Palisade Project"), "Finish")));
		waitUntil("the wizard to close", WAIT, () -> dialog("New Palisade Project") == null);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("North Yard");
		created.add(project);
		assertTrue(project.hasNature(PalisadeWorkspace.NATURE_ID));
		assertTrue(project.getFile("site.perimeter").exists());
		waitUntil("the new site to open in the editor", WAIT, () -> page().getActiveEditor() instanceof PerimeterEditor editor
				&& editor.getTitle().equals("site.perimeter"));
		assertEquals(List.of(), markers(project, IMarker.SEVERITY_ERROR), "an empty site has no errors");
		assertEquals(List.of(), markers(project, IMarker.SEVERITY_WARNING), "nor warnings");
	}

	@Test
	void newProjectWizardCopiesABundledExample() throws Exception {
		openWizard(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("org.palisade.ui.newProject"));
		waitUntil("the New Palisade Project wizard", WAIT, () -> dialog("New Palisade Project") != null);
		run(() -> {
			Shell shell = dialog("New Palisade Project");
			click(button(shell, "Copy of a bundled example:"));
			Combo examples = find(shell, Combo.class);
			examples.select(examples.indexOf("Container Terminal"));
			examples.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			find(shell, Text.class).setText("Terminal Copy");
			click(button(shell, "Finish"));
		});
		waitUntil("the wizard to close", WAIT, () -> dialog("New Palisade Project") == null);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("Terminal Copy");
		created.add(project);
		assertTrue(project.getFile("areas/gate.perimeter").exists(), "the example's folders come along");
		assertEquals(List.of(), markers(project, IMarker.SEVERITY_ERROR));
	}

	@Test
	void importOfAnExampleAlreadyInTheWorkspaceMakesANumberedCopy() throws Exception {
		openWizard(PlatformUI.getWorkbench().getImportWizardRegistry().findWizard("org.palisade.ui.importExamples"));
		waitUntil("the import wizard", WAIT, () -> dialog("Import Palisade Examples") != null);
		run(() -> {
			Shell shell = dialog("Import Palisade Examples");
			Table table = find(shell, Table.class);
			List<String> names = new ArrayList<>();
			for (TableItem item : table.getItems()) {
				names.add(item.getText());
			}
			assertEquals(List.of("Container Terminal", "Harbour Depot"), names);
			assertFalse(button(shell, "Finish").isEnabled(), "nothing chosen yet");
			TableItem harbour = table.getItem(1);
			harbour.setChecked(true);
			org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
			event.item = harbour;
			event.detail = SWT.CHECK;
			table.notifyListeners(SWT.Selection, event);
			assertTrue(button(shell, "Finish").isEnabled());
		});
		Studio.screenshot("import-examples");
		run(() -> click(button(dialog("Import Palisade Examples"), "Finish")));
		waitUntil("the wizard to close", WAIT, () -> dialog("Import Palisade Examples") == null);
		IProject copy = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT + " (2)");
		created.add(copy);
		assertTrue(copy.getFile("harbour-depot.perimeter").exists(), "the user's own Harbour Depot is left alone");
	}

	@Test
	void theNotesPreferenceShowsAndHidesTheRulesAdviceInTheProblemsView() throws Exception {
		IProject example = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT);
		assertEquals(List.of(), markers(example, IMarker.SEVERITY_INFO), "notes are off by default");
		try {
			setNotes(true);
			waitUntil("the SCHED-WRAP note on the example", WAIT, () -> {
				try {
					return markers(example, IMarker.SEVERITY_INFO).stream().anyMatch(m -> m.startsWith("SCHED-WRAP 18:00-08:00 runs past midnight"));
				} catch (Exception e) {
					return false;
				}
			});
		} finally {
			setNotes(false);
		}
		waitUntil("the notes to go again", WAIT, () -> {
			try {
				return markers(example, IMarker.SEVERITY_INFO).isEmpty();
			} catch (Exception e) {
				return false;
			}
		});
	}

	/** Switches the notes through Window &gt; Preferences &gt; Palisade, as a user does. */
	private static void setNotes(boolean on) {
		run(() -> {
			var dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
					"org.palisade.ui.preferences", null, null);
			dialog.setBlockOnOpen(false);
			dialog.open();
		});
		waitUntil("the preferences", WAIT, () -> dialog("Preferences") != null);
		run(() -> {
			Shell shell = dialog("Preferences");
			var box = button(shell, "Show the rules' notes as markers");
			if (box.getSelection() != on) {
				click(box);
			}
		});
		if (on) {
			Studio.screenshot("preferences-palisade");
		}
		run(() -> click(button(dialog("Preferences"), "Apply and Close")));
		waitUntil("the preferences to close", WAIT, () -> dialog("Preferences") == null);
		assertEquals(on, InstanceScope.INSTANCE.getNode(PalisadeWorkspace.PLUGIN_ID).getBoolean(PalisadeWorkspace.PREF_SHOW_NOTES, false));
	}

	@Test
	void editorColoursPageChangesKeywordsInAnOpenEditorAtOnce() throws Exception {
		IProject example = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT);
		PerimeterEditor editor = ui(() -> (PerimeterEditor) IDE.openEditor(page(), example.getFile("harbour-depot.perimeter"), PerimeterEditor.ID));
		int site = ui(() -> editor.document().get().indexOf("site \"Harbour Depot\""));
		waitUntil("keywords in bold", WAIT, () -> keywordStyle(editor, site) != null && (keywordStyle(editor, site).fontStyle & SWT.BOLD) != 0);
		try {
			setKeywordsBold(false);
			waitUntil("keywords no longer bold", WAIT, () -> (keywordStyle(editor, site).fontStyle & SWT.BOLD) == 0);
		} finally {
			setKeywordsBold(true);
		}
		waitUntil("keywords bold again", WAIT, () -> (keywordStyle(editor, site).fontStyle & SWT.BOLD) != 0);
	}

	private static StyleRange keywordStyle(PerimeterEditor editor, int offset) {
		StyledText text = editor.viewer().getTextWidget();
		return text.getStyleRangeAtOffset(offset);
	}

	private static void setKeywordsBold(boolean bold) {
		run(() -> {
			var dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
					"org.palisade.ui.editor.colors", null, null);
			dialog.setBlockOnOpen(false);
			dialog.open();
		});
		waitUntil("the colour preferences", WAIT, () -> dialog("Preferences") != null);
		run(() -> {
			Shell shell = dialog("Preferences");
			org.eclipse.swt.widgets.List kinds = find(shell, org.eclipse.swt.widgets.List.class);
			assertEquals("Keywords", kinds.getItem(0));
			kinds.select(0);
			kinds.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			var box = button(shell, "Bold");
			if (box.getSelection() != bold) {
				click(box);
			}
		});
		if (!bold) {
			Studio.screenshot("preferences-editor-colours");
		}
		run(() -> click(button(dialog("Preferences"), "Apply and Close")));
		waitUntil("the preferences to close", WAIT, () -> dialog("Preferences") == null);
	}

	@Test
	void propertiesOfACameraSelectedInTheOutlineShowItsCatalogFigures() throws Exception {
		IProject example = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT);
		PerimeterEditor editor = ui(() -> (PerimeterEditor) IDE.openEditor(page(), example.getFile("harbour-depot.perimeter"), PerimeterEditor.ID));
		waitUntil("the outline", WAIT, () -> outlineTree() != null && outlineTree().getItemCount() > 0);
		run(() -> {
			page().showView(IPageLayout.ID_PROP_SHEET);
			page().activate(page().findView(IPageLayout.ID_OUTLINE));
			TreeItem camera = findItem(outlineTree().getItems(), "camera North1");
			assertNotNull(camera, "the outline lists camera North1");
			outlinePage().setSelection(new StructuredSelection(camera.getData()));
		});
		List<String> rows = new ArrayList<>();
		waitUntil("the Properties view to show the camera", WAIT, () -> {
			rows.clear();
			rows.addAll(propertyRows());
			return rows.stream().anyMatch(r -> r.startsWith("name = North1"));
		}, () -> "rows: " + rows);
		assertTrue(rows.contains("address = 10.20.0.11"), rows.toString());
		assertTrue(rows.contains("type = AXIS Q1961-TE"), rows.toString());
		assertTrue(rows.contains("model = AXIS Q1961-TE (thermal-camera)"), rows.toString());
		assertTrue(rows.contains("pin 2 = 12 V DC out, max 50 mA"), rows.toString());
		assertFalse(rows.stream().anyMatch(r -> r.toLowerCase().contains("password =") && !r.contains("SEC-PLAINTEXT-SECRET")), rows.toString());
		Studio.screenshot("properties-camera");
		run(() -> editor.getSite().getPage().activate(editor));
	}

	@Test
	void theOutlineRebuildsOnlyTheElementAnEditChangedAndLeadsToWhereAnElementIsNow() throws Exception {
		IProject example = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT);
		PerimeterEditor editor = ui(() -> (PerimeterEditor) IDE.openEditor(page(), example.getFile("harbour-depot.perimeter"), PerimeterEditor.ID));
		waitUntil("the outline", WAIT, () -> outlineTree() != null && findItem(outlineTree().getItems(), "camera Gate") != null);
		TreeItem gate = ui(() -> findItem(outlineTree().getItems(), "camera Gate"));
		run(() -> {
			// Expanded as a click on its arrow does, so its children are in the tree.
			TreeItem north1 = findItem(outlineTree().getItems(), "camera North1");
			org.eclipse.swt.widgets.Event expand = new org.eclipse.swt.widgets.Event();
			expand.item = north1;
			outlineTree().notifyListeners(SWT.Expand, expand);
			north1.setExpanded(true);
		});
		try {
			// A port declared in North1: North1's children change, nothing else does.
			run(() -> {
				String port = "port 1 output \"Flashing beacon\" normally open";
				int at = editor.document().get().indexOf(port) + port.length();
				editor.document().replace(at, 0, "\n\t\tport 2 input \"Gate contact\"");
			});
			waitUntil("the new port in the outline", WAIT,
					() -> findItem(outlineTree().getItems(), "port 2 input \"Gate contact\"") != null);
			run(() -> {
				assertFalse(gate.isDisposed(), "camera Gate's row is kept, not rebuilt");
				assertEquals(gate, findItem(outlineTree().getItems(), "camera Gate"));
			});
			// Lines above every element: offsets move, the tree's shape does not.
			long before = ui(() -> editor.lastShown() == null ? 0 : editor.lastShownMillis());
			run(() -> editor.document().replace(0, 0, "// Surveyed again in December.\n// Second line.\n"));
			waitUntil("the check of the moved text", WAIT, () -> editor.lastShownMillis() > before);
			String selected = ui(() -> {
				page().activate(page().findView(IPageLayout.ID_OUTLINE));
				outlinePage().setSelection(new StructuredSelection(findItem(outlineTree().getItems(), "camera Gate").getData()));
				int offset = ((org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
				return editor.document().get(offset, "camera Gate".length());
			});
			assertEquals("camera Gate", selected, "selecting the node leads to the element where it is now");
			Studio.screenshot("outline-after-edits");
		} finally {
			run(() -> {
				editor.doRevertToSaved();
				editor.getSite().getPage().activate(editor);
			});
		}
	}

	private static org.eclipse.ui.views.contentoutline.ContentOutlinePage outlinePage() {
		ContentOutline outline = (ContentOutline) page().findView(IPageLayout.ID_OUTLINE);
		return outline != null && outline.getCurrentPage() instanceof org.eclipse.ui.views.contentoutline.ContentOutlinePage p ? p : null;
	}

	private static Tree outlineTree() {
		var page = outlinePage();
		return page != null && page.getControl() instanceof Tree tree ? tree : null;
	}

	private static TreeItem findItem(TreeItem[] items, String prefix) {
		for (TreeItem item : items) {
			if (item.getText().startsWith(prefix)) {
				return item;
			}
			TreeItem inner = findItem(item.getItems(), prefix);
			if (inner != null) {
				return inner;
			}
		}
		return null;
	}

	private static List<String> propertyRows() {
		List<String> rows = new ArrayList<>();
		var view = page().findView(IPageLayout.ID_PROP_SHEET);
		Tree tree = view == null ? null : find(((org.eclipse.ui.views.properties.PropertySheet) view).getCurrentPage().getControl(), Tree.class);
		if (tree != null) {
			collect(tree.getItems(), rows);
		}
		return rows;
	}

	private static void collect(TreeItem[] items, List<String> rows) {
		for (TreeItem item : items) {
			item.setExpanded(true);
			if (!item.getText(1).isEmpty()) {
				rows.add(item.getText(0) + " = " + item.getText(1));
			}
			collect(item.getItems(), rows);
		}
	}

	@Test
	void aboutShowsTheProductAndItsVersion() throws Exception {
		// Help > About, as a click on the menu item; the dialog is modal, so the click is
		// made from a later event and this call returns.
		run(() -> {
			org.eclipse.swt.widgets.MenuItem about = null;
			for (var menu : PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar().getItems()) {
				if (menu.getText().replace("&", "").equals("Help")) {
					menu.getMenu().notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
					for (var item : menu.getMenu().getItems()) {
						if (item.getText().replace("&", "").startsWith("About")) {
							about = item;
						}
					}
				}
			}
			assertNotNull(about, "Help has an About item");
			org.eclipse.swt.widgets.MenuItem click = about;
			Studio.display().asyncExec(() -> click.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event()));
		});
		waitUntil("the About dialog", WAIT, () -> dialog("About Palisade Studio") != null);
		String text = ui(() -> {
			StringBuilder all = new StringBuilder();
			for (StyledText t : all(dialog("About Palisade Studio"), StyledText.class)) {
				all.append(t.getText());
			}
			return all.toString();
		});
		assertTrue(text.matches("(?s).*Version: 0\\.1\\.0\\.\\d{12}.*"), text);
		assertTrue(text.contains("perimeter-protection sites"), text);
		Studio.screenshot("about");
	}
}
