package org.palisade.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.palisade.ui.internal.BundledExamples;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * File &gt; New &gt; Palisade Project: an empty site to start writing, or a copy of one of
 * the examples shipped with Palisade. The project gets the Palisade nature (so it is
 * checked as it changes) and its design opens in the editor.
 */
public final class NewProjectWizard extends Wizard implements INewWizard {

	/** The wizard's id in the New wizards. */
	public static final String ID = "org.palisade.ui.newProject";

	/** The design an empty site starts with. */
	static final String SITE_FILE = "site.perimeter";

	private IWorkbench workbench;

	private ProjectPage page;

	public NewProjectWizard() {
		setWindowTitle("New Palisade Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
	}

	@Override
	public void addPages() {
		page = new ProjectPage();
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		String name = page.projectName();
		Path example = page.example();
		IProject[] created = new IProject[1];
		try {
			getContainer().run(true, false, monitor -> {
				SubMonitor sub = SubMonitor.convert(monitor, "Creating " + name, 10);
				try {
					created[0] = PalisadeWorkspace.createProject(name, example, sub.split(8));
					if (example == null) {
						IFile site = created[0].getFile(SITE_FILE);
						site.create(emptySite(name).getBytes(StandardCharsets.UTF_8), IResource.FORCE, sub.split(2));
					}
				} catch (CoreException e) {
					throw new InvocationTargetException(e);
				}
			});
		} catch (InvocationTargetException e) {
			MessageDialog.openError(getShell(), "New Palisade Project", "The project could not be created: " + e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		openMainDesign(created[0]);
		return true;
	}

	private void openMainDesign(IProject project) {
		try {
			List<IFile> designs = PalisadeWorkspace.designFiles(project);
			// The site's own file is at the top of the project; areas and catalogs are in folders.
			IFile main = designs.stream().filter(f -> f.getParent() == project).findFirst().orElse(designs.isEmpty() ? null : designs.get(0));
			if (main != null && workbench != null && workbench.getActiveWorkbenchWindow() != null) {
				IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), main);
			}
		} catch (CoreException e) {
			if (!(e instanceof PartInitException)) {
				MessageDialog.openError(getShell(), "New Palisade Project", e.getMessage());
			}
		}
	}

	/** An empty site: only its name and the time zone its schedules are in (this computer's). */
	static String emptySite(String name) {
		return "// " + name + ": networks, schedules, recipients and devices go inside the site.\n"
				+ "// Ctrl+Space proposes what can come next; problems show as you type.\n"
				+ "site \"" + name.replace("\"", "'") + "\" {\n"
				+ "\ttimezone \"" + ZoneId.systemDefault().getId() + "\"\n"
				+ "}\n";
	}

	/** Name, and what the project starts with. */
	private static final class ProjectPage extends WizardPage {

		private Text name;
		private Button empty;
		private Button copy;
		private Combo examples;
		private List<Path> known;

		ProjectPage() {
			super("palisadeProject");
			setTitle("Palisade Project");
			setDescription("A project holds the designs of one site.");
		}

		@Override
		public void createControl(Composite parent) {
			Composite body = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
			new Label(body, SWT.NONE).setText("Project &name:");
			name = new Text(body, SWT.BORDER | SWT.SINGLE);
			name.setData("name", "projectName");
			GridDataFactory.fillDefaults().grab(true, false).applyTo(name);

			empty = new Button(body, SWT.RADIO);
			empty.setText("&Empty site");
			empty.setSelection(true);
			GridDataFactory.fillDefaults().span(2, 1).indent(0, 10).applyTo(empty);
			copy = new Button(body, SWT.RADIO);
			copy.setText("&Copy of a bundled example:");
			examples = new Combo(body, SWT.READ_ONLY);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(examples);
			known = BundledExamples.all();
			for (Path example : known) {
				examples.add(BundledExamples.title(example));
			}
			if (known.isEmpty()) {
				copy.setEnabled(false);
				copy.setText("Copy of a bundled example (none installed)");
			} else {
				examples.select(0);
			}
			examples.setEnabled(false);

			name.addModifyListener(e -> validate());
			copy.addListener(SWT.Selection, e -> {
				examples.setEnabled(copy.getSelection());
				if (copy.getSelection() && name.getText().isBlank()) {
					name.setText(examples.getText());
				}
				validate();
			});
			examples.addListener(SWT.Selection, e -> validate());
			setControl(body);
			Dialog.applyDialogFont(body);
			setPageComplete(false);
			name.setFocus();
		}

		private void validate() {
			String text = name.getText().strip();
			String error = null;
			if (text.isEmpty()) {
				error = "Enter a project name.";
			} else {
				IStatus valid = ResourcesPlugin.getWorkspace().validateName(text, IResource.PROJECT);
				if (!valid.isOK()) {
					error = valid.getMessage();
				} else if (ResourcesPlugin.getWorkspace().getRoot().getProject(text).exists()) {
					error = "A project named '" + text + "' already exists.";
				}
			}
			setErrorMessage(error);
			setPageComplete(error == null);
		}

		String projectName() {
			return name.getText().strip();
		}

		Path example() {
			return copy.getSelection() && examples.getSelectionIndex() >= 0 ? known.get(examples.getSelectionIndex()) : null;
		}
	}
}
