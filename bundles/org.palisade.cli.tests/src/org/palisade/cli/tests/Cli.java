package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade;

/** Runs commands in-process as a user types them, and a simulation in the background. */
final class Cli {

	record Run(int code, String out, String err) {
	}

	private Cli() {
	}

	static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Palisade.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static Path example() {
		String configured = System.getProperty("palisade.examples");
		Path examples = configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
		return examples.resolve("harbour-depot/harbour-depot.perimeter");
	}

	/** The manual's design, copied into a folder of its own. */
	static Path design(Path dir) throws Exception {
		Path design = Files.createDirectories(dir.resolve("site")).resolve("harbour-depot.perimeter");
		Files.copy(example(), design);
		return design;
	}

	/** {@code palisade simulate} on a thread until {@link #close()}, its map written. */
	static final class Simulation implements AutoCloseable {
		final Path map;
		private final Thread thread;
		final Run[] result = new Run[1];

		Simulation(Path design, Path map, String... extra) throws Exception {
			this.map = map;
			List<String> args = new ArrayList<>(List.of("simulate", design.toString(), "--map", map.toString()));
			args.addAll(List.of(extra));
			thread = new Thread(() -> result[0] = run(args.toArray(String[]::new)));
			thread.start();
			// Up to two minutes: a factory-new fleet first makes a certificate per device with keytool.
			for (int i = 0; i < 2400 && !Files.exists(map) && thread.isAlive(); i++) {
				Thread.sleep(50);
			}
			assertTrue(Files.exists(map), "simulate wrote no map: " + (result[0] == null ? "" : result[0].err()));
			Thread.sleep(200);
		}

		@Override
		public void close() throws InterruptedException {
			thread.interrupt();
			thread.join(10_000);
		}
	}
}
