package org.palisade.workspace;

import java.io.IOException;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;

/**
 * Every design of a project loaded and linked in one resource set, as the user sees them:
 * a file open in an editor is read from its editor's text, saved or not. Find references
 * and rename work on this, so they see what the user has typed and not only what is on
 * disk.
 * <p>
 * Resources are named by {@code file:} URIs of the files' locations, as the editor's and
 * the builder's are, so that imports resolve between them.
 */
public final class ProjectDesigns {

	private final XtextResourceSet resourceSet;

	private ProjectDesigns(XtextResourceSet resourceSet) {
		this.resourceSet = resourceSet;
	}

	/** Loads and links the designs of a project. */
	public static ProjectDesigns load(IProject project) throws CoreException {
		XtextResourceSet set = PalisadeWorkspace.injector().getInstance(XtextResourceSet.class);
		for (IFile file : PalisadeWorkspace.designFiles(project)) {
			Resource resource = set.createResource(uriOf(file));
			try {
				resource.load(new LazyStringInputStream(textOf(file), "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
			} catch (IOException | RuntimeException e) {
				// A design that cannot be read has no references to find or rename; the
				// builder's marker already says why.
				set.getResources().remove(resource);
			}
		}
		EcoreUtil.resolveAll(set);
		return new ProjectDesigns(set);
	}

	/** @return the designs, and what they import from outside the project */
	public XtextResourceSet resourceSet() {
		return resourceSet;
	}

	/** @return the loaded design of a file, or null */
	public XtextResource resource(IFile file) {
		return (XtextResource) resourceSet.getResource(uriOf(file), false);
	}

	/** @return the URI a design's resource has, here and in the editor */
	public static URI uriOf(IFile file) {
		return URI.createFileURI(file.getLocation().toOSString());
	}

	/** @return the workspace file at a resource's URI, or null when it is outside the workspace */
	public static IFile fileOf(URI uri) {
		if (uri == null || !uri.isFile()) {
			return null;
		}
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(java.nio.file.Path.of(uri.toFileString()).toUri());
		return files.length == 0 ? null : files[0];
	}

	/** The text of a design: its editor's document when one is connected, else the file. */
	private static String textOf(IFile file) throws CoreException {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
		if (buffer != null) {
			return buffer.getDocument().get();
		}
		try {
			return new String(file.getContents(true).readAllBytes(), file.getCharset());
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("Cannot read " + file.getFullPath() + ": " + e.getMessage(), e));
		}
	}
}
