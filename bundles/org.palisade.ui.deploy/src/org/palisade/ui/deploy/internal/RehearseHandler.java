package org.palisade.ui.deploy.internal;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;
import org.palisade.deploy.site.Scenario;
import org.palisade.deploy.site.SiteDesign;
import org.palisade.deploy.site.SiteRehearsal;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Rehearse Scenario, on a {@code .rehearsal} file (Project Explorer, Deploy menu, or the open
 * scenario): plays it in a background job on fresh virtual devices, as {@code palisade rehearse
 * SITE --scenario FILE} does, and shows the timeline in the {@link RehearsalView}. The site is the
 * design beside the scenario (its folder), else the project's; both are read as saved.
 */
public final class RehearseHandler extends AbstractHandler {

	/** A scenario's file extension. */
	public static final String EXTENSION = "rehearsal";

	private static volatile Job latest;

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		if (window == null) {
			return null;
		}
		IFile file = scenarioOf(HandlerUtil.getCurrentSelection(event), HandlerUtil.getActiveEditor(event));
		if (file == null) {
			MessageDialog.openInformation(window.getShell(), "Rehearse Scenario",
					"Select a ." + EXTENSION + " scenario file (events and expectations, kept beside the design).");
			return null;
		}
		if (!IDE.saveAllEditors(new IResource[] { file.getProject() }, true)) {
			return null;
		}
		start(file);
		return null;
	}

	private static IFile scenarioOf(ISelection selection, org.eclipse.ui.IEditorPart editor) {
		if (selection instanceof IStructuredSelection s && !s.isEmpty()
				&& Adapters.adapt(s.getFirstElement(), IResource.class) instanceof IFile f && EXTENSION.equals(f.getFileExtension())) {
			return f;
		}
		if (editor != null && editor.getEditorInput() instanceof IFileEditorInput in
				&& EXTENSION.equals(in.getFile().getFileExtension())) {
			return in.getFile();
		}
		return null;
	}

	/** Plays a scenario in a job and shows it in the Rehearsal view (opened if needed); UI thread. */
	public static Job start(IFile scenario) {
		RehearsalView view = view();
		if (view != null) {
			view.running(scenario);
		}
		Path file = scenario.getLocation().toFile().toPath();
		Path project = scenario.getProject().getLocation().toFile().toPath();
		Job job = Job.create("Rehearsing " + scenario.getName(), monitor -> {
			SiteRehearsal.Result result;
			try {
				SiteDesign design = load(file.getParent(), project);
				Scenario steps = Scenario.read(file, SiteRehearsal.zone(design));
				result = SiteRehearsal.run(design, steps, line -> {
				});
			} catch (SiteDesign.Invalid e) {
				String errors = e.errors().stream().map(d -> d.format()).collect(Collectors.joining("; "));
				show(v -> v.failed(scenario, e.getMessage() + ": " + errors));
				return Status.OK_STATUS;
			} catch (Scenario.Invalid | DesignInputException | IllegalArgumentException e) {
				show(v -> v.failed(scenario, e.getMessage()));
				return Status.OK_STATUS;
			} catch (Exception e) {
				show(v -> v.failed(scenario, e.getMessage()));
				return Status.error("Rehearsing " + scenario.getFullPath() + " failed", e);
			}
			show(v -> v.show(scenario, result));
			return Status.OK_STATUS;
		});
		job.setUser(true);
		latest = job;
		job.schedule();
		return job;
	}

	/** @return the last rehearsal job started, for tests */
	public static Job latest() {
		return latest;
	}

	/** The design beside the scenario, else the project's one site. */
	private static SiteDesign load(Path folder, Path project) throws DesignInputException, SiteDesign.Invalid {
		DesignSet set = PalisadeWorkspace.injector().getInstance(DesignSet.class);
		try {
			return SiteDesign.load(set, folder);
		} catch (IllegalArgumentException e) {
			if (folder.equals(project)) {
				throw e;
			}
			return SiteDesign.load(PalisadeWorkspace.injector().getInstance(DesignSet.class), project);
		}
	}

	private static void show(java.util.function.Consumer<RehearsalView> body) {
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> {
			RehearsalView view = view();
			if (view != null) {
				body.accept(view);
			}
		});
	}

	private static RehearsalView view() {
		IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = w == null ? null : w.getActivePage();
		if (page == null) {
			return null;
		}
		try {
			return (RehearsalView) page.showView(RehearsalView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		} catch (PartInitException e) {
			return null;
		}
	}
}
