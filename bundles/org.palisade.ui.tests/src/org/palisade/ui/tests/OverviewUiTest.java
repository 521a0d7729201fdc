package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.diagram.Diagram;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.diagram.DiagramCanvas;
import org.palisade.ui.diagram.OverviewView;
import org.palisade.ui.diagram.WiringView;
import org.palisade.ui.diagram.internal.DiagramExport;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.editor.internal.OutlineNode;

/**
 * The site overview of the example, driven with SWT mouse events on its canvas: a device dragged
 * elsewhere is kept beside the design and found where it was left after the view and the editor
 * are closed and opened again; a double click opens a camera's wiring diagram or a device's
 * text; and the drawing exported as PNG and SVG.
 */
@ExtendWith(Studio.class)
class OverviewUiTest {

	private static final Duration CHECKED = Duration.ofSeconds(30);

	@AfterEach
	void closeAll() throws Exception {
		Studio.closeViewsAndEditors(OverviewView.ID, WiringView.ID);
		Files.deleteIfExists(layoutFile());
	}

	@Test
	void aDeviceMovedInTheOverviewIsWhereItWasLeftAfterReopening() throws Exception {
		Files.deleteIfExists(layoutFile());
		OverviewView view = openOverview();
		DiagramCanvas canvas = view.canvas();
		Diagram elk = ui(canvas::diagram);
		assertEquals(List.of("device:North1", "device:Beacon1", "device:Gate", "device:Entry", "device:GateBeacon", "device:Horn",
				"device:Center"), elk.nodes().stream().map(Diagram.Node::id)
				.toList());
		Studio.screenshot("overview-example");

		// Press on the horn speaker's box, drag it 180 px left and 140 px down (at the view's scale), release:
		// the horn is in the last column since the door controller calls it too (#19), so left stays on the canvas.
		Diagram.Rect horn = elk.node("device:Horn").orElseThrow().bounds();
		Point from = ui(() -> canvas.toControl(horn.centre()));
		Point to = new Point(from.x - 180, from.y + 140);
		Mouse.drag(canvas, from, to);
		double scale = ui(canvas::scale);
		Diagram.Rect moved = ui(canvas::diagram).node("device:Horn").orElseThrow().bounds();
		assertEquals(horn.x() - 180 / scale, moved.x(), 1 / scale + 1e-6, "moved left, gesture " + ui(canvas::gesture));
		assertEquals(horn.y() + 140 / scale, moved.y(), 1 / scale + 1e-6);
		String kept = Files.readString(layoutFile());
		assertTrue(kept.contains("\"overview\"") && kept.contains("\"device:Horn\""), kept);
		Studio.screenshot("overview-horn-moved");

		// Closed, the editor too, and opened again: the horn where it was left, the others where ELK puts them.
		closeAll();
		Files.writeString(layoutFile(), kept);
		OverviewView again = openOverview();
		Diagram reopened = ui(again.canvas()::diagram);
		Diagram.Rect back = reopened.node("device:Horn").orElseThrow().bounds();
		assertEquals(moved.x(), back.x(), 1e-6);
		assertEquals(moved.y(), back.y(), 1e-6);
		assertEquals(elk.node("device:North1").orElseThrow().bounds(), reopened.node("device:North1").orElseThrow().bounds());
		Diagram.Edge link = reopened.edges().stream().filter(e -> e.target().equals("device:Horn")).findFirst().orElseThrow();
		assertEquals(2, link.points().size(), "the rule's link to the moved horn is drawn straight");
		Studio.screenshot("overview-horn-after-reopening");
	}

	@Test
	void doubleClicksOpenTheCamerasWiringAndTheSpeakersText() throws Exception {
		OverviewView view = openOverview();
		DiagramCanvas canvas = view.canvas();
		Diagram d = ui(canvas::diagram);
		PerimeterEditor editor = ui(() -> (PerimeterEditor) page().getActiveEditor());

		Mouse.doubleClick(canvas, ui(() -> canvas.toControl(d.node("device:Horn").orElseThrow().bounds().centre())));
		waitUntil("the speaker's text selected", CHECKED, () -> selectedText(editor).startsWith("speaker Horn"),
				() -> "opened " + ui(view::opened) + ", selection " + ui(() -> selectedText(editor)));

		Mouse.doubleClick(canvas, ui(() -> canvas.toControl(d.node("device:North1").orElseThrow().bounds().centre())));
		waitUntil("North1's wiring diagram", CHECKED, () -> {
			for (IViewReference v : page().getViewReferences()) {
				if (WiringView.ID.equals(v.getId()) && "North1".equals(v.getSecondaryId()) && v.getView(false) instanceof WiringView w
						&& w.canvas().diagram() != null) {
					return true;
				}
			}
			return false;
		}, () -> "opened " + ui(view::opened));
	}

	@Test
	void thePropertiesViewShowsTheDeviceSelectedOnTheDrawing() throws Exception {
		OverviewView view = openOverview();
		DiagramCanvas canvas = view.canvas();
		Diagram d = ui(canvas::diagram);
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_RESTORED));
		run(() -> page().showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE));
		run(() -> page().activate(view));
		Point horn = ui(() -> canvas.toControl(d.node("device:Horn").orElseThrow().bounds().centre()));
		Mouse.event(canvas, SWT.MouseDown, horn, 1, 0);
		Mouse.event(canvas, SWT.MouseUp, horn, 1, SWT.BUTTON1);
		waitUntil("the horn selected", CHECKED, () -> selected(view) != null && selected(view).kind().equals("Device"),
				() -> "selection " + ui(() -> view.getSite().getSelectionProvider().getSelection()));
		OutlineNode node = ui(() -> selected(view));
		IPropertySource source = ui(() -> Platform.getAdapterManager().getAdapter(node, IPropertySource.class));
		List<String> values = java.util.Arrays.stream(source.getPropertyDescriptors())
				.map(p -> p.getDisplayName() + "=" + source.getPropertyValue(p.getId())).toList();
		assertTrue(values.stream().anyMatch(v -> v.contains("10.20.0.30")), values.toString());
		assertTrue(values.stream().anyMatch(v -> v.startsWith("model=") && v.contains("AXIS C1310-E")), values.toString());
		Studio.sleep(300);
		Studio.screenshot("overview-properties-of-horn");
		run(() -> {
			IViewReference sheet = page().findViewReference(IPageLayout.ID_PROP_SHEET);
			if (sheet != null) {
				page().hideView(sheet);
			}
		});
	}

	private static OutlineNode selected(OverviewView view) {
		return view.getSite().getSelectionProvider().getSelection() instanceof IStructuredSelection s
				&& s.getFirstElement() instanceof OutlineNode n ? n : null;
	}

	@Test
	void theOverviewExportsAsPngAndSvg() throws Exception {
		OverviewView view = openOverview();
		Diagram d = ui(view.canvas()::diagram);
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Path png = dir.resolve("overview-export.png");
		Path svg = dir.resolve("overview-export.svg");
		run(() -> DiagramExport.write(view.canvas().getDisplay(), d, png));
		run(() -> DiagramExport.write(view.canvas().getDisplay(), d, svg));

		ImageData image = new ImageLoader().load(png.toString())[0];
		int[] size = DiagramExport.pngSize(d);
		assertEquals((int) Math.ceil(d.width()), size[0]);
		assertEquals(size[0], image.width);
		assertEquals(size[1], image.height);
		// White around the boxes, the horn's box drawn in its fill and border.
		assertEquals(0xffffff, rgb(image, 1, 1));
		Diagram.Rect horn = d.node("device:Horn").orElseThrow().bounds();
		assertNotEquals(0xffffff, rgb(image, (int) Math.round(horn.x() + 1), (int) Math.round(horn.centre().y())),
				"the horn's border at its left edge");
		String text = Files.readString(svg);
		assertTrue(text.startsWith("<?xml") || text.startsWith("<svg"), text.substring(0, 40));
		for (String s : List.of("North1", "Beacon1", "Horn", "10.20.0.30 on yard", "Flashing beacon")) {
			assertTrue(text.contains(s), s + " in the SVG");
		}
		Path wrong = dir.resolve("overview-export.gif");
		try {
			DiagramExport.write(null, d, wrong);
			org.junit.jupiter.api.Assertions.fail("a .gif was written");
		} catch (java.io.IOException e) {
			assertTrue(e.getMessage().contains("writes .png or .svg files"), e.getMessage());
		}
	}

	private static int rgb(ImageData image, int x, int y) {
		org.eclipse.swt.graphics.RGB c = image.palette.getRGB(image.getPixel(x, y));
		return c.red << 16 | c.green << 8 | c.blue;
	}

	private static String selectedText(PerimeterEditor editor) {
		return editor.getSelectionProvider().getSelection() instanceof ITextSelection s && s.getText() != null ? s.getText()
				: "";
	}

	private static Path layoutFile() {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT)
				.getFile("harbour-depot.layout.json").getLocation().toFile().toPath();
	}

	private static OverviewView openOverview() {
		PerimeterEditor editor = Studio.openChecked(Studio.exampleDesign(), CHECKED);
		run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class)
				.executeCommand("org.palisade.ui.diagram.openOverview", null));
		waitUntil("the overview", CHECKED, () -> view() != null && view().canvas().diagram() != null);
		OverviewView view = ui(OverviewUiTest::view);
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED));
		waitUntil("the maximized overview", CHECKED, () -> view.canvas().getSize().x > 1000);
		Studio.sleep(200);
		return view;
	}

	private static OverviewView view() {
		for (IViewReference v : page().getViewReferences()) {
			if (OverviewView.ID.equals(v.getId()) && v.getView(false) instanceof OverviewView o) {
				return o;
			}
		}
		return null;
	}
}
