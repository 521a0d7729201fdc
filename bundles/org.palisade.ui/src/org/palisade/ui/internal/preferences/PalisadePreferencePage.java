package org.palisade.ui.internal.preferences;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Window &gt; Preferences &gt; Palisade: what the checks report. The rules' notes
 * (a schedule that wraps past midnight, a stream with EIS off...) are advice rather than
 * findings, hidden by default as {@code palisade validate} hides them without
 * {@code --info}. Changing it checks every Palisade project again so the Problems view
 * follows at once.
 */
public final class PalisadePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private Button notes;

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, PalisadeWorkspace.PLUGIN_ID));
		setDescription("How Palisade checks designs in the workspace and in open editors.");
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(body);
		Group validation = new Group(body, SWT.NONE);
		validation.setText("Validation");
		GridLayoutFactory.swtDefaults().applyTo(validation);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(validation);
		notes = new Button(validation, SWT.CHECK);
		notes.setText("Show the rules' &notes as markers");
		notes.setSelection(getPreferenceStore().getBoolean(PalisadeWorkspace.PREF_SHOW_NOTES));
		Label hint = new Label(validation, SWT.WRAP);
		hint.setText("Notes are advice rather than findings: a schedule that runs past midnight (SCHED-WRAP), "
				+ "image stabilisation that crops the picture (VID-EIS), firmware off the LTS track (FW-TRACK). "
				+ "They are what 'palisade validate --info' prints. Errors and warnings are always shown.");
		GridDataFactory.fillDefaults().grab(true, false).hint(convertWidthInCharsToPixels(60), SWT.DEFAULT).applyTo(hint);
		return body;
	}

	@Override
	protected void performDefaults() {
		notes.setSelection(getPreferenceStore().getDefaultBoolean(PalisadeWorkspace.PREF_SHOW_NOTES));
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		boolean before = getPreferenceStore().getBoolean(PalisadeWorkspace.PREF_SHOW_NOTES);
		getPreferenceStore().setValue(PalisadeWorkspace.PREF_SHOW_NOTES, notes.getSelection());
		if (before != notes.getSelection()) {
			recheckProjects();
		}
		return true;
	}

	/** A full build of every Palisade project, in the background, so markers follow the setting. */
	private static void recheckProjects() {
		WorkspaceJob job = new WorkspaceJob("Checking Palisade projects") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				IProject[] projects = ResourcesPlugin.getWorkspace().getRoot().getProjects();
				SubMonitor sub = SubMonitor.convert(monitor, projects.length);
				for (IProject project : projects) {
					if (project.isOpen() && project.hasNature(PalisadeWorkspace.NATURE_ID)) {
						project.build(IncrementalProjectBuilder.FULL_BUILD, sub.split(1));
					} else {
						sub.worked(1);
					}
				}
				return Status.OK_STATUS;
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
		job.schedule();
	}
}
