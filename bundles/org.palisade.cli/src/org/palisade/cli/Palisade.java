package org.palisade.cli;

import java.io.PrintStream;
import java.util.List;

import org.palisade.cli.internal.BenchCommand;
import org.palisade.cli.internal.ValidateCommand;

/**
 * The {@code palisade} command line, usable with or without OSGi: the product's
 * application calls {@link #run}, and so do tests and benchmarks in-process.
 */
public final class Palisade {

	/** Exit code: done, nothing wrong. */
	public static final int OK = 0;
	/** Exit code: the design has errors (or a deployment failed). */
	public static final int ERRORS = 1;
	/** Exit code: the input or the command line cannot be used. */
	public static final int USAGE = 2;

	private static final String USAGE_TEXT = """
			usage: palisade <command> [options]

			commands:
			  validate <files|folders>... [--format text|json] [--info]
			                  check designs; exit 0 clean, 1 errors, 2 unusable input
			                  (--info also shows notes, such as schedules running past midnight)
			  bench [--sizes 100,1000,10000] [--runs 3]
			                  time parse+link+validate of synthetic sites against XMI loading
			  studio          open Palisade Studio (the IDE)
			  help            this text
			""";

	private Palisade() {
	}

	/**
	 * Runs one command.
	 *
	 * @return the process exit code
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
			(args.isEmpty() ? err : out).print(USAGE_TEXT);
			return args.isEmpty() ? USAGE : OK;
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		try {
			return switch (command) {
			case "validate" -> new ValidateCommand(out, err).run(rest);
			case "bench" -> new BenchCommand(out).run(rest);
			default -> {
				err.println("palisade: unknown command '" + command + "'");
				err.print(USAGE_TEXT);
				yield USAGE;
			}
			};
		} catch (UsageException e) {
			err.println("palisade " + command + ": " + e.getMessage());
			return USAGE;
		} catch (java.io.IOException e) {
			err.println("palisade " + command + ": " + e.getMessage());
			return USAGE;
		}
	}

	/** A command line that cannot be run as given. */
	public static class UsageException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public UsageException(String message) {
			super(message);
		}
	}
}
