package org.palisade.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.palisade.ui.internal.BundledExamples;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * File &gt; Import &gt; Palisade Examples: each checked example becomes a project of its
 * own (a copy: the shipped example stays as it was). An example already in the workspace
 * is imported again under a numbered name rather than over the user's changes.
 */
public final class ImportExamplesWizard extends Wizard implements IImportWizard {

	private ExamplesPage page;

	public ImportExamplesWizard() {
		setWindowTitle("Import Palisade Examples");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		// Nothing from the selection: examples are not imported into a chosen project.
	}

	@Override
	public void addPages() {
		page = new ExamplesPage();
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		List<Path> chosen = page.chosen();
		try {
			getContainer().run(true, false, monitor -> {
				SubMonitor sub = SubMonitor.convert(monitor, "Importing examples", chosen.size());
				for (Path example : chosen) {
					try {
						PalisadeWorkspace.createProject(freeName(BundledExamples.title(example)), example, sub.split(1));
					} catch (CoreException e) {
						throw new InvocationTargetException(e);
					}
				}
			});
		} catch (InvocationTargetException e) {
			MessageDialog.openError(getShell(), getWindowTitle(), "The example could not be imported: " + e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		return true;
	}

	/** @return the name, or "Name (2)", "Name (3)"... when a project already has it */
	static String freeName(String name) {
		var root = ResourcesPlugin.getWorkspace().getRoot();
		String candidate = name;
		for (int i = 2; root.getProject(candidate).exists(); i++) {
			candidate = name + " (" + i + ")";
		}
		return candidate;
	}

	/** The examples, each with a check box. */
	private static final class ExamplesPage extends WizardPage {

		private Table table;
		private List<Path> known;

		ExamplesPage() {
			super("palisadeExamples");
			setTitle("Palisade Examples");
			setDescription("Choose the example sites to copy into the workspace as projects.");
		}

		@Override
		public void createControl(Composite parent) {
			Composite body = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().applyTo(body);
			known = BundledExamples.all();
			if (known.isEmpty()) {
				new Label(body, SWT.WRAP).setText("No examples are installed with this Palisade Studio.");
			}
			table = new Table(body, SWT.CHECK | SWT.BORDER);
			GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 160).applyTo(table);
			for (Path example : known) {
				TableItem item = new TableItem(table, SWT.NONE);
				item.setText(BundledExamples.title(example));
				item.setData(example);
			}
			table.addListener(SWT.Selection, e -> setPageComplete(!chosen().isEmpty()));
			setControl(body);
			Dialog.applyDialogFont(body);
			setPageComplete(false);
		}

		List<Path> chosen() {
			List<Path> chosen = new ArrayList<>();
			for (TableItem item : table.getItems()) {
				if (item.getChecked()) {
					chosen.add((Path) item.getData());
				}
			}
			return chosen;
		}
	}
}
