package org.palisade.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.palisade.ui.PalisadeUi;

/**
 * The Palisade perspective: the site on the left, the design editor in the middle, its
 * outline on the right and the properties of the selection below.
 */
public class PalisadePerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.setEditorAreaVisible(true);

		IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editorArea);
		left.addView(PalisadeUi.SITE_VIEW_ID);

		IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.75f, editorArea);
		right.addView(IPageLayout.ID_OUTLINE);

		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.72f, editorArea);
		bottom.addView(IPageLayout.ID_PROP_SHEET);

		layout.getViewLayout(PalisadeUi.SITE_VIEW_ID).setCloseable(false);
	}
}
