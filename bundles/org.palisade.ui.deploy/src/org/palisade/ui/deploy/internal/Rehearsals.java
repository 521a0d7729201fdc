package org.palisade.ui.deploy.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.deploy.site.Rehearsal;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.model.site.Site;
import org.palisade.simulator.FaultSpec;
import org.palisade.simulator.VirtualDevice;

/**
 * The virtual devices of the sites being rehearsed, one fleet per design file. A rehearsal's
 * devices are started by the first rehearsed plan and kept until stopped from the Deploy view or
 * until the Studio closes, so that a second rehearsal sees what the first one deployed (an empty
 * plan), as a second run against {@code palisade simulate} does. A design whose networked devices
 * changed, or a switch between HTTP and HTTPS, gets a fresh fleet.
 */
public final class Rehearsals {

	private static final Map<String, Rehearsal> RUNNING = new LinkedHashMap<>();

	private Rehearsals() {
	}

	/**
	 * @param key    the design file's location
	 * @param faults armed on the devices, also when they already run
	 * @param https  whether the devices serve HTTPS (self-signed); a fleet that does not is restarted
	 * @return the running rehearsal of the design, started if need be
	 */
	public static synchronized Rehearsal start(String key, Site site, List<DeviceConfiguration> devices,
			List<FaultSpec> faults, boolean https) throws IOException {
		return start(key, site, devices, faults, https, false);
	}

	/** @param factoryNew whether the devices start factory-new (a rehearsal of commissioning, #17) */
	public static synchronized Rehearsal start(String key, Site site, List<DeviceConfiguration> devices,
			List<FaultSpec> faults, boolean https, boolean factoryNew) throws IOException {
		Rehearsal running = RUNNING.get(key);
		if (running != null && (!sameDevices(running, devices) || running.factoryNew() != factoryNew
				|| !factoryNew && running.https() != https)) {
			running.close();
			running = null;
		}
		if (running == null) {
			running = factoryNew ? Rehearsal.startFactoryNew(site, faults) : Rehearsal.start(site, faults, https);
			RUNNING.put(key, running);
		} else {
			running.arm(faults);
		}
		return running;
	}

	private static boolean sameDevices(Rehearsal r, List<DeviceConfiguration> devices) {
		Set<String> names = new HashSet<>();
		// The site's virtual VMS (#19) runs beside the devices and is never deployed to.
		r.fleet().devices().stream().filter(d -> d.state().inbox() == null).forEach(d -> names.add(d.name()));
		Set<String> wanted = new HashSet<>();
		devices.forEach(d -> wanted.add(d.name()));
		return names.equals(wanted) && r.fleet().devices().stream().allMatch(VirtualDevice::isRunning);
	}

	/** @return the running rehearsal of a design, or {@code null} */
	public static synchronized Rehearsal running(String key) {
		return RUNNING.get(key);
	}

	/** Stops a design's virtual devices, if any run. */
	public static synchronized void stop(String key) {
		Rehearsal r = RUNNING.remove(key);
		if (r != null) {
			r.close();
		}
	}

	/** Stops every rehearsal (the Studio closes). */
	public static synchronized void stopAll() {
		RUNNING.values().forEach(Rehearsal::close);
		RUNNING.clear();
	}
}
