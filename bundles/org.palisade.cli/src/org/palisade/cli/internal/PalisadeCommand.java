package org.palisade.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code palisade}: the root of the command tree. It holds the streams of the run, which every
 * command reads through {@link CliCommand}.
 */
@Command(name = "palisade", sortOptions = false, usageHelpAutoWidth = true,
		description = "Check perimeter-protection designs and deploy them to Axis devices over VAPIX.",
		footerHeading = "%nExit codes:%n",
		footer = { "  0  done, nothing wrong", "  1  the design has errors, a device failed, or the site is locked by another deploy",
				"  2  the command line or the input cannot be used, or an internal error (plan --detailed-exitcode:",
				"     changes pending)",
				"", "'palisade help COMMAND' or 'palisade COMMAND --help' for one command." })
public final class PalisadeCommand implements Callable<Integer> {

	/**
	 * The commands, in the order help lists them. Not in the annotation: picocli would then build
	 * every command's model by reflection (about a tenth of the CPU of a cold 'validate', #16),
	 * where a command line naming one command needs only that one (see {@link #command(String)}).
	 */
	public static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, ExplainCommand.class,
			GenerateCommand.class, PlanCommand.class, DeployCommand.class, CommissionCommand.class, TrustCommand.class,
			CredentialsCommand.class, JournalCommand.class, SimulateCommand.class, RehearseCommand.class,
			DemoCommand.class, BenchCommand.class, LspCommand.class, StudioCommand.class, CompletionCommand.class,
			HelpCommand.class);

	/**
	 * @return the command of that name when it runs without the others, or null: 'help' and
	 *         'completion' read the whole tree, and a word that names no command gets picocli's
	 *         suggestions from the whole tree
	 */
	public static Class<?> command(String name) {
		for (Class<?> c : COMMANDS) {
			String own = c.getAnnotation(Command.class).name();
			if (own.equals(name)) {
				return c == HelpCommand.class || c == CompletionCommand.class ? null : c;
			}
		}
		return null;
	}

	/**
	 * Starts the language's set-up in the background when the command line names a command that
	 * loads designs and does not ask for help (see {@link Languages#prepare()}).
	 */
	public static void prepareFor(List<String> args) {
		Class<?> named = args.isEmpty() ? null : command(args.get(0));
		if ((named == ValidateCommand.class || named == GenerateCommand.class)
				&& !args.contains("-h") && !args.contains("--help")) {
			Languages.prepare();
		}
	}

	@Mixin
	HelpOption help;

	/** Inherited by every command; picocli calls it while parsing, before the command runs. */
	@Option(names = "--verbose", scope = ScopeType.INHERIT,
			description = "Print the libraries' warnings and errors on stderr too (otherwise they go to ~/.palisade/logs/palisade.log).")
	void verbose(boolean on) {
		Logging.configure(on);
	}

	@Spec
	CommandSpec spec;

	final PrintStream out;
	final PrintStream err;

	public PalisadeCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		// No command: the list of commands, on stderr, as a usage error.
		spec.commandLine().usage(spec.commandLine().getErr());
		throw new ParameterException(spec.commandLine(), "name a command");
	}
}
