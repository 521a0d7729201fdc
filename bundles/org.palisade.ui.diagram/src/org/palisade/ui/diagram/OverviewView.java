package org.palisade.ui.diagram;

import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Positions;
import org.palisade.diagram.SiteOverviews;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.model.site.Design;
import org.palisade.model.site.Section;
import org.palisade.ui.diagram.internal.DiagramActions;
import org.palisade.ui.diagram.internal.Hits;
import org.palisade.ui.diagram.internal.DiagramSelection;
import org.palisade.ui.diagram.internal.Sidecar;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The site overview of the design open in an editor: every device with its model, address and
 * network, which rule of which camera drives which output, recipient or speaker, laid out by
 * ELK and marked with the design rules' findings, redrawn after every check of the text. A
 * double click on a camera opens its wiring diagram; on any other device, a recipient or a
 * rule's link, the text at that element. A box dragged elsewhere stays there, kept beside the
 * design ({@link Positions}).
 */
public class OverviewView extends DesignView {

	public static final String ID = "org.palisade.ui.diagram.overview";

	private DiagramCanvas canvas;
	private String opened = "";
	// UI thread: where the person moved boxes, and the diagram as ELK laid it out.
	private Positions positions = new Positions();
	private Diagram laidOut;
	private final DiagramSelection selection = new DiagramSelection();

	/** Opens (or brings up) the overview of the site in an editor. */
	public static OverviewView open(IWorkbenchPage page, PerimeterEditor editor) throws PartInitException {
		IViewPart part = page.showView(ID, null, IWorkbenchPage.VIEW_ACTIVATE);
		OverviewView view = (OverviewView) part;
		view.show(editor);
		return view;
	}

	@Override
	public void createPartControl(Composite parent) {
		canvas = new DiagramCanvas(parent);
		canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
		getSite().setSelectionProvider(selection);
		canvas.setPicking(picked -> selection.pick(editor(), canvas.diagram(), picked, canvas.getDisplay()));
		canvas.setMoving((node, at) -> {
			if (editor() != null && laidOut != null) {
				positions.put(Positions.OVERVIEW, node.id(), at);
				Sidecar.save(editor(), positions);
				canvas.setDiagram(Positions.apply(laidOut, positions.of(Positions.OVERVIEW)));
			}
		});
		DiagramActions.contribute(getViewSite().getActionBars(), canvas, this::exportName);
		watchEditorClosing();
	}

	private String exportName() {
		return editor() == null ? "overview" : editor().getTitle().replaceFirst("\\.perimeter$", "") + "-overview";
	}

	/** Shows the site of the design open in that editor, and follows its checks from now on. */
	public void show(PerimeterEditor editor) {
		follow(editor);
		positions = Sidecar.load(editor);
		setPartName("Overview: " + editor.getTitle());
		refresh();
	}

	public DiagramCanvas canvas() {
		return canvas;
	}

	/** @return what the last double click opened, e.g. "wiring North1" or "text Horn" (status, tests) */
	public String opened() {
		return opened;
	}

	/** Draws the overview again from the editor's current model; completes once it is shown. */
	public CompletableFuture<Diagram> refresh() {
		PerimeterEditor e = editor();
		if (e == null || e.model() == null) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Diagram> shown = new CompletableFuture<>();
		Diagram previous = laidOut;
		e.model().read(snapshot -> build(snapshot.resource(), previous)).whenComplete((d, failure) -> {
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
					setContentDescription("No site in the design" + (failure == null ? "" : " (" + failure.getMessage() + ")"));
					shown.complete(null);
					return;
				}
				laidOut = d;
				canvas.setDiagram(Positions.apply(d, positions.of(Positions.OVERVIEW)));
				int findings = d.marks().size();
				setContentDescription(d.title() + ": " + d.nodes().size() + " box(es), " + d.edges().size() + " link(s), "
						+ (findings == 0 ? "no findings" : findings + " finding(s), hover a mark for the rule")
						+ "; double-click a camera for its wiring, anything else for its text");
				shown.complete(d);
			});
		});
		return shown;
	}

	/**
	 * On the model's worker: the site's overview with what the design rules find now, in the
	 * previous layout when the boxes and links are the same (a check that changed findings only).
	 */
	private static Diagram build(XtextResource resource, Diagram previous) {
		Section site = site(resource);
		return site == null ? null : SiteOverviews.of(site, WiringDiagrams.findings(site), previous);
	}

	private static Section site(XtextResource resource) {
		if (resource == null || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Design d)) {
			return null;
		}
		for (EObject e : d.getElements()) {
			if (e instanceof Section s) {
				return s;
			}
		}
		return null;
	}

	private void doubleClick(Event e) {
		Diagram d = canvas.diagram();
		if (d == null || editor() == null || e.button != 1) {
			return;
		}
		Diagram.Point at = canvas.toDiagram(e.x, e.y);
		Diagram.Node node = Hits.node(d, at.x(), at.y());
		String ref;
		String what;
		if (node != null) {
			if (node.kind() == Diagram.NodeKind.CAMERA) {
				opened = "wiring " + node.title();
				try {
					WiringView.open(getSite().getPage(), editor(), node.title());
				} catch (PartInitException x) {
					editor().status("The wiring diagram could not be opened: " + x.getMessage());
				}
				return;
			}
			ref = node.ref();
			what = node.title();
		} else {
			Diagram.Edge edge = Hits.edge(d, at.x(), at.y());
			if (edge == null || edge.ref().isEmpty()) {
				return;
			}
			ref = edge.ref();
			what = edge.label();
		}
		reveal(ref, what);
	}

	/** Selects the element's text in the editor, found again in its current model by its URI fragment. */
	private void reveal(String ref, String what) {
		PerimeterEditor e = editor();
		e.model().read(snapshot -> {
			EObject element = snapshot.resource() == null ? null : snapshot.resource().getEObject(ref);
			ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
			return node == null ? null : new int[] { node.getOffset(), node.getLength() };
		}).thenAccept(range -> canvas.getDisplay().asyncExec(() -> {
			if (range == null) {
				e.status(what + " is no longer in the design");
				return;
			}
			opened = "text " + what;
			getSite().getPage().activate(e);
			e.selectAndReveal(range[0], range[1]);
		}));
	}

	@Override
	protected String closedMessage() {
		return "Its design was closed";
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

}
