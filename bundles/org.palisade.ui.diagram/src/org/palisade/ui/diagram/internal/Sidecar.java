package org.palisade.ui.diagram.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.palisade.diagram.Positions;
import org.palisade.ui.editor.PerimeterEditor;

/** The positions file beside the design open in an editor, read and written for the diagram views. */
public final class Sidecar {

	private Sidecar() {
	}

	/** @return the file beside the editor's design, or null when the design is not a local file */
	public static Path file(PerimeterEditor editor) {
		if (editor.model() == null || !editor.model().uri().isFile()) {
			return null;
		}
		return Positions.fileFor(Path.of(editor.model().uri().toFileString()));
	}

	/** @return the positions kept for the design, none (and a status line) when they cannot be read */
	public static Positions load(PerimeterEditor editor) {
		Path file = file(editor);
		try {
			return file == null ? new Positions() : Positions.load(file);
		} catch (IOException e) {
			editor.status("The diagram positions were not read: " + e.getMessage());
			return new Positions();
		}
	}

	public static void save(PerimeterEditor editor, Positions positions) {
		Path file = file(editor);
		if (file == null) {
			return;
		}
		try {
			positions.save(file);
		} catch (IOException e) {
			editor.status("The diagram positions were not kept: " + e.getMessage());
		}
	}
}
