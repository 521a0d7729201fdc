package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.PtzHead;
import org.palisade.simulator.PtzPreset;
import org.palisade.simulator.VirtualDevice;

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

	@Test
	void aCameraWithoutPtzAnswers404() throws Exception {
		try (VirtualDevice camera = Fixture.camera("north1"); VapixClient client = Fixture.client(camera)) {
			assertNull(camera.state().ptz());
			VapixException e = assertThrows(VapixException.class, () -> client.ptz().presets());
			assertEquals(404, e.httpStatus());
		}
	}
}
