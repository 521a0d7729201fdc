package org.palisade.deploy.site;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.CredentialStore;
import org.palisade.model.site.Site;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.FaultSpec;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;
import org.palisade.simulator.rules.VirtualClock;
import org.palisade.validation.PasswordPolicy;

/**
 * A site's virtual devices running in this process, for a rehearsal: one virtual Axis device per
 * camera and speaker ({@link VirtualSite}), on loopback ports, with the faults given armed (the
 * {@code --fault} syntax of {@code palisade simulate}). Their generated passwords stay in memory,
 * never in a file; a run reaches the devices through {@link #uris()} and {@link #credentials()}.
 */
public final class Rehearsal implements AutoCloseable {

	private final VirtualFleet fleet;
	private final VirtualSite.Devices devices;
	private final Path keyDir;
	/** The SHA-256 of the devices' one self-signed certificate, or {@code null} over HTTP. */
	private final String fingerprint;
	/** Whether the devices started factory-new (#17): commissioning records their passwords in {@link #vault()}. */
	private boolean factoryNew;

	private Rehearsal(VirtualFleet fleet, VirtualSite.Devices devices, Path keyDir, String fingerprint) {
		this.fleet = fleet;
		this.devices = devices;
		this.keyDir = keyDir;
		this.fingerprint = fingerprint;
	}

	/**
	 * A rehearsal of commissioning (#17): the site's devices start factory-new (no account, plain
	 * HTTP, each with a self-signed certificate of its own), as {@code palisade simulate --factory-new}
	 * starts them; commissioning them records their passwords in {@link #vault()}.
	 */
	/**
	 * Arms the faults and points the devices' calls to each other at the fleet's loopback
	 * addresses; a fleet that cannot be made ready is stopped.
	 */
	private Rehearsal armed(Site site, List<FaultSpec> faults) {
		try {
			arm(faults);
			fleet.runtime().addresses(VirtualSite.addresses(site, fleet));
			return this;
		} catch (RuntimeException e) {
			fleet.stopAll();
			throw e;
		}
	}

	public static Rehearsal startFactoryNew(Site site, List<FaultSpec> faults) throws IOException {
		VirtualSite.Devices devices = VirtualSite.of(site);
		Path keyDir = Files.createTempDirectory("palisade-rehearsal");
		try {
			List<DeviceDescriptor> descriptors = SiteCommissioning.factoryNew(devices.descriptors(), keyDir);
			Rehearsal r = new Rehearsal(VirtualFleet.start(descriptors, null), devices, keyDir, null);
			r.factoryNew = true;
			return r.armed(site, faults);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			delete(keyDir);
			throw new IOException("interrupted while making the devices' certificates", e);
		} catch (IOException | RuntimeException e) {
			delete(keyDir);
			throw e;
		}
	}

	/** @return whether the devices started factory-new */
	public boolean factoryNew() {
		return factoryNew;
	}

	/** @return where commissioning records the passwords of a factory-new rehearsal (a private temporary file) */
	public org.palisade.deploy.vapix.driver.PasswordVault vault() {
		return org.palisade.deploy.vapix.driver.PasswordVault.file(keyDir.resolve("credentials"));
	}

	/** @return each device's plain HTTP address (a factory-new device's only protocol until commissioned) */
	public Map<String, URI> plainUris() {
		Map<String, URI> out = new LinkedHashMap<>();
		fleet.devices().forEach(d -> out.put(d.name(), d.baseUri()));
		return out;
	}

	/** As {@link #start(Site, List, boolean)}, over plain HTTP. */
	public static Rehearsal start(Site site, List<FaultSpec> faults) throws IOException {
		return start(site, faults, false);
	}

	/**
	 * @param https whether the devices serve HTTPS with a self-signed certificate, as Axis devices
	 *              ship (its key lives in a private temporary folder until {@link #close})
	 * @throws IllegalArgumentException when a fault names a device that is not a camera or speaker of the site
	 * @throws IOException              when a device cannot listen; nothing is left running then
	 */
	public static Rehearsal start(Site site, List<FaultSpec> faults, boolean https) throws IOException {
		return start(site, faults, https, null);
	}

	/**
	 * As {@link #start(Site, List, boolean)}, on a clock of the caller's ({@link VirtualClock#stepped}
	 * for a rehearsal of the site's behaviour; {@code null} for the real time). The fleet's address
	 * map holds each device's design address, so a camera's notification to a speaker of the site
	 * reaches that speaker's virtual device and nothing else.
	 */
	public static Rehearsal start(Site site, List<FaultSpec> faults, boolean https, VirtualClock clock)
			throws IOException {
		VirtualSite.Devices devices = VirtualSite.of(site);
		for (FaultSpec f : faults) {
			if (f.device() != null && devices.descriptors().stream().noneMatch(d -> d.name().equals(f.device()))) {
				throw new IllegalArgumentException("fault " + f.device() + ": no camera or speaker named '" + f.device()
						+ "' in " + site.getName());
			}
		}
		List<DeviceDescriptor> descriptors = devices.descriptors();
		Path keyDir = null;
		String fingerprint = null;
		if (https) {
			// Owner-only on POSIX (createTempDirectory's default there); removed on close.
			keyDir = Files.createTempDirectory("palisade-rehearsal");
			char[] pw = PasswordPolicy.generate(20);
			try {
				Path store = SelfSignedStore.create("palisade-rehearsal", keyDir.resolve("devices.p12"), pw);
				fingerprint = fingerprint(store, pw);
				List<DeviceDescriptor> tls = new ArrayList<>();
				for (DeviceDescriptor d : descriptors) {
					tls.add(d.toBuilder().tls(store, pw).build());
				}
				descriptors = tls;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				delete(keyDir);
				throw new IOException("interrupted while making the certificate", e);
			} catch (java.security.GeneralSecurityException e) {
				delete(keyDir);
				throw new IOException("cannot read the certificate made: " + e.getMessage(), e);
			} catch (IOException | RuntimeException e) {
				delete(keyDir);
				throw e;
			} finally {
				Arrays.fill(pw, '\0');
			}
		}
		try {
			return new Rehearsal(VirtualFleet.start(descriptors, clock), devices, keyDir, fingerprint).armed(site, faults);
		} catch (IOException | RuntimeException e) {
			delete(keyDir);
			throw e;
		}
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
		// A factory-new rehearsal's devices are deployed over the HTTPS port commissioning turns on.
		fleet.devices().forEach(d -> out.put(d.name(), factoryNew ? d.httpsUri() : d.baseUri()));
		return out;
	}

	/** @return the virtual devices' credentials, by the design's credentials reference */
	public CredentialStore credentials() {
		if (factoryNew) {
			// The passwords commissioning gave the devices, read when asked (the file is written as it goes).
			Path file = keyDir.resolve("credentials");
			return CredentialStore.empty().add("commissioned virtual devices", ref -> {
				try {
					return Files.exists(file) ? CredentialStore.file(file, null).find(ref) : null;
				} catch (IOException e) {
					return null;
				}
			});
		}
		return CredentialStore.empty().add("virtual devices", CredentialStore.of(devices.credentials()));
	}

	/** @return the running devices (what they hold can be read back directly) */
	public VirtualFleet fleet() {
		return fleet;
	}

	/**
	 * @return the SHA-256 fingerprint of the certificate every device serves (one self-signed
	 *         certificate for the fleet), to pin for a deploy to it; {@code null} over HTTP
	 */
	public String fingerprint() {
		return fingerprint;
	}

	private static String fingerprint(Path store, char[] pw) throws IOException, java.security.GeneralSecurityException {
		java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(store)) {
			keys.load(in, pw);
		}
		for (String alias : java.util.Collections.list(keys.aliases())) {
			if (keys.getCertificate(alias) instanceof java.security.cert.X509Certificate c) {
				return org.palisade.deploy.vapix.Pins.fingerprint(c);
			}
		}
		throw new IOException("the devices' key store holds no certificate");
	}

	/** @return whether the devices serve HTTPS */
	public boolean https() {
		return keyDir != null;
	}

	@Override
	public void close() {
		fleet.stopAll();
		devices.credentials().values().forEach(org.palisade.deploy.Credential::clear);
		delete(keyDir);
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.list(dir)) {
			for (Path f : files.toList()) {
				Files.deleteIfExists(f);
			}
			Files.deleteIfExists(dir);
		} catch (IOException e) {
			// best effort: a private temporary folder
		}
	}
}
