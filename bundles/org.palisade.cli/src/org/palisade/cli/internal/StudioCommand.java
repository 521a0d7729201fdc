package org.palisade.cli.internal;

import org.palisade.cli.Palisade.UsageException;

import picocli.CommandLine.Command;

/**
 * {@code palisade studio}: declared here for help and completion; the {@code palisade} script starts
 * the Studio's own application for it, so this headless application only says so.
 */
@Command(name = "studio", description = "Open Palisade Studio, the IDE (needs a display).")
public class StudioCommand extends CliCommand {

	@Override
	int run() {
		throw new UsageException("the Studio is its own application: start it with the palisade script, under a display");
	}
}
