package org.palisade.cli.internal;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignSet;
import org.palisade.dsl.load.InputProblem;
import org.palisade.validation.Messages;

/**
 * {@code palisade validate <files|folders>... [--format text|json] [--info]}: parses,
 * links and checks designs, and reports every error and warning (and with --info, the
 * notes) as {@code file:line:col: severity: CODE message}. A pipeline trusts its exit code: a
 * path that cannot be read, a file too large, a link loop or a check that failed is one line on
 * stderr, naming the file and the cause, and never exit 0.
 */
public class ValidateCommand {

	private final PrintStream out;
	private final PrintStream err;

	public ValidateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int run(List<String> args) {
		String format = "text";
		boolean infos = false;
		List<Path> paths = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			if (a.equals("--format")) {
				if (i + 1 >= args.size()) {
					throw new UsageException("--format needs a value: text or json");
				}
				format = args.get(++i);
				if (!format.equals("text") && !format.equals("json")) {
					throw new UsageException("unknown format '" + Messages.quote(format) + "': text or json");
				}
			} else if (a.equals("--info")) {
				infos = true;
			} else if (a.startsWith("--")) {
				throw new UsageException("unknown option " + a);
			} else if (a.isEmpty()) {
				// Path.of("") is the working folder: an unset shell variable must not check whatever is there.
				throw new UsageException("an empty path names no file or folder (an unset variable?)");
			} else {
				try {
					paths.add(Path.of(a));
				} catch (InvalidPathException e) {
					throw new UsageException(Messages.quote(a) + ": not a path (" + e.getReason() + ")");
				}
			}
		}
		if (paths.isEmpty()) {
			throw new UsageException("name the design files or folders to check");
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
		if (format.equals("json")) {
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
