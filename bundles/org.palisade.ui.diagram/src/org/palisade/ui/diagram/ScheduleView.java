package org.palisade.ui.diagram;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.palisade.diagram.ScheduleEdits;
import org.palisade.diagram.ScheduleWeek;
import org.palisade.model.site.Schedule;
import org.palisade.ui.editor.DesignChanges;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The weekly schedule editor: one view per schedule (secondary id = its name) of the design open
 * in an editor, showing one week (this week at first; the toolbar steps weeks and jumps to the
 * next clock change of the site's zone). Redrawn from the editor's model after every check of
 * the text; its edits go through {@link DesignChanges}, so the text follows and the editor's undo
 * takes an edit back.
 */
public class ScheduleView extends DesignView {

	public static final String ID = "org.palisade.ui.diagram.schedule";

	private ScrolledComposite scrolled;
	private ScheduleCanvas canvas;
	private String schedule;
	private LocalDate day = LocalDate.now();

	/** Opens (or brings up) the editor of a schedule of the design in an editor. */
	public static ScheduleView open(IWorkbenchPage page, PerimeterEditor editor, String schedule) throws PartInitException {
		IViewPart part = page.showView(ID, schedule, IWorkbenchPage.VIEW_ACTIVATE);
		ScheduleView view = (ScheduleView) part;
		view.show(editor, schedule);
		return view;
	}

	@Override
	public void createPartControl(Composite parent) {
		// Scrolls: a schedule that every camera's rules use has a row per rule (2,000 at 1,000 cameras).
		scrolled = new ScrolledComposite(parent, SWT.V_SCROLL);
		canvas = new ScheduleCanvas(scrolled);
		scrolled.setContent(canvas);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.setShowFocusedControl(false);
		scrolled.getVerticalBar().setIncrement(24);
		scrolled.addListener(SWT.Resize, e -> fitHeight());
		canvas.setEditing(new ScheduleCanvas.Editing() {
			@Override
			public void create(int d, int start, int length) {
				change(ScheduleEdits.create(schedule, d, start, length));
			}

			@Override
			public void reshape(int interval, int shift, int length) {
				change(ScheduleEdits.reshape(schedule, interval, shift, length));
			}

			@Override
			public void delete(int interval) {
				change(ScheduleEdits.delete(schedule, interval));
			}
		});
		IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
		bar.add(action("Previous Week", () -> showWeek(day.minusWeeks(1))));
		bar.add(action("This Week", () -> showWeek(LocalDate.now())));
		bar.add(action("Next Week", () -> showWeek(day.plusWeeks(1))));
		bar.add(action("Next Clock Change", () -> {
			ScheduleWeek w = canvas.week();
			LocalDate next = w == null || w.zone() == null ? null
					: ScheduleWeek.nextClockChangeWeek(w.zone(), w.clockChanges().isEmpty() ? day : day.plusWeeks(1));
			if (next != null) {
				showWeek(next);
			}
		}));
		watchEditorClosing();
	}

	private static Action action(String text, Runnable run) {
		return new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
	}

	/** Shows a schedule of the design open in that editor, and follows its checks from now on. */
	public void show(PerimeterEditor editor, String schedule) {
		follow(editor);
		this.schedule = schedule;
		setPartName("Schedule: " + schedule);
		refresh();
	}

	/** Shows the week holding that day; completes once it is drawn. */
	public CompletableFuture<ScheduleWeek> showWeek(LocalDate anyDay) {
		day = anyDay;
		return refresh();
	}

	/** The canvas as tall as the week's rows at the view's width; the view scrolls the rest. */
	private void fitHeight() {
		int width = scrolled.getClientArea().width;
		if (width > 0) {
			scrolled.setMinHeight(canvas.computeSize(width, SWT.DEFAULT).y);
		}
	}

	public ScheduleCanvas canvas() {
		return canvas;
	}

	/** Draws the week again from the editor's current model; completes once it is shown. */
	public CompletableFuture<ScheduleWeek> refresh() {
		PerimeterEditor e = editor();
		String name = schedule;
		LocalDate shown = day;
		if (e == null || e.model() == null) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<ScheduleWeek> done = new CompletableFuture<>();
		e.model().read(snapshot -> {
			Schedule s = ScheduleEdits.schedule(snapshot.resource(), name);
			return s == null ? null : ScheduleWeek.of(s, shown);
		}).whenComplete((w, failure) -> {
			if (canvas == null || canvas.isDisposed()) {
				done.complete(null);
				return;
			}
			canvas.getDisplay().asyncExec(() -> {
				if (canvas.isDisposed() || e != editor()) {
					done.complete(null);
					return;
				}
				if (failure != null || w == null) {
					setContentDescription(name + ": not in the design" + (failure == null ? "" : " (" + failure.getMessage() + ")"));
					done.complete(null);
					return;
				}
				canvas.setWeek(w);
				fitHeight();
				setContentDescription(describe(w));
				done.complete(w);
			});
		});
		return done;
	}

	private static String describe(ScheduleWeek w) {
		long overlapping = w.rules().stream().filter(r -> !r.overlaps().isEmpty()).count();
		return w.title() + ": " + w.rules().size() + " rule(s) use it"
				+ (overlapping == 0 ? "" : ", " + overlapping + " share an output with another rule (amber)")
				+ (w.clockChanges().isEmpty() ? "" : "; clock change " + w.clockChanges().get(0).text())
				+ ". Drag on empty time to add, drag a box or its edges to change (15 min steps).";
	}

	private void change(Function<Resource, Boolean> modification) {
		if (editor() != null) {
			// DesignChanges says in the status line why an edit was not made.
			// Confined to the schedule's own text: large designs take the quick, sliced path.
			DesignChanges.apply(editor(), Set.of(schedule), modification::apply);
		}
	}

	@Override
	protected String closedMessage() {
		return schedule + ": its design was closed";
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

}
