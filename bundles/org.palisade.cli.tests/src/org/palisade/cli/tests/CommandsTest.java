package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.palisade.cli.tests.Cli.Run;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The commands as a user runs them: simulate (in the background), plan with JSON and detailed exit
 * codes, deploy, plan again, generate, demo; and no secret in any output, log or file.
 */
class CommandsTest {

	private static Path example() {
		String configured = System.getProperty("palisade.examples");
		Path examples = configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
		return examples.resolve("harbour-depot/harbour-depot.perimeter");
	}

	@Test
	void simulatePlanDeployPlanGenerateWithoutLeakingSecrets(@TempDir Path dir) throws Exception {
		Path design = Files.createDirectories(dir.resolve("site")).resolve("harbour-depot.perimeter");
		Files.copy(example(), design);
		Path map = dir.resolve("sim/map.json");
		LogCapture logs = new LogCapture();
		Run[] simulate = new Run[1];
		Thread simulator = new Thread(() -> simulate[0] = Cli.run("simulate", design.toString(), "--map", map.toString()));
		simulator.start();
		try {
			for (int i = 0; i < 200 && !Files.exists(map); i++) {
				Thread.sleep(50);
			}
			assertTrue(Files.exists(map), "simulate wrote no map");
			Thread.sleep(200);
			JsonObject m = JsonParser.parseString(Files.readString(map)).getAsJsonObject();
			Path credentialsFile = Path.of(m.get("credentialsFile").getAsString());
			assertFalse(credentialsFile.startsWith(design.getParent()), "simulated passwords never beside the design");
			Properties creds = new Properties();
			try (var r = Files.newBufferedReader(credentialsFile)) {
				creds.load(r);
			}
			List<String> secrets = creds.stringPropertyNames().stream()
					.map(k -> creds.getProperty(k).substring(creds.getProperty(k).indexOf(':') + 1)).toList();
			assertEquals(4, secrets.size());

			Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", map.toString(), "--format", "json",
					"--detailed-exitcode");
			assertEquals(2, plan.code(), plan.err());
			JsonObject json = JsonParser.parseString(plan.out()).getAsJsonObject();
			// North1's 12, and the PTZ rule's recipient, action and rule; Gate's time zone (#19); the gate's
			// lockdown and release (a recipient, two actions, two rules) and the door controller's
			// time zone, AUX port, door, horn recipient and its two rules with their actions (#19); North1's
			// two stream profiles and the SD card's retention and clean-up policy (#17; EIS is off as it was);
			// the alert to the surveillance center and the recording on alarm, each an action and a rule (#19);
			// Gate's autoreturn, PTZ.Various.V1.ReturnToOverview, for the PTZ rule's "return home after 60 s" (#19).
			assertEquals(38, json.get("changes").getAsInt());
			assertEquals(0, json.get("errors").getAsInt());
			assertTrue(plan.err().contains("[North1] reading the device"), plan.err());

			Run onlyHorn = Cli.run("plan", design.toString(), "--simulate", "--map", map.toString(), "--device", "Horn",
					"--detailed-exitcode");
			assertEquals(0, onlyHorn.code(), onlyHorn.out() + onlyHorn.err());

			Run deploy = Cli.run("deploy", design.toString(), "--simulate", "--map", map.toString());
			assertEquals(0, deploy.code(), deploy.out() + deploy.err());
			assertTrue(deploy.out().contains("North1: deployed"), deploy.out());
			// The PTZ (#19): its preset checked on the device, its clock set to the site's zone.
			assertTrue(deploy.out().contains("Gate: deployed"), deploy.out());
			assertTrue(deploy.out().contains("Entry: deployed"), deploy.out());

			Run again = Cli.run("plan", design.toString(), "--simulate", "--map", map.toString(), "--detailed-exitcode");
			assertEquals(0, again.code(), again.out() + again.err());
			assertTrue(again.out().contains("No changes"), again.out());

			Run generate = Cli.run("generate", design.toString(), "-o", dir.resolve("out").toString());
			assertEquals(0, generate.code(), generate.err());
			assertTrue(Files.exists(dir.resolve("out/North1/wiring.html")));

			Run missing = Cli.run("plan", design.toString(), "--simulate", "--map", dir.resolve("nothing.json").toString(),
					"--detailed-exitcode");
			assertEquals(1, missing.code());

			List<String> texts = new ArrayList<>();
			for (Run r : List.of(plan, onlyHorn, deploy, again, generate, missing)) {
				texts.add(r.out());
				texts.add(r.err());
			}
			texts.addAll(logs.lines());
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path f : files.filter(Files::isRegularFile).toList()) {
					if (!f.equals(credentialsFile)) {
						texts.add(f + ": " + Files.readString(f));
					}
				}
			}
			for (String secret : secrets) {
				for (String t : texts) {
					assertFalse(t.contains(secret), "a password appears in: " + t.substring(0, Math.min(200, t.length())));
				}
			}
		} finally {
			simulator.interrupt();
			simulator.join(10_000);
			logs.close();
		}
		assertFalse(Files.exists(map), "simulate removes its map when stopped");
	}

	@Test
	void demoRunsTheWholeLoopAndEndsWithAnEmptyPlan() {
		Run demo = Cli.run("demo", example().toString());
		assertEquals(0, demo.code(), demo.out() + demo.err());
		assertTrue(demo.out().contains("North1: deployed"), demo.out());
		// Commissioning set the PTZ's time zone; the deploy sets its autoreturn (return home after 60 s, #19).
		assertTrue(demo.out().contains("Gate: deployed"), demo.out());
		assertTrue(demo.out().contains("autoreturn 60 s (PTZ.Various.V1.ReturnToOverview)"), demo.out());
		// Factory-new virtual devices, commissioned first (#17), then deployed over HTTPS.
		assertTrue(demo.out().contains("North1 (AXIS Q1961-TE) at 192.168.0.90 -> 10.20.0.11"), demo.out());
		assertTrue(demo.out().contains("North1: commissioned at 10.20.0.11"), demo.out());
		assertTrue(demo.out().contains("network: 10.20.0.11 mask 255.255.255.0 gateway 10.20.0.1 DNS 10.20.0.1 (none),"
				+ " HTTPS yes"), demo.out());
		int again = demo.out().indexOf("8. Plan again");
		assertTrue(demo.out().indexOf("No changes: every device matches the design.", again) > again, demo.out());
		int recommission = demo.out().indexOf("9. Commission again");
		assertTrue(demo.out().indexOf("nothing to commission", recommission) > recommission, demo.out());
	}

	@Test
	void benchDeploysAGeneratedSiteAndReportsTheIdeal() {
		Run bench = Cli.run("bench", "deploy", "--devices", "12", "--latency", "5", "--parallel", "4");
		assertEquals(0, bench.code(), bench.out() + bench.err());
		assertTrue(bench.out().contains("deploy: 12 deployed, 1 unchanged, 0 failed"), bench.out());
		assertTrue(bench.out().contains("ideal (requests x latency / parallelism)"), bench.out());
	}

	@Test
	void planRefusesAnInvalidDesign(@TempDir Path dir) throws Exception {
		Path design = dir.resolve("bad.perimeter");
		Files.writeString(design, Files.readString(example()).replace("for 30 s", "for 0 s"));
		Run r = Cli.run("plan", design.toString(), "--detailed-exitcode");
		assertEquals(1, r.code());
		assertTrue(r.err().contains("RULE-DURATION"), r.err());
	}
}
