package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.palisade.cli.tests.Cli.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.palisade.cli.Palisade;
import org.palisade.cli.internal.Errors;
import org.palisade.cli.internal.PalisadeCommand;

/**
 * The command line itself, as picocli declares it: usage errors are one line naming the command
 * and the bad option or value, exit 2; suggestions for typos; help and the completion script are
 * generated from the same declarations; a failure never prints a stack trace.
 */
class CommandLineTest {

	private static Path example() {
		return ValidateCommandTest.examples().resolve("harbour-depot/harbour-depot.perimeter");
	}

	/** The first line on stderr names the command and the bad part; nothing on stdout; no trace. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"bench parse --runs x            | palisade bench parse: Invalid value for option '--runs': 'x' is not an int",
			"bench parse --runs 0            | palisade bench parse: --runs must be at least 1, got 0",
			"bench parse --sizes 100,lots    | palisade bench parse: Invalid value for option '--sizes'",
			"bench deploy --devices 60001    | palisade bench deploy: --devices must be at most 60000 (loopback ports), got 60001",
			"bench deploy --parallel 0       | palisade bench deploy: --parallel must be at least 1, got 0",
			"simulate x.perimeter --duration soon | palisade simulate: Invalid value for option '--duration': 'soon' is not a long",
			"validate --format xml x.perimeter | palisade validate: Invalid value for option '--format': expected one of [text, json]",
			"validate                        | palisade validate: Missing required parameter: 'FILE|FOLDER'",
			"deploy                          | palisade deploy: Missing required parameter: 'SITE'",
			"generate x.perimeter            | palisade generate: Missing required option: '--output=FOLDER'",
			"explain A B                     | palisade explain: Unmatched argument at index 2: 'B'",
			"bench                           | palisade bench: Missing required subcommand",
			"bench editor --edits 0          | palisade bench editor: --edits must be at least 1, got 0",
			"frobnicate                      | palisade: Unmatched argument at index 0: 'frobnicate'",
	})
	void usageErrorsAreOneLineAndExitTwo(String line, String message) {
		Run r = Cli.run(line.trim().split("\\s+"));
		assertEquals(Palisade.USAGE, r.code(), r.err());
		assertEquals("", r.out());
		String first = r.err().lines().findFirst().orElse("");
		assertTrue(first.startsWith(message), first);
		assertTrue(first.contains("--help"), "points at the command's help: " + first);
		assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
	}

	@Test
	void aValueCheckedByTheCommandNamesTheOptionToo() throws Exception {
		Run pin = Cli.run("plan", example().toString(), "--pin", "zz");
		assertEquals(Palisade.USAGE, pin.code(), pin.err());
		assertTrue(pin.err().startsWith("palisade plan: --pin: 'zz' is not a SHA-256 fingerprint: that is 64 hex digits"),
				pin.err());
		Run device = Cli.run("plan", example().toString(), "--device", "Nowhere");
		assertEquals(Palisade.USAGE, device.code(), device.err());
		assertTrue(device.err().startsWith("palisade plan: --device: no networked device named 'Nowhere'"), device.err());
	}

	@Test
	void typosGetSuggestions() {
		Run command = Cli.run("valdate", "x.perimeter");
		assertEquals(Palisade.USAGE, command.code());
		assertTrue(command.err().contains("Did you mean: palisade validate"), command.err());
		Run option = Cli.run("validate", "--formt", "json", "x.perimeter");
		assertEquals(Palisade.USAGE, option.code());
		assertTrue(option.err().startsWith("palisade validate: Unknown option: '--formt'"), option.err());
		assertTrue(option.err().contains("Possible solutions: --format"), option.err());
		Run nested = Cli.run("bench", "deplo");
		assertTrue(nested.err().contains("Did you mean: bench deploy"), nested.err());
	}

	@Test
	void helpIsGeneratedPerCommand() {
		Run all = Cli.run("help");
		assertEquals(Palisade.OK, all.code());
		for (String command : List.of("validate", "explain", "generate", "plan", "deploy", "trust", "journal", "simulate", "rehearse",
				"demo", "bench", "lsp", "studio", "completion")) {
			assertTrue(all.out().contains("\n  " + command + " "), command + " missing from:\n" + all.out());
		}
		Run plan = Cli.run("plan", "--help");
		assertEquals(Palisade.OK, plan.code());
		for (String option : List.of("--device=NAME", "--simulate", "--map=FILE", "--credentials=FILE", "--parallel=N",
				"--http", "--pin=SHA256", "--format=text|json", "--detailed-exitcode")) {
			assertTrue(plan.out().contains(option), option + " missing from:\n" + plan.out());
		}
		Run deploy = Cli.run("help", "deploy");
		assertFalse(deploy.out().contains("--detailed-exitcode"), deploy.out());
		Run bench = Cli.run("bench", "parse", "-h");
		assertTrue(bench.out().contains("--runs=N") && bench.out().contains("(default 3)"), bench.out());
		Run none = Cli.run();
		assertEquals(Palisade.USAGE, none.code());
		assertTrue(none.err().contains("validate") && none.err().contains("name a command"), none.err());
	}

	@Test
	void completionScriptCoversCommandsAndOptions() {
		Run r = Cli.run("completion");
		assertEquals(Palisade.OK, r.code(), r.err());
		assertTrue(r.out().contains("complete -F"), r.out());
		for (String word : List.of("validate", "deploy", "--detailed-exitcode", "--warmups", "--edits", "lsp", "--socket")) {
			assertTrue(r.out().contains(word), word);
		}
	}

	@Test
	void aFailureIsOneLineAndTheTraceGoesToTheLog() throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		var cli = Palisade.commandLine(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		int code = Errors.failure(new IllegalStateException("bad state"), cli.getSubcommands().get("demo"), null);
		String text = err.toString(StandardCharsets.UTF_8);
		assertEquals(Palisade.USAGE, code, "an internal error is exit 2 (#11)");
		assertEquals(1, text.lines().count(), text);
		Matcher m = Pattern.compile("^palisade demo: internal error, please report it: "
				+ "java.lang.IllegalStateException: bad state( at \\S+)?; the stack trace is in (.+)$").matcher(text.strip());
		assertTrue(m.matches(), text);
		String log = Files.readString(Path.of(m.group(2)));
		assertTrue(log.contains("palisade demo failed") && log.contains("at org.palisade.cli.tests.CommandLineTest"), log);
	}

	@Test
	void librariesLogToAFileAndOnStderrOnlyWithVerbose() throws Exception {
		String marker = "library warning " + java.util.UUID.randomUUID();
		try {
			assertEquals(0, Cli.run("validate", example().toString()).code());
			org.apache.log4j.Logger.getLogger("org.eclipse.xtext.Test").warn(marker);
			java.util.logging.Logger.getLogger("org.example.jul").warning(marker + " (jul)");
			java.nio.file.Path file = org.palisade.cli.internal.Logging.file();
			String logged = java.nio.file.Files.readString(file);
			assertTrue(logged.contains(marker) && logged.contains(marker + " (jul)"), "both kinds of log line in " + file);
			assertTrue(java.util.Collections.list(org.apache.log4j.Logger.getRootLogger().getAllAppenders()).stream()
					.noneMatch(a -> a instanceof org.apache.log4j.ConsoleAppender), "nothing on the terminal by default");

			assertEquals(0, Cli.run("validate", "--verbose", example().toString()).code());
			assertTrue(java.util.Collections.list(org.apache.log4j.Logger.getRootLogger().getAllAppenders()).stream()
					.anyMatch(a -> a instanceof org.apache.log4j.ConsoleAppender), "--verbose prints them on stderr");
		} finally {
			org.palisade.cli.internal.Logging.configure(false);
		}
	}

	/**
	 * A command line naming a command builds only that command (#16, cold start): its help and its
	 * usage errors must be those of the whole tree, word for word, for every command.
	 */
	@Test
	void oneCommandParsesHelpsAndFailsAsTheWholeTree() {
		int compared = 0;
		for (Class<?> c : PalisadeCommand.COMMANDS) {
			String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
			if (PalisadeCommand.command(name) == null) {
				continue;
			}
			for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "--no-such-option"),
					List.of(name, "--verbose", "-h"))) {
				Run one = Cli.run(args.toArray(String[]::new));
				Run whole = wholeTree(args);
				assertEquals(whole, one, String.join(" ", args));
			}
			compared++;
		}
		assertEquals(PalisadeCommand.COMMANDS.size() - 2, compared, "every command but help and completion");
		Run bench = Cli.run("bench", "parse", "--runs", "x");
		assertEquals(wholeTree(List.of("bench", "parse", "--runs", "x")), bench);
		assertEquals(Palisade.USAGE, bench.code());
	}

	private static Run wholeTree(List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Palisade.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args.toArray(String[]::new));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
