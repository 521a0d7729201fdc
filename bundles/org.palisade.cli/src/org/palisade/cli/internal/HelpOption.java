package org.palisade.cli.internal;

import picocli.CommandLine.Option;

/** {@code -h, --help}, mixed into every command (picocli's own 'help' command has its own). */
final class HelpOption {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
	boolean help;
}
