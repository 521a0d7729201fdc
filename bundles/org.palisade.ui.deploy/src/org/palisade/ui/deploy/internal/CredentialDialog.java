package org.palisade.ui.deploy.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for the user and password of a credentials reference: to set or change them in secure
 * storage (the preference page), or because a deploy lacks them (then the user may keep them for
 * this deploy only). The password field masks what is typed and is emptied once read; the
 * password is handed out once, as a {@code char[]} for the caller to wipe.
 */
public final class CredentialDialog extends TitleAreaDialog {

	private final String reference;
	private final String initialUser;
	private final boolean asking;
	private Text user;
	private Text password;
	private Button store;
	private String enteredUser;
	private char[] enteredPassword;
	private boolean storeIt = true;

	/**
	 * @param asking whether a deploy asks (offers to store or keep for this deploy only) or the
	 *               preference page sets them (always stored)
	 */
	public CredentialDialog(Shell shell, String reference, String initialUser, boolean asking) {
		super(shell);
		this.reference = reference;
		this.initialUser = initialUser == null ? "root" : initialUser;
		this.asking = asking;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(asking ? "Credentials Needed" : "Set Credentials");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Credentials \"" + reference + "\"");
		setMessage(asking ? "No user and password are known for \"" + reference + "\". Enter those of the device;"
				+ " they are never shown again." : "The password is stored encrypted in secure storage and never shown again.");
		Composite c = new Composite(area, SWT.NONE);
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		c.setLayout(new GridLayout(2, false));
		new Label(c, SWT.NONE).setText("User:");
		user = new Text(c, SWT.BORDER);
		user.setText(initialUser);
		user.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(c, SWT.NONE).setText("Password:");
		password = new Text(c, SWT.BORDER | SWT.PASSWORD);
		password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		if (asking) {
			store = new Button(c, SWT.CHECK);
			store.setText("Store in secure storage (else kept for this deploy only)");
			store.setSelection(true);
			store.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		}
		user.addModifyListener(e -> validate());
		password.addModifyListener(e -> validate());
		password.setFocus();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private void validate() {
		String problem = user.getText().isBlank() ? "Enter the user name on the device."
				: password.getCharCount() == 0 ? "Enter the password." : null;
		setErrorMessage(problem);
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
		}
	}

	@Override
	protected void okPressed() {
		enteredUser = user.getText().strip();
		enteredPassword = password.getTextChars();
		password.setText("");
		storeIt = store == null || store.getSelection();
		super.okPressed();
	}

	/** @return the user entered */
	public String user() {
		return enteredUser;
	}

	/** @return the password entered, once (a second call gets {@code null}); wipe it after use */
	public char[] takePassword() {
		char[] p = enteredPassword;
		enteredPassword = null;
		return p;
	}

	/** @return whether to store them in secure storage */
	public boolean store() {
		return storeIt;
	}
}
