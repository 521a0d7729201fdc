package org.palisade.deploy.site;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.CredentialStore;
import org.palisade.model.site.Site;
import org.palisade.simulator.FaultSpec;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;

/**
 * A site's virtual devices running in this process, for a rehearsal: one virtual Axis device per
 * camera and speaker ({@link VirtualSite}), on loopback ports, with the faults given armed (the
 * {@code --fault} syntax of {@code palisade simulate}). Their generated passwords stay in memory,
 * never in a file; a run reaches the devices through {@link #uris()} and {@link #credentials()}.
 */
public final class Rehearsal implements AutoCloseable {

	private final VirtualFleet fleet;
	private final VirtualSite.Devices devices;

	private Rehearsal(VirtualFleet fleet, VirtualSite.Devices devices) {
		this.fleet = fleet;
		this.devices = devices;
	}

	/**
	 * @throws IllegalArgumentException when a fault names a device that is not a camera or speaker of the site
	 * @throws IOException              when a device cannot listen; nothing is left running then
	 */
	public static Rehearsal start(Site site, List<FaultSpec> faults) throws IOException {
		VirtualSite.Devices devices = VirtualSite.of(site);
		for (FaultSpec f : faults) {
			if (f.device() != null && devices.descriptors().stream().noneMatch(d -> d.name().equals(f.device()))) {
				throw new IllegalArgumentException("fault " + f.device() + ": no camera or speaker named '" + f.device()
						+ "' in " + site.getName());
			}
		}
		Rehearsal r = new Rehearsal(VirtualFleet.start(devices.descriptors()), devices);
		r.arm(faults);
		return r;
	}

	/** Arms more faults on the running devices (see {@link #start}). */
	public void arm(List<FaultSpec> faults) {
		for (VirtualDevice d : fleet.devices()) {
			for (FaultSpec f : faults) {
				if (f.device() == null || f.device().equals(d.name())) {
					f.applyTo(d);
				}
			}
		}
	}

	/** @return the loopback address of each virtual device, by the design's device name */
	public Map<String, URI> uris() {
		Map<String, URI> out = new LinkedHashMap<>();
		fleet.devices().forEach(d -> out.put(d.name(), d.baseUri()));
		return out;
	}

	/** @return the virtual devices' credentials, by the design's credentials reference */
	public CredentialStore credentials() {
		return CredentialStore.empty().add("virtual devices", CredentialStore.of(devices.credentials()));
	}

	/** @return the running devices (what they hold can be read back directly) */
	public VirtualFleet fleet() {
		return fleet;
	}

	@Override
	public void close() {
		fleet.stopAll();
		devices.credentials().values().forEach(org.palisade.deploy.Credential::clear);
	}
}
