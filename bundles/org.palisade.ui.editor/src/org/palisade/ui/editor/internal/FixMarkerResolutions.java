package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Quick Fix from the Problems view: opens the design in its editor and applies the same
 * fix as Ctrl+1 there, so the change is one undoable step of the editor and is saved when
 * the user saves.
 */
public final class FixMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return SiteQuickFixes.FIXABLE.contains(marker.getAttribute(PalisadeWorkspace.CODE, ""));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file)) {
			return new IMarkerResolution[0];
		}
		String code = marker.getAttribute(PalisadeWorkspace.CODE, "");
		int offset = marker.getAttribute(IMarker.CHAR_START, -1);
		String message = marker.getAttribute(IMarker.MESSAGE, "");
		if (offset < 0) {
			return new IMarkerResolution[0];
		}
		List<IMarkerResolution> resolutions = new ArrayList<>();
		try {
			PerimeterEditor editor = open(file);
			for (SiteQuickFixes.Fix fix : editor.model().read(s -> SiteQuickFixes.fixes(s.resource(), offset, code, message))
					.get(5, TimeUnit.SECONDS)) {
				resolutions.add(new IMarkerResolution2() {
					@Override
					public String getLabel() {
						return fix.label();
					}

					@Override
					public void run(IMarker m) {
						SecretStorage.apply(editor, fix);
					}

					@Override
					public String getDescription() {
						return fix.label() + " (in the editor; save to keep it)";
					}

					@Override
					public Image getImage() {
						return null;
					}
				});
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (Exception e) {
			ILog.of(FixMarkerResolutions.class).error("Fixes for " + code + " failed", e);
		}
		return resolutions.toArray(IMarkerResolution[]::new);
	}

	private static PerimeterEditor open(IFile file) throws PartInitException {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		return (PerimeterEditor) IDE.openEditor(page, file, PerimeterEditor.ID, false);
	}
}
