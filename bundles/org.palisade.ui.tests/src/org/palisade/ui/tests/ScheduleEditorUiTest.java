package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.diagram.ScheduleLayout;
import org.palisade.diagram.ScheduleWeek;
import org.palisade.diagram.ScheduleWeek.Box;
import org.palisade.diagram.ScheduleWeek.Part;
import org.palisade.dsl.load.SyntheticSite;
import org.palisade.ui.diagram.ScheduleCanvas;
import org.palisade.ui.diagram.ScheduleView;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The weekly schedule editor on the example's "After hours", driven as a person would: opened
 * with the editor's command from the caret in the schedule, shown on the week of the spring
 * clock change, an interval drawn on Saturday by dragging on empty time, its end stretched to
 * 19:00 by dragging its right edge, the evening start of the example's interval dragged to
 * 19:00, each edit in the text at exactly that place, and the editor's undo taking them back
 * one by one, text and drawing together.
 */
@ExtendWith(Studio.class)
class ScheduleEditorUiTest {

	private static final Duration CHECKED = Duration.ofSeconds(30);
	private static final String INTERVAL = "\t\tMon-Fri 18:00-08:00\n";

	@AfterEach
	void closeAll() {
		Studio.closeViewsAndEditors(ScheduleView.ID);
	}

	@Test
	void stretchingADrawnSaturdayIntervalTo19AndMovingTheEveningStartChangeTheTextThereAndUndoTakesThemBack()
			throws Exception {
		PerimeterEditor editor = Studio.openChecked(Studio.exampleDesign(), CHECKED);
		String original = ui(() -> editor.document().get());
		assertTrue(original.contains(INTERVAL), "the example's interval");

		// The editor's context menu command, with the caret on the rule that uses the schedule.
		run(() -> {
			editor.selectAndReveal(original.indexOf("rule \"Flashing beacon\""), 0);
			PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.palisade.ui.diagram.openSchedule",
					null);
		});
		waitUntil("the schedule view", CHECKED, () -> view() != null && view().canvas().week() != null);
		ScheduleView view = ui(ScheduleEditorUiTest::view);
		ScheduleCanvas canvas = view.canvas();
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED));
		waitUntil("the maximized view", CHECKED, () -> canvas.getSize().x > 1000 && canvas.geometry().width() > 1000);
		// The week of the spring change: Stockholm skips 02:00-03:00 on Sunday 29 March 2026.
		view.showWeek(LocalDate.of(2026, 3, 25)).get(30, TimeUnit.SECONDS);
		ScheduleWeek week = ui(canvas::week);
		assertEquals("AfterHours", week.schedule());
		assertEquals(LocalDate.of(2026, 3, 23), week.monday());
		assertEquals("Sun 2026-03-29: 02:00-03:00 is skipped (clocks go forward to +02:00)",
				week.clockChanges().get(0).text());
		assertEquals(List.of("Flashing beacon: Mon-Fri 18:00-08:00", "Horn speaker: Mon-Fri 18:00-08:00",
				"PTZ follows: Mon-Fri 18:00-08:00", "Lock down the gate: Mon-Fri 18:00-08:00"),
				week.rules().stream().map(ScheduleWeek.RuleRow::title).toList());
		shot(canvas, "schedule-after-hours-spring-week");

		// Drag on empty time on Saturday, 10:00 to 18:00: a new interval in the schedule's block.
		drag(canvas, 5, 10 * 60 + 2, 18 * 60 - 2);
		String created = original.replace(INTERVAL, INTERVAL + "\t\tSat 10:00-18:00\n");
		waitUntil("the new interval in the text", CHECKED, () -> editor.document().get().equals(created),
				() -> "gesture: " + ui(canvas::gesture) + ", text:\n" + ui(() -> editor.document().get()));
		waitUntil("the new interval on the drawing", CHECKED, () -> canvas.week().boxes(5).size() == 2);

		// Its right edge dragged from 18:00 to 19:00.
		drag(canvas, 5, 18 * 60, 19 * 60 + 4);
		String stretched = original.replace(INTERVAL, INTERVAL + "\t\tSat 10:00-19:00\n");
		waitUntil("the interval's end at 19:00 in the text", CHECKED, () -> editor.document().get().equals(stretched),
				() -> "gesture: " + ui(canvas::gesture) + ", text:\n" + ui(() -> editor.document().get()));
		assertTrue(stretched.contains("// Outside office hours: 18:00 to 08:00 the next morning, Monday to Friday."));
		// Edit -> text -> the editor's reparse -> the drawing: the box the drag asked for.
		waitUntil("the stretched interval on the drawing", CHECKED, () -> canvas.week().boxes(5).equals(List.of(
				new Box(5, 0, 480, 0, 4 * 1440 + 1080, 840, Part.TAIL), new Box(5, 600, 1140, 1, 5 * 1440 + 600, 540,
						Part.WHOLE))), () -> "Saturday: " + ui(() -> canvas.week().boxes(5)));
		assertEquals("Flashing beacon: Mon-Fri 18:00-08:00, Sat 10:00-19:00", ui(() -> canvas.week().rules().get(0).title()));
		shot(canvas, "schedule-saturday-stretched-to-19");

		// The example's interval: its Monday evening start dragged from 18:00 to 19:00 (all five days follow).
		drag(canvas, 0, 18 * 60, 19 * 60 - 3);
		String later = original.replace(INTERVAL, "\t\tMon-Fri 19:00-08:00\n\t\tSat 10:00-19:00\n");
		waitUntil("the evening start at 19:00 in the text", CHECKED, () -> editor.document().get().equals(later),
				() -> "gesture: " + ui(canvas::gesture) + ", text:\n" + ui(() -> editor.document().get()));
		waitUntil("the later evenings on the drawing", CHECKED, () -> canvas.week().boxes(0).equals(List.of(
				new Box(0, 1140, 1440, 0, 1140, 780, Part.HEAD))), () -> "Monday: " + ui(() -> canvas.week().boxes(0)));
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_RESTORED));
		run(() -> editor.selectAndReveal(editor.document().get().indexOf("Mon-Fri 19:00-08:00"), 40));
		shot(canvas, "schedule-edits-beside-the-text");

		// The editor's undo: one step per drag, text and drawing together.
		run(() -> editor.getAction(ITextEditorActionConstants.UNDO).run());
		waitUntil("the evening start back at 18:00", CHECKED, () -> editor.document().get().equals(stretched));
		run(() -> editor.getAction(ITextEditorActionConstants.UNDO).run());
		waitUntil("Saturday back to 18:00", CHECKED, () -> editor.document().get().equals(created));
		run(() -> editor.getAction(ITextEditorActionConstants.UNDO).run());
		waitUntil("the text as it was", CHECKED, () -> editor.document().get().equals(original));
		waitUntil("the drawing as it was", CHECKED, () -> canvas.week().boxes().size() == 10
				&& canvas.week().boxes(5).size() == 1 && canvas.week().boxes(0).get(0).from() == 1080);
		shot(canvas, "schedule-after-undo");

		// A text edit redraws the week: a night schedule and a second rule on the beacon's output.
		String night = "\tschedule Night \"Night\" {\n\t\tMon-Sun 22:00-06:00\n\t}\n";
		String late = "\t\trule \"Late beacon\" when PerimeterDefender.intrusion during AfterHours during Night\n"
				+ "\t\t\tdo output \"Flashing beacon\" for 10 s\n";
		String rule = "\t\trule \"Flashing beacon\" when";
		String schedule = "\tschedule AfterHours";
		assertTrue(original.contains(rule) && original.contains(schedule));
		run(() -> {
			editor.document().replace(original.indexOf(rule), 0, late);
			editor.document().replace(original.indexOf(schedule), 0, night);
		});
		waitUntil("the second rule on the drawing", CHECKED, () -> canvas.week().rules().size() == 5);
		ScheduleWeek both = ui(canvas::week);
		ScheduleWeek.RuleRow lateRow = both.rules().stream().filter(r -> r.rule().equals("Late beacon")).findFirst()
				.orElseThrow();
		assertEquals("Late beacon: Mon-Fri 22:00-06:00", lateRow.title());
		ScheduleWeek.RuleRow beacon = both.rules().stream().filter(r -> r.rule().equals("Flashing beacon")).findFirst()
				.orElseThrow();
		assertEquals(List.of("Late beacon (North1)"), beacon.overlapsWith());
		assertEquals(new ScheduleWeek.Span(0, 22 * 60, 1440), beacon.overlaps().get(0));
		// The door controller's forced-gate rule calls the same horn at any hour (#19).
		assertEquals(List.of("Gate forced: horn (Entry)"), both.rules().stream().filter(r -> r.rule().equals("Horn speaker"))
				.findFirst().orElseThrow().overlapsWith());
		run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED));
		waitUntil("the maximized view", CHECKED, () -> canvas.geometry().width() > 1000);
		shot(canvas, "schedule-two-rules-on-one-output");
	}

	@Test
	void aScheduleThatEveryCamerasRulesUseScrollsToItsLastRuleRow() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("schedule-scroll");
		try {
			project.create(null);
			project.open(null);
			IFile file = project.getFile("yard.perimeter");
			file.create(new ByteArrayInputStream(SyntheticSite.of(60).getBytes(StandardCharsets.UTF_8)), true, null);
			PerimeterEditor editor = Studio.openChecked(file, CHECKED);
			ScheduleView view = ui(() -> ScheduleView.open(page(), editor, "AfterHours"));
			ScheduleCanvas canvas = view.canvas();
			// Two rules per camera use "After hours": 120 rows, far more than the view's height.
			waitUntil("the schedule's rule rows", CHECKED, () -> canvas.week() != null && canvas.week().rules().size() == 120);
			run(() -> page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED));
			waitUntil("the maximized view", CHECKED, () -> canvas.getSize().x > 1000 && canvas.geometry().width() > 1000);
			ScrolledComposite scrolled = (ScrolledComposite) ui(canvas::getParent);
			int[] sizes = ui(() -> new int[] { scrolled.getClientArea().height, canvas.getSize().y,
					(int) canvas.geometry().height() });
			assertTrue(sizes[1] > 3 * sizes[0], () -> "canvas " + sizes[1] + " px in a view of " + sizes[0] + " px");
			assertEquals(sizes[2], sizes[1], "the canvas is as tall as the week's layout");
			assertTrue(ui(() -> scrolled.getVerticalBar().isVisible()), "a vertical scroll bar");

			run(() -> scrolled.setOrigin(0, sizes[1]));
			int origin = ui(() -> scrolled.getOrigin().y);
			assertEquals(sizes[1] - sizes[0], origin, "scrolled to the bottom");
			ScheduleWeek week = ui(canvas::week);
			assertEquals("Mon-Fri 18:00-08:00", week.rules().get(119).summary());
			shot(canvas, "schedule-scrolled-to-the-last-rule-rows");
		} finally {
			run(() -> page().closeAllEditors(false));
			project.delete(true, true, null);
		}
	}

	/** A screenshot once the canvas has painted what its model now holds. */
	private static void shot(ScheduleCanvas canvas, String name) {
		run(canvas::update);
		Studio.sleep(200);
		run(canvas::update);
		Studio.screenshot(name);
	}

	private static ScheduleView view() {
		for (IViewReference v : page().getViewReferences()) {
			if (ScheduleView.ID.equals(v.getId()) && v.getView(false) instanceof ScheduleView s) {
				return s;
			}
		}
		return null;
	}

	/** A drag along one day's row, from one minute of the day to another. */
	private static void drag(ScheduleCanvas canvas, int day, int fromMinute, int toMinute) {
		ScheduleLayout l = ui(canvas::geometry);
		int y = (int) (l.rowTop(day) + ScheduleLayout.ROW / 2);
		Mouse.drag(canvas, new Point((int) Math.round(l.x(fromMinute)), y), new Point((int) Math.round(l.x(toMinute)), y));
	}
}
