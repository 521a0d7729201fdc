package org.palisade.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Saves what a person would see: the pixels of a shell, read back from the display.
 */
final class Screenshots {

	private Screenshots() {
	}

	/**
	 * Captures the shell's area of the screen into {@code <palisade.screenshots>/<name>.png}.
	 *
	 * @return the file written
	 */
	static Path capture(Shell shell, String name) throws IOException {
		Display display = shell.getDisplay();
		// Let pending paints land before reading the pixels back.
		while (display.readAndDispatch()) {
			// drain
		}
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
		} finally {
			gc.dispose();
		}
		try {
			Path dir = Path.of(System.getProperty("palisade.screenshots", "target/screenshots"));
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
			return file;
		} finally {
			image.dispose();
		}
	}
}
