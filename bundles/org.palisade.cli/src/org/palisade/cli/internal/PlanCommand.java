package org.palisade.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palisade plan <site>}: reads the devices and shows what a deploy would change. Exit 0 no
 * changes, 1 a device failed or the design has errors; with {@code --detailed-exitcode}, 2 when
 * changes are pending.
 */
@Command(name = "plan", description = "Read the devices and show what a deploy would change.")
public class PlanCommand extends CliCommand {

	/** Exit code of {@code plan --detailed-exitcode} when there are changes. */
	public static final int CHANGES_PENDING = 2;

	@Mixin
	DeviceOptions options;

	@Option(names = "--detailed-exitcode", description = "exit 0 no changes, 1 error, 2 changes pending")
	boolean detailed;

	@Override
	int run() throws Exception {
		return new DeviceRun(this, options, false).run(detailed);
	}
}
