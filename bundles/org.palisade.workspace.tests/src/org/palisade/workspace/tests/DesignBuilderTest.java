package org.palisade.workspace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The design builder in a real workspace: projects made from the bundled examples, edited
 * through the resources API, checked by the builder, findings read back as markers.
 */
class DesignBuilderTest {

	private static final Path EXAMPLES = Path.of(System.getProperty("palisade.examples", "../../examples"));

	private final List<IProject> created = new ArrayList<>();

	@AfterEach
	void deleteProjects() throws CoreException {
		for (IProject project : created) {
			project.delete(true, true, null);
		}
	}

	private IProject example(String name, String folder) throws CoreException {
		IProject project = PalisadeWorkspace.createProject(name, EXAMPLES.resolve(folder), null);
		created.add(project);
		return project;
	}

	private static List<String> markers(IResource resource) throws CoreException {
		List<String> found = new ArrayList<>();
		for (IMarker m : resource.findMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE)) {
			found.add(m.getResource().getName() + ":" + m.getAttribute(IMarker.LINE_NUMBER, 0) + ": "
					+ m.getAttribute(PalisadeWorkspace.CODE, "") + " | " + m.getAttribute(IMarker.MESSAGE, ""));
		}
		found.sort(null);
		return found;
	}

	@Test
	void theBundledExampleIsAPalisadeProjectWithoutFindings() throws CoreException {
		IProject project = example("Harbour Depot", "harbour-depot");
		assertTrue(project.hasNature(PalisadeWorkspace.NATURE_ID));
		assertTrue(PalisadeWorkspace.hasBuilder(project.getDescription()), "the nature adds the builder");
		assertEquals(List.of(), markers(project), "the manual's scenario breaks no rule");
	}

	@Test
	void aSecondLoadOnPin2IsAMarkerWithItsCodeLineAndFigures() throws Exception {
		IProject project = example("Depot overloaded", "harbour-depot");
		IFile design = project.getFile("harbour-depot.perimeter");
		String text = new String(design.getContents().readAllBytes(), StandardCharsets.UTF_8);
		String broken = text.replace("	beacon Beacon1 : \"Beacon 12V 50mA\"",
				"	beacon Beacon1 : \"Beacon 12V 50mA\"\n	siren Siren2 : \"Siren 12V 30mA\"")
				.replace("		wire blue 0.25 mm2 40 m from pin 3 to Beacon1.minus",
						"		wire blue 0.25 mm2 40 m from pin 3 to Beacon1.minus\n		wire red 0.25 mm2 10 m from pin 2 to Siren2.plus");
		assertTrue(!broken.equals(text), "the example still has the lines this test edits");
		design.setContents(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), true, false, null);
		waitForBuild();

		IMarker[] markers = design.findMarkers(PalisadeWorkspace.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
		IMarker current = null;
		for (IMarker m : markers) {
			if ("ELEC-DCOUT-CURRENT".equals(m.getAttribute(PalisadeWorkspace.CODE, ""))) {
				current = m;
			}
		}
		assertTrue(current != null, "ELEC-DCOUT-CURRENT among " + markers(project));
		assertEquals(IMarker.SEVERITY_ERROR, current.getAttribute(IMarker.SEVERITY, -1));
		String message = current.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.contains("80 mA") && message.contains("limit 50 mA"), message);
		int start = current.getAttribute(IMarker.CHAR_START, -1);
		int end = current.getAttribute(IMarker.CHAR_END, -1);
		String marked = broken.substring(start, end);
		assertTrue(marked.startsWith("wire red"), "the marker covers a wire on pin 2: " + marked);

		// Putting the design back clears the finding: markers follow the text.
		design.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, false, null);
		waitForBuild();
		assertEquals(List.of(), markers(project));
	}

	@Test
	void areasAndTheirOwnCatalogResolveAcrossFiles() throws CoreException {
		IProject project = example("Container Terminal", "container-terminal");
		List<String> links = new ArrayList<>();
		for (String m : markers(project)) {
			if (m.contains(": LINK") || m.contains(": SYNTAX") || m.contains("IMPORT")) {
				links.add(m);
			}
		}
		assertEquals(List.of(), links, "every name across the areas and the local catalog resolves");
		assertTrue(PalisadeWorkspace.designFiles(project).size() >= 3, "a site, its areas and a catalog");
	}

	@Test
	void aSyntaxErrorIsMarkedAtItsLine() throws Exception {
		IProject project = example("Depot typo", "harbour-depot");
		IFile design = project.getFile("harbour-depot.perimeter");
		String text = new String(design.getContents().readAllBytes(), StandardCharsets.UTF_8);
		design.setContents(new ByteArrayInputStream(text.replace("power poe", "powr poe").getBytes(StandardCharsets.UTF_8)),
				true, false, null);
		waitForBuild();
		List<String> found = markers(project);
		assertTrue(found.stream().anyMatch(m -> m.startsWith("harbour-depot.perimeter:26: SYNTAX")), found.toString());
	}

	@Test
	void cleaningRemovesTheMarkersAndAFullBuildBringsThemBack() throws Exception {
		IProject project = example("Depot clean", "harbour-depot");
		IFile design = project.getFile("harbour-depot.perimeter");
		String text = new String(design.getContents().readAllBytes(), StandardCharsets.UTF_8);
		design.setContents(new ByteArrayInputStream(text.replace("0.25 mm2 40 m from pin 2", "0.1 mm2 40 m from pin 2")
				.getBytes(StandardCharsets.UTF_8)), true, false, null);
		waitForBuild();
		assertTrue(markers(project).stream().anyMatch(m -> m.contains("ELEC-WIRE-AREA")), markers(project).toString());
		project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
		assertEquals(List.of(), markers(project));
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertTrue(markers(project).stream().anyMatch(m -> m.contains("ELEC-WIRE-AREA") && m.contains("0.1 mm2")),
				markers(project).toString());
	}

	@Test
	void theRulesNotesAreMarkersOnlyWhenThePreferenceSaysSo() throws Exception {
		IProject project = example("Depot notes", "harbour-depot");
		assertTrue(markers(project).stream().noneMatch(m -> m.contains("SCHED-WRAP")), "off by default: " + markers(project));
		var node = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode(PalisadeWorkspace.PLUGIN_ID);
		try {
			node.putBoolean(PalisadeWorkspace.PREF_SHOW_NOTES, true);
			project.build(IncrementalProjectBuilder.FULL_BUILD, null);
			assertTrue(markers(project).stream().anyMatch(m -> m.equals(
					"harbour-depot.perimeter:17: SCHED-WRAP | SCHED-WRAP 18:00-08:00 runs past midnight: on Mon it ends Tue 08:00")),
					markers(project).toString());
		} finally {
			node.remove(PalisadeWorkspace.PREF_SHOW_NOTES);
		}
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertTrue(markers(project).stream().noneMatch(m -> m.contains("SCHED-WRAP")), markers(project).toString());
	}

	private static void waitForBuild() throws InterruptedException {
		// Auto-build runs as a job after a change; join it rather than sleeping.
		if (!ResourcesPlugin.getWorkspace().isAutoBuilding()) {
			try {
				ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
			} catch (CoreException e) {
				throw new IllegalStateException(e);
			}
		}
		Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
	}
}
