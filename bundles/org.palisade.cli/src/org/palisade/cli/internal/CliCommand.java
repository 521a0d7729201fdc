package org.palisade.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command has: the streams of the run (stdout for its result, stderr for progress and
 * problems) and its own picocli model, for usage errors that name the command.
 */
abstract class CliCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HelpOption help;

	PrintStream out;
	PrintStream err;

	@Override
	public final Integer call() throws Exception {
		PalisadeCommand root = (PalisadeCommand) spec.root().userObject();
		out = root.out;
		err = root.err;
		return run();
	}

	/** @return the exit code */
	abstract int run() throws Exception;

	/** @return a usage error of this command: one line on stderr, exit 2 */
	ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}

	/** Refuses an option's value below a least one, naming both. */
	void atLeast(String option, long value, long least) {
		if (value < least) {
			throw usage(option + " must be at least " + least + ", got " + value);
		}
	}

	/** @return "palisade validate", "palisade bench parse": how messages name this command */
	String name() {
		return spec.qualifiedName();
	}
}
