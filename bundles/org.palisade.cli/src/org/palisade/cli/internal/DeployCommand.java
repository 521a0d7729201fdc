package org.palisade.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code palisade deploy <site>}: applies the design, reads it back and verifies, per device in
 * parallel; a device that fails is restored to what it held before. A journal beside the design
 * lets the next run finish a killed one. Exit 0 all verified, 1 a device failed.
 */
@Command(name = "deploy", description = { "Apply, read back and verify, per device in parallel; a device that fails",
		"is restored to what it held before." })
public class DeployCommand extends CliCommand {

	@Mixin
	DeviceOptions options;

	@Override
	int run() throws Exception {
		return new DeviceRun(this, options, true).run(false);
	}
}
