package org.palisade.deploy.site;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.palisade.deploy.SiteState;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.generator.SiteConfiguration;
import org.palisade.model.site.Device;
import org.palisade.model.site.Network;
import org.palisade.model.site.Site;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;
import org.palisade.validation.PasswordPolicy;
import org.palisade.validation.SiteContext;

/**
 * A site's devices as commissioning takes them (issue #17 item 2), shared by {@code palisade
 * commission}, the demo and {@code palisade simulate --factory-new}: what each device must become
 * (the design's address in its network, with the network's gateway, name servers and NTP servers,
 * and the site's time zone), where it answers before (an address given on the command line, else
 * its catalog model's factory address, else the manual's 192.168.0.90), and factory-new virtual
 * devices with a self-signed certificate each.
 */
public final class SiteCommissioning {

	/** The manual: "If no DHCP server is available on the network, the default IP address is 192.168.0.90". */
	public static final String FACTORY_DEFAULT = "192.168.0.90";

	private SiteCommissioning() {
	}

	/** A site's commissioning plan as the command line and the Studio show it. */
	public record Plan(List<String> lines, boolean pending) {
	}

	/**
	 * @return each device's steps, {@code +} to do and {@code =} done, under a heading naming the
	 *         journal; {@code pending} when any step is to do
	 */
	public static Plan plan(String site, List<Commissioner.Target> targets, Commissioner commissioner,
			org.palisade.deploy.vapix.driver.CommissionJournal journal) {
		List<String> lines = new ArrayList<>();
		lines.add("Commissioning plan for " + site + " (journal " + journal.file().getFileName() + "):");
		boolean pending = false;
		for (Commissioner.Target t : targets) {
			List<Commissioner.Step> steps = commissioner.plan(t);
			boolean todo = steps.stream().anyMatch(s -> !s.done());
			pending |= todo;
			lines.add("  " + t.device() + " (" + t.expected().model()
					+ (t.expected().serial() == null ? "" : " serial " + t.expected().serial()) + ") "
					+ (todo ? "at " + t.factoryAddress() + " -> " + t.address() : "at " + t.address() + ": commissioned"));
			if (todo) {
				for (Commissioner.Step s : steps) {
					lines.add("    " + (s.done() ? "= " : "+ ") + s.name() + ": " + s.detail());
				}
			}
		}
		return new Plan(lines, pending);
	}

	/**
	 * A commissioner for a site's devices with the settings {@code palisade commission} uses: the
	 * site's commissioning journal and pins file, 5 s to connect, 10 s a request, passwords per
	 * SEC-PASSWORD-POLICY.
	 */
	public static Commissioner commissioner(SiteState state, org.palisade.deploy.vapix.driver.PasswordVault vault,
			Commissioner.Reach reach) throws IOException, java.security.GeneralSecurityException {
		return new Commissioner(org.palisade.deploy.vapix.VapixClient.newConnector(
				org.palisade.deploy.vapix.TlsOptions.systemDefault(), java.time.Duration.ofSeconds(5)),
				org.palisade.deploy.vapix.RetryPolicy.defaults(), java.time.Duration.ofSeconds(10), vault,
				() -> PasswordPolicy.generate(20),
				new org.palisade.deploy.vapix.driver.CommissionJournal(journalFile(state)),
				org.palisade.deploy.vapix.Pins.load(state.pinsFile()), reach);
	}

	/** @return the site's commissioning journal: one file per site, beside its deploy journal */
	public static Path journalFile(SiteState state) {
		return state.journalDir().resolveSibling(state.slug() + ".commission.jsonl");
	}

	/**
	 * @param only      the devices of the run (empty: every camera and speaker with an address)
	 * @param addresses device name to where it answers now, from the command line
	 * @throws IllegalArgumentException naming the device and what the design lacks for it
	 */
	public static List<Commissioner.Target> targets(Site site, SiteConfiguration config, List<String> only,
			Map<String, String> addresses) {
		Map<String, Device> byName = new LinkedHashMap<>();
		SiteContext.of(site).devices().forEach(d -> byName.put(d.getName(), d));
		for (String name : addresses.keySet()) {
			if (config.device(name) == null) {
				throw new IllegalArgumentException("--address: no networked device named '" + name + "' in " + config.site());
			}
		}
		Map<String, String> refs = new LinkedHashMap<>();
		List<Commissioner.Target> out = new ArrayList<>();
		for (DeviceConfiguration d : config.devices()) {
			if (!only.isEmpty() && !only.contains(d.name())) {
				continue;
			}
			Device model = byName.get(d.name());
			Network net = model == null ? null : model.getNetwork();
			if (d.address() == null || net == null) {
				throw new IllegalArgumentException(d.name() + " has no " + (d.address() == null ? "address" : "network (on NET)")
						+ " in the design: commissioning gives a device the design's address in its network");
			}
			if (d.credentials() == null) {
				throw new IllegalArgumentException(d.name() + " has no credentials reference in the design: commissioning"
						+ " records the password it gives the device under it (credentials \"site/device\")");
			}
			String other = refs.put(d.credentials(), d.name());
			if (other != null) {
				throw new IllegalArgumentException(other + " and " + d.name() + " share the credentials reference '"
						+ d.credentials() + "': commissioning gives each device a password of its own; give each its own reference");
			}
			// The command line, else the design's "commission from", else the catalog model's, else the manual's.
			String factory = addresses.get(d.name());
			if (factory == null) {
				factory = model.getCommissionAddress();
			}
			if (factory == null && model.getType() != null && model.getType().getFactoryAddress() != null) {
				factory = model.getType().getFactoryAddress();
			}
			int prefix = Integer.parseInt(net.getSubnet().substring(net.getSubnet().indexOf('/') + 1));
			Commissioner.Certificate certificate = model.getCertificate() == null ? null
					: new Commissioner.Certificate(designFolder(site).resolve(model.getCertificate()), model.getCertificateKey());
			out.add(new Commissioner.Target(d.name(), d.identity(), d.credentials(),
					factory == null ? FACTORY_DEFAULT : factory, d.address(), prefix, net.getGateway(),
					List.copyOf(net.getDns()), site.getTimezone(), List.copyOf(net.getNtp()))
					.withSecurity(model.isHttpsOnly(), certificate));
		}
		return out;
	}

	/** @return the folder of the design file the site is in (a certificate file is named relative to it) */
	static Path designFolder(Site site) {
		org.eclipse.emf.common.util.URI uri = site.eResource() == null ? null : site.eResource().getURI();
		if (uri != null && uri.isFile()) {
			Path file = Path.of(uri.toFileString()).toAbsolutePath();
			return file.getParent() == null ? file : file.getParent();
		}
		return Path.of("").toAbsolutePath();
	}

	/**
	 * Makes the descriptors factory-new, each with a self-signed certificate of its own (made in
	 * parallel: keytool takes about a second a device).
	 *
	 * @param dir a private folder for the key stores
	 */
	public static List<DeviceDescriptor> factoryNew(List<DeviceDescriptor> descriptors, Path dir)
			throws IOException, InterruptedException {
		char[] pw = PasswordPolicy.generate(20);
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, Math.max(1, descriptors.size())));
		try {
			List<Future<Path>> stores = new ArrayList<>();
			for (DeviceDescriptor d : descriptors) {
				String file = d.name().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + Long.toHexString(System.nanoTime()) + ".p12";
				stores.add(pool.submit(() -> SelfSignedStore.create("axis-" + d.serial().toLowerCase(java.util.Locale.ROOT),
						dir.resolve(file), pw)));
			}
			List<DeviceDescriptor> out = new ArrayList<>();
			for (int i = 0; i < descriptors.size(); i++) {
				// The site's VMS (#19) is not an Axis device and is never commissioned.
				out.add(descriptors.get(i).kind() == org.palisade.simulator.DeviceKind.VMS ? descriptors.get(i)
						: descriptors.get(i).toBuilder().factoryNew(true).tls(stores.get(i).get(), pw).build());
			}
			return out;
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
		} finally {
			pool.shutdownNow();
			Arrays.fill(pw, '\0');
		}
	}

	/**
	 * Where commissioning reaches a fleet's virtual devices: each device's own loopback ports stand
	 * for all its addresses (factory and design alike), so nothing leaves the machine.
	 */
	public static Commissioner.Reach reach(VirtualFleet fleet) {
		Map<String, URI> http = new LinkedHashMap<>();
		Map<String, URI> https = new LinkedHashMap<>();
		for (VirtualDevice v : fleet.devices()) {
			http.put(v.name(), v.baseUri());
			if (v.httpsUri() != null) {
				https.put(v.name(), v.httpsUri());
			}
		}
		return reach(http, https);
	}

	/** @return a reach over maps of device name to its loopback URIs, whatever the address asked */
	public static Commissioner.Reach reach(Map<String, URI> http, Map<String, URI> https) {
		return new Commissioner.Reach() {
			@Override
			public URI http(String device, String address) {
				return need(http, device, "http");
			}

			@Override
			public URI https(String device, String address) {
				return need(https, device, "https");
			}
		};
	}

	private static URI need(Map<String, URI> map, String device, String what) {
		URI u = map.get(device);
		if (u == null) {
			throw new IllegalArgumentException("no virtual device " + device + " (" + what + ") in the address map");
		}
		return u;
	}
}
