package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.VirtualDevice;

class ParamCgiTest {

	private VirtualDevice device;
	private VapixClient client;

	@BeforeEach
	void start() throws Exception {
		device = Fixture.camera("cam-param");
		client = Fixture.client(device);
	}

	@AfterEach
	void stop() {
		client.close();
		device.stop();
	}

	@Test
	void listStripsRootAndKeepsDeviceOrder() throws Exception {
		Map<String, String> p = client.paramCgi().list("IOPort.I0", "root.Properties.Firmware.Version");
		assertEquals("input", p.get("IOPort.I0.Direction"));
		assertEquals("11.11.73", p.get("Properties.Firmware.Version"));
		assertNull(p.get("root.IOPort.I0.Direction"));
		assertEquals("IOPort.I0.Configurable", p.keySet().iterator().next());
		assertTrue(client.paramCgi().list().size() > 40);
	}

	@Test
	void unknownGroupIsADeviceError() throws Exception {
		VapixException e = assertThrows(VapixException.class, () -> client.paramCgi().list("Brand", "No.Such"));
		assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
		assertEquals("Error -1 getting param in group 'No.Such'", e.deviceError());
		assertEquals(200, e.httpStatus());
		assertTrue(e.getMessage().contains("param.cgi list failed: device error (HTTP 200): Error -1"), e.getMessage());
	}

	@Test
	void updateSetsEverythingInOneRequest() throws Exception {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("IOPort.I0.Direction", "output");
		values.put("root.IOPort.I0.Output.Name", "Flashing beacon & strobe");
		values.put("Image.I0.Appearance.Resolution", "640x480");
		client.paramCgi().update(values);
		assertEquals("Flashing beacon & strobe", device.state().parameter("IOPort.I0.Output.Name"));
		assertEquals("640x480", client.paramCgi().list("Image.I0.Appearance.Resolution").get("Image.I0.Appearance.Resolution"));
		var update = device.requestLog().stream().filter(r -> "update".equals(r.operation())).toList();
		assertEquals(1, update.size());
		assertEquals("POST", update.get(0).method()); // form POST keeps values out of URLs
	}

	@Test
	void rejectedUpdateCarriesTheAxisErrorText() throws Exception {
		var before = device.state().snapshot();
		VapixException e = assertThrows(VapixException.class,
				() -> client.paramCgi().update(Map.of("IOPort.I0.Direction", "sideways")));
		assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
		assertEquals("Error setting 'root.IOPort.I0.Direction' to 'sideways'! Invalid value", e.deviceError());
		assertEquals(before, device.state().snapshot());
	}

	@Test
	void emptyUpdateSendsNothing() throws Exception {
		client.paramCgi().update(Map.of());
		assertEquals(List.of(), device.requestLog());
	}
}
