package org.palisade.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A set of virtual devices started together, each on its own loopback port, sharing one pool of
 * handler threads (a thousand devices must not mean a thousand idle pools). Either all devices
 * start or, on the first failure, the ones already started are stopped again.
 */
public final class VirtualFleet implements AutoCloseable {

	private final Map<String, VirtualDevice> devices;
	private final ExecutorService executor;

	private VirtualFleet(Map<String, VirtualDevice> devices, ExecutorService executor) {
		this.devices = devices;
		this.executor = executor;
	}

	/**
	 * Starts one device per descriptor.
	 *
	 * @throws IllegalArgumentException if two descriptors share a name
	 * @throws IOException              if a device cannot bind; nothing is left running then
	 */
	public static VirtualFleet start(List<DeviceDescriptor> descriptors) throws IOException {
		AtomicInteger n = new AtomicInteger();
		ExecutorService executor = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "virtual-fleet-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		Map<String, VirtualDevice> started = new LinkedHashMap<>();
		try {
			for (DeviceDescriptor d : descriptors) {
				if (started.containsKey(d.name())) {
					throw new IllegalArgumentException("duplicate device name: " + d.name());
				}
				VirtualDevice device = new VirtualDevice(d);
				device.start(executor);
				started.put(d.name(), device);
			}
		} catch (IOException | RuntimeException e) {
			started.values().forEach(VirtualDevice::stop);
			executor.shutdownNow();
			throw e;
		}
		return new VirtualFleet(Collections.unmodifiableMap(started), executor);
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

	/** Stops every device and the shared threads; idempotent. */
	public void stopAll() {
		devices.values().forEach(VirtualDevice::stop);
		executor.shutdownNow();
	}

	@Override
	public void close() {
		stopAll();
	}
}
