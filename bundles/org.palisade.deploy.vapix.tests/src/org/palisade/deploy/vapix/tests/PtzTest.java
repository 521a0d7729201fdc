package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.deploy.vapix.driver.PtzPresets;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.PtzHead;
import org.palisade.simulator.PtzPreset;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.rules.VirtualClock;

/**
 * The PTZ API client against the virtual PTZ camera over loopback with Digest (#19): presets
 * listed as ptz.cgi's presetposall lines, a move to a named preset (204), the position read
 * back, and the move recorded with the account that asked; an unknown preset is the device's
 * {@code Error:} answer and moves nothing; a camera that is not a PTZ answers 404.
 */
class PtzTest {

	@Test
	void movesToAPresetAndRecordsWhoAsked() throws Exception {
		try (VirtualDevice ptz = new VirtualDevice(DeviceDescriptor.builder("gate").model("AXIS Q6075-E")
				.presets(List.of(new PtzPreset("Fence", -42.5, -8, 2400))).password(Fixture.PASSWORD.toCharArray())
				.build()).start(); VapixClient client = Fixture.client(ptz)) {
			assertEquals(Map.of(1, "Home", 2, "Fence"), client.ptz().presets());
			assertEquals("0.0000", client.ptz().position().get("pan"));
			client.ptz().gotoPreset("Fence");
			Map<String, String> at = client.ptz().position();
			assertEquals("-42.5000", at.get("pan"));
			assertEquals("-8.0000", at.get("tilt"));
			assertEquals("2400", at.get("zoom"));
			PtzHead.Move move = ptz.state().ptz().moves().get(0);
			assertEquals("Fence", move.preset());
			assertEquals("root", move.user());

			VapixException e = assertThrows(VapixException.class, () -> client.ptz().gotoPreset("Dock"));
			assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
			assertEquals("Preset Dock does not exist", e.deviceError());
			assertEquals(1, ptz.state().ptz().moves().size());
		}
	}

	/**
	 * The autoreturn (#19) as deploy writes it: param.cgi sets PTZ.Various.V1.ReturnToOverview, a
	 * move by a call starts the count, and the head is back at Home 60 s after the move, not a
	 * second before; a second move restarts the count. On a stepped clock: no real waiting.
	 */
	@Test
	void returnsHomeWhenItsAutoreturnFallsDue() throws Exception {
		Instant start = Instant.parse("2026-12-01T01:00:00Z");
		try (VirtualClock clock = VirtualClock.stepped(start);
				VirtualDevice ptz = new VirtualDevice(DeviceDescriptor.builder("gate").model("AXIS Q6075-E")
						.presets(List.of(new PtzPreset("Fence", -42.5, -8, 2400))).password(Fixture.PASSWORD.toCharArray())
						.build()).start();
				VapixClient client = Fixture.client(ptz)) {
			ptz.clock(clock);
			assertEquals("0", client.paramCgi().list("PTZ.Various.V1.ReturnToOverview").get("PTZ.Various.V1.ReturnToOverview"));
			client.paramCgi().update(Map.of("PTZ.Various.V1.ReturnToOverview", "60"));
			client.ptz().gotoPreset("Fence");
			assertEquals(start.plusSeconds(60), ptz.state().ptz().returnAt());

			clock.advance(Duration.ofSeconds(59));
			assertEquals("-42.5000", client.ptz().position().get("pan"), "still at Fence 59 s after the move");
			client.ptz().gotoPreset("Fence"); // a second alarm: the count starts again
			clock.advance(Duration.ofSeconds(59));
			assertEquals("-42.5000", client.ptz().position().get("pan"), "59 s after the second move");
			clock.advance(Duration.ofSeconds(1));
			Map<String, String> at = client.ptz().position();
			assertEquals(List.of("0.0000", "0.0000", "1"), List.of(at.get("pan"), at.get("tilt"), at.get("zoom")));
			PtzHead.Move back = ptz.state().ptz().moves().get(2);
			assertEquals(List.of("Home", PtzHead.AUTORETURN, start.plusSeconds(59 + 60)), List.of(back.preset(), back.user(), back.at()));
			assertNull(ptz.state().ptz().returnAt());

			// 0 turns it off: a move stays.
			client.paramCgi().update(Map.of("PTZ.Various.V1.ReturnToOverview", "0"));
			client.ptz().gotoPreset("Fence");
			clock.advance(Duration.ofHours(1));
			assertEquals("-42.5000", client.ptz().position().get("pan"));
			assertEquals(4, ptz.state().ptz().moves().size());
		}
	}

	/**
	 * SEC-PTZ-RIGHTS at plan (#19): pwdgrp.cgi?action=get as the virtual PTZ lists it has the deploy's
	 * account (the one the camera's rules log in with) in group ptz; an account outside it is refused
	 * with the groups it is in.
	 */
	@Test
	void theMovingAccountMustBeInGroupPtz() throws Exception {
		try (VirtualDevice ptz = new VirtualDevice(DeviceDescriptor.builder("gate").model("AXIS Q6075-E")
				.password(Fixture.PASSWORD.toCharArray()).build()).start(); VapixClient client = Fixture.client(ptz)) {
			Map<String, List<String>> groups = client.userAccounts().groups();
			assertEquals(List.of(client.user()), groups.get("ptz"));
			assertNull(PtzPresets.rightsProblem("Gate", client.user(), groups));
		}
		String problem = PtzPresets.rightsProblem("Gate (AXIS Q6075-E, AXIS OS 11.11.73)", "camera",
				Map.of("admin", List.of("root"), "operator", List.of("root", "camera"), "viewer", List.of("root", "camera"),
						"ptz", List.of("root"), "digusers", List.of("root", "camera")));
		assertEquals("Gate (AXIS Q6075-E, AXIS OS 11.11.73): account camera, which the camera's rules log in with to move it, "
				+ "is not in group ptz (SEC-PTZ-RIGHTS); its groups: ", problem.substring(0, problem.indexOf("its groups: ") + 12));
		assertTrue(problem.contains("operator") && problem.contains("viewer") && !problem.contains("digusers"), problem);
	}

	/**
	 * A preset at a position (#19 item 2): the absolute move then ptzconfig.cgi's save make (or move)
	 * the preset on the virtual PTZ, and the PTZ.Preset param tree lists where each preset points, in
	 * the recorded Data form; the reading takes the figures back to the design's spelling.
	 */
	@Test
	void writesAPresetAtAPositionAndListsWhereItPoints() throws Exception {
		try (VirtualDevice ptz = new VirtualDevice(DeviceDescriptor.builder("gate").model("AXIS Q6075-E")
				.presets(List.of(new PtzPreset("Fence", -40, -8, 2400))).password(Fixture.PASSWORD.toCharArray())
				.build()).start(); VapixClient client = Fixture.client(ptz)) {
			Map<String, String> tree = client.paramCgi().list("PTZ.Preset");
			assertEquals("Fence", tree.get("PTZ.Preset.P0.Position.P2.Name"));
			assertEquals("pan=-40.000000:tilt=-8.000000:zoom=2400.000000", tree.get("PTZ.Preset.P0.Position.P2.Data"));

			client.ptz().savePresetAt("Fence", "-42.5", "-8", "2400");
			client.ptz().savePresetAt("Dock", "120", "-3.5", null);
			assertEquals(Map.of(1, "Home", 2, "Fence", 3, "Dock"), client.ptz().presets());
			assertEquals(new PtzPreset("Fence", -42.5, -8, 2400), ptz.state().ptz().preset("Fence"));
			assertEquals(new PtzPreset("Dock", 120, -3.5, 2400), ptz.state().ptz().preset("Dock"), "zoom kept");
			assertEquals(Map.of("pan", "-42.5", "tilt", "-8", "zoom", "2400"),
					PtzPresets.positions(client.paramCgi().list("PTZ.Preset")).get("Fence"));
		}
		// Other spellings of the Data; a figure that does not parse leaves the preset without a position.
		assertEquals(Map.of("pan", "10.1", "tilt", "0"), PtzPresets.positions(Map.of("PTZ.Preset.P0.Position.P4.Name", "A",
				"PTZ.Preset.P0.Position.P4.Data", "pan=10.05;tilt=-0.0001")).get("A"));
		assertNull(PtzPresets.positions(Map.of("PTZ.Preset.P0.Position.P4.Name", "A",
				"PTZ.Preset.P0.Position.P4.Data", "pan=left:tilt=0")).get("A"));
	}

	/** Every plausible spelling of the figure read back is the one written; anything else stays a change. */
	@Test
	void theAutoreturnReadBackTakesPlausibleForms() {
		for (String read : List.of("60", "60.0", " 60 s", "060", "60 seconds")) {
			assertEquals("60", Conventions.returnHome(read), read);
		}
		for (String read : List.of("sixty", "-1", "60 min", "")) {
			assertEquals(read, Conventions.returnHome(read), read);
		}
	}

	@Test
	void aCameraWithoutPtzAnswers404() throws Exception {
		try (VirtualDevice camera = Fixture.camera("north1"); VapixClient client = Fixture.client(camera)) {
			assertNull(camera.state().ptz());
			VapixException e = assertThrows(VapixException.class, () -> client.ptz().presets());
			assertEquals(404, e.httpStatus());
		}
	}
}
