package org.palisade.cli.internal;

import java.util.List;

import org.palisade.cli.Palisade.UsageException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palisade bench editor [--sizes 100,1000,10000] [--edits 50]}: declared here, with the
 * other commands, for help, completion and parsing; it runs in the Studio's own application
 * ({@code org.palisade.ui.bench.editor}), which the {@code palisade} script starts and which parses
 * its arguments through {@link org.palisade.cli.Palisade#editorBenchOptions}.
 */
@Command(name = "editor", description = { "The Studio's editor timed with real widgets and key events (needs a display):",
		"keystroke to annotations, content assist, UI-thread stalls, start to the example open." })
public class EditorBenchCommand extends CliCommand {

	@Option(names = "--sizes", split = ",", paramLabel = "N,N...", description = "cameras per site (default 100,1000,10000)")
	public List<Integer> sizes = List.of(100, 1000, 10000);

	@Option(names = "--edits", paramLabel = "N", description = "keystrokes per size (default ${DEFAULT-VALUE})")
	public int edits = 50;

	/** Refuses values no run can use; the Studio's application calls it too. */
	public void check() {
		atLeast("--edits", edits, 1);
		for (int size : sizes) {
			atLeast("--sizes", size, 1);
		}
	}

	@Override
	int run() {
		check();
		throw new UsageException("runs in Palisade Studio: start it with the palisade script, under a display");
	}
}
