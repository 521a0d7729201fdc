package org.palisade.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.simulator.internal.DeviceHost;

/**
 * A set of virtual devices started together, each on its own loopback port, served by one Jetty
 * server and its one thread pool (a thousand devices must not mean a thousand servers). Either all devices
 * start or, on the first failure, the ones already started are stopped again.
 */
public final class VirtualFleet implements AutoCloseable {

	private final Map<String, VirtualDevice> devices;
	private final DeviceHost host;

	private VirtualFleet(Map<String, VirtualDevice> devices, DeviceHost host) {
		this.devices = devices;
		this.host = host;
	}

	/**
	 * Starts one device per descriptor.
	 *
	 * @throws IllegalArgumentException if two descriptors share a name
	 * @throws IOException              if a device cannot bind; nothing is left running then
	 */
	public static VirtualFleet start(List<DeviceDescriptor> descriptors) throws IOException {
		DeviceHost host = new DeviceHost("virtual-fleet", descriptors.size());
		Map<String, VirtualDevice> started = new LinkedHashMap<>();
		try {
			for (DeviceDescriptor d : descriptors) {
				if (started.containsKey(d.name())) {
					throw new IllegalArgumentException("duplicate device name: " + d.name());
				}
				VirtualDevice device = new VirtualDevice(d);
				device.start(host);
				started.put(d.name(), device);
			}
		} catch (IOException | RuntimeException e) {
			started.values().forEach(VirtualDevice::stop);
			host.close();
			throw e;
		}
		return new VirtualFleet(Collections.unmodifiableMap(started), host);
	}

	/** @return the devices in descriptor order */
	public List<VirtualDevice> devices() {
		return new ArrayList<>(devices.values());
	}

	/** @return the device with this name, or {@code null} */
	public VirtualDevice device(String name) {
		return devices.get(name);
	}

	public int size() {
		return devices.size();
	}

	/** Stops every device and the shared server; idempotent. */
	public void stopAll() {
		devices.values().forEach(VirtualDevice::stop);
		host.close();
	}

	@Override
	public void close() {
		stopAll();
	}
}
