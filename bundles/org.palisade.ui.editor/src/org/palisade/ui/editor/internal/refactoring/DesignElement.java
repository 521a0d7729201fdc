package org.palisade.ui.editor.internal.refactoring;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.dsl.ide.refactoring.DesignRename;
import org.palisade.workspace.PalisadeWorkspace;
import org.palisade.workspace.ProjectDesigns;

/**
 * The named element at a place in a design, with every design of its project loaded
 * around it: what rename and find references start from. The caret may be on the
 * element's declaration or on any use of it.
 *
 * @param designs the project's designs, as the user sees them (unsaved text included)
 * @param element the element, in {@code designs}
 * @param file    the workspace file that declares it, or null when that is outside the
 *                workspace (a built-in catalog)
 */
public record DesignElement(ProjectDesigns designs, EObject element, IFile file) {

	/**
	 * @return the named element at {@code offset} in {@code file}, or null when there is
	 *         none there
	 */
	public static DesignElement at(IFile file, int offset) throws CoreException {
		ProjectDesigns designs = ProjectDesigns.load(file.getProject());
		XtextResource resource = designs.resource(file);
		if (resource == null) {
			return null;
		}
		EObject element = PalisadeWorkspace.injector().getInstance(EObjectAtOffsetHelper.class).resolveElementAt(resource, offset);
		if (element == null || element.eIsProxy() || DesignRename.nameOf(element) == null) {
			return null;
		}
		return new DesignElement(designs, element, ProjectDesigns.fileOf(element.eResource().getURI()));
	}

	/** @return how the element reads in messages: {@code schedule 'AfterHours'} */
	public String label() {
		return DesignRename.kind(element) + " '" + DesignRename.nameOf(element) + "'";
	}
}
