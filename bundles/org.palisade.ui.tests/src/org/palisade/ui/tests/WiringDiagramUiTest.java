package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;

import java.time.Duration;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.diagram.Diagram;
import org.palisade.ui.diagram.DiagramCanvas;
import org.palisade.ui.diagram.WiringView;
import org.palisade.ui.editor.DesignChanges;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The wiring diagram of the example's camera, driven as a person would: opened with the
 * editor's command, a wire drawn with real SWT mouse events on the canvas (press on pin 2, drag,
 * release on the siren's + terminal), the finding read from the drawing's tooltip, and
 * the editor's undo taking the wire out of the text and the drawing together.
 */
@ExtendWith(Studio.class)
class WiringDiagramUiTest {

	private static final Duration CHECKED = Duration.ofSeconds(30);
	private static final String SIREN = "\tsiren Siren2 : \"Siren 12V 30mA\"\n";
	private static final String NEW_WIRE = "wire red 0.25 mm2 10 m from pin 2 to Siren2.plus";

	@AfterEach
	void closeAll() {
		Studio.closeViewsAndEditors(WiringView.ID);
	}

	@Test
	void drawingASecondLoadOnPin2ShowsTheOverloadOnTheDrawingAndInTheTextAndUndoTakesBothBack() throws Exception {
		PerimeterEditor editor = Studio.openChecked(Studio.exampleDesign(), CHECKED);
		String original = ui(() -> editor.document().get());

		// The command the editor's context menu offers, with the caret in the camera.
		run(() -> {
			editor.selectAndReveal(original.indexOf("camera North1"), 0);
			PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.palisade.ui.diagram.openWiring",
					null);
		});
		waitUntil("the wiring view", CHECKED, () -> view() != null && view().canvas().diagram() != null);
		WiringView view = ui(WiringDiagramUiTest::view);
		DiagramCanvas canvas = view.canvas();
		// Maximized, as a person would to draw: the diagram at a readable scale.
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED));
		waitUntil("the maximized diagram", CHECKED, () -> canvas.getSize().x > 1000);
		Diagram first = ui(canvas::diagram);
		assertEquals(List.of("wire:0", "wire:1"), first.edges().stream().map(Diagram.Edge::id).toList());
		assertEquals(List.of(), first.marks(), "the example breaks no rule");
		Studio.screenshot("wiring-example");

		// A text edit: a siren that no camera is wired to yet appears on the drawing, unconnected.
		int beacon = original.indexOf("\tbeacon Beacon1");
		run(() -> editor.document().replace(beacon, 0, SIREN));
		waitUntil("the siren on the drawing", CHECKED, () -> canvas.diagram().port("terminal:Siren2.plus").isPresent());

		// Press on pin 2, drag to the siren's + terminal, release: a new wire.
		Diagram before = ui(canvas::diagram);
		long sliced = DesignChanges.slicedChanges();
		drag(canvas, before.port("pin:2").orElseThrow().bounds().centre(),
				before.port("terminal:Siren2.plus").orElseThrow().bounds().centre());
		waitUntil("the new wire in the text", CHECKED, () -> editor.document().get().contains(NEW_WIRE),
				() -> "gesture: " + ui(canvas::gesture) + ", text: " + ui(() -> editor.document().get().lines().filter(l -> l.contains("wire")).toList())
						+ ", status: " + editor.lastStatus());
		// Made on a slice of the design (North1 and the siren), as a drag in a large site is.
		assertEquals(sliced + 1, DesignChanges.slicedChanges());
		String changed = ui(() -> editor.document().get());
		assertTrue(changed.contains("// Pin 2 is the 12 V DC output, pin 3 (I/O port 1) the open-drain output."),
				"comments kept");
		waitUntil("ELEC-DCOUT-CURRENT on pin 2 of the drawing", CHECKED, () -> codes(canvas.diagram().port("pin:2")
				.orElseThrow()).contains("ELEC-DCOUT-CURRENT"));
		Diagram after = ui(canvas::diagram);
		assertEquals(3, after.edges().size());
		Diagram.Edge wire = after.edges().stream().filter(e -> e.target().equals("terminal:Siren2.plus")).findFirst()
				.orElseThrow();
		assertEquals("pin:2", wire.source());
		assertEquals("red 0.25 mm2 10 m", wire.label());

		// Hovering pin 2 shows the rule code and message, as the Problems view words them.
		Point pin2 = ui(() -> canvas.toControl(after.port("pin:2").orElseThrow().bounds().centre()));
		Mouse.event(canvas, SWT.MouseMove, pin2, 0, 0);
		waitUntil("the tooltip on pin 2", CHECKED, () -> canvas.getToolTipText() != null
				&& canvas.getToolTipText().contains("ELEC-DCOUT-CURRENT: pin 2 draws 80 mA (Beacon1 50 mA + Siren2 30 mA), limit 50 mA"),
				() -> "tooltip: " + ui(canvas::getToolTipText));
		Studio.screenshot("wiring-second-load-on-pin-2");
		// Beside the text, which holds the new wire.
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_RESTORED));
		run(() -> editor.selectAndReveal(editor.document().get().indexOf(NEW_WIRE), NEW_WIRE.length()));
		Studio.screenshot("wiring-second-load-text");
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED));

		// The editor's undo takes the wire back: the text and the drawing.
		run(() -> editor.getAction(ITextEditorActionConstants.UNDO).run());
		waitUntil("the text without the wire", CHECKED, () -> !editor.document().get().contains(NEW_WIRE));
		assertEquals(original.replace("\tbeacon Beacon1", SIREN + "\tbeacon Beacon1"), ui(() -> editor.document().get()),
				"one undo restores the text as it was before the drag");
		waitUntil("the drawing without the wire and its finding", CHECKED,
				() -> canvas.diagram().edges().size() == 2 && canvas.diagram().marks().isEmpty());
		assertFalse(codes(ui(canvas::diagram).port("pin:2").orElseThrow()).contains("ELEC-DCOUT-CURRENT"));
		Studio.screenshot("wiring-after-undo");
	}

	@Test
	void aSirenAddedFromTheCatalogMenuIsDeclaredAndWiredInTheTextAndDrawn() throws Exception {
		PerimeterEditor editor = Studio.openChecked(Studio.exampleDesign(), CHECKED);
		String original = ui(() -> editor.document().get());
		WiringView view = ui(() -> WiringView.open(page(), editor, "North1"));
		waitUntil("the wiring view", CHECKED, () -> view.canvas().diagram() != null);
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED));

		// The view menu's "Add Peripheral", filled as when it opens: the catalog's models.
		org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager();
		run(() -> view.fillAddPeripheral(menu));
		List<String> models = java.util.Arrays.stream(menu.getItems())
				.map(i -> ((org.eclipse.jface.action.ActionContributionItem) i).getAction().getText()).toList();
		assertTrue(models.containsAll(List.of("Beacon 12V 50mA", "Siren 12V 30mA", "Relay 12V", "PIR detector")), models.toString());
		assertFalse(models.contains("AXIS Q1961-TE"), "no camera among the peripherals: " + models);
		run(() -> java.util.Arrays.stream(menu.getItems()).map(i -> ((org.eclipse.jface.action.ActionContributionItem) i).getAction())
				.filter(a -> a.getText().equals("Siren 12V 30mA")).findFirst().orElseThrow().run());

		waitUntil("the siren in the text", CHECKED, () -> editor.document().get().contains("siren Siren1 : \"Siren 12V 30mA\""),
				() -> "status " + editor.lastStatus());
		String changed = ui(() -> editor.document().get());
		List<String> added = changed.lines().filter(l -> !original.lines().toList().contains(l)).toList();
		assertEquals(List.of("\t\twire red 0.25 mm2 10 m from pin 2 to Siren1.plus",
				"\t\twire blue 0.25 mm2 10 m from pin 4 to Siren1.minus", "\tsiren Siren1 : \"Siren 12V 30mA\""), added,
				"one declaration and two wires; the rest as it was:\n" + changed);
		assertTrue(changed.contains("// Pin 2 is the 12 V DC output, pin 3 (I/O port 1) the open-drain output."));
		DiagramCanvas canvas = view.canvas();
		waitUntil("the siren on the drawing with the overload on pin 2", CHECKED,
				() -> canvas.diagram().port("terminal:Siren1.plus").isPresent()
						&& codes(canvas.diagram().port("pin:2").orElseThrow()).contains("ELEC-DCOUT-CURRENT"));
		assertEquals(4, ui(canvas::diagram).edges().size());
		Studio.screenshot("wiring-siren-added-from-catalog");
	}

	private static WiringView view() {
		for (IViewReference v : page().getViewReferences()) {
			if (WiringView.ID.equals(v.getId()) && v.getView(false) instanceof WiringView w) {
				return w;
			}
		}
		return null;
	}

	private static List<String> codes(Diagram.Port p) {
		return p.marks().stream().map(Diagram.Mark::code).toList();
	}

	/** A drag between two points of the drawing. */
	private static void drag(DiagramCanvas canvas, Diagram.Point from, Diagram.Point to) {
		Mouse.drag(canvas, ui(() -> canvas.toControl(from)), ui(() -> canvas.toControl(to)));
	}
}
