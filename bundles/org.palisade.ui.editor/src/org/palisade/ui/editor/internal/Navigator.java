package org.palisade.ui.editor.internal;

import java.io.IOException;
import java.net.URL;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * Opens where a reference leads: in the same editor, in the workspace file that holds it, or
 * (a built-in catalog) in an editor on the catalog shipped with Palisade.
 */
final class Navigator {

	private Navigator() {
	}

	static void open(PerimeterEditor from, DesignNavigation.Target target) {
		if (target.uri().equals(from.model().uri())) {
			from.selectAndReveal(target.offset(), target.length());
			return;
		}
		IWorkbenchPage page = from.getSite().getPage();
		try {
			IEditorPart part = null;
			if (target.uri().isFile()) {
				IFile[] files = ResourcesPlugin.getWorkspace().getRoot()
						.findFilesForLocationURI(java.net.URI.create(target.uri().toString()));
				part = files.length > 0 ? IDE.openEditor(page, files[0], PerimeterEditor.ID)
						: IDE.openEditorOnFileStore(page, EFS.getStore(java.net.URI.create(target.uri().toString())));
			} else {
				// A catalog inside a bundle: open the file the platform extracts it to.
				URL url = FileLocator.toFileURL(new URL(target.uri().toString()));
				part = IDE.openEditorOnFileStore(page, EFS.getStore(java.net.URI.create(URI.createURI(url.toString()).toString())));
			}
			if (part instanceof ITextEditor editor) {
				editor.selectAndReveal(target.offset(), target.length());
			}
		} catch (PartInitException e) {
			from.status("Cannot open " + target.uri().lastSegment() + ": " + e.getMessage());
		} catch (CoreException | IOException | IllegalArgumentException e) {
			from.status("Cannot open " + target.uri() + ": " + e.getMessage());
		}
	}

	/** Ctrl-click on a reference. */
	static final class Detector extends AbstractHyperlinkDetector {

		private final PerimeterEditor editor;

		Detector(PerimeterEditor editor) {
			this.editor = editor;
		}

		@Override
		public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
			int offset = region.getOffset();
			DesignNavigation.Target target;
			try {
				// The UI thread waits for the worker, briefly: a hyperlink that comes late is no use.
				target = editor.model().read(s -> DesignNavigation.target(s.resource(), offset))
						.get(300, java.util.concurrent.TimeUnit.MILLISECONDS);
			} catch (Exception e) {
				return null;
			}
			if (target == null || target.linkLength() == 0) {
				return null;
			}
			return new IHyperlink[] { new IHyperlink() {
				@Override
				public IRegion getHyperlinkRegion() {
					return new Region(target.linkOffset(), target.linkLength());
				}

				@Override
				public String getTypeLabel() {
					return "Open Declaration";
				}

				@Override
				public String getHyperlinkText() {
					return "Open Declaration";
				}

				@Override
				public void open() {
					Navigator.open(editor, target);
				}
			} };
		}
	}
}
