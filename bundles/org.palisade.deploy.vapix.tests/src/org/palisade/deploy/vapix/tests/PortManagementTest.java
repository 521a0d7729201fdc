package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.PortManagement.IoPort;
import org.palisade.deploy.vapix.PortManagement.PortSetting;
import org.palisade.deploy.vapix.PortManagement.StateStep;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;

class PortManagementTest {

	private VirtualDevice device;
	private VapixClient client;

	@BeforeEach
	void start() throws Exception {
		device = Fixture.camera("cam-io");
		client = Fixture.client(device);
	}

	@AfterEach
	void stop() {
		client.close();
		device.stop();
	}

	@Test
	void getPorts() throws Exception {
		assertEquals(List.of(new IoPort("0", true, "", "Port 1", "input", "open", "open"),
				new IoPort("1", true, "", "Port 2", "input", "open", "open")), client.portManagement().getPorts());
	}

	@Test
	void setPortsToTheManualsBeacon() throws Exception {
		client.portManagement().setPorts(List.of(
				PortSetting.of("0").withDirection("output").withName("Flashing beacon").withNormalState("open"),
				PortSetting.of("1").withName("Gate contact").withNormalState("closed").withUsage("Door")));
		assertEquals(new IoPort("0", true, "", "Flashing beacon", "output", "open", "open"),
				client.portManagement().getPorts().get(0));
		assertEquals("closed", client.paramCgi().list("IOPort.I0.Output.Active").get("IOPort.I0.Output.Active"));
		assertEquals(new DeviceState.IoPort("1", true, "Door", "input", "Gate contact", "closed", "closed"),
				device.state().ioPorts().get(1));
	}

	@Test
	void invalidSettingIsADeviceErrorWithTheJsonCode() throws Exception {
		VapixException e = assertThrows(VapixException.class,
				() -> client.portManagement().setPorts(List.of(PortSetting.of("9").withName("x"))));
		assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
		assertEquals("2104", e.deviceCode());
		assertEquals("Invalid port: 9", e.deviceError());
		assertEquals("portmanagement setPorts", e.call());
		assertTrue(e.getMessage().endsWith("[2104]: Invalid port: 9 - a parameter has an invalid value (a port the device "
				+ "lacks, a fixed port's direction, a state for an input)"), e.getMessage());
	}

	@Test
	void stateSequenceAndVersions() throws Exception {
		client.portManagement().setPorts(List.of(PortSetting.of("0").withDirection("output")));
		client.portManagement().setStateSequence("0", List.of(new StateStep("closed", 3000), new StateStep("open", 5000)));
		assertEquals(1, device.state().stateSequences().size());
		assertEquals(5000, device.state().stateSequences().get(0).steps().get(1).timeMs());
		assertEquals(List.of("1.1"), client.portManagement().getSupportedVersions());
	}
}
