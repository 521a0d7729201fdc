package org.palisade.ui.editor.internal;

import java.io.IOException;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.palisade.deploy.SecureCredentials;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes;
import org.palisade.ui.editor.DesignChanges;
import org.palisade.ui.editor.PerimeterEditor;

/**
 * Applies a quick fix, first putting a secret it takes out of the design into secure storage
 * through {@link SecureCredentials} (the layout {@code palisade deploy} and the Studio's deploy
 * read), after asking for the user name. The password is encrypted by the storage and never
 * logged; the design keeps only the reference.
 */
public final class SecretStorage {

	private SecretStorage() {
	}

	/** Applies a fix; a fix that moves a secret asks for the user name and stores both first. */
	public static void apply(PerimeterEditor editor, SiteQuickFixes.Fix fix) {
		if (fix.secret() != null && !store(editor.getSite().getShell(), fix.secret(), editor)) {
			return;
		}
		DesignChanges.apply(editor, fix.modification());
	}

	private static boolean store(Shell shell, SiteQuickFixes.SecretMove secret, PerimeterEditor editor) {
		InputDialog user = new InputDialog(shell, "Move the Password to Secure Storage",
				"The password is stored encrypted as credentials \"" + secret.reference()
						+ "\", where deploy finds it; the design keeps only that name.\n\nUser name on the device:",
				"root", text -> text == null || text.isBlank() ? "Enter the user name the password belongs to." : null);
		if (user.open() != Window.OK) {
			return false;
		}
		try {
			if (SecureCredentials.exists(secret.reference()) && !MessageDialog.openQuestion(shell, "Credentials Already Stored",
					"Secure storage already holds credentials \"" + secret.reference() + "\". Replace them?")) {
				return false;
			}
			SecureCredentials.store(secret.reference(), user.getValue().strip(), secret.password().toCharArray());
			return true;
		} catch (IOException | RuntimeException e) {
			// The message of a storage failure names the node, never the value.
			editor.status("The password could not be stored, so the design is left as it is: " + e.getMessage());
			return false;
		}
	}
}
