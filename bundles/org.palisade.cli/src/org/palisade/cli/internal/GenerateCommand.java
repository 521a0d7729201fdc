package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.generator.GeneratorOutput;

/**
 * {@code palisade generate <site> -o <folder>}: validates the design and writes, per device, the
 * desired configuration, the ordered VAPIX requests, and (cameras) the wiring sheet as Markdown
 * and HTML. No secret is written: credentials stay references.
 */
public class GenerateCommand {

	private final PrintStream out;
	private final PrintStream err;

	public GenerateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int run(List<String> argv) {
		Args args = new Args(argv, Set.of("-o", "--output"), Set.of());
		if (args.positional.size() != 1) {
			throw new UsageException("name one site design (a .perimeter file or its folder)");
		}
		String target = args.get("-o") != null ? args.get("-o") : args.get("--output");
		if (target == null) {
			throw new UsageException("name the output folder with -o <folder>");
		}
		SiteInput input;
		try {
			input = SiteInput.load(Path.of(args.positional.get(0)), err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade generate: " + e.getMessage());
			return Palisade.ERRORS;
		}
		Path dir = Path.of(target);
		try {
			List<Path> files = GeneratorOutput.write(input.config(), dir);
			files.forEach(f -> out.println(dir.resolve(f)));
			return Palisade.OK;
		} catch (IOException e) {
			err.println("palisade generate: cannot write " + dir + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
	}
}
