package org.palisade.cli.internal;

import org.palisade.cli.Palisade;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code palisade completion}: prints the bash (and zsh) completion script, generated from the
 * command declarations, so it never lags behind them.
 */
@Command(name = "completion", description = { "Print the bash completion script (zsh: after 'autoload bashcompinit').",
		"Install: palisade completion > ~/.local/share/bash-completion/completions/palisade" })
public class CompletionCommand extends CliCommand {

	@Override
	int run() {
		out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
		return Palisade.OK;
	}
}
