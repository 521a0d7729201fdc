package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;

class VirtualFleetTest {

	@Test
	void startsDevicesOnDistinctLoopbackPortsAndStopsThem() throws Exception {
		List<DeviceDescriptor> ds = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ds.add(DeviceDescriptor.builder("cam-" + i).password(("pw" + i).toCharArray()).build());
		}
		ds.add(DeviceDescriptor.builder("horn").kind(DeviceKind.SPEAKER).clips(List.of("Siren")).password("hp".toCharArray()).build());
		List<Integer> ports = new ArrayList<>();
		try (VirtualFleet fleet = VirtualFleet.start(ds)) {
			assertEquals(6, fleet.size());
			for (VirtualDevice d : fleet.devices()) {
				assertTrue(d.baseUri().toString().startsWith("http://127.0.0.1:"));
				ports.add(d.port());
			}
			assertEquals(6, new HashSet<>(ports).size());
			assertEquals(200, new TestHttp(fleet.device("cam-3").baseUri(), "root", "pw3")
					.get("/axis-cgi/param.cgi?action=list&group=Brand").statusCode());
			assertEquals(401, new TestHttp(fleet.device("cam-3").baseUri(), "root", "pw2")
					.get("/axis-cgi/param.cgi?action=list&group=Brand").statusCode());
			assertEquals(200, new TestHttp(fleet.device("horn").baseUri(), "root", "hp")
					.get("/axis-cgi/playclip.cgi?clip=0").statusCode());
			fleet.stopAll();
			assertFalse(fleet.device("cam-0").isRunning());
		}
		for (int port : ports) {
			try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
				assertEquals(port, s.getLocalPort()); // freed
			}
		}
	}

	@Test
	void rejectsDuplicateNamesAndLeavesNothingRunning() {
		List<DeviceDescriptor> ds = List.of(DeviceDescriptor.builder("a").build(), DeviceDescriptor.builder("a").build());
		assertThrows(IllegalArgumentException.class, () -> VirtualFleet.start(ds));
	}

	@Test
	void failsWhenAFixedPortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			List<DeviceDescriptor> ds = List.of(DeviceDescriptor.builder("ok").build(),
					DeviceDescriptor.builder("clash").listenPort(taken.getLocalPort()).build());
			assertThrows(IOException.class, () -> VirtualFleet.start(ds));
		}
	}

	@Test
	void stateSurvivesRestartOfTheSameDevice() throws Exception {
		try (VirtualDevice d = new VirtualDevice(DeviceDescriptor.builder("x").password("pw".toCharArray()).build())) {
			d.start();
			new TestHttp(d.baseUri(), "root", "pw").get("/axis-cgi/param.cgi?action=update&IOPort.I1.Usage=Gate");
			d.stop();
			d.start();
			assertEquals("Gate", d.state().parameter("IOPort.I1.Usage"));
			assertThrows(IllegalStateException.class, () -> {
				d.stop();
				d.port();
			});
		}
	}
}
