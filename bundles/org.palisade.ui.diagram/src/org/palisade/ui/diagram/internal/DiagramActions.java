package org.palisade.ui.diagram.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IActionBars;
import org.palisade.ui.diagram.DiagramCanvas;

/** The actions every diagram view has: zoom, fit, and export as PNG or SVG. */
public final class DiagramActions {

	private DiagramActions() {
	}

	/**
	 * Adds zoom and fit to the view's toolbar, and the exports to its menu.
	 *
	 * @param name the file name (without extension) the save dialog proposes
	 */
	public static void contribute(IActionBars bars, DiagramCanvas canvas, Supplier<String> name) {
		IToolBarManager bar = bars.getToolBarManager();
		bar.add(action("Zoom In", () -> canvas.zoom(1.25, canvas.getClientArea().width / 2, canvas.getClientArea().height / 2)));
		bar.add(action("Zoom Out", () -> canvas.zoom(0.8, canvas.getClientArea().width / 2, canvas.getClientArea().height / 2)));
		bar.add(action("Fit", canvas::fit));
		IMenuManager menu = bars.getMenuManager();
		menu.add(action("Export as PNG...", () -> export(canvas, name.get(), "png")));
		menu.add(action("Export as SVG...", () -> export(canvas, name.get(), "svg")));
	}

	public static Action action(String text, Runnable run) {
		return new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
	}

	private static void export(DiagramCanvas canvas, String name, String extension) {
		if (canvas.diagram() == null) {
			return;
		}
		FileDialog dialog = new FileDialog(canvas.getShell(), SWT.SAVE);
		dialog.setText("Export the diagram as " + extension.toUpperCase(java.util.Locale.ROOT));
		dialog.setFilterExtensions(new String[] { "*." + extension });
		dialog.setFileName(name + "." + extension);
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file == null) {
			return;
		}
		if (!file.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
			file += "." + extension;
		}
		try {
			DiagramExport.write(canvas.getDisplay(), canvas.diagram(), Path.of(file));
		} catch (IOException | RuntimeException e) {
			MessageDialog.openError(canvas.getShell(), "Export", "The diagram could not be written to " + file + ": "
					+ e.getMessage());
		}
	}
}
