package org.palisade.ui.diagram.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.SvgRenderer;

/**
 * Writes a diagram as the file a person asked for: SVG through the same renderer as the
 * installer's wiring sheet, PNG painted by the canvas's {@link Painter} on an offscreen image at
 * 100 % (the whole drawing, whatever the view's zoom and pan), so both look like the view.
 */
public final class DiagramExport {

	/** The file name extensions offered, in the order of the save dialog's filter. */
	public static final String[] EXTENSIONS = { "*.png", "*.svg" };

	private DiagramExport() {
	}

	/**
	 * Writes the diagram in the format its file name ends with ({@code .png} or {@code .svg}).
	 *
	 * @throws IOException when the file cannot be written, or names another format
	 */
	public static void write(Display display, Diagram d, Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".svg")) {
			Files.writeString(file, SvgRenderer.render(d), StandardCharsets.UTF_8);
		} else if (name.endsWith(".png")) {
			png(display, d, file);
		} else {
			throw new IOException(file + ": export writes .png or .svg files, not " + name);
		}
	}

	/** @return the size in pixels a PNG of the diagram has: its drawing at 100 %, rounded up */
	public static int[] pngSize(Diagram d) {
		return new int[] { Math.max(1, (int) Math.ceil(d.width())), Math.max(1, (int) Math.ceil(d.height())) };
	}

	private static void png(Display display, Diagram d, Path file) throws IOException {
		int[] size = pngSize(d);
		Image image = new Image(display, size[0], size[1]);
		Painter painter = new Painter(display);
		try {
			GC gc = new GC(image);
			try {
				gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
				gc.fillRectangle(0, 0, size[0], size[1]);
				painter.paint(gc, d, null);
			} finally {
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			try {
				loader.save(file.toString(), SWT.IMAGE_PNG);
			} catch (SWTException e) {
				throw new IOException(file + ": " + e.getMessage(), e);
			}
		} finally {
			painter.dispose();
			image.dispose();
		}
	}
}
