package org.palisade.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;

/**
 * {@code palisade validate <files|folders>... [--format text|json] [--info]}: parses,
 * links and checks designs, and reports every error and warning (and with --info, the
 * notes) as {@code file:line:col: severity: CODE message}.
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
					throw new UsageException("unknown format '" + format + "': text or json");
				}
			} else if (a.equals("--info")) {
				infos = true;
			} else if (a.startsWith("--")) {
				throw new UsageException("unknown option " + a);
			} else {
				paths.add(Path.of(a));
			}
		}
		if (paths.isEmpty()) {
			throw new UsageException("name the design files or folders to check");
		}
		List<DesignDiagnostic> diagnostics;
		try {
			DesignSet designs = Languages.designSet().load(paths);
			diagnostics = designs.validate();
			if (!infos) {
				// Notes (a schedule running past midnight...) are for the editor and --info.
				diagnostics = diagnostics.stream().filter(d -> d.severity() != DesignDiagnostic.Severity.INFO).toList();
			}
		} catch (DesignInputException e) {
			err.println("palisade validate: " + e.getMessage());
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
		long errors = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).count();
		return errors > 0 ? Palisade.ERRORS : Palisade.OK;
	}
}
