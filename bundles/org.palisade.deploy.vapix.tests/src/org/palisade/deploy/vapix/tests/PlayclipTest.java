package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.VirtualDevice;

class PlayclipTest {

	@Test
	void playsAClipOnTheSpeaker() throws Exception {
		try (VirtualDevice horn = new VirtualDevice(DeviceDescriptor.builder("horn").kind(DeviceKind.SPEAKER)
				.clips(List.of("Intruder warning")).password(Fixture.PASSWORD.toCharArray()).build()).start();
				VapixClient client = Fixture.client(horn)) {
			client.playclip().play(0);
			assertEquals("Intruder warning", horn.state().clipPlays().get(0).clipName());
			VapixException e = assertThrows(VapixException.class, () -> client.playclip().play(4));
			assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
			assertEquals(400, e.httpStatus());
			assertEquals("Clip 4 does not exist", e.deviceError());
			assertEquals(1, horn.state().clipPlays().size());
		}
	}
}
