package org.palisade.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;
import org.palisade.ui.PalisadeUi;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Opens every window on the Palisade perspective over the workspace. On a first start
 * (a workspace without projects) it creates the bundled example as a project, so a new user
 * sees a design in the Project Explorer without reading a manual.
 */
public class StudioWorkbenchAdvisor extends WorkbenchAdvisor {

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		super.initialize(configurer);
		configurer.setSaveAndRestore(false);
		// The Project Explorer shows resources through the IDE's adapters.
		IDE.registerAdapters();
		StudioImages.declare(configurer);
		PalisadeWorkspace.startLanguage();
	}

	@Override
	public void preStartup() {
		super.preStartup();
		createExampleOnFirstStart();
	}

	@Override
	public void postStartup() {
		super.postStartup();
		if (exampleCreated) {
			openExample();
		}
	}

	/** A first start shows the example's design open, so there is something to look at. */
	private static void openExample() {
		IFile design = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT)
				.getFile("harbour-depot.perimeter");
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (design.exists() && window != null && window.getActivePage() != null) {
			try {
				IDE.openEditor(window.getActivePage(), design);
			} catch (PartInitException e) {
				ILog.of(StudioWorkbenchAdvisor.class).error("The example could not be opened", e);
			}
		}
	}

	@Override
	public IAdaptable getDefaultPageInput() {
		return ResourcesPlugin.getWorkspace().getRoot();
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return PalisadeUi.PERSPECTIVE_ID;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new StudioWindowAdvisor(configurer);
	}

	@Override
	public boolean preShutdown() {
		try {
			ResourcesPlugin.getWorkspace().save(true, null);
		} catch (CoreException e) {
			ILog.of(StudioWorkbenchAdvisor.class).error("The workspace could not be saved", e);
		}
		return super.preShutdown();
	}

	private boolean exampleCreated;

	private void createExampleOnFirstStart() {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		if (workspace.getRoot().getProjects().length > 0) {
			return;
		}
		Path example = BundledExamples.folder("harbour-depot");
		if (example == null || !Files.isDirectory(example)) {
			return;
		}
		try {
			// Checked by the workspace's auto-build in the background: the window shows first.
			PalisadeWorkspace.createProject(PalisadeUi.EXAMPLE_PROJECT, example, false, null);
			exampleCreated = true;
		} catch (CoreException e) {
			ILog.of(StudioWorkbenchAdvisor.class).error("The example project could not be created", e);
		}
	}
}
