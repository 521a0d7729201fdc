package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Finding and pressing real widgets of dialogs and wizards, as a person would: by the
 * text they show. Call on the UI thread.
 */
final class Widgets {

	private Widgets() {
	}

	/** @return the visible shell whose title starts with a text, or null */
	static Shell dialog(String titleStart) {
		for (Shell shell : Studio.display().getShells()) {
			if (!shell.isDisposed() && shell.isVisible() && shell.getText().startsWith(titleStart)) {
				return shell;
			}
		}
		return null;
	}

	/** @return the visible button showing a text (mnemonics ignored) */
	static Button button(Shell shell, String text) {
		assertNotNull(shell, "the dialog is open");
		for (Button b : all(shell, Button.class)) {
			if (b.getText().replace("&", "").equals(text)) {
				return b;
			}
		}
		throw new AssertionError("no button " + text + " in " + shell.getText());
	}

	/** Presses a button (a radio or check box is switched first, as a click does). */
	static void click(Button button) {
		if ((button.getStyle() & (SWT.RADIO | SWT.CHECK)) != 0) {
			button.setSelection((button.getStyle() & SWT.RADIO) != 0 || !button.getSelection());
		}
		button.notifyListeners(SWT.Selection, new Event());
	}

	/** @return the first visible control of a type under a root, or null */
	static <T extends Control> T find(Control root, Class<T> type) {
		List<T> found = all(root, type);
		return found.isEmpty() ? null : found.get(0);
	}

	/** @return the visible controls of a type under a root, in tree order */
	static <T extends Control> List<T> all(Control root, Class<T> type) {
		List<T> found = new ArrayList<>();
		if (root == null || root.isDisposed()) {
			return found;
		}
		if (type.isInstance(root) && root.isVisible()) {
			found.add(type.cast(root));
		}
		if (root instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				found.addAll(all(child, type));
			}
		}
		return found;
	}
}
