package org.palisade.ui.diagram.internal;

import java.util.Iterator;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceRole;
import org.palisade.ui.diagram.WiringView;
import org.palisade.ui.editor.PerimeterEditor;

/** Opens the wiring diagram of the camera at the caret (or the design's first camera). */
public final class OpenWiringHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (!(HandlerUtil.getActiveEditor(event) instanceof PerimeterEditor editor) || editor.model() == null) {
			return null;
		}
		IWorkbenchPage page = editor.getSite().getPage();
		int offset = editor.getSelectionProvider().getSelection() instanceof ITextSelection s ? s.getOffset() : 0;
		editor.model().read(snapshot -> cameraAt(snapshot.resource(), offset)).thenAccept(camera -> page.getWorkbenchWindow()
				.getShell().getDisplay().asyncExec(() -> {
					if (camera == null) {
						editor.status("The design has no camera to draw the wiring of.");
						return;
					}
					try {
						WiringView.open(page, editor, camera);
					} catch (PartInitException e) {
						editor.status("The wiring diagram could not be opened: " + e.getMessage());
					}
				}));
		return null;
	}

	/** @return the name of the camera whose text holds the offset, else of the first camera, else null */
	static String cameraAt(XtextResource resource, int offset) {
		if (resource == null) {
			return null;
		}
		String first = null;
		for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Device d && d.getRole() == DeviceRole.CAMERA && d.getName() != null) {
				ICompositeNode node = NodeModelUtils.getNode(d);
				if (node != null && node.getOffset() <= offset && offset <= node.getEndOffset()) {
					return d.getName();
				}
				if (first == null) {
					first = d.getName();
				}
			}
		}
		return first;
	}
}
