package org.palisade.ui.diagram.internal;

import java.util.Iterator;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.model.site.Condition;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.ScheduleCondition;
import org.palisade.ui.diagram.ScheduleView;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * Opens the schedule editor on the schedule at the caret, or the first schedule a rule at the
 * caret is conditioned on, else the design's first schedule.
 */
public final class OpenScheduleHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActiveEditor(event) instanceof PerimeterEditor editor) || editor.model() == null) {
			return null;
		}
		IWorkbenchPage page = editor.getSite().getPage();
		int offset = editor.getSelectionProvider().getSelection() instanceof ITextSelection s ? s.getOffset() : 0;
		editor.model().read(snapshot -> scheduleAt(snapshot.resource(), offset)).thenAccept(schedule -> page
				.getWorkbenchWindow().getShell().getDisplay().asyncExec(() -> {
					if (schedule == null) {
						editor.status("The design has no schedule to edit.");
						return;
					}
					try {
						ScheduleView.open(page, editor, schedule);
					} catch (PartInitException e) {
						editor.status("The schedule editor could not be opened: " + e.getMessage());
					}
				}));
		return null;
	}

	/** @return the name of the schedule at the offset (or of the rule there), else of the first schedule, else null */
	static String scheduleAt(XtextResource resource, int offset) {
		if (resource == null) {
			return null;
		}
		String first = null;
		for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			EObject o = it.next();
			if (o instanceof Schedule s && s.getName() != null) {
				if (contains(s, offset)) {
					return s.getName();
				}
				if (first == null) {
					first = s.getName();
				}
			} else if (o instanceof Rule r && contains(r, offset)) {
				for (Condition c : r.getConditions()) {
					if (c instanceof ScheduleCondition sc && sc.getSchedule() != null && !sc.getSchedule().eIsProxy()) {
						return sc.getSchedule().getName();
					}
				}
			}
		}
		return first;
	}

	private static boolean contains(EObject o, int offset) {
		ICompositeNode node = NodeModelUtils.getNode(o);
		return node != null && node.getOffset() <= offset && offset <= node.getEndOffset();
	}
}
