package org.palisade.ui.deploy.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.palisade.deploy.SecureCredentials;
import org.palisade.model.site.Device;
import org.palisade.model.site.Site;
import org.palisade.workspace.PalisadeWorkspace;
import org.palisade.workspace.ProjectDesigns;

/**
 * Window &gt; Preferences &gt; Palisade &gt; Credentials: every credentials reference of the
 * workspace's designs (and any other stored), with the devices that use it, its user, and whether
 * a password is stored. Set and Remove change Equinox secure storage at once, in the layout
 * {@code palisade deploy} reads. A password is typed into a masked field and never shown again:
 * the table says only "stored".
 */
public final class CredentialsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private Table table;
	private Button set;
	private Button remove;

	@Override
	public void init(IWorkbench workbench) {
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		Label intro = new Label(c, SWT.WRAP);
		intro.setText("The user and password of each credentials reference of the designs, kept encrypted in Equinox"
				+ " secure storage, where deploy (in the Studio and on the command line) finds them. A password is"
				+ " never shown again once entered. Set and Remove take effect at once.");
		GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		// Preferred widths small enough for the page as the Preferences dialog first opens: the
		// text wraps and the table shrinks to what is left, and the buttons stay in view.
		introData.widthHint = 300;
		intro.setLayoutData(introData);
		table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
		data.heightHint = 200;
		data.widthHint = 300;
		table.setLayoutData(data);
		for (String[] col : new String[][] { { "Reference", "170" }, { "Used by", "150" }, { "User", "70" },
				{ "Password", "80" } }) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(col[0]);
			column.setWidth(Integer.parseInt(col[1]));
		}
		Composite buttons = new Composite(c, SWT.NONE);
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		buttons.setLayout(new GridLayout(1, true));
		set = new Button(buttons, SWT.PUSH);
		set.setText("Set...");
		set.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		set.addListener(SWT.Selection, e -> setSelected());
		remove = new Button(buttons, SWT.PUSH);
		remove.setText("Remove");
		remove.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		remove.addListener(SWT.Selection, e -> removeSelected());
		table.addListener(SWT.Selection, e -> enable());
		table.addListener(SWT.DefaultSelection, e -> setSelected());
		fill();
		return c;
	}

	/** @return each reference of the workspace's designs with the devices that use it, sorted */
	static Map<String, List<String>> referencesInDesigns() {
		Map<String, List<String>> refs = new TreeMap<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			try {
				if (!project.isOpen() || !project.hasNature(PalisadeWorkspace.NATURE_ID)) {
					continue;
				}
				for (Resource r : ProjectDesigns.load(project).resourceSet().getResources()) {
					for (var it = r.getAllContents(); it.hasNext();) {
						EObject o = it.next();
						if (o instanceof Device d && d.getCredentials() != null) {
							EObject s = d;
							while (s != null && !(s instanceof Site)) {
								s = s.eContainer();
							}
							String where = (s instanceof Site site ? site.getName() : project.getName()) + ": " + d.getName();
							List<String> users = refs.computeIfAbsent(d.getCredentials(), k -> new ArrayList<>());
							if (!users.contains(where)) {
								users.add(where);
							}
						}
					}
				}
			} catch (CoreException e) {
				// A project that cannot be read has its marker; its references are not listed.
			}
		}
		return refs;
	}

	private void fill() {
		Map<String, List<String>> refs = referencesInDesigns();
		for (String stored : SecureCredentials.references()) {
			refs.putIfAbsent(stored, List.of());
		}
		String selected = selected();
		table.removeAll();
		for (Map.Entry<String, List<String>> e : refs.entrySet()) {
			TableItem item = new TableItem(table, SWT.NONE);
			String user;
			try {
				user = SecureCredentials.user(e.getKey());
			} catch (IOException ex) {
				user = "(unreadable)";
				setErrorMessage(ex.getMessage());
			}
			item.setText(new String[] { e.getKey(),
					e.getValue().isEmpty() ? "(no design in the workspace)" : String.join(", ", e.getValue()),
					user == null ? "" : user, SecureCredentials.hasPassword(e.getKey()) ? "stored" : "not stored" });
			if (e.getKey().equals(selected)) {
				table.setSelection(item);
			}
		}
		enable();
	}

	private String selected() {
		TableItem[] s = table.getSelection();
		return s.length == 0 ? null : s[0].getText(0);
	}

	private void enable() {
		set.setEnabled(selected() != null);
		remove.setEnabled(selected() != null && table.getSelection()[0].getText(3).equals("stored"));
	}

	private void setSelected() {
		String ref = selected();
		if (ref == null) {
			return;
		}
		String user;
		try {
			user = SecureCredentials.user(ref);
		} catch (IOException e) {
			user = null;
		}
		CredentialDialog dialog = new CredentialDialog(getShell(), ref, user, false);
		if (dialog.open() != Window.OK) {
			return;
		}
		try {
			SecureCredentials.store(ref, dialog.user(), dialog.takePassword());
			setErrorMessage(null);
		} catch (IOException e) {
			setErrorMessage(e.getMessage());
		}
		fill();
	}

	private void removeSelected() {
		String ref = selected();
		if (ref == null || !MessageDialog.openQuestion(getShell(), "Remove Credentials",
				"Remove the user and password of \"" + ref + "\" from secure storage?")) {
			return;
		}
		try {
			SecureCredentials.remove(ref);
		} catch (IOException e) {
			setErrorMessage(e.getMessage());
		}
		fill();
	}
}
