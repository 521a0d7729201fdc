package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 item 6: the deploy asks the device which application event topics and templates it
 * has; a design whose event the device lacks fails at {@code plan}, naming the device, its model
 * and what is missing. The device here is the design's AXIS Q1961-TE, but its AXIS Perimeter
 * Defender has a scenario Gate where the design's rules need Fence: it declares no such topic.
 * A device of another model is refused before that (#17, its identity is asked first).
 */
class DeviceCapabilitiesPlanTest {

	@Test
	void planNamesTheDeviceTheModelAndTheMissingTopic(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		// The virtual devices of a variant of the design, whose camera runs the scenario Gate.
		Path variant = Files.createDirectories(dir.resolve("variant")).resolve("harbour-depot.perimeter");
		Files.writeString(variant, Files.readString(design).replace("scenario Fence", "scenario Gate"));
		try (Cli.Simulation sim = new Cli.Simulation(variant, dir.resolve("map.json"))) {
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString());
			String all = plan.out() + plan.err();
			assertEquals(1, plan.code(), all);
			assertTrue(all.contains("North1: failed, nothing changed - North1 (AXIS Q1961-TE, AXIS OS 11.11.73) lacks what the"
					+ " design needs: rules \"Alert the center\", \"Flashing beacon\", \"Horn speaker\", \"Lock down the gate\", \"PTZ follows\","
					+ " \"Record the intrusion\" trigger on the PerimeterDefender scenario"
					+ " Fence, whose event topic (tnsaxis:CameraApplicationPlatform/PerimeterDefender/Fence) the device does"
					+ " not declare; its application events: PerimeterDefender/Gate"), all);
			assertTrue(all.contains("Horn: up to date"), all);
			// The device was read fine: it is unsuitable, not unreadable.
			assertFalse(all.contains("cannot be read"), all);
			System.out.println("palisade plan against a North1 whose Perimeter Defender runs scenario Gate:\n" + all);
		}
	}

	@Test
	void anotherModelIsRefusedNamingBoth(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		try (Cli.Simulation sim = new Cli.Simulation(design, dir.resolve("map.json"), "--model", "North1=AXIS Q6075-E")) {
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString());
			String all = plan.out() + plan.err();
			assertEquals(1, plan.code(), all);
			assertTrue(all.contains("North1: failed, nothing changed - North1 at 10.20.0.11 (reached at 127.0.0.1:"), all);
			assertTrue(all.contains(") is AXIS Q6075-E serial ACCC8E"), all);
			assertTrue(all.contains(", the design expects AXIS Q1961-TE; nothing was changed on it"), all);
			assertFalse(all.contains("cannot be read"), all);
		}
	}

	@Test
	void theSameDesignPlansAgainstTheModelItNames(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		try (Cli.Simulation sim = new Cli.Simulation(design, dir.resolve("map.json"))) {
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString(),
					"--detailed-exitcode");
			assertEquals(2, plan.code(), plan.out() + plan.err());
		}
	}

	@Test
	void anUnknownModelIsAUsageError(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		Cli.Run r = Cli.run("simulate", design.toString(), "--model", "North1=AXIS Nope", "--duration", "1");
		assertEquals(2, r.code(), r.err());
		assertTrue(r.err().contains("no catalog model named 'AXIS Nope'"), r.err());
	}
}
