package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 item 6: the deploy asks the device which application event topics and templates it
 * has; a design whose event the device lacks fails at {@code plan}, naming the device, its model
 * and what is missing. The device here is a virtual AXIS Q6075-E standing where the design has a
 * Q1961-TE running AXIS Perimeter Defender: the Q6075-E cannot run it, so it declares no such topic.
 */
class DeviceCapabilitiesPlanTest {

	@Test
	void planNamesTheDeviceTheModelAndTheMissingTopic(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		try (Cli.Simulation sim = new Cli.Simulation(design, dir.resolve("map.json"), "--model", "North1=AXIS Q6075-E")) {
			Cli.Run plan = Cli.run("plan", design.toString(), "--simulate", "--map", sim.map.toString());
			String all = plan.out() + plan.err();
			assertEquals(1, plan.code(), all);
			assertTrue(all.contains("North1: failed, nothing changed - North1 (AXIS Q6075-E, AXIS OS 11.11.73) lacks what the"
					+ " design needs: rules \"Flashing beacon\", \"Horn speaker\" trigger on the PerimeterDefender scenario"
					+ " Fence, whose event topic (tnsaxis:CameraApplicationPlatform/PerimeterDefender/Fence) the device does"
					+ " not declare; its application events: none"), all);
			assertTrue(all.contains("Horn: up to date"), all);
			// The device was read fine: it is unsuitable, not unreadable.
			assertFalse(all.contains("cannot be read"), all);
			System.out.println("palisade plan against a virtual AXIS Q6075-E as North1:\n" + all);
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
