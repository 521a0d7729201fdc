package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The Outline of a design: sites, areas, catalogs and their members as of the last check.
 * Selecting a node selects its text; moving the caret in the editor selects the innermost
 * node around it.
 */
public final class DesignOutlinePage extends ContentOutlinePage {

	private final PerimeterEditor editor;

	private List<OutlineNode> roots = List.of();

	/** The nodes of the last check by element path: the tree's items may hold older copies. */
	private Map<String, OutlineNode> byId = Map.of();

	/** What the viewer shows: one object, so that a refresh reads the newest roots. */
	private final Object input = new Object();

	/** The shape of the tree the viewer holds (see {@link ReconcileResult.Outline#shape()}). */
	private long shape = -1;

	private boolean linking;

	public DesignOutlinePage(PerimeterEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return roots.toArray();
			}

			@Override
			public Object[] getChildren(Object parent) {
				return ((OutlineNode) parent).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((OutlineNode) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((OutlineNode) element).label();
			}
		});
		viewer.setUseHashlookup(true);
		viewer.setInput(input);
		viewer.expandToLevel(2);
	}

	/**
	 * Shows the elements of the last check (UI thread), keeping what was expanded. Only the
	 * elements whose children changed are refreshed: rebuilding the whole tree of a 1,000-camera
	 * site took the UI thread a quarter of a second per diagram edit ({@code bench editor}).
	 */
	public void update(ReconcileResult.Outline outline) {
		boolean reshaped = roots.isEmpty() || outline.shape() != shape;
		boolean first = roots.isEmpty();
		List<OutlineNode> previous = roots;
		roots = outline.roots();
		byId = index(roots, new HashMap<>());
		shape = outline.shape();
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed() || !reshaped) {
			// Typing inside an element moves offsets, not labels: the tree as shown is right
			// ({@link #current} gives a node's offsets as of this check).
			return;
		}
		List<OutlineNode> changed = new ArrayList<>();
		boolean topLevel = first || !changedParents(previous, roots, changed);
		viewer.getControl().setRedraw(false);
		try {
			if (topLevel) {
				viewer.refresh(false);
				if (first) {
					viewer.expandToLevel(2);
				}
			} else {
				for (OutlineNode parent : changed) {
					viewer.refresh(parent, false);
				}
			}
		} finally {
			viewer.getControl().setRedraw(true);
		}
	}

	/**
	 * Collects the nodes (of the new tree) whose children are not the ones they had.
	 *
	 * @return false when the top-level nodes themselves changed
	 */
	static boolean changedParents(List<OutlineNode> before, List<OutlineNode> after, List<OutlineNode> changed) {
		if (!sameIds(before, after)) {
			return false;
		}
		for (int i = 0; i < after.size(); i++) {
			collectChanged(before.get(i), after.get(i), changed);
		}
		return true;
	}

	private static void collectChanged(OutlineNode before, OutlineNode after, List<OutlineNode> changed) {
		if (!sameIds(before.children(), after.children())) {
			changed.add(after);
			return;
		}
		for (int i = 0; i < after.children().size(); i++) {
			collectChanged(before.children().get(i), after.children().get(i), changed);
		}
	}

	private static boolean sameIds(List<OutlineNode> a, List<OutlineNode> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).id().equals(b.get(i).id())) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, OutlineNode> index(List<OutlineNode> nodes, Map<String, OutlineNode> into) {
		for (OutlineNode node : nodes) {
			into.put(node.id(), node);
			index(node.children(), into);
		}
		return into;
	}

	/**
	 * @return the node for the same element as of the last check (its offsets are current), or
	 *         the node itself when the element is gone
	 */
	public OutlineNode current(OutlineNode node) {
		return byId.getOrDefault(node.id(), node);
	}

	/** @return the top-level nodes shown */
	public List<OutlineNode> roots() {
		return roots;
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (linking) {
			return;
		}
		ISelection selection = event.getSelection();
		if (selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof OutlineNode node) {
			editor.selectAndReveal(current(node).offset(), 0);
		}
	}

	/** Selects the innermost node around an offset of the editor (link with editor). */
	public void reveal(int offset) {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		OutlineNode found = innermost(roots, offset);
		linking = true;
		try {
			viewer.setSelection(found == null ? StructuredSelection.EMPTY : new StructuredSelection(found), true);
		} finally {
			linking = false;
		}
	}

	private static OutlineNode innermost(List<OutlineNode> nodes, int offset) {
		for (OutlineNode node : nodes) {
			if (node.contains(offset)) {
				OutlineNode inner = innermost(node.children(), offset);
				return inner != null ? inner : node;
			}
		}
		return null;
	}
}
