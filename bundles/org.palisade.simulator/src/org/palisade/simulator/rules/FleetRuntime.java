package org.palisade.simulator.rules;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.palisade.simulator.VirtualDevice;

/**
 * The behaviour of a virtual fleet: one clock, one timeline, and per device what it holds run on
 * that clock (see {@link DeviceRules}). Events are injected here, by device name; notifications
 * go only to the fleet's own devices, through the address map (design address to loopback URI).
 */
public final class FleetRuntime implements AutoCloseable {

	private final VirtualClock clock;
	private final Supplier<List<VirtualDevice>> devices;
	private final Timeline timeline = new Timeline();
	private final Map<String, DeviceRules> rules = new LinkedHashMap<>();
	private final Map<String, URI> addresses = new LinkedHashMap<>();
	private final Notifier notifier;

	/** @param devices the fleet's devices (read when needed: a device may be restarted) */
	public FleetRuntime(VirtualClock clock, Supplier<List<VirtualDevice>> devices) {
		this.clock = clock;
		this.devices = devices;
		this.notifier = new Notifier(addresses, this::deviceAt);
	}

	public VirtualClock clock() {
		return clock;
	}

	public Timeline timeline() {
		return timeline;
	}

	Notifier notifier() {
		return notifier;
	}

	/**
	 * Adds design addresses ({@code 10.20.0.30}, or {@code host:port}) and the loopback URI of the
	 * virtual device each stands for. A notification to an address not in the map is not sent.
	 *
	 * @throws IllegalArgumentException when a URI is not a literal loopback address
	 */
	public synchronized FleetRuntime addresses(Map<String, URI> map) {
		map.forEach((address, uri) -> {
			if (!Notifier.isLoopback(uri.getHost())) {
				throw new IllegalArgumentException(address + " -> " + uri + ": a virtual device is reached on loopback only");
			}
		});
		addresses.putAll(map);
		// A camera's network share is tested against the same map (#19): a host the map does not
		// hold is one the virtual camera cannot connect to, and nothing is contacted either way.
		java.util.Set<String> hosts = new java.util.HashSet<>();
		addresses.keySet().forEach(k -> hosts.add(k.contains(":") ? k.substring(0, k.indexOf(':')) : k));
		for (VirtualDevice d : devices.get()) {
			if (d.state().storage() != null) {
				d.state().storage().reachable(hosts::contains);
			}
		}
		return this;
	}

	/** @return a copy of the address map */
	public synchronized Map<String, URI> addresses() {
		return new LinkedHashMap<>(addresses);
	}

	/** @return the fleet's devices now */
	List<VirtualDevice> devicesNow() {
		return devices.get();
	}

	/** @return the fleet's running device at this base URI (scheme, host, port), or {@code null} */
	public VirtualDevice deviceAt(URI uri) {
		for (VirtualDevice d : devices.get()) {
			if (d.isRunning() && d.port() == uri.getPort() && Notifier.isLoopback(uri.getHost())) {
				return d;
			}
		}
		return null;
	}

	private synchronized DeviceRules of(String device) {
		VirtualDevice d = devices.get().stream().filter(v -> v.name().equals(device)).findFirst().orElse(null);
		if (d == null) {
			throw new IllegalArgumentException("no virtual device named '" + device + "'");
		}
		return rules.computeIfAbsent(device, k -> new DeviceRules(d, this));
	}

	/**
	 * Reads what every device holds now (after a deploy): its scheduled events' states and timers.
	 * Rules and actions are read when an event comes, so only schedules need this.
	 */
	public void sync() {
		for (VirtualDevice d : devices.get()) {
			of(d.name()).sync();
		}
	}

	/**
	 * Keeps running what the devices hold while others change it (a deploy to a running
	 * {@code palisade simulate}): after each change of a device's schedules, that device's
	 * schedules are read again, on the clock's own thread (never under the device's lock).
	 * For a real clock; a stepped rehearsal calls {@link #sync()} itself after its deploy.
	 */
	public void follow() {
		for (VirtualDevice d : devices.get()) {
			String name = d.name();
			d.onSchedulesChanged(() -> clock.schedule(clock.instant(), () -> of(name).sync()));
		}
		sync();
	}

	/**
	 * An application event on a camera: active now, inactive after {@code hold} (a detection that
	 * lasts that long).
	 *
	 * @param event a scenario of the application, or an event kind ({@code intrusion}): all its scenarios
	 * @throws IllegalArgumentException naming the device or application that does not exist
	 */
	public void applicationEvent(String device, String application, String event, Duration hold) {
		DeviceRules r = of(device);
		r.application(application, event, true);
		clock.schedule(clock.instant().plus(hold), () -> r.application(application, event, false));
	}

	/**
	 * An input port (1-based) becomes active, or returns to normal.
	 *
	 * @throws IllegalArgumentException naming the device or port that does not exist
	 */
	public void input(String device, int port, boolean active) {
		of(device).input(port, active);
	}

	/**
	 * A door controller's door alarm (a door forced open, or open too long) for {@code hold}, then
	 * back to normal (the door closed).
	 *
	 * @param alarm {@code DoorForcedOpen} or {@code DoorOpenTooLong}
	 * @throws IllegalArgumentException naming the device or door that does not exist
	 */
	public void doorAlarm(String device, String door, String alarm, Duration hold) {
		DeviceRules r = of(device);
		r.door(door, alarm);
		clock.schedule(clock.instant().plus(hold), () -> r.door(door, "Normal"));
	}

	@Override
	public void close() {
		clock.close();
	}
}
