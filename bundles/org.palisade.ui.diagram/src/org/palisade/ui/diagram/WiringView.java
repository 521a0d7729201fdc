package org.palisade.ui.diagram;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.Positions;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.diagram.WiringEdits;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceRole;
import org.palisade.model.site.DeviceType;
import org.palisade.ui.diagram.internal.DiagramActions;
import org.palisade.ui.diagram.internal.DiagramSelection;
import org.palisade.ui.diagram.internal.Sidecar;
import org.palisade.ui.editor.DesignChanges;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The wiring diagram of one camera of the design open in an editor, one view per camera
 * (secondary id = the camera's name). It is redrawn from the editor's model after every check
 * of the text, with that check's findings, and its edits go through {@link DesignChanges}: the
 * text follows, and the editor's undo takes an edit back. A box dragged elsewhere stays there,
 * kept beside the design ({@link Positions}).
 */
public class WiringView extends DesignView {

	public static final String ID = "org.palisade.ui.diagram.wiring";

	private DiagramCanvas canvas;
	private String camera;
	// UI thread: where the person moved boxes, and the diagram as ELK laid it out.
	private Positions positions = new Positions();
	private Diagram laidOut;
	private final DiagramSelection selection = new DiagramSelection();
	// Written on the model's worker at each refresh: the catalog models the menu offers.
	private volatile List<String> catalog = List.of();

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
				change(WiringEdits.scope(camera, from, to), WiringEdits.connect(camera, from, to));
			}

			@Override
			public void reconnect(Edge wire, boolean sourceEnd, Port to) {
				change(WiringEdits.scope(camera, to), WiringEdits.reconnect(camera, WiringEdits.index(wire.id()),
						sourceEnd ? wire.source() : wire.target(), to));
			}

			@Override
			public void delete(Edge wire) {
				change(WiringEdits.scope(camera), WiringEdits.delete(camera, WiringEdits.index(wire.id())));
			}
		});
		getSite().setSelectionProvider(selection);
		canvas.setPicking(picked -> selection.pick(editor(), canvas.diagram(), picked, canvas.getDisplay()));
		canvas.setMoving((node, at) -> {
			if (editor() != null && laidOut != null) {
				positions.put(Positions.wiring(camera), node.id(), at);
				Sidecar.save(editor(), positions);
				canvas.setDiagram(Positions.apply(laidOut, positions.of(Positions.wiring(camera))));
			}
		});
		DiagramActions.contribute(getViewSite().getActionBars(), canvas, () -> "wiring-" + camera);
		IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
		bar.add(DiagramActions.action("Delete Wire", () -> {
			if (canvas.selection() != null && canvas.diagram() != null) {
				canvas.diagram().edge(canvas.selection()).ifPresent(e -> change(WiringEdits.scope(camera),
						WiringEdits.delete(camera, WiringEdits.index(e.id()))));
			}
		}));
		MenuManager add = new MenuManager("Add Peripheral", ADD_MENU);
		add.setRemoveAllWhenShown(true);
		add.addMenuListener(this::fillAddPeripheral);
		getViewSite().getActionBars().getMenuManager().add(add);
		watchEditorClosing();
	}

	public static final String ADD_MENU = "org.palisade.ui.diagram.addPeripheral";

	/**
	 * Fills the "Add Peripheral" menu: the catalog's beacons, sirens, relays, sensors and
	 * supplies; choosing one declares it after the camera and wires it (pin 2 for its +, a free
	 * I/O pin for its -), through the one edit path.
	 */
	public void fillAddPeripheral(IMenuManager menu) {
		for (String model : catalog) {
			menu.add(DiagramActions.action(model, () -> change(Set.of(), WiringEdits.addPeripheral(camera, model))));
		}
		if (catalog.isEmpty()) {
			Action none = DiagramActions.action("No peripheral in the design's catalogs", () -> {
			});
			none.setEnabled(false);
			menu.add(none);
		}
	}

	/** Shows a camera of the design open in that editor, and follows its checks from now on. */
	public void show(PerimeterEditor editor, String camera) {
		follow(editor);
		this.camera = camera;
		positions = Sidecar.load(editor);
		setPartName("Wiring: " + camera);
		refresh();
	}

	public DiagramCanvas canvas() {
		return canvas;
	}

	/** Draws the diagram again from the editor's current model; completes once it is shown. */
	public CompletableFuture<Diagram> refresh() {
		PerimeterEditor e = editor();
		String name = camera;
		if (e == null || e.model() == null) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Diagram> shown = new CompletableFuture<>();
		e.model().read(snapshot -> {
			if (snapshot.resource() != null) {
				catalog = WiringEdits.peripheralTypes(snapshot.resource()).stream().map(DeviceType::getName).toList();
			}
			return build(snapshot.resource(), name);
		}).whenComplete((d, failure) -> {
			if (canvas == null || canvas.isDisposed()) {
				shown.complete(null);
				return;
			}
			canvas.getDisplay().asyncExec(() -> {
				if (canvas.isDisposed() || e != editor()) {
					shown.complete(null);
					return;
				}
				if (failure != null || d == null) {
					setContentDescription(name + ": not in the design" + (failure == null ? "" : " (" + failure.getMessage() + ")"));
					shown.complete(null);
					return;
				}
				laidOut = d;
				canvas.setDiagram(Positions.apply(d, positions.of(Positions.wiring(name))));
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

	/** @param scope what the change is confined to; empty when it adds a device to the site */
	private void change(Set<String> scope, Function<org.eclipse.emf.ecore.resource.Resource, Boolean> modification) {
		if (editor() != null) {
			DesignChanges.apply(editor(), scope, modification::apply);
		}
	}

	@Override
	protected String closedMessage() {
		return camera + ": its design was closed";
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

}
