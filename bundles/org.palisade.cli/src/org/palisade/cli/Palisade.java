package org.palisade.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.palisade.cli.internal.EditorBenchCommand;
import org.palisade.cli.internal.Errors;
import org.palisade.cli.internal.PalisadeCommand;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code palisade} command line, usable with or without OSGi: the product's
 * application calls {@link #run}, and so do tests and benchmarks in-process.
 * <p>
 * Commands and their options are declared once, with picocli, in one class per command
 * ({@code org.palisade.cli.internal.*Command}); help, typo suggestions and the bash completion
 * script are generated from those declarations.
 */
public final class Palisade {

	/** Exit code: done, nothing wrong. */
	public static final int OK = 0;
	/** Exit code: the design has errors (or a deployment failed). */
	public static final int ERRORS = 1;
	/** Exit code: the input or the command line cannot be used. */
	public static final int USAGE = 2;

	private Palisade() {
	}

	/**
	 * The command line on a plain class path, without OSGi: the product's script starts
	 * {@code validate}, {@code generate} and help so (#16, cold start; see
	 * {@code releng/tools/HeadlessClasspath.java}). Exits with the command's code, so that threads a
	 * library left behind do not keep the process alive.
	 */
	public static void main(String[] args) {
		System.exit(run(Arrays.asList(args), System.out, System.err));
	}

	/**
	 * Runs one command. Nothing it throws reaches the caller: a bad command line is one line
	 * on {@code err} and exit {@link #USAGE}; a failure is a message on {@code err}, with the
	 * stack trace in the log file only.
	 *
	 * @return the process exit code
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		// Library log lines to the log file; --verbose, parsed next, puts them on stderr too.
		org.palisade.cli.internal.Logging.configure(false);
		// The language's set-up on the other core while picocli reads the command line (#16).
		PalisadeCommand.prepareFor(args);
		// A command line that starts with a command's name needs only that command's model
		// (#16, cold start): picocli parses, helps and fails the same way within it.
		Class<?> only = args.isEmpty() ? null : PalisadeCommand.command(args.get(0));
		CommandLine cli = commandLine(out, err, only);
		int code = cli.execute(args.toArray(String[]::new));
		out.flush();
		err.flush();
		return code;
	}

	/** @return the whole command tree, printing to these streams (completion, help, tests) */
	public static CommandLine commandLine(PrintStream out, PrintStream err) {
		return commandLine(out, err, null);
	}

	/** @param only the one command to build, or null for all of them */
	private static CommandLine commandLine(PrintStream out, PrintStream err, Class<?> only) {
		PalisadeCommand root = new PalisadeCommand(out, err);
		CommandLine cli = new CommandLine(root);
		// Before the settings below: picocli gives them to the subcommands there are when set.
		for (Class<?> command : only == null ? PalisadeCommand.COMMANDS : List.of(only)) {
			cli.addSubcommand(command);
		}
		// Paths are taken literally: '@list.txt' is a file name, not a file of arguments.
		cli.setExpandAtFiles(false);
		cli.setOut(writer(out));
		cli.setErr(writer(err));
		cli.setParameterExceptionHandler(Errors::usage);
		cli.setExecutionExceptionHandler(Errors::failure);
		return cli;
	}

	/**
	 * What {@code palisade bench editor} measures, read from its command line by the Studio's
	 * application (declared once, with the other commands).
	 *
	 * @param exit -1 to run; otherwise help was shown or the command line was wrong: exit with it
	 */
	public record EditorBenchOptions(List<Integer> sizes, int edits, int exit) {
	}

	/** @param args the options after {@code bench editor} */
	public static EditorBenchOptions editorBenchOptions(String[] args, PrintStream out, PrintStream err) {
		CommandLine cli = commandLine(out, err);
		List<String> all = new ArrayList<>(List.of("bench", "editor"));
		all.addAll(Arrays.asList(args));
		try {
			ParseResult parsed = cli.parseArgs(all.toArray(String[]::new));
			if (CommandLine.printHelpIfRequested(parsed)) {
				return new EditorBenchOptions(List.of(), 0, OK);
			}
			EditorBenchCommand editor = parsed.subcommand().subcommand().commandSpec().commandLine().getCommand();
			editor.check();
			return new EditorBenchOptions(List.copyOf(editor.sizes), editor.edits, -1);
		} catch (ParameterException e) {
			return new EditorBenchOptions(List.of(), 0, Errors.usage(e, args));
		}
	}

	private static PrintWriter writer(PrintStream stream) {
		return new PrintWriter(stream, true);
	}

	/** A command line that cannot be run as given: one line on stderr, exit {@link #USAGE}. */
	public static class UsageException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public UsageException(String message) {
			super(message);
		}
	}
}
