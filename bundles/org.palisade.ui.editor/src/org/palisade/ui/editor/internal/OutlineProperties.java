package org.palisade.ui.editor.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.dsl.ide.hover.SiteProperties;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The Properties view of an element selected in the Outline: its fields as written and its
 * catalog figures. Read-only: a change is made in the text (or, later, a diagram), the one
 * place the design lives.
 * <p>
 * The properties are read on the design's worker thread (EMF is not thread-safe) when the
 * selection changes, from the editor the Outline belongs to: the active editor.
 */
public final class OutlineProperties implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adaptable instanceof OutlineNode node && adapterType == IPropertySource.class) {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			IEditorPart editor = window == null || window.getActivePage() == null ? null : window.getActivePage().getActiveEditor();
			if (editor instanceof PerimeterEditor design) {
				// The tree may hold a node of an earlier check: read where the element is now.
				OutlineNode current = design.getAdapter(IContentOutlinePage.class) instanceof DesignOutlinePage page
						? page.current(node)
						: node;
				return adapterType.cast(new Source(read(design, current)));
			}
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IPropertySource.class };
	}

	private static List<SiteProperties.Property> read(PerimeterEditor editor, OutlineNode node) {
		try {
			return editor.model().read(s -> {
				EObject element = elementAt(s.resource(), node);
				return element == null ? List.<SiteProperties.Property>of() : SiteProperties.of(element);
			}).get(2, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return List.of();
		} catch (Exception e) {
			return List.of(new SiteProperties.Property("Design", "error", "cannot be read now: " + e.getMessage()));
		}
	}

	/** The element of the node's kind that starts where the node does. */
	private static EObject elementAt(XtextResource resource, OutlineNode node) {
		if (resource == null || resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), node.offset());
		for (EObject o = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf); o != null; o = o.eContainer()) {
			if (o.eClass().getName().equals(node.kind())) {
				return o;
			}
		}
		return null;
	}

	/** The properties as the view shows them. */
	private record Source(List<SiteProperties.Property> properties) implements IPropertySource {

		@Override
		public Object getEditableValue() {
			return this;
		}

		@Override
		public IPropertyDescriptor[] getPropertyDescriptors() {
			IPropertyDescriptor[] descriptors = new IPropertyDescriptor[properties.size()];
			for (int i = 0; i < descriptors.length; i++) {
				SiteProperties.Property p = properties.get(i);
				PropertyDescriptor d = new PropertyDescriptor(i, p.name());
				d.setCategory(p.category());
				descriptors[i] = d;
			}
			return descriptors;
		}

		@Override
		public Object getPropertyValue(Object id) {
			return properties.get((Integer) id).value();
		}

		@Override
		public boolean isPropertySet(Object id) {
			return false;
		}

		@Override
		public void resetPropertyValue(Object id) {
			// Read-only.
		}

		@Override
		public void setPropertyValue(Object id, Object value) {
			// Read-only.
		}
	}
}
