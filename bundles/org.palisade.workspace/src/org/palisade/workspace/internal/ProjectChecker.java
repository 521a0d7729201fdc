package org.palisade.workspace.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.Issue;
import org.palisade.dsl.load.InputProblem;
import org.palisade.dsl.load.DesignSet;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Loads every design of a project into one resource set (with what they import and the
 * built-in catalogs), checks them with the same rules as {@code palisade validate}, and
 * replaces the project's problem markers with the findings.
 */
final class ProjectChecker {

	private final IProject project;

	ProjectChecker(IProject project) {
		this.project = project;
	}

	void check(IProgressMonitor monitor) throws CoreException {
		SubMonitor sub = SubMonitor.convert(monitor, "Checking the designs of " + project.getName(), 3);
		List<IFile> files = PalisadeWorkspace.designFiles(project);
		Map<Path, IFile> byLocation = new HashMap<>();
		List<Path> paths = new ArrayList<>();
		for (IFile file : files) {
			IPath location = file.getLocation();
			if (location != null) {
				Path path = location.toPath().toAbsolutePath().normalize();
				byLocation.put(path, file);
				paths.add(path);
			}
		}
		sub.worked(1);
		Map<IFile, List<Map<String, Object>>> markers = new HashMap<>();
		if (!paths.isEmpty()) {
			DesignSet set = PalisadeWorkspace.injector().getInstance(DesignSet.class);
			boolean notes = PalisadeWorkspace.showsNotes();
			// What cannot be read (too large, unreadable) is a marker on that file; the rest is checked.
			set.loadReadable(paths);
			sub.checkCanceled();
			for (Map.Entry<Resource, List<Issue>> entry : set.validateIssues().entrySet()) {
				String fileString = entry.getKey().getURI().toFileString();
				IFile file = fileString == null ? null : byLocation.get(Path.of(fileString).normalize());
				if (file == null) {
					continue; // a design of another project, imported: that project reports it
				}
				for (Issue issue : entry.getValue()) {
					if (issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.INFO && !notes) {
						continue;
					}
					markers.computeIfAbsent(file, f -> new ArrayList<>()).add(attributes(issue));
				}
			}
			for (InputProblem problem : set.problems()) {
				IFile file = byLocation.getOrDefault(problem.path().toAbsolutePath().normalize(), files.get(0));
				markers.computeIfAbsent(file, f -> new ArrayList<>()).add(Map.of(IMarker.SEVERITY, IMarker.SEVERITY_ERROR,
						IMarker.MESSAGE, "INPUT " + problem.format(), PalisadeWorkspace.CODE, "INPUT"));
			}
		}
		sub.worked(1);
		project.deleteMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
		for (Map.Entry<IFile, List<Map<String, Object>>> entry : markers.entrySet()) {
			for (Map<String, Object> attributes : entry.getValue()) {
				entry.getKey().createMarker(PalisadeWorkspace.PROBLEM_MARKER, attributes);
			}
		}
		sub.worked(1);
	}

	/** @return a marker's attributes for an issue: the Problems view's columns and the code */
	static Map<String, Object> attributes(Issue issue) {
		Map<String, Object> attributes = new HashMap<>();
		String code = DesignSet.codeOf(issue);
		attributes.put(PalisadeWorkspace.CODE, code);
		attributes.put(IMarker.MESSAGE, code + " " + oneLine(issue.getMessage()));
		attributes.put(IMarker.SEVERITY, switch (issue.getSeverity()) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		});
		if (issue.getLineNumber() != null) {
			attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
			attributes.put(IMarker.LOCATION, "line " + issue.getLineNumber());
		}
		if (issue.getOffset() != null && issue.getLength() != null) {
			attributes.put(IMarker.CHAR_START, issue.getOffset());
			attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		return attributes;
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
	}
}
