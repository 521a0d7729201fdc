package org.palisade.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.simulator.internal.DeviceHost;
import org.palisade.simulator.rules.FleetRuntime;
import org.palisade.simulator.rules.VirtualClock;

/**
 * A set of virtual devices started together, each on its own loopback port, served by one Jetty
 * server and its one thread pool (a thousand devices must not mean a thousand servers). Either all devices
 * start or, on the first failure, the ones already started are stopped again.
 */
public final class VirtualFleet implements AutoCloseable {

	private final Map<String, VirtualDevice> devices;
	private final DeviceHost host;
	private final VirtualClock clock;
	private FleetRuntime runtime;

	private VirtualFleet(Map<String, VirtualDevice> devices, DeviceHost host, VirtualClock clock) {
		this.devices = devices;
		this.host = host;
		this.clock = clock;
	}

	/** As {@link #start(List, VirtualClock)} on the real clock. */
	public static VirtualFleet start(List<DeviceDescriptor> descriptors) throws IOException {
		return start(descriptors, null);
	}

	/**
	 * Starts one device per descriptor.
	 *
	 * @param clock the fleet's clock ({@link VirtualClock#stepped} for a rehearsal), or {@code null}
	 *              for the real time; the fleet closes it
	 * @throws IllegalArgumentException if two descriptors share a name
	 * @throws IOException              if a device cannot bind; nothing is left running then
	 */
	public static VirtualFleet start(List<DeviceDescriptor> descriptors, VirtualClock clock) throws IOException {
		// A factory-new device with a certificate has a second connector, for its HTTPS (issue #17).
		DeviceHost host = new DeviceHost("virtual-fleet", descriptors.size()
				+ (int) descriptors.stream().filter(d -> d.factoryNew() && d.hasCertificate()).count());
		Map<String, VirtualDevice> started = new LinkedHashMap<>();
		try {
			for (DeviceDescriptor d : descriptors) {
				if (started.containsKey(d.name())) {
					throw new IllegalArgumentException("duplicate device name: " + d.name());
				}
				VirtualDevice device = new VirtualDevice(d);
				if (clock != null) {
					device.clock(clock);
				}
				device.start(host);
				started.put(d.name(), device);
			}
		} catch (IOException | RuntimeException e) {
			started.values().forEach(VirtualDevice::stop);
			host.close();
			throw e;
		}
		return new VirtualFleet(Collections.unmodifiableMap(started), host, clock);
	}

	/** @return the devices in descriptor order */
	public List<VirtualDevice> devices() {
		return new ArrayList<>(devices.values());
	}

	/** @return the device with this name, or {@code null} */
	public VirtualDevice device(String name) {
		return devices.get(name);
	}

	/**
	 * @return what runs the rules the devices hold, on the fleet's clock; created on first use, so a
	 *         fleet that only answers a deploy sets no timers
	 */
	public synchronized FleetRuntime runtime() {
		if (runtime == null) {
			VirtualClock c = clock != null ? clock : VirtualClock.real();
			if (clock == null) {
				devices.values().forEach(d -> d.clock(c));
			}
			runtime = new FleetRuntime(c, this::devices);
		}
		return runtime;
	}

	public int size() {
		return devices.size();
	}

	/** Stops every device and the shared server; idempotent. */
	public void stopAll() {
		devices.values().forEach(VirtualDevice::stop);
		host.close();
		synchronized (this) {
			if (runtime != null) {
				runtime.close();
			} else if (clock != null) {
				clock.close();
			}
		}
	}

	@Override
	public void close() {
		stopAll();
	}
}
