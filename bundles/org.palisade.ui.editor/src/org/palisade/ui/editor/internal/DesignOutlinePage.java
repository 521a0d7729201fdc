package org.palisade.ui.editor.internal;

import java.util.List;

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
				return ((List<?>) input).toArray();
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
		viewer.setInput(roots);
		viewer.expandToLevel(2);
	}

	/** Shows the elements of the last check (UI thread), keeping what was expanded. */
	public void update(ReconcileResult.Outline outline) {
		boolean reshaped = roots.isEmpty() || outline.shape() != shape;
		boolean first = roots.isEmpty();
		roots = outline.roots();
		shape = outline.shape();
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed() || !reshaped) {
			// Typing inside an element moves offsets, not labels: the tree as shown is right, and
			// rebuilding it for a large site would stall the UI thread on every check.
			return;
		}
		Object[] expanded = viewer.getExpandedElements();
		viewer.getControl().setRedraw(false);
		try {
			viewer.setInput(roots);
			if (first) {
				viewer.expandToLevel(2);
			} else {
				viewer.setExpandedElements(expanded);
			}
		} finally {
			viewer.getControl().setRedraw(true);
		}
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
			editor.selectAndReveal(node.offset(), 0);
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
