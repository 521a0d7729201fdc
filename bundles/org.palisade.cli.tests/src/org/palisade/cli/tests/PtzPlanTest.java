package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19: the deploy asks the PTZ camera which presets it holds (ptz.cgi?query=presetposall)
 * instead of assuming them. A PTZ that lacks the preset the camera's rule moves to fails at
 * {@code plan}, before any change on it, naming the preset and the presets it has. (A device of
 * another model is refused by the identity check first; ptz.cgi's 404 is tested in PtzTest.)
 */
class PtzPlanTest {

	/**
	 * The example's "return home after 60 s" is the PTZ's autoreturn (#19): plan shows the change of
	 * PTZ.Various.V1.ReturnToOverview on Gate from the factory's 0, deploy writes and verifies it, and
	 * the next plan has nothing to do on Gate.
	 */
	@Test
	void theReturnHomeIsPlannedDeployedAndThenUpToDate(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		try (Cli.Simulation sim = new Cli.Simulation(design, dir.resolve("map.json"))) {
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString(), "--device", "Gate");
			String all = plan.out() + plan.err();
			assertTrue(all.matches("(?s).*~ param PTZ\\.Various\\.V1\\.ReturnToOverview\\s+value: \"0\" -> \"60\".*"), all);
			Cli.Run deploy = Cli.run("deploy", design.toString(), "--simulate", "--map", sim.map.toString(), "--device", "Gate");
			assertEquals(0, deploy.code(), deploy.out() + deploy.err());
			assertTrue(deploy.out().contains("Gate: deployed") && deploy.out().contains("Deployed: 1 device(s) verified."),
					deploy.out());
			Cli.Run again = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString(), "--device", "Gate",
					"--detailed-exitcode");
			assertEquals(0, again.code(), again.out() + again.err());
			assertFalse(again.out().contains("ReturnToOverview"), again.out());
		}
	}

	/**
	 * A preset the design positions (#19 item 2): the virtual PTZ of a variant holds Fence aimed 2.5
	 * degrees off and no Dock; plan shows Fence moved and Dock made, deploy moves the head and saves
	 * each there, and the next plan is empty.
	 */
	@Test
	void aPositionedPresetIsWrittenWhenMissingOrElsewhere(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		Files.writeString(design, Files.readString(design).replace("pan -42.5 tilt -8 zoom 2400",
				"pan -42.5 tilt -8 zoom 2400\n\t\tpreset Dock \"The quay\" pan 120 tilt -3.5"));
		Path variant = Files.createDirectories(dir.resolve("variant")).resolve("harbour-depot.perimeter");
		Files.writeString(variant, Files.readString(design).replace("pan -42.5 tilt -8 zoom 2400", "pan -40 tilt -8 zoom 2400")
				.replace("\t\tpreset Dock \"The quay\" pan 120 tilt -3.5", ""));
		try (Cli.Simulation sim = new Cli.Simulation(variant, dir.resolve("map.json"))) {
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString(), "--device", "Gate");
			String all = plan.out() + plan.err();
			assertEquals(0, plan.code(), all);
			assertTrue(all.matches("(?s).*~ preset Fence\\s+pan: \"-40\" -> \"-42\\.5\".*"), all);
			assertTrue(all.matches("(?s).*~ preset Dock\\s+pan: \"120\"\\s+tilt: \"-3\\.5\".*"), all);
			Cli.Run deploy = Cli.run("deploy", design.toString(), "--simulate", "--map", sim.map.toString(), "--device", "Gate");
			assertEquals(0, deploy.code(), deploy.out() + deploy.err());
			Cli.Run again = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString(), "--device", "Gate",
					"--detailed-exitcode");
			assertEquals(0, again.code(), again.out() + again.err());
		}
	}

	@Test
	void aPtzWithoutThePresetFailsAtPlanNamingWhatItHas(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		// Without a position the preset is aimed by hand: plan refuses a PTZ that lacks it.
		Files.writeString(design, Files.readString(design).replace(" pan -42.5 tilt -8 zoom 2400", ""));
		// The virtual devices of a variant whose PTZ was aimed and saved as "Dock", not "Fence".
		Path variant = Files.createDirectories(dir.resolve("variant")).resolve("harbour-depot.perimeter");
		Files.writeString(variant, Files.readString(design).replace("preset Fence \"", "preset Dock \"")
				.replace("to preset Fence", "to preset Dock"));
		try (Cli.Simulation sim = new Cli.Simulation(variant, dir.resolve("map.json"))) {
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString());
			String all = plan.out() + plan.err();
			assertEquals(1, plan.code(), all);
			assertTrue(all.contains("Gate: failed, nothing changed - Gate (AXIS Q6075-E, AXIS OS 11.11.73) lacks what the "
					+ "design needs: preset Fence (PTZ-PRESET-UNKNOWN); its presets: Home, Dock"), all);
			assertFalse(all.contains("cannot be read"), all);
			Cli.Run deploy = Cli.run("deploy", design.toString(), "--simulate", "--map", sim.map.toString());
			assertEquals(1, deploy.code(), deploy.out() + deploy.err());
			assertTrue((deploy.out() + deploy.err()).contains("Gate: failed, nothing changed"), deploy.out() + deploy.err());
		}
	}
}
