package org.palisade.simulator.tests;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;

/**
 * A virtual camera on loopback for each test of an endpoint, and a client that signs in to it
 * as root: registered with {@code @RegisterExtension}, started before each test and stopped
 * after it.
 */
final class VirtualCamera implements BeforeEachCallback, AfterEachCallback {

	private VirtualDevice device;

	private TestHttp http;

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		device = new VirtualDevice(DeviceDescriptor.builder("cam").password("pw".toCharArray()).build()).start();
		http = new TestHttp(device.baseUri(), "root", "pw");
	}

	@Override
	public void afterEach(ExtensionContext context) {
		device.stop();
	}

	/** @return the running device */
	VirtualDevice device() {
		return device;
	}

	/** @return a client signed in as root */
	TestHttp http() {
		return http;
	}
}
