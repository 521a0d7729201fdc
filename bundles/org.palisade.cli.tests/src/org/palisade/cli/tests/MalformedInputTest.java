package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.tests.Cli.Run;

/**
 * Each malformed input ends with one line naming what is wrong and a non-zero exit: 2 for input
 * that cannot be used, 1 for a design with errors or a device that failed; never exit 0 with
 * nothing printed, never a stack trace. Prints the table.
 */
class MalformedInputTest {

	private record Case(String what, String[] args, int code, String message) {
	}

	@Test
	void everyMalformedInputIsNamedWithANonZeroExit(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		String d = design.toString();
		Path broken = Files.writeString(dir.resolve("broken-map.json"), "{\"devices\": {\"North1\": ");
		Path remote = Files.writeString(dir.resolve("remote-map.json"),
				"{\"devices\": {\"North1\": \"http://10.20.0.11\"}, \"credentialsFile\": \"/nonexistent\"}");
		Path open = Files.writeString(dir.resolve("open.credentials"), "harbour-depot/north1=root:x\n");
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
		Path inside = Files.writeString(design.getParent().resolve("site.credentials"), "a=b:c\n");
		Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rw-------"));
		Path invalid = Files.writeString(dir.resolve("bad.perimeter"), Files.readString(design).replace("for 30 s", "for 0 s"));
		List<Case> cases = List.of(
				new Case("broken address map", new String[] { "plan", d, "--map", broken.toString() }, 2,
						broken + ": not a simulation map: "),
				new Case("map entry off loopback", new String[] { "deploy", d, "--map", remote.toString() }, 2,
						"device North1 is at http://10.20.0.11, not on loopback"),
				new Case("--pin not 64 hex", new String[] { "deploy", d, "--pin", "abc" }, 2,
						"--pin: 'abc' is not a SHA-256 fingerprint: that is 64 hex digits"),
				new Case("simulate --duration abc", new String[] { "simulate", d, "--duration", "abc" }, 2,
						"Invalid value for option '--duration': 'abc' is not a long"),
				new Case("simulate --duration 0", new String[] { "simulate", d, "--duration", "0" }, 2,
						"--duration must be at least 1, got 0"),
				new Case("--parallel 0", new String[] { "deploy", d, "--parallel", "0" }, 2, "--parallel must be at least 1, got 0"),
				new Case("--lock-timeout -1", new String[] { "deploy", d, "--lock-timeout", "-1" }, 2,
						"--lock-timeout must be at least 0, got -1"),
				new Case("--format xml", new String[] { "plan", d, "--format", "xml" }, 2, "Invalid value for option '--format': expected one of [text, json]"),
				new Case("--device unknown", new String[] { "plan", d, "--device", "Nort1" }, 2,
						"no networked device named 'Nort1'"),
				new Case("credentials file others can read", new String[] { "plan", d, "--http", "--credentials",
						open.toString() }, 2, "a credentials file must be private to its owner, but others may read it"),
				new Case("credentials file in the design's folder", new String[] { "plan", d, "--credentials",
						inside.toString() }, 2, "a credentials file must not lie in the design's folder"),
				new Case("missing credentials file", new String[] { "plan", d, "--credentials",
						dir.resolve("nope").toString() }, 2, "no such credentials file"),
				new Case("--fault bogus", new String[] { "simulate", d, "--fault", "North1:explode" }, 2,
						"'explode' is not a fault"),
				new Case("--fault on an unknown device", new String[] { "simulate", d, "--fault", "Nort1:latency=5" }, 2,
						"--fault: no camera or speaker named 'Nort1'"),
				new Case("trust --expect 12", new String[] { "trust", d, "--expect", "12" }, 2,
						"--expect: '12' is not a SHA-256 fingerprint"),
				new Case("journal without an action", new String[] { "journal", d }, 2, "palisade journal: "),
				new Case("journal discard without --device", new String[] { "journal", "discard", d }, 2,
						"Missing required option: '--device=NAME'"),
				new Case("unknown option", new String[] { "deploy", d, "--force" }, 2, "Unknown option: '--force'"),
				new Case("no such design", new String[] { "plan", dir.resolve("nope.perimeter").toString() }, 2, "nope.perimeter"),
				new Case("design with errors", new String[] { "deploy", invalid.toString() }, 1, "RULE-DURATION"),
				new Case("no simulation running", new String[] { "plan", d, "--map", dir.resolve("none.json").toString() },
						1, "no simulation map; start one with: palisade simulate"));
		StringBuilder table = new StringBuilder("\n| input | exit | message (stderr) |\n|---|---|---|\n");
		List<String> wrong = new ArrayList<>();
		for (Case c : cases) {
			Run r = Cli.run(c.args());
			String line = r.err().strip().replace(dir.toString(), "$TMP");
			table.append("| ").append(c.what()).append(" | ").append(r.code()).append(" | ")
					.append(line.replace("\n", " / ").replace("|", "\\|")).append(" |\n");
			if (r.code() != c.code() || !r.err().contains(c.message()) || r.err().contains("\tat ")) {
				wrong.add(c.what() + ": exit " + r.code() + ", " + r.err());
			}
			assertFalse(r.err().isBlank(), c.what());
		}
		System.out.println(table);
		assertEquals(List.of(), wrong);
		assertTrue(cases.size() >= 9);
	}
}
