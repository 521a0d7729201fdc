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

	@Test
	void aPtzWithoutThePresetFailsAtPlanNamingWhatItHas(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
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
