package org.palisade.workspace.internal;

import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Checks the designs of a Palisade project and keeps their problem markers.
 * <p>
 * A build that sees no design change does nothing. A change to any design checks every
 * design of the project again: a site's rules span its files (an area's camera drives a
 * schedule of the site, a catalog change moves every current figure), and checking a whole
 * project is cheap next to a person's typing (see {@code palisade bench editor}).
 */
public class DesignBuilder extends IncrementalProjectBuilder {

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		if (kind == INCREMENTAL_BUILD || kind == AUTO_BUILD) {
			IResourceDelta delta = getDelta(getProject());
			if (delta != null && !touchesDesigns(delta)) {
				return null;
			}
		}
		try {
			new ProjectChecker(getProject()).check(monitor);
		} catch (OperationCanceledException e) {
			// The next build checks again: leave the last complete set of markers.
			rememberLastBuiltState();
			throw e;
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
	}

	private static boolean touchesDesigns(IResourceDelta delta) throws CoreException {
		boolean[] found = { false };
		delta.accept(d -> {
			if (found[0]) {
				return false;
			}
			if (PalisadeWorkspace.isDesign(d.getResource())) {
				found[0] = true;
			}
			return true;
		});
		return found[0];
	}
}
