package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 item 1 through the command line: the design names North1's serial number;
 * {@code simulate --serial} puts another camera at its address (a swapped cable). plan and deploy
 * refuse it naming both identities, and afterwards the design without the serial still plans
 * every change on it: the deploy wrote nothing.
 */
class IdentityCommandTest {

	static final String SERIAL = "ACCC8E012345";
	static final String OTHER = "ACCC8E0000FF";

	@Test
	void anotherCameraAtTheAddressIsRefusedByPlanAndDeploy(@TempDir Path dir) throws Exception {
		Path plain = Cli.design(dir);
		Path design = Files.createDirectories(dir.resolve("with-serial")).resolve("harbour-depot.perimeter");
		Files.writeString(design, Files.readString(plain).replace("at 10.20.0.11 on yard",
				"at 10.20.0.11 serial \"" + SERIAL + "\" on yard"));
		assertEquals(0, Cli.run("validate", design.toString()).code());
		try (Cli.Simulation sim = new Cli.Simulation(design, dir.resolve("map.json"), "--serial", "North1=" + OTHER)) {
			String both = " is AXIS Q1961-TE serial " + OTHER + ", the design expects AXIS Q1961-TE serial " + SERIAL
					+ "; nothing was changed on it";
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString());
			assertEquals(1, plan.code(), plan.out() + plan.err());
			assertTrue((plan.out() + plan.err()).contains("North1 at 10.20.0.11 (reached at 127.0.0.1:"), plan.out());
			assertTrue((plan.out() + plan.err()).contains(both), plan.out() + plan.err());

			Cli.Run deploy = Cli.run("deploy", design.toString(), "--simulate", "--map", sim.map.toString());
			String all = deploy.out() + deploy.err();
			assertEquals(1, deploy.code(), all);
			assertTrue(all.contains("North1: failed, nothing changed - North1 at 10.20.0.11"), all);
			assertTrue(all.contains(both), all);
			System.out.println("palisade deploy with another serial at North1's address:\n" + all);

			// The same device against the design without the serial: every change is still pending.
			Cli.Run again = Cli.run("plan", plain.toString(), "--simulate", "--map", sim.map.toString(),
					"--detailed-exitcode");
			assertEquals(2, again.code(), again.out() + again.err());
			assertTrue(again.out().contains("North1: "), again.out());
			assertTrue(again.out().contains("+ rule \"Flashing beacon\"") || again.out().contains("Flashing beacon"),
					again.out());
		}
	}

	@Test
	void aMalformedSerialIsAUsageError(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		Cli.Run r = Cli.run("simulate", design.toString(), "--serial", "North1=ACCC8E01", "--duration", "1");
		assertEquals(2, r.code(), r.err());
		assertTrue(r.err().contains("--serial: serial 'ACCC8E01' of North1 is not 12 hexadecimal digits"), r.err());
	}
}
