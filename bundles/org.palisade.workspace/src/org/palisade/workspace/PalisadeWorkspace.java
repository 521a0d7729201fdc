package org.palisade.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.palisade.dsl.ide.SiteIdeSetup;
import org.palisade.dsl.load.DesignSet;

import com.google.inject.Injector;

/**
 * Palisade projects in an Eclipse workspace: the nature that marks them, the builder that
 * checks every design in them, and the problem markers it leaves. Headless: the Studio and
 * any other workspace (tests, an Eclipse IDE with the Palisade features) use the same.
 */
public final class PalisadeWorkspace {

	/** The bundle's symbolic name. */
	public static final String PLUGIN_ID = "org.palisade.workspace";

	/** The nature of a Palisade project. */
	public static final String NATURE_ID = PLUGIN_ID + ".nature";

	/** The content type of design files ({@code *.perimeter}, UTF-8). */
	public static final String CONTENT_TYPE = PLUGIN_ID + ".perimeter";

	/** The builder that checks a project's designs. */
	public static final String BUILDER_ID = PLUGIN_ID + ".builder";

	/** The marker type of a design rule's finding (a problem marker and a text marker). */
	public static final String PROBLEM_MARKER = PLUGIN_ID + ".problem";

	/** The marker attribute that holds the rule code (ELEC-DCOUT-CURRENT, SYNTAX, LINK...). */
	public static final String CODE = "code";

	/**
	 * The preference (instance scope of this bundle) that shows the rules' notes (SCHED-WRAP,
	 * VID-EIS, FW-TRACK) as markers; off by default, as {@code palisade validate} without
	 * {@code --info}.
	 */
	public static final String PREF_SHOW_NOTES = "validation.notes";

	private static volatile Injector injector;

	private PalisadeWorkspace() {
	}

	/**
	 * @return the injector of the perimeter language with its IDE services, created once per
	 *         process (about half a second) and shared by the builder and the editors
	 */
	public static Injector injector() {
		Injector result = injector;
		if (result == null) {
			synchronized (PalisadeWorkspace.class) {
				result = injector;
				if (result == null) {
					result = new SiteIdeSetup().createInjectorAndDoEMFRegistration();
					injector = result;
				}
			}
		}
		return result;
	}

	/**
	 * Starts the language (Xtext's injector, EMF's packages) on a thread of its own. It takes
	 * about a second; the Studio starts it beside the workbench's own start, on the other core,
	 * rather than when the first design opens or the first build needs it.
	 */
	public static void startLanguage() {
		Thread start = new Thread(() -> injector(), "Palisade language start");
		start.setDaemon(true);
		start.start();
	}

	/** @return whether the rules' notes are shown as markers and annotations */
	public static boolean showsNotes() {
		return Platform.getPreferencesService().getBoolean(PLUGIN_ID, PREF_SHOW_NOTES, false, null);
	}

	/** @return whether a resource is a design file ({@code *.perimeter}) */
	public static boolean isDesign(IResource resource) {
		return resource.getType() == IResource.FILE && DesignSet.EXTENSION.equals(resource.getFileExtension());
	}

	/**
	 * @return the design files of a project, in path order; files in derived or hidden folders
	 *         (build output, {@code .palisade-journal}) are not designs
	 */
	public static List<IFile> designFiles(IContainer container) throws CoreException {
		List<IFile> files = new ArrayList<>();
		container.accept(resource -> {
			if (resource.isDerived() || resource.isTeamPrivateMember()
					|| resource.getType() == IResource.FOLDER && resource.getName().startsWith(".")) {
				return false;
			}
			if (isDesign(resource)) {
				files.add((IFile) resource);
			}
			return true;
		});
		files.sort((a, b) -> a.getFullPath().toString().compareTo(b.getFullPath().toString()));
		return files;
	}

	/**
	 * Adds the Palisade nature (and with it the builder) to a project.
	 */
	public static void addNature(IProject project, IProgressMonitor monitor) throws CoreException {
		IProjectDescription description = project.getDescription();
		if (description.hasNature(NATURE_ID)) {
			return;
		}
		List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
		natures.add(NATURE_ID);
		description.setNatureIds(natures.toArray(String[]::new));
		project.setDescription(description, monitor);
	}

	/**
	 * @return whether the project's build spec runs the Palisade builder
	 */
	public static boolean hasBuilder(IProjectDescription description) {
		for (ICommand command : description.getBuildSpec()) {
			if (BUILDER_ID.equals(command.getBuilderName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Creates a Palisade project holding a copy of a folder of designs (a bundled example, or
	 * an empty site when {@code source} is null) and builds it, so its markers are there when
	 * it first shows.
	 *
	 * @throws CoreException if the project exists or the files cannot be copied
	 */
	public static IProject createProject(String name, Path source, IProgressMonitor monitor) throws CoreException {
		return createProject(name, source, true, monitor);
	}

	/**
	 * Creates a Palisade project as {@link #createProject(String, Path, IProgressMonitor)}
	 * does; with {@code checkNow} false it leaves the check to the workspace's auto-build, a
	 * background job, as the Studio's first start does: building on the caller's thread there
	 * held the workbench window back by the language's start and a whole check of the example.
	 *
	 * @throws CoreException if the project exists or the files cannot be copied
	 */
	public static IProject createProject(String name, Path source, boolean checkNow, IProgressMonitor monitor)
			throws CoreException {
		SubMonitor sub = SubMonitor.convert(monitor, "Creating " + name, 10);
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IProject project = workspace.getRoot().getProject(name);
		if (project.exists()) {
			throw new CoreException(Status.error("A project named " + name + " already exists"));
		}
		workspace.run(m -> {
			SubMonitor s = SubMonitor.convert(m, 4);
			project.create(s.split(1));
			project.open(s.split(1));
			addNature(project, s.split(1));
			if (source != null) {
				copyInto(project, source);
			}
			s.worked(1);
		}, sub.split(5));
		if (checkNow) {
			project.build(org.eclipse.core.resources.IncrementalProjectBuilder.FULL_BUILD, sub.split(5));
		}
		return project;
	}

	private static void copyInto(IProject project, Path source) throws CoreException {
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path path : walk.sorted().toList()) {
				Path relative = source.relativize(path);
				if (relative.toString().isEmpty()) {
					continue;
				}
				if (Files.isDirectory(path)) {
					IFolder folder = project.getFolder(relative.toString());
					if (!folder.exists()) {
						folder.create(true, true, null);
					}
				} else {
					IFile file = project.getFile(relative.toString());
					try (var in = Files.newInputStream(path)) {
						file.create(in, true, null);
					}
				}
			}
		} catch (IOException e) {
			throw new CoreException(new Status(IStatus.ERROR, PLUGIN_ID, source + ": cannot be copied: " + e.getMessage(), e));
		}
	}
}
