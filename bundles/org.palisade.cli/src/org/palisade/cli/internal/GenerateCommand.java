package org.palisade.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.generator.GeneratorOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade generate <site> -o <folder>}: validates the design and writes, per device, the
 * desired configuration, the ordered VAPIX requests, and (cameras) the wiring sheet as Markdown
 * and HTML. No secret is written: credentials stay references.
 */
@Command(name = "generate", description = { "Per device: the desired configuration, the ordered VAPIX requests and",
		"(cameras) the installer's wiring sheet as Markdown and HTML. No secret is written." })
public class GenerateCommand extends CliCommand {

	@Parameters(paramLabel = "SITE", description = "the site design (a .perimeter file or its folder)")
	Path site;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "FOLDER", description = "where to write")
	Path dir;

	@Override
	int run() {
		SiteInput input;
		try {
			input = SiteInput.load(site, err, true);
		} catch (SiteInput.Invalid e) {
			err.println("palisade generate: " + e.getMessage());
			return Palisade.ERRORS;
		}
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
