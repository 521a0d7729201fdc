package org.palisade.workspace.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Marks a project whose designs Palisade checks: configuring it adds the design builder.
 */
public class PalisadeNature implements IProjectNature {

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		if (PalisadeWorkspace.hasBuilder(description)) {
			return;
		}
		List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
		ICommand command = description.newCommand();
		command.setBuilderName(PalisadeWorkspace.BUILDER_ID);
		commands.add(command);
		description.setBuildSpec(commands.toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
		commands.removeIf(c -> PalisadeWorkspace.BUILDER_ID.equals(c.getBuilderName()));
		description.setBuildSpec(commands.toArray(ICommand[]::new));
		project.setDescription(description, null);
		project.deleteMarkers(PalisadeWorkspace.PROBLEM_MARKER, true, IProject.DEPTH_INFINITE);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
