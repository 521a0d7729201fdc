package org.palisade.ui.diagram.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.palisade.diagram.Diagram;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.editor.internal.OutlineNode;

/**
 * What is selected on a diagram, as the element of the design the Outline would show: so the
 * Properties view, which already shows an Outline element's fields and catalog figures, shows
 * the selected device, pin (its camera) or terminal (its peripheral), wire or rule.
 */
public final class DiagramSelection implements ISelectionProvider {

	private final List<ISelectionChangedListener> listeners = new CopyOnWriteArrayList<>();
	private ISelection selection = StructuredSelection.EMPTY;

	/**
	 * Selects the element behind what was picked on the diagram (a node, port or edge), found in
	 * the editor's current model by its URI fragment; nothing when it has none.
	 */
	public void pick(PerimeterEditor editor, Diagram d, Object picked, Display display) {
		String ref = ref(d, picked);
		if (editor == null || editor.model() == null || ref == null || ref.isEmpty()) {
			setSelection(StructuredSelection.EMPTY);
			return;
		}
		String label = label(picked);
		editor.model().read(s -> {
			EObject element = s.resource() == null ? null : s.resource().getEObject(ref);
			ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
			return node == null ? null
					: new OutlineNode("diagram/" + ref, label, element.eClass().getName(), node.getOffset(), node.getLength(),
							List.of());
		}).thenAccept(node -> display.asyncExec(
				() -> setSelection(node == null ? StructuredSelection.EMPTY : new StructuredSelection(node))));
	}

	private static String ref(Diagram d, Object picked) {
		if (picked instanceof Diagram.Node n) {
			return n.ref();
		}
		if (picked instanceof Diagram.Edge e) {
			return e.ref();
		}
		if (picked instanceof Diagram.Port p && d != null) {
			// A pin stands for its camera (its catalog pins), a terminal for its peripheral.
			for (Diagram.Node n : d.nodes()) {
				if (n.ports().contains(p)) {
					return n.ref();
				}
			}
		}
		return null;
	}

	private static String label(Object picked) {
		if (picked instanceof Diagram.Node n) {
			return n.title();
		}
		if (picked instanceof Diagram.Edge e) {
			return e.label();
		}
		return picked instanceof Diagram.Port p ? p.id() : "";
	}

	@Override
	public void addSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.remove(listener);
	}

	@Override
	public ISelection getSelection() {
		return selection;
	}

	@Override
	public void setSelection(ISelection selection) {
		this.selection = selection;
		SelectionChangedEvent event = new SelectionChangedEvent(this, selection);
		for (ISelectionChangedListener l : listeners) {
			l.selectionChanged(event);
		}
	}
}
