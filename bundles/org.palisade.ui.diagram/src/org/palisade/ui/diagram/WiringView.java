package org.palisade.ui.diagram;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.diagram.WiringEdits;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceRole;
import org.palisade.ui.editor.DesignChanges;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.editor.internal.ReconcileResult;

/**
 * The wiring diagram of one camera of the design open in an editor, one view per camera
 * (secondary id = the camera's name). It is redrawn from the editor's model after every check
 * of the text, with that check's findings, and its edits go through {@link DesignChanges}: the
 * text follows, and the editor's undo takes an edit back.
 */
public class WiringView extends ViewPart {

	public static final String ID = "org.palisade.ui.diagram.wiring";

	private DiagramCanvas canvas;
	private PerimeterEditor editor;
	private String camera;
	private final Consumer<ReconcileResult> onCheck = r -> {
		if (r.problems() != null) {
			refresh();
		}
	};
	private final IPartListener2 onClose = new IPartListener2() {
		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			if (editor != null && ref.getPart(false) == editor) {
				detach();
				setContentDescription(camera + ": its design was closed");
			}
		}
	};

	/** Opens (or brings up) the wiring diagram of a camera of the design in an editor. */
	public static WiringView open(IWorkbenchPage page, PerimeterEditor editor, String camera) throws PartInitException {
		IViewPart part = page.showView(ID, camera, IWorkbenchPage.VIEW_ACTIVATE);
		WiringView view = (WiringView) part;
		view.show(editor, camera);
		return view;
	}

	@Override
	public void createPartControl(Composite parent) {
		canvas = new DiagramCanvas(parent);
		canvas.setEditing(new DiagramCanvas.Editing() {
			@Override
			public void connect(Port from, Port to) {
				change(WiringEdits.connect(camera, from, to));
			}

			@Override
			public void reconnect(Edge wire, boolean sourceEnd, Port to) {
				change(WiringEdits.reconnect(camera, WiringEdits.index(wire.id()), sourceEnd ? wire.source() : wire.target(),
						to));
			}

			@Override
			public void delete(Edge wire) {
				change(WiringEdits.delete(camera, WiringEdits.index(wire.id())));
			}
		});
		IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
		bar.add(action("Zoom In", () -> canvas.zoom(1.25, canvas.getClientArea().width / 2, canvas.getClientArea().height / 2)));
		bar.add(action("Zoom Out", () -> canvas.zoom(0.8, canvas.getClientArea().width / 2, canvas.getClientArea().height / 2)));
		bar.add(action("Fit", canvas::fit));
		bar.add(action("Delete Wire", () -> {
			if (canvas.selection() != null && canvas.diagram() != null) {
				canvas.diagram().edge(canvas.selection()).ifPresent(e -> change(WiringEdits.delete(camera,
						WiringEdits.index(e.id()))));
			}
		}));
		getSite().getPage().addPartListener(onClose);
	}

	private static Action action(String text, Runnable run) {
		return new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
	}

	/** Shows a camera of the design open in that editor, and follows its checks from now on. */
	public void show(PerimeterEditor editor, String camera) {
		detach();
		this.editor = editor;
		this.camera = camera;
		setPartName("Wiring: " + camera);
		editor.addReconcileListener(onCheck);
		refresh();
	}

	public DiagramCanvas canvas() {
		return canvas;
	}

	public PerimeterEditor editor() {
		return editor;
	}

	/** Draws the diagram again from the editor's current model; completes once it is shown. */
	public CompletableFuture<Diagram> refresh() {
		PerimeterEditor e = editor;
		String name = camera;
		if (e == null || e.model() == null) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Diagram> shown = new CompletableFuture<>();
		e.model().read(snapshot -> build(snapshot.resource(), name)).whenComplete((d, failure) -> {
			if (canvas == null || canvas.isDisposed()) {
				shown.complete(null);
				return;
			}
			canvas.getDisplay().asyncExec(() -> {
				if (canvas.isDisposed() || e != editor) {
					shown.complete(null);
					return;
				}
				if (failure != null || d == null) {
					setContentDescription(name + ": not in the design" + (failure == null ? "" : " (" + failure.getMessage() + ")"));
					shown.complete(null);
					return;
				}
				canvas.setDiagram(d);
				int findings = d.marks().size();
				setContentDescription(d.title() + ": " + d.edges().size() + " wire(s), "
						+ (findings == 0 ? "no findings" : findings + " finding(s), hover a mark for the rule"));
				shown.complete(d);
			});
		});
		return shown;
	}

	/** On the model's worker: the camera's diagram with what the design rules find now. */
	private static Diagram build(XtextResource resource, String camera) {
		Device cam = camera(resource, camera);
		return cam == null ? null : WiringDiagrams.of(cam, WiringDiagrams.findings(cam));
	}

	static Device camera(Resource resource, String name) {
		if (resource == null) {
			return null;
		}
		for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Device d && d.getRole() == DeviceRole.CAMERA && name.equals(d.getName())) {
				return d;
			}
		}
		return null;
	}

	private void change(Function<org.eclipse.emf.ecore.resource.Resource, Boolean> modification) {
		if (editor != null) {
			DesignChanges.apply(editor, modification::apply);
		}
	}

	private void detach() {
		if (editor != null) {
			editor.removeReconcileListener(onCheck);
			editor = null;
		}
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		detach();
		getSite().getPage().removePartListener(onClose);
		super.dispose();
	}
}
