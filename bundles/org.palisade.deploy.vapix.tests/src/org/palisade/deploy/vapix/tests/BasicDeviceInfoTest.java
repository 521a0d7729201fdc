package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.simulator.VirtualDevice;

class BasicDeviceInfoTest {

	@Test
	void readsProductAndFirmware() throws Exception {
		try (VirtualDevice device = Fixture.camera("cam-info"); VapixClient client = Fixture.client(device)) {
			Map<String, String> p = client.basicDeviceInfo().getAllProperties();
			assertEquals("Q1961-TE", p.get("ProdNbr"));
			assertEquals("11.11.73", p.get("Version"));
			assertEquals(device.descriptor().serial(), p.get("SerialNumber"));
			assertEquals("AXIS", p.get("Brand"));
		}
	}
}
