package org.palisade.deploy.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.palisade.deploy.site.VirtualSite;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.Journal;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.VapixTargets;
import org.palisade.dsl.SiteStandaloneSetup;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignSet;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.generator.SiteConfiguration;
import org.palisade.generator.SiteGenerator;
import org.palisade.model.site.Design;
import org.palisade.model.site.Site;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;

import com.google.inject.Injector;

/**
 * The manual's site (examples/harbour-depot) on a fleet of virtual devices over loopback
 * sockets, with the real parser, generator, VAPIX client and deploy engine: what the CLI does,
 * without the command line.
 */
final class Harness implements AutoCloseable {

	/** Fast retries, so fault tests take milliseconds per retry, not seconds. */
	static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), 2.0, 0.5);

	/** How long a virtual device may restart after a firmware upgrade (theirs takes a second or two). */
	static final Duration RESTART_TIMEOUT = Duration.ofSeconds(20);

	private static Injector injector;
	private static Site manual;

	final Site site;
	final SiteConfiguration config;
	final VirtualSite.Devices virtual;
	final VirtualFleet fleet;
	final CredentialStore credentials;
	final Journal journal;
	final List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
	RetryPolicy retry = FAST;
	/** Whether recipients' credentials are tried against the devices they point at (as the CLI does). */
	boolean checkPeers;

	Harness(Path journalDir) throws Exception {
		this(journalDir, d -> d);
	}

	/** @param adapt turns the site's virtual devices into variants, e.g. models that lack an API */
	Harness(Path journalDir, java.util.function.UnaryOperator<DeviceDescriptor> adapt) throws Exception {
		this(journalDir, manual(), adapt);
	}

	/** @param site another design than the manual's (e.g. with serial numbers) */
	Harness(Path journalDir, Site site, java.util.function.UnaryOperator<DeviceDescriptor> adapt) throws Exception {
		this.site = site;
		this.config = new SiteGenerator().generate(site);
		this.virtual = VirtualSite.of(site);
		this.fleet = VirtualFleet.start(virtual.descriptors().stream().map(adapt).toList());
		this.credentials = CredentialStore.empty().add("virtual", CredentialStore.of(virtual.credentials()));
		this.journal = new Journal(journalDir);
	}

	static synchronized Injector injector() {
		if (injector == null) {
			injector = new SiteStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** The manual's site, parsed once per test run (read-only for the tests). */
	static synchronized Site manual() throws Exception {
		if (manual == null) {
			manual = load(harbourDepot());
		}
		return manual;
	}

	static Path harbourDepot() {
		String configured = System.getProperty("palisade.examples");
		Path examples = configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
		return examples.resolve("harbour-depot/harbour-depot.perimeter");
	}

	static Site load(Path file) throws Exception {
		DesignSet set = injector().getInstance(DesignSet.class).load(List.of(file));
		List<DesignDiagnostic> errors = set.validate().stream()
				.filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new AssertionError("design has errors: " + errors);
		}
		for (Design d : set.designs()) {
			for (var e : d.getElements()) {
				if (e instanceof Site s) {
					return s;
				}
			}
		}
		throw new AssertionError("no site");
	}

	VirtualDevice camera() {
		return fleet.device("North1");
	}

	List<DeployEngine.Job> jobs() throws Exception {
		return jobs(credentials);
	}

	List<DeployEngine.Job> jobs(CredentialStore store) throws Exception {
		HttpConnector http = VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2));
		VapixTargets targets = new VapixTargets(store, http, retry, Duration.ofSeconds(5))
				.restartWait(RESTART_TIMEOUT, Duration.ofMillis(50));
		// The peers answer door token questions (#19) in every run; their logins are tried only when asked.
		java.util.Map<String, VapixTargets.Peer> peers = new java.util.HashMap<>();
		for (DeviceConfiguration d : config.devices()) {
			peers.put(d.address(), new VapixTargets.Peer(d.name(), fleet.device(d.name()).baseUri()));
		}
		targets.peers(peers).checkLogins(checkPeers);
		List<DeployEngine.Job> jobs = new ArrayList<>();
		for (DeviceConfiguration d : config.devices()) {
			jobs.add(targets.job(d.name(), d.objects(), fleet.device(d.name()).baseUri(), d.credentials(), d.identity(),
					d.address()));
		}
		return jobs;
	}

	DeployEngine engine() {
		return new DeployEngine(journal, 4, (d, m) -> progress.add("[" + d + "] " + m));
	}

	List<DeviceResult> deploy() throws Exception {
		return engine().deploy(jobs());
	}

	List<DeviceResult> plan() throws Exception {
		return engine().plan(jobs());
	}

	static DeviceResult result(List<DeviceResult> results, String device) {
		return results.stream().filter(r -> r.device().equals(device)).findFirst().orElseThrow();
	}

	@Override
	public void close() {
		fleet.close();
	}
}
