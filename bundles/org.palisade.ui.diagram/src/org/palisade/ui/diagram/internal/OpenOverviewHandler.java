package org.palisade.ui.diagram.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.palisade.ui.diagram.OverviewView;
import org.palisade.ui.editor.PerimeterEditor;

/** Opens the site overview of the design in the active editor. */
public final class OpenOverviewHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActiveEditor(event) instanceof PerimeterEditor editor && editor.model() != null) {
			try {
				OverviewView.open(editor.getSite().getPage(), editor);
			} catch (PartInitException e) {
				editor.status("The site overview could not be opened: " + e.getMessage());
			}
		}
		return null;
	}
}
