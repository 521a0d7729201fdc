package org.palisade.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palisade deploy <site>}: applies the design, reads it back and verifies, per device in
 * parallel; a device that fails is restored to what it held before. A journal beside the design
 * lets the next run finish a killed one. Holds the site's lock while it runs: another deploy of
 * the site refuses at once, or waits {@code --lock-timeout}. Exit 0 all verified, 1 a device
 * failed or the site is locked.
 */
@Command(name = "deploy", description = { "Apply, read back and verify, per device in parallel; a device that fails",
		"is restored to what it held before." })
public class DeployCommand extends CliCommand {

	@Mixin
	DeviceOptions options;

	@Option(names = "--lock-timeout", paramLabel = "SECONDS", description = { "wait this long for another deploy of",
			"the site to end (default 0: refuse at once, naming it)" })
	long lockTimeout;

	@Override
	int run() throws Exception {
		return new DeviceRun(this, options, true).run(false, lockTimeout);
	}
}
