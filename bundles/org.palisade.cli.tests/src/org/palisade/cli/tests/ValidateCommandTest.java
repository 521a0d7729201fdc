package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.Palisade;

/**
 * {@code palisade validate} as a pipeline sees it: output lines, JSON and exit codes.
 */
class ValidateCommandTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return Palisade.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	static Path examples() {
		String configured = System.getProperty("palisade.examples");
		return configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
	}

	@Test
	void bundledExamplesAreCleanAndSilent() {
		assertEquals(Palisade.OK, run("validate", examples().toString()), err.toString());
		assertEquals("", out());
	}

	/** The case: beacon on a 0.1 mm2, 400 m wire, and a second 30 mA load on pin 2. */
	@Test
	void overloadedLongThinWiringIsRefusedAtTheWireLines() throws Exception {
		String text = Files.readString(examples().resolve("harbour-depot/harbour-depot.perimeter"))
				.replace("wire red 0.25 mm2 40 m from pin 2 to Beacon1.plus",
						"wire red 0.1 mm2 400 m from pin 2 to Beacon1.plus\n"
								+ "\t\twire brown 0.25 mm2 10 m from pin 2 to Siren2.plus\n"
								+ "\t\twire black 0.25 mm2 10 m from pin 1 to Siren2.minus")
				.replace("wire blue 0.25 mm2 40 m from pin 3 to Beacon1.minus",
						"wire blue 0.1 mm2 400 m from pin 3 to Beacon1.minus")
				.replace("\tbeacon Beacon1 : \"Beacon 12V 50mA\"",
						"\tbeacon Beacon1 : \"Beacon 12V 50mA\"\n\tsiren Siren2 : \"Siren 12V 30mA\"");
		Path file = dir.resolve("overloaded.perimeter");
		Files.writeString(file, text);
		int red = lineOf(text, "wire red 0.1 mm2 400 m");
		int brown = lineOf(text, "wire brown");

		assertEquals(Palisade.ERRORS, run("validate", file.toString()));
		String output = out();
		assertTrue(output.matches("(?s).*:" + red + ":\\d+: error: ELEC-WIRE-AREA .*"), output);
		assertTrue(output.matches("(?s).*:" + red + ":\\d+: error: ELEC-WIRE-DROP wire to Beacon1 \\(400 m, 0.1 mm2\\).*"), output);
		assertTrue(output.matches("(?s).*:" + red + ":\\d+: error: ELEC-DCOUT-CURRENT pin 2 draws 80 mA \\(Beacon1 50 mA \\+ Siren2 30 mA\\), limit 50 mA.*"), output);
		assertTrue(output.matches("(?s).*:" + brown + ":\\d+: error: ELEC-DCOUT-CURRENT .*"), output);
		for (String line : output.split("\n")) {
			assertTrue(line.matches(".+\\.perimeter:\\d+:\\d+: (error|warning): [A-Z]+(-[A-Z]+)+ .+"), "format: " + line);
		}
	}

	@Test
	void jsonCarriesTheSameFindings() throws Exception {
		Path file = dir.resolve("dup.perimeter");
		Files.writeString(file, "site \"X\" {\n\ttimezone \"UTC\"\n\tcamera A : \"AXIS Q6075-E\" at 10.0.0.5\n"
				+ "\tcamera B : \"AXIS Q6075-E\" at 10.0.0.5\n}\n");
		assertEquals(Palisade.ERRORS, run("validate", "--format", "json", file.toString()));
		String json = out().trim();
		assertTrue(json.startsWith("{\"diagnostics\":["), json);
		assertTrue(json.endsWith("\"errors\":2,\"warnings\":0}"), json);
		Matcher m = Pattern.compile("\"line\":(\\d+),\"column\":\\d+,\"severity\":\"error\",\"code\":\"NET-DUP-IP\"").matcher(json);
		assertTrue(m.find() && m.group(1).equals("3"), json);
		assertTrue(m.find() && m.group(1).equals("4"), json);
	}

	@Test
	void unusableInputExitsTwoWithAClearMessage() throws Exception {
		assertEquals(Palisade.USAGE, run("validate", dir.resolve("missing.perimeter").toString()));
		assertTrue(err.toString().contains("missing.perimeter: no such file or folder"), err.toString());
		err.reset();
		assertEquals(Palisade.USAGE, run("validate", dir.toString()));
		assertTrue(err.toString().contains("no .perimeter files"), err.toString());
		err.reset();
		assertEquals(Palisade.USAGE, run("validate", "--format", "xml", "x.perimeter"));
		assertEquals(Palisade.USAGE, run("frobnicate"));
		assertEquals(Palisade.USAGE, run());
	}

	@Test
	void binaryGarbageGetsPositionedSyntaxErrorsNotAStackTrace() throws Exception {
		Path file = dir.resolve("garbage.perimeter");
		Files.write(file, new byte[] { 0, 1, (byte) 0xff, (byte) 0xfe, 's', 'i', 't', 'e', ' ', '"', (byte) 0x80, '{', 10, 7 });
		assertEquals(Palisade.ERRORS, run("validate", file.toString()));
		assertTrue(out().contains("garbage.perimeter:1:"), out());
		assertTrue(out().contains(": error: SYNTAX "), out());
		assertTrue(!err.toString().contains("Exception"), err.toString());
	}

	@Test
	void aMissingImportIsReportedAtTheImport() throws Exception {
		Path file = dir.resolve("imports.perimeter");
		Files.writeString(file, "import \"areas/none.perimeter\"\nsite \"X\" {\n\ttimezone \"UTC\"\n}\n");
		assertEquals(Palisade.ERRORS, run("validate", file.toString()));
		assertTrue(out().contains("imports.perimeter:1:8: error: IMPORT-MISSING import \"areas/none.perimeter\": no such file"), out());
	}

	@Test
	void benchRunsOnASmallSite() {
		assertEquals(Palisade.OK, run("bench", "parse", "--sizes", "20", "--runs", "1"));
		assertTrue(out().contains("cameras"), out());
		assertTrue(out().lines().anyMatch(l -> l.trim().startsWith("20 ")), out());
	}

	private static int lineOf(String text, String fragment) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(fragment)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(fragment);
	}
}
