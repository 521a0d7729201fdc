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

	@Test
	void unrestrictedPropertiesIdentifyTheDevice() throws Exception {
		try (VirtualDevice device = Fixture.camera("cam-identity"); VapixClient client = Fixture.client(device)) {
			Map<String, String> p = client.basicDeviceInfo().getAllUnrestrictedProperties();
			assertEquals("AXIS Q1961-TE", p.get("ProdShortName"));
			assertEquals(device.descriptor().serial(), p.get("SerialNumber"));
			assertEquals("11.11.73", p.get("Version"));
			// Without the system-on-chip's properties, as documented for anonymous users.
			assertEquals(null, p.get("SocSerialNumber"));
			// The MAC address is the serial's digits, in param.cgi.
			String mac = client.paramCgi().list("Network.eth0.MACAddress").get("Network.eth0.MACAddress");
			assertEquals(device.descriptor().serial(), mac.replace(":", ""));
		}
	}
}
