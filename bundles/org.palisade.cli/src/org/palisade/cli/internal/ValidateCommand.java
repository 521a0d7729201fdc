package org.palisade.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignSet;
import org.palisade.dsl.load.InputProblem;
import org.palisade.validation.Messages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade validate <files|folders>... [--format text|json] [--info]}: parses,
 * links and checks designs, and reports every error and warning (and with --info, the
 * notes) as {@code file:line:col: severity: CODE message}. A pipeline trusts its exit code: a
 * path that cannot be read, a file too large, a link loop or a check that failed is one line on
 * stderr, naming the file and the cause, and never exit 0.
 */
@Command(name = "validate", description = { "Parse, link and check designs; one line per finding:",
		"file:line:col: severity: CODE message.",
		"Exit 0 clean, 1 errors, 2 unusable input (a path that cannot be read, too large, a link loop)." })
public class ValidateCommand extends CliCommand {

	@Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "designs, or folders searched for *.perimeter")
	List<String> names;

	@Option(names = "--format", paramLabel = "text|json", description = "text (default) or json")
	Format format = Format.text;

	@Option(names = "--info", description = "also show notes, such as schedules running past midnight")
	boolean infos;

	@Override
	int run() {
		List<Path> paths = new ArrayList<>();
		for (String a : names) {
			if (a.isEmpty()) {
				// Path.of("") is the working folder: an unset shell variable must not check whatever is there.
				throw usage("an empty path names no file or folder (an unset variable?)");
			}
			try {
				paths.add(Path.of(a));
			} catch (InvalidPathException e) {
				throw usage(Messages.quote(a) + ": not a path (" + e.getReason() + ")");
			}
		}
		List<DesignDiagnostic> diagnostics;
		List<InputProblem> problems;
		try {
			DesignSet designs = Languages.designSet().loadReadable(paths);
			diagnostics = designs.validate();
			problems = designs.problems();
			if (!infos) {
				// Notes (a schedule running past midnight...) are for the editor and --info.
				diagnostics = diagnostics.stream().filter(d -> d.severity() != DesignDiagnostic.Severity.INFO).toList();
			}
		} catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
			// Never a silent pass: a check that did not finish says so and fails the gate.
			err.println("palisade validate: " + Failures.describe(paths, e));
			return Palisade.USAGE;
		}
		// Paths as the user would type them: relative to the working folder where possible.
		Path here = Path.of("").toAbsolutePath();
		diagnostics = diagnostics.stream().map(d -> d.file().startsWith(here)
				? new DesignDiagnostic(here.relativize(d.file()), d.line(), d.column(), d.severity(), d.code(), d.message())
				: d).toList();
		if (format == Format.json) {
			out.println(Json.diagnostics(diagnostics));
		} else {
			diagnostics.forEach(d -> out.println(d.format()));
		}
		out.flush();
		for (InputProblem p : problems) {
			err.println("palisade validate: " + p.format());
		}
		long errors = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).count();
		// Findings in what could be read exit 1 as ever; otherwise an unreadable input exits 2.
		return errors > 0 ? Palisade.ERRORS : problems.isEmpty() ? Palisade.OK : Palisade.USAGE;
	}
}
