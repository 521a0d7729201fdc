package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.tests.Cli.Run;
import org.palisade.deploy.site.FactoryNew;

/**
 * Where commissioning reaches a device, and what plan says of a device that needs it (issue #17),
 * on the virtual devices of {@code palisade simulate --factory-new}, loopback only: the design's
 * {@code commission from} address is where the plan goes (the command line's {@code --address}
 * still wins); plan against a factory-new fleet names it factory-new and the command to run; a
 * device commissioned https-only refuses plain HTTP and plan shows a group let back in as drift,
 * which deploy puts right; a
 * commission without {@code --simulate} whose devices lie on no network of this machine says so
 * and sends nothing.
 */
class CommissionReachTest {

	private static final String NORTH1 = "camera North1 : \"AXIS Q1961-TE\" at 10.20.0.11 on yard credentials \"harbour-depot/north1\" {";

	private static Path design(Path dir, String north1Lines) throws Exception {
		Path design = Cli.design(dir);
		String text = Files.readString(design);
		// After the firmware line: the grammar's order in a device block.
		String head = NORTH1 + "\n\t\tfirmware lts \"11.11\"";
		assertTrue(text.contains(head), "the example's North1 lines");
		Files.writeString(design, text.replace(head, head + "\n\t\t" + north1Lines));
		return design;
	}

	@Test
	void theDesignsFactoryAddressIsWhereCommissioningGoesAndPlanNamesAFactoryNewDevice(@TempDir Path dir) throws Exception {
		Path design = design(dir, "commission from 192.168.0.77");
		Path map = dir.resolve("sim/map.json");
		try (Cli.Simulation sim = new Cli.Simulation(design, map, "--factory-new")) {
			Run plan = Cli.run("commission", design.toString(), "--map", map.toString(), "--plan");
			assertEquals(0, plan.code(), plan.out() + plan.err());
			assertTrue(plan.out().contains("North1 (AXIS Q1961-TE) at 192.168.0.77 -> 10.20.0.11"), plan.out());
			assertTrue(plan.out().contains("Gate (AXIS Q6075-E) at 192.168.0.90 -> 10.20.0.20"), "others keep the default: "
					+ plan.out());
			Run given = Cli.run("commission", design.toString(), "--map", map.toString(), "--plan", "--address",
					"North1=192.168.0.66");
			assertEquals(0, given.code(), given.out() + given.err());
			assertTrue(given.out().contains("North1 (AXIS Q1961-TE) at 192.168.0.66 -> 10.20.0.11"), given.out());

			Run devicePlan = Cli.run("plan", design.toString(), "--map", map.toString());
			assertEquals(1, devicePlan.code(), devicePlan.out() + devicePlan.err());
			String expected = "factory-new: run `palisade commission " + design + " --map " + map + "` first (North1 at"
					+ " 10.20.0.11 has no account yet";
			assertTrue(devicePlan.out().contains(expected), devicePlan.out());
			assertFalse(devicePlan.out().toLowerCase(java.util.Locale.ROOT).contains("closed"), devicePlan.out());
		}
	}

	@Test
	void httpsOnlyIsSetByCommissioningAndAPlainHttpPolicyIsDriftForPlan(@TempDir Path dir) throws Exception {
		Path design = design(dir, "commission https-only");
		Path map = dir.resolve("sim/map.json");
		try (Cli.Simulation sim = new Cli.Simulation(design, map, "--factory-new")) {
			Run commission = Cli.run("commission", design.toString(), "--map", map.toString());
			assertEquals(0, commission.code(), commission.out() + commission.err());
			assertTrue(commission.err().contains("[North1] HTTPS only"), commission.err());
			Run deploy = Cli.run("deploy", design.toString(), "--map", map.toString());
			assertEquals(0, deploy.code(), deploy.out() + deploy.err());
			Run clean = Cli.run("plan", design.toString(), "--map", map.toString(), "--detailed-exitcode");
			assertEquals(0, clean.code(), clean.out() + clean.err());

			// Someone lets plain HTTP in again for the operators (as the device's web page would, over HTTPS).
			com.google.gson.JsonObject m = com.google.gson.JsonParser.parseString(Files.readString(map)).getAsJsonObject();
			java.util.Properties credentials = new java.util.Properties();
			try (var in = Files.newBufferedReader(Path.of(m.get("credentialsFile").getAsString()))) {
				credentials.load(in);
			}
			String login = credentials.getProperty("harbour-depot/north1");
			String pin = org.palisade.deploy.vapix.Pins.load(new org.palisade.deploy.SiteState(design.getParent(),
					"Harbour Depot", true).pinsFile()).of("North1");
			try (var client = org.palisade.deploy.vapix.VapixClient.builder("North1",
					java.net.URI.create(m.getAsJsonObject("https").get("North1").getAsString()))
					.credentials(new org.palisade.deploy.vapix.Credentials("root",
							login.substring(login.indexOf(':') + 1).toCharArray()))
					.tls(org.palisade.deploy.vapix.TlsOptions.pinnedSha256(pin)).build()) {
				client.paramCgi().update(java.util.Map.of("System.BoaGroupPolicy.operator", "both"));
				assertEquals("both", client.paramCgi().list("System.BoaGroupPolicy").get("System.BoaGroupPolicy.operator"));
			}
			Run drift = Cli.run("plan", design.toString(), "--map", map.toString(), "--detailed-exitcode");
			// What plan compares: the generated configuration asks for https for every group.
			Run generate = Cli.run("generate", design.toString(), "--output", dir.resolve("generated").toString());
			assertEquals(0, generate.code(), generate.out() + generate.err());
			StringBuilder generated = new StringBuilder();
			try (var files = Files.walk(dir.resolve("generated"))) {
				for (Path f : files.filter(Files::isRegularFile).toList()) {
					generated.append(Files.readString(f));
				}
			}
			assertTrue(generated.toString().contains("System.BoaGroupPolicy.operator"), generate.out());
			assertEquals(2, drift.code(), drift.out() + drift.err());
			assertTrue(drift.out().contains("System.BoaGroupPolicy.operator"), drift.out());
			Run verify = Cli.run("deploy", design.toString(), "--map", map.toString(), "--device", "North1");
			assertEquals(0, verify.code(), verify.out() + verify.err());
			assertEquals(0, Cli.run("plan", design.toString(), "--map", map.toString(), "--detailed-exitcode").code());
		}
	}

	@Test
	void commissioningDevicesOnNoNetworkOfThisMachineSaysSoAndSendsNothing(@TempDir Path dir) throws Exception {
		// Documentation ranges (RFC 5737) that no interface of a test machine holds: checked, not assumed.
		assertFalse(FactoryNew.onNetwork("198.51.100.7", FactoryNew.localNetworks()), FactoryNew.localNetworks().toString());
		Path design = design(dir, "commission from 198.51.100.7");
		Path credentials = dir.resolve("private/credentials");
		Run r = Cli.run("commission", design.toString(), "--device", "North1", "--credentials", credentials.toString());
		assertEquals(1, r.code(), r.out() + r.err());
		assertTrue(r.err().contains("palisade commission: this machine is on none of the networks of North1 (at"
				+ " 198.51.100.7, then 10.20.0.11)"), r.err());
		assertTrue(r.err().contains("or give where a device answers with --address NAME=IP"), r.err());
		assertTrue(r.err().strip().endsWith("Nothing was sent"), r.err());
		assertFalse(Files.exists(credentials), "no password made");
		try (var files = Files.walk(design.getParent())) {
			assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".commission.jsonl")), "no journal");
		}
	}
}
