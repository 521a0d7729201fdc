package org.palisade.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code palisade bench parse|deploy|editor|lsp|diagram}: the benchmarks; it runs nothing by itself. */
@Command(name = "bench", description = "Measure: parse (the language), deploy (the VAPIX path), editor (the Studio), lsp (the language server), diagram (layout, edit to text).",
		subcommands = { ParseBenchCommand.class, DeployBenchCommand.class, EditorBenchCommand.class, LspBenchCommand.class, DiagramBenchCommand.class })
public class BenchCommand {

	@Mixin
	HelpOption help;
}
