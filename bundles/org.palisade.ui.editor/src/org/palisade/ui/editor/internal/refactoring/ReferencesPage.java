package org.palisade.ui.editor.internal.refactoring;

import org.eclipse.jface.viewers.IStructuredContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;
import org.eclipse.search.ui.text.Match;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.texteditor.ITextEditor;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * The Search view's list of uses: "gate.perimeter:22  rule ... during AfterHours", by file
 * and line; a double-click opens the design there.
 */
public final class ReferencesPage extends AbstractTextSearchViewPage {

	public ReferencesPage() {
		super(FLAG_LAYOUT_FLAT);
	}

	@Override
	protected void configureTableViewer(TableViewer viewer) {
		// The page gives the viewer the search result as its input.
		viewer.setContentProvider((IStructuredContentProvider) input -> input instanceof AbstractTextSearchResult result ? result.getElements()
				: new Object[0]);
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return element instanceof ReferencesSearch.Use use ? use.file().getProjectRelativePath() + ":" + use.line() + "   " + use.text()
						: String.valueOf(element);
			}

			@Override
			public Image getImage(Object element) {
				return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FILE);
			}
		});
		viewer.setComparator(new ViewerComparator() {
			@Override
			public int compare(org.eclipse.jface.viewers.Viewer v, Object a, Object b) {
				if (a instanceof ReferencesSearch.Use x && b instanceof ReferencesSearch.Use y) {
					int byFile = x.file().getFullPath().toString().compareTo(y.file().getFullPath().toString());
					return byFile != 0 ? byFile : Integer.compare(x.line(), y.line());
				}
				return 0;
			}
		});
	}

	@Override
	protected void configureTreeViewer(TreeViewer viewer) {
		// Flat layout only: a use is one line, already named by its file.
	}

	@Override
	protected void elementsChanged(Object[] objects) {
		refresh();
	}

	@Override
	protected void clear() {
		refresh();
	}

	private void refresh() {
		if (getViewer() != null) {
			getViewer().refresh();
		}
	}

	@Override
	protected void showMatch(Match match, int offset, int length, boolean activate) throws PartInitException {
		if (match.getElement() instanceof ReferencesSearch.Use use) {
			IWorkbenchPage page = getSite().getPage();
			if (IDE.openEditor(page, use.file(), PerimeterEditor.ID, activate) instanceof ITextEditor editor) {
				editor.selectAndReveal(offset, length);
			}
		}
	}
}
