package org.palisade.deploy.site;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.SiteState;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.VapixTargets;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.generator.SiteConfiguration;

/**
 * The engine's jobs for a site's devices, as {@code palisade plan}/{@code deploy} and the Studio's
 * deploy both make them: where each device is (the design's address, or a virtual device's
 * loopback address), how its certificate is trusted (its pin from the site's pins file, else the
 * JDK's CAs and its host name; the message of a refused certificate names the command that pins
 * it), and its credentials, resolved from the store when its job starts.
 */
public final class SiteJobs {

	private final SiteConfiguration config;
	private final SiteState state;
	private final CredentialStore store;
	private final Map<String, URI> virtual = new LinkedHashMap<>();
	private boolean http;
	private String pin;
	private Set<String> basicOverHttp = Set.of();
	private Function<String, String> trustCommand = device -> "palisade trust <site> --device " + device;

	/**
	 * @param state where the site's pins file is; {@link SiteState#simulated()} says whether the
	 *              devices are virtual (then every device must be in {@link #virtual})
	 */
	public SiteJobs(SiteConfiguration config, SiteState state, CredentialStore store) {
		this.config = config;
		this.state = state;
		this.store = store;
	}

	/** The loopback addresses of the site's virtual devices, by device name. */
	public SiteJobs virtual(Map<String, URI> uris) {
		virtual.putAll(uris);
		return this;
	}

	/** Plain HTTP to the design's addresses instead of HTTPS. */
	public SiteJobs http(boolean value) {
		this.http = value;
		return this;
	}

	/** One certificate (its SHA-256) trusted for every device of the run, instead of each device's own pin. */
	public SiteJobs pin(String sha256) {
		this.pin = sha256;
		return this;
	}

	/** The devices that may get Basic authentication over plain HTTP. */
	public SiteJobs basicOverHttp(Set<String> devices) {
		this.basicOverHttp = Set.copyOf(devices);
		return this;
	}

	/** How a refused certificate's message names the way to pin it, given the device. */
	public SiteJobs trustCommand(Function<String, String> command) {
		this.trustCommand = command;
		return this;
	}

	/**
	 * @return where Palisade reaches the device
	 * @throws IllegalArgumentException when it cannot be reached: no virtual device of that name,
	 *                                  or no address in the design
	 */
	public URI uri(DeviceConfiguration d) {
		URI uri = virtual.get(d.name());
		if (uri != null) {
			return uri;
		}
		if (state.simulated()) {
			throw new IllegalArgumentException("the simulation has no device " + d.name() + "; restart palisade simulate");
		}
		if (d.address() == null) {
			throw new IllegalArgumentException(d.name() + " has no address in the design");
		}
		return URI.create((http ? "http://" : "https://") + d.address());
	}

	/** @return the devices of the run: those named, or all when none are */
	public List<DeviceConfiguration> devices(List<String> only) {
		List<DeviceConfiguration> out = new ArrayList<>();
		for (DeviceConfiguration d : config.devices()) {
			if (only.isEmpty() || only.contains(d.name())) {
				out.add(d);
			}
		}
		return out;
	}

	/**
	 * @param only the devices of the run, or none for all
	 * @return the jobs of the run, each device with its own TLS trust (its pin, or the CAs, explained)
	 * @throws IOException when the pins file cannot be read
	 */
	public List<DeployEngine.Job> jobs(List<String> only) throws IOException, GeneralSecurityException {
		Duration connect = Duration.ofSeconds(5);
		HttpConnector shared = VapixClient.newConnector(
				pin != null ? TlsOptions.pinnedSha256(pin) : TlsOptions.systemDefault(), connect);
		Map<String, HttpConnector> own = new LinkedHashMap<>();
		Pins pins = Pins.load(state.pinsFile());
		Map<String, VapixTargets.Peer> peers = new LinkedHashMap<>();
		for (DeviceConfiguration d : config.devices()) {
			URI uri = virtual.containsKey(d.name()) ? virtual.get(d.name())
					: !state.simulated() && d.address() != null ? uri(d) : null;
			if (uri != null && d.address() != null) {
				peers.put(d.address(), new VapixTargets.Peer(d.name(), uri));
			}
			// One pin given: one certificate for every device, as before; else each device its own trust.
			if (pin == null && uri != null && "https".equals(uri.getScheme())) {
				own.put(d.name(), VapixClient.newConnector(TlsOptions.forDevice(pins.of(d.name()),
						trustCommand.apply(d.name())), connect));
			}
		}
		VapixTargets targets = new VapixTargets(store, shared, RetryPolicy.defaults(), Duration.ofSeconds(15))
				.connectors(own).basicOverHttp(basicOverHttp).peers(peers);
		List<DeployEngine.Job> jobs = new ArrayList<>();
		for (DeviceConfiguration d : devices(only)) {
			jobs.add(targets.job(d.name(), d.objects(), uri(d), d.credentials(), d.identity(), d.address()));
		}
		return jobs;
	}
}
