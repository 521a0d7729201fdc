package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.VirtualDevice;

class TimeApiTest {

	@Test
	void setsAndReadsTheIanaTimeZone() throws Exception {
		try (VirtualDevice device = Fixture.camera("cam-time"); VapixClient client = Fixture.client(device)) {
			assertEquals("UTC", client.time().getTimeZone());
			client.time().setTimeZone("Europe/Stockholm");
			assertEquals("Europe/Stockholm", client.time().getTimeZone());
			assertEquals("Europe/Stockholm", device.state().timeZone());
			VapixException e = assertThrows(VapixException.class, () -> client.time().setTimeZone("Mars/Olympus"));
			assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
			assertEquals("1000", e.deviceCode());
			assertEquals("Europe/Stockholm", device.state().timeZone(), "a refused zone changes nothing");
		}
	}
}
