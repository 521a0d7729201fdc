package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.editor.internal.ProblemAnnotation;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The design editor as an integrator uses it: open the example from the Project Explorer,
 * type a change that breaks a rule, see the squiggle, the hover and (once saved) the
 * Problems entry, undo it, ask for proposals, format, go to a declaration. Keys are real key
 * events posted to the display; each step saves a screenshot.
 */
@ExtendWith(Studio.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesignEditorTest {

	private static final Duration CHECKED = Duration.ofSeconds(20);

	@AfterEach
	void revertAndClose() {
		run(() -> page().closeAllEditors(false));
	}

	private static IFile exampleFile() {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT);
		return project.getFile("harbour-depot.perimeter");
	}

	/** Opens the example the way a user does: a double click in the Project Explorer. */
	private static PerimeterEditor openFromProjectExplorer() {
		IFile file = exampleFile();
		run(() -> {
			IViewPart view = page().showView(IPageLayout.ID_PROJECT_EXPLORER);
			StructuredViewer viewer = ((CommonNavigator) view).getCommonViewer();
			((org.eclipse.jface.viewers.TreeViewer) viewer).expandToLevel(file.getProject(), 1);
			viewer.setSelection(new StructuredSelection(file), true);
			Widget item = viewer.testFindItem(file);
			assertNotNull(item, "the Project Explorer shows " + file.getFullPath());
			Tree tree = (Tree) viewer.getControl();
			Event event = new Event();
			event.item = item;
			tree.notifyListeners(SWT.DefaultSelection, event);
		});
		waitUntil("the design editor to open", CHECKED, () -> page().getActiveEditor() instanceof PerimeterEditor);
		PerimeterEditor editor = ui(() -> (PerimeterEditor) page().getActiveEditor());
		waitUntil("the first check of the design", CHECKED, () -> editor.model() != null && hasOutline(editor));
		return editor;
	}

	private static boolean hasOutline(PerimeterEditor editor) {
		Object page = editor.getAdapter(org.eclipse.ui.views.contentoutline.IContentOutlinePage.class);
		return page instanceof org.palisade.ui.editor.internal.DesignOutlinePage outline && !outline.roots().isEmpty();
	}

	private static List<String> problems(PerimeterEditor editor) {
		return ui(() -> {
			List<String> found = new ArrayList<>();
			var model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				if (it.next() instanceof ProblemAnnotation p && !p.isMarkedDeleted()) {
					found.add(p.getText());
				}
			}
			return found;
		});
	}

	private static List<String> problemsViewEntries() {
		return ui(() -> {
			IViewPart view = page().showView(IPageLayout.ID_PROBLEM_VIEW);
			ISelectionProvider provider = view.getSite().getSelectionProvider();
			// Expanding through the viewer, as a click does: setExpanded on an item would leave
			// JFace's placeholder child in place of the markers.
			((org.eclipse.jface.viewers.TreeViewer) provider).expandAll();
			while (Studio.display().readAndDispatch()) {
				// let the virtual tree fill the items it shows
			}
			Tree tree = (Tree) ((StructuredViewer) provider).getControl();
			List<String> entries = new ArrayList<>();
			collect(tree.getItems(), entries);
			return entries;
		});
	}

	private static void collect(TreeItem[] items, List<String> into) {
		for (TreeItem item : items) {
			// The Problems view's tree is virtual: an item has its text once it is shown.
			if (item.isDisposed()) {
				continue;
			}
			String text = item.getText(0);
			IMarker marker = org.eclipse.core.runtime.Adapters.adapt(item.getData(), IMarker.class);
			if (text.isEmpty() && marker != null) {
				text = marker.getAttribute(IMarker.MESSAGE, "");
			}
			into.add(text);
			collect(item.getItems(), into);
		}
	}

	private static List<String> markerCodes() {
		List<String> codes = new ArrayList<>();
		try {
			for (IMarker m : exampleFile().findMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_ZERO)) {
				codes.add(m.getAttribute(PalisadeWorkspace.CODE, ""));
			}
		} catch (org.eclipse.core.runtime.CoreException e) {
			throw new AssertionError(e);
		}
		return codes;
	}

	private static int offsetOf(PerimeterEditor editor, String text) {
		int at = ui(() -> editor.document().get().indexOf(text));
		assertTrue(at >= 0, "the example holds " + text);
		return at;
	}

	private static void focusAndSelect(PerimeterEditor editor, int offset, int length) {
		run(() -> {
			editor.viewer().getTextWidget().forceFocus();
			editor.selectAndReveal(offset, length);
		});
	}

	@Test
	@Order(1)
	void theExampleOpensHighlightedWithoutFindings() throws Exception {
		PerimeterEditor editor = openFromProjectExplorer();
		assertEquals(List.of(), problems(editor), "the manual's scenario breaks no rule");
		waitUntil("the Problems view to settle", CHECKED, () -> true);
		assertEquals(0, exampleFile().findMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_ZERO).length);

		StyleRange keyword = ui(() -> styleAt(editor, "site \"Harbour Depot\""));
		assertEquals(SWT.BOLD, keyword.fontStyle & SWT.BOLD, "'site' is a keyword, bold: " + keyword);
		StyleRange comment = ui(() -> styleAt(editor, "// Harbour Depot"));
		StyleRange commentInside = ui(() -> styleAt(editor, "Outside office"));
		assertEquals(comment.foreground, commentInside.foreground, "the whole comment has the comment colour");
		StyleRange declaration = ui(() -> styleAt(editor, "North1 :"));
		assertEquals(SWT.BOLD, declaration.fontStyle & SWT.BOLD, "a declared name is bold: " + declaration);
		StyleRange reference = ui(() -> styleAt(editor, "AfterHours\n\t\t\tdo output"));
		assertEquals(SWT.ITALIC, reference.fontStyle & SWT.ITALIC, "a reference is italic: " + reference);

		// The camera folds from the start of its line to the start of the line after its '}'.
		String text = editor.document().get();
		int cameraLine = text.lastIndexOf('\n', text.indexOf("camera North1")) + 1;
		int afterBrace = text.indexOf("\n", text.indexOf("\t}\n\n\tbeacon Beacon1")) + 1;
		assertTrue(ui(() -> folds(editor)).contains(new Position(cameraLine, afterBrace - cameraLine)),
				"a fold over the camera North1, " + cameraLine + ".." + afterBrace + ", among " + ui(() -> folds(editor)));
		Studio.screenshot("editor-example-open");
	}

	/**
	 * A large design is coloured around the lines on screen, not whole (SWT works through every
	 * style range its widget holds on each key): a camera far down has no colours until the
	 * view goes there, then has them; the top loses its colours while the view is away and has
	 * them again when it comes back.
	 */
	@Test
	@Order(12)
	void aLargeDesignIsColouredWhereTheViewIs() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("large-design");
		if (!project.exists()) {
			project.create(null); // a plain project: its builder's check is not what this test is about
		}
		project.open(null);
		IFile file = project.getFile("site.perimeter");
		String text = org.palisade.dsl.load.SyntheticSite.of(300);
		if (!file.exists()) {
			file.create(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
		}
		PerimeterEditor editor = ui(() -> (PerimeterEditor) org.eclipse.ui.ide.IDE.openEditor(page(), file, PerimeterEditor.ID));
		waitUntil("the first check of the large design", CHECKED, () -> editor.model() != null && hasOutline(editor));
		String top = "site \"Bench 300\"";
		String far = "camera Cam299 ";
		int lines = ui(() -> editor.document().getNumberOfLines());
		assertTrue(lines > 5000, "a design of " + lines + " lines");
		assertEquals(SWT.BOLD, ui(() -> styleOrNull(editor, top)).fontStyle & SWT.BOLD, "'site' on screen is coloured");
		assertEquals(null, ui(() -> styleOrNull(editor, far)), "a camera " + lines + " lines down is not coloured yet");
		int ranges = ui(() -> editor.viewer().getTextWidget().getStyleRanges(false).length);

		focusAndSelect(editor, offsetOf(editor, far), 0);
		waitUntil("the camera far down coloured", CHECKED, () -> {
			StyleRange style = ui(() -> styleOrNull(editor, far));
			return style != null && (style.fontStyle & SWT.BOLD) != 0;
		});
		assertEquals(null, ui(() -> styleOrNull(editor, top)), "the top's colours are dropped while the view is away");
		int rangesThere = ui(() -> editor.viewer().getTextWidget().getStyleRanges(false).length);
		assertTrue(rangesThere < 2 * ranges + 100, "the widget holds " + rangesThere + " style ranges down there, " + ranges + " at the top");
		Studio.screenshot("editor-large-design-far-down");

		focusAndSelect(editor, 0, 0);
		waitUntil("the top coloured again", CHECKED, () -> {
			StyleRange style = ui(() -> styleOrNull(editor, top));
			return style != null && (style.fontStyle & SWT.BOLD) != 0;
		});
		run(() -> page().closeAllEditors(false));
		project.delete(true, null); // the other tests see the workspace a user starts with
	}

	/** @return the widget's style at the text's first character, or null where it has none */
	private static StyleRange styleOrNull(PerimeterEditor editor, String text) {
		int offset = editor.document().get().indexOf(text);
		assertTrue(offset >= 0, text);
		int widgetOffset = ((org.eclipse.jface.text.ITextViewerExtension5) editor.viewer()).modelOffset2WidgetOffset(offset);
		return widgetOffset < 0 ? null : editor.viewer().getTextWidget().getStyleRangeAtOffset(widgetOffset);
	}

	private static List<Position> folds(PerimeterEditor editor) {
		var model = ((org.eclipse.jface.text.source.projection.ProjectionViewer) editor.viewer()).getProjectionAnnotationModel();
		List<Position> found = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			found.add(model.getPosition(it.next()));
		}
		return found;
	}

	private static StyleRange styleAt(PerimeterEditor editor, String text) {
		StyledText widget = editor.viewer().getTextWidget();
		int offset = editor.document().get().indexOf(text);
		assertTrue(offset >= 0, text);
		StyleRange range = widget.getStyleRangeAtOffset(((org.eclipse.jface.text.ITextViewerExtension5) editor.viewer())
				.modelOffset2WidgetOffset(offset));
		assertNotNull(range, "a style at " + text);
		return range;
	}

	@Test
	@Order(2)
	void typingAThinWireShowsTheFindingThenTheProblemsEntryAndUndoClearsBoth() throws Exception {
		PerimeterEditor editor = openFromProjectExplorer();
		int at = offsetOf(editor, "0.25 mm2 40 m from pin 2");
		focusAndSelect(editor, at, "0.25".length());
		Studio.type("0.1");
		waitUntil("ELEC-WIRE-AREA in the editor", CHECKED,
				() -> problems(editor).stream().anyMatch(p -> p.startsWith("ELEC-WIRE-AREA") && p.contains("0.1 mm2")));
		List<String> found = problems(editor);
		assertTrue(found.stream().anyMatch(p -> p.contains("0.25 mm2 to 0.5 mm2")), "the message gives the range: " + found);

		String hover = ui(() -> hoverAt(editor, at + 1));
		assertTrue(hover != null && hover.contains("ELEC-WIRE-AREA") && hover.contains("0.1 mm2"), "hover: " + hover);
		Studio.screenshot("editor-broken-finding");

		run(() -> editor.doSave(null));
		waitUntil("the builder's marker on the saved file", CHECKED, () -> markerCodes().contains("ELEC-WIRE-AREA"));
		Studio.screenshot("problems-view-after-save");
		waitUntil("ELEC-WIRE-AREA in the Problems view", CHECKED,
				() -> problemsViewEntries().stream().anyMatch(e -> e.contains("ELEC-WIRE-AREA")),
				() -> "the Problems view shows " + problemsViewEntries() + " in " + Studio.screenshot("problems-view-timeout"));
		IMarker[] markers = exampleFile().findMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_ZERO);
		assertEquals("ELEC-WIRE-AREA", markers[0].getAttribute(PalisadeWorkspace.CODE, ""));
		Studio.screenshot("problems-view-entry");

		// Undo is one step for the three keys typed, and the finding goes with it.
		run(() -> editor.getAction(org.eclipse.ui.texteditor.ITextEditorActionConstants.UNDO).run());
		run(() -> editor.getAction(org.eclipse.ui.texteditor.ITextEditorActionConstants.UNDO).run());
		waitUntil("the finding to go", CHECKED, () -> problems(editor).isEmpty());
		assertTrue(ui(() -> editor.document().get().contains("wire red 0.25 mm2 40 m from pin 2")));
		run(() -> editor.doSave(null));
		waitUntil("the Problems view to empty", CHECKED,
				() -> problemsViewEntries().stream().noneMatch(e -> e.contains("ELEC-")));
	}

	private static String hoverAt(PerimeterEditor editor, int offset) {
		ISourceViewer viewer = editor.viewer();
		var hover = (org.eclipse.jface.text.ITextHoverExtension2) editor.configuration().getTextHover(viewer,
				IDocument.DEFAULT_CONTENT_TYPE);
		Object info = hover.getHoverInfo2(viewer, new Region(offset, 0));
		return info == null ? null : info.toString();
	}

	@Test
	@Order(3)
	void hoverOverPin2GivesItsRoleAndLimit() {
		PerimeterEditor editor = openFromProjectExplorer();
		int at = offsetOf(editor, "pin 2 to Beacon1") + "pin ".length();
		String hover = ui(() -> hoverAt(editor, at));
		assertEquals("pin 2: 12 V DC out, max 50 mA", hover);
		int device = offsetOf(editor, "Beacon1.plus");
		String beacon = ui(() -> hoverAt(editor, device + 2));
		assertTrue(beacon.contains("Beacon 12V 50mA") && beacon.contains("draws 50 mA") && beacon.contains("10.8 V to 13.2 V"),
				beacon);
	}

	@Test
	@Order(4)
	void contentAssistAfterDoOutputProposesThePorts() throws Exception {
		PerimeterEditor editor = openFromProjectExplorer();
		int at = offsetOf(editor, "\n\t}\n\n\tbeacon Beacon1");
		String line = "\n\t\trule \"Test\" when PerimeterDefender.intrusion do output ";
		run(() -> editor.document().replace(at, 0, line));
		focusAndSelect(editor, at + line.length(), 0);
		Studio.key(SWT.CTRL, ' ');
		waitUntil("the proposals popup", CHECKED, DesignEditorTest::proposalsShown);
		List<String> shown = proposals();
		assertTrue(shown.contains("Flashing beacon - port"), "ports after 'do output': " + shown);
		Studio.sleep(300);
		waitUntil("the proposals popup to settle", CHECKED, DesignEditorTest::proposalsShown);
		Studio.screenshot("content-assist-do-output");
		Studio.keyCode(SWT.CR);
		waitUntil("the port to be inserted", CHECKED,
				() -> editor.document().get().contains("do output \"Flashing beacon\""));
		run(() -> editor.doRevertToSaved());
	}

	@Test
	@Order(5)
	void contentAssistAfterPinProposesEachPinWithItsRole() {
		PerimeterEditor editor = openFromProjectExplorer();
		int at = offsetOf(editor, "\n\n\t\trule \"Flashing beacon\"");
		String line = "\n\t\twire green 0.25 mm2 5 m from pin ";
		run(() -> editor.document().replace(at, 0, line));
		focusAndSelect(editor, at + line.length(), 0);
		Studio.key(SWT.CTRL, ' ');
		waitUntil("the proposals popup", CHECKED, DesignEditorTest::proposalsShown);
		List<String> shown = proposals();
		assertTrue(shown.contains("2 - 12 V DC out, max 50 mA - AXIS Q1961-TE"), shown.toString());
		assertTrue(shown.contains("1 - 0 V DC (ground) - AXIS Q1961-TE"), shown.toString());
		Studio.keyCode(SWT.ESC);
		run(() -> editor.doRevertToSaved());
	}

	private static boolean proposalsShown() {
		List<String> shown = proposals();
		return shown != null && !shown.isEmpty() && shown.stream().noneMatch(p -> p.startsWith("Computing proposals"));
	}

	/** @return the entries of the open proposals popup, or null when none is open */
	private static List<String> proposals() {
		return ui(() -> {
			for (Shell shell : Studio.display().getShells()) {
				Table table = proposalTable(shell);
				if (table != null) {
					List<String> entries = new ArrayList<>();
					for (TableItem item : table.getItems()) {
						entries.add(item.getText());
					}
					return entries;
				}
			}
			return null;
		});
	}

	private static void chooseProposal(String label) {
		for (Shell shell : Studio.display().getShells()) {
			Table table = proposalTable(shell);
			if (table != null) {
				for (TableItem item : table.getItems()) {
					if (item.getText().equals(label)) {
						table.setSelection(item);
						Event event = new Event();
						event.item = item;
						table.notifyListeners(SWT.DefaultSelection, event);
						return;
					}
				}
			}
		}
		throw new AssertionError("no proposal " + label);
	}

	/** @return the visible table of an open proposals popup under a shell, or null */
	private static Table proposalTable(Shell shell) {
		for (Shell child : shell.getShells()) {
			Table found = proposalTable(child);
			if (found != null) {
				return found;
			}
		}
		if (shell.isVisible()) {
			for (var control : shell.getChildren()) {
				if (control instanceof Table table && table.isVisible()) {
					return table;
				}
			}
		}
		return null;
	}

	@Test
	@Order(6)
	void formatPutsAMessyLineRightInOneUndoableStep() {
		PerimeterEditor editor = openFromProjectExplorer();
		String original = ui(() -> editor.document().get());
		int at = offsetOf(editor, "\t\tpower poe");
		run(() -> editor.document().replace(at, "\t\tpower poe".length(), "power     poe"));
		run(() -> editor.getAction("org.palisade.ui.editor.format").run());
		waitUntil("the formatted text", CHECKED, () -> editor.document().get().contains("\t\tpower poe\n"));
		assertFalse(ui(() -> editor.document().get().contains("power     poe")));
		run(() -> editor.getAction(org.eclipse.ui.texteditor.ITextEditorActionConstants.UNDO).run());
		assertTrue(ui(() -> editor.document().get().contains("power     poe")), "one undo takes the whole format back");
		run(() -> editor.doRevertToSaved());
		assertEquals(original, ui(() -> editor.document().get()));
	}

	@Test
	@Order(7)
	void f3OnAScheduleReferenceGoesToTheSchedule() {
		PerimeterEditor editor = openFromProjectExplorer();
		int reference = offsetOf(editor, "AfterHours\n\t\t\tdo output");
		focusAndSelect(editor, reference + 3, 0);
		Studio.keyCode(SWT.F3);
		int declaration = offsetOf(editor, "AfterHours \"After hours\"");
		waitUntil("the caret on the declaration", CHECKED,
				() -> ((org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection()).getOffset() == declaration);
	}

	@Test
	@Order(9)
	void ctrl1OnAThinWireOffersTheRangeAndOneUndoTakesItBack() {
		PerimeterEditor editor = openFromProjectExplorer();
		int at = offsetOf(editor, "0.25 mm2 40 m from pin 2");
		run(() -> editor.document().replace(at, 4, "0.1"));
		waitUntil("ELEC-WIRE-AREA in the editor", CHECKED,
				() -> problems(editor).stream().anyMatch(p -> p.startsWith("ELEC-WIRE-AREA")));
		focusAndSelect(editor, at + 1, 0);
		Studio.key(SWT.CTRL, '1');
		waitUntil("the quick fix list", CHECKED, DesignEditorTest::proposalsShown);
		List<String> fixes = proposals();
		assertTrue(fixes.contains("Change the wire to 0.25 mm2 (the I/O terminal takes 0.25 to 0.5 mm2)"), fixes.toString());
		Studio.screenshot("quick-fix-list");
		// A double click on the fix, as the popup's table takes it (without a window manager the
		// popup does not get the keyboard focus that Enter would need).
		run(() -> chooseProposal("Change the wire to 0.25 mm2 (the I/O terminal takes 0.25 to 0.5 mm2)"));
		waitUntil("the fixed text", CHECKED, () -> editor.document().get().contains("wire red 0.25 mm2 40 m from pin 2"),
				() -> "the wire reads: " + ui(() -> editor.document().get().lines().filter(l -> l.contains("wire red")).toList())
						+ ", status: " + editor.lastStatus());
		waitUntil("the finding to go", CHECKED, () -> problems(editor).isEmpty());
		assertTrue(ui(() -> editor.document().get().contains("// Pin 2 is the 12 V DC output")), "comments kept");
		run(() -> editor.getAction(org.eclipse.ui.texteditor.ITextEditorActionConstants.UNDO).run());
		assertTrue(ui(() -> editor.document().get().contains("wire red 0.1 mm2 40 m from pin 2")), "one undo takes the fix back");
		run(() -> editor.doRevertToSaved());
	}

	@Test
	@Order(10)
	void quickFixFromTheProblemsViewAddsTheMissingPort() throws Exception {
		IFile file = exampleFile();
		String original = new String(file.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		String broken = original.replace("		port 1 output \"Flashing beacon\" normally open\n", "");
		assertFalse(broken.equals(original), "the example configures port 1");
		file.setContents(new java.io.ByteArrayInputStream(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, false, null);
		waitUntil("the builder's ELEC-DIRECTION marker", CHECKED, () -> markerCodes().contains("ELEC-DIRECTION"));
		IMarker marker = null;
		for (IMarker m : file.findMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_ZERO)) {
			if ("ELEC-DIRECTION".equals(m.getAttribute(PalisadeWorkspace.CODE, ""))) {
				marker = m;
			}
		}
		IMarker direction = marker;
		var resolutions = ui(() -> org.eclipse.ui.ide.IDE.getMarkerHelpRegistry().getResolutions(direction));
		List<String> labels = new ArrayList<>();
		for (var r : resolutions) {
			labels.add(r.getLabel());
		}
		assertEquals(List.of("Add port 1 output \"Beacon1\""), labels);
		run(() -> resolutions[0].run(direction));
		PerimeterEditor editor = ui(() -> (PerimeterEditor) page().getActiveEditor());
		waitUntil("the port in the text", CHECKED, () -> editor.document().get().contains("port 1 output \"Beacon1\""));
		run(() -> editor.doSave(null));
		waitUntil("the marker to go", CHECKED, () -> !markerCodes().contains("ELEC-DIRECTION"));
		file.setContents(new java.io.ByteArrayInputStream(original.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, false, null);
	}

	@Test
	@Order(8)
	void toggleCommentCommentsTheLineAndBack() {
		PerimeterEditor editor = openFromProjectExplorer();
		int at = offsetOf(editor, "\t\tpower poe");
		focusAndSelect(editor, at + 3, 0);
		run(() -> editor.getAction("org.palisade.ui.editor.toggleComment").run());
		assertTrue(ui(() -> editor.document().get().contains("//\t\tpower poe")));
		run(() -> editor.getAction("org.palisade.ui.editor.toggleComment").run());
		assertTrue(ui(() -> editor.document().get().contains("\n\t\tpower poe")));
		assertFalse(ui(() -> editor.isDirty() && editor.document().get().contains("//\t\tpower")));
		run(() -> editor.doRevertToSaved());
	}

	@Test
	@Order(11)
	void ctrl1OnATypedPasswordMovesItToSecureStorageAndTheTextKeepsOnlyTheReference() throws Exception {
		// A private storage, its master password and the design's password made up at run time:
		// nothing secret is kept in the repository or the user's default storage.
		java.nio.file.Path file = java.nio.file.Files.createTempFile("palisade-secure-storage", ".equinox");
		var options = new java.util.HashMap<Object, Object>();
		options.put(org.eclipse.equinox.security.storage.provider.IProviderHints.DEFAULT_PASSWORD,
				new javax.crypto.spec.PBEKeySpec(java.util.UUID.randomUUID().toString().toCharArray()));
		options.put(org.eclipse.equinox.security.storage.provider.IProviderHints.PROMPT_USER, Boolean.FALSE);
		var storage = org.eclipse.equinox.security.storage.SecurePreferencesFactory.open(file.toUri().toURL(), options);
		org.palisade.deploy.SecureCredentials.use(() -> storage);
		String secret = "pw-" + java.util.UUID.randomUUID();
		try {
			PerimeterEditor editor = openFromProjectExplorer();
			int at = offsetOf(editor, "credentials \"harbour-depot/north1\"");
			run(() -> editor.document().replace(at, "credentials \"harbour-depot/north1\"".length(), "password \"" + secret + "\""));
			waitUntil("SEC-PLAINTEXT-SECRET in the editor", CHECKED,
					() -> problems(editor).stream().anyMatch(p -> p.startsWith("SEC-PLAINTEXT-SECRET")));
			focusAndSelect(editor, at + "password \"".length() + 2, 0);
			Studio.key(SWT.CTRL, '1');
			waitUntil("the quick fix list", CHECKED, DesignEditorTest::proposalsShown);
			String label = "Move the password to secure storage as credentials \"harbour-depot/north1\"";
			assertTrue(proposals().contains(label), proposals().toString());
			// The fix asks a question in a modal dialog: chosen from a later event, so that this
			// thread is not held until the dialog closes.
			run(() -> Studio.display().asyncExec(() -> chooseProposal(label)));
			waitUntil("the user name question", CHECKED, () -> Widgets.dialog("Move the Password to Secure Storage") != null);
			Studio.screenshot("secret-to-secure-storage");
			run(() -> {
				Shell dialog = Widgets.dialog("Move the Password to Secure Storage");
				assertEquals("root", Widgets.find(dialog, org.eclipse.swt.widgets.Text.class).getText(), "the Axis administrator by default");
				Widgets.click(Widgets.button(dialog, "OK"));
			});
			waitUntil("the reference in the text", CHECKED, () -> editor.document().get().contains("on yard credentials \"harbour-depot/north1\" {"),
					() -> "status: " + editor.lastStatus());
			assertFalse(ui(() -> editor.document().get().contains(secret)), "the password has left the design");
			var node = storage.node("org.palisade/credentials/harbour-depot\\2fnorth1");
			assertEquals("root", node.get("username", null));
			assertEquals(secret, node.get("password", null));
			assertTrue(node.isEncrypted("password"), "the password is stored encrypted");
			waitUntil("the finding to go", CHECKED, () -> problems(editor).isEmpty(), () -> problems(editor).toString());
			run(() -> editor.doRevertToSaved());
		} finally {
			org.palisade.deploy.SecureCredentials.useDefault();
			java.nio.file.Files.deleteIfExists(file);
		}
	}
}
