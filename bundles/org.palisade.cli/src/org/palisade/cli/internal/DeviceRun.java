package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.cli.Palisade;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.Journal;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.VapixTargets;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.generator.SiteConfiguration;
import org.palisade.validation.Messages;

/**
 * What {@code plan} and {@code deploy} share: load the site, find each device's address (the
 * design's, or the simulation's), resolve credentials, run the engine and report. Progress goes
 * to stderr, one line per device event; the plan or summary to stdout.
 */
final class DeviceRun {

	private final CliCommand command;
	private final DeviceOptions options;
	private final boolean deploy;
	private final PrintStream out;
	private final PrintStream err;

	DeviceRun(CliCommand command, DeviceOptions options, boolean deploy) {
		this.command = command;
		this.options = options;
		this.deploy = deploy;
		this.out = command.out;
		this.err = command.err;
	}

	int run(boolean detailed) throws IOException, GeneralSecurityException {
		command.atLeast("--parallel", options.parallel, 1);
		TlsOptions tls;
		try {
			tls = options.pin != null ? TlsOptions.pinnedSha256(options.pin) : TlsOptions.systemDefault();
		} catch (IllegalArgumentException e) {
			throw command.usage("--pin: " + e.getMessage() + ", got '" + Messages.quote(options.pin) + "'");
		}
		SiteInput input;
		try {
			input = SiteInput.load(options.site, err);
		} catch (SiteInput.Invalid e) {
			err.println(command.name() + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
		SiteConfiguration config = input.config();
		List<String> only = options.devices;
		for (String d : only) {
			if (config.device(d) == null) {
				throw command.usage("--device: no networked device named '" + d + "' in " + config.site());
			}
		}
		boolean simulate = options.simulate || options.map != null;
		List<Path> credentialFiles = new ArrayList<>(options.credentials);
		Map<String, URI> uris = new LinkedHashMap<>();
		Path journalDir = input.designDir().resolve(".palisade-journal");
		if (simulate) {
			Path mapFile = options.map != null ? options.map : SimulationMap.defaultFile(config.site());
			SimulationMap map = SimulationMap.read(mapFile);
			uris.putAll(map.devices());
			credentialFiles.add(map.credentialsFile());
			journalDir = journalDir.resolve("simulated");
		}
		CredentialStore store = CredentialStore.standard(input.designDir(), credentialFiles);
		HttpConnector http = VapixClient.newConnector(tls, Duration.ofSeconds(5));
		VapixTargets targets = new VapixTargets(store, http, RetryPolicy.defaults(), Duration.ofSeconds(15));
		List<DeployEngine.Job> jobs = new ArrayList<>();
		for (DeviceConfiguration d : config.devices()) {
			if (!only.isEmpty() && !only.contains(d.name())) {
				continue;
			}
			URI uri = uris.get(d.name());
			if (uri == null) {
				if (simulate) {
					throw new Palisade.UsageException("the simulation has no device " + d.name() + "; restart palisade simulate");
				}
				if (d.address() == null) {
					throw new Palisade.UsageException(d.name() + " has no address in the design");
				}
				uri = URI.create((options.http ? "http://" : "https://") + d.address());
			}
			jobs.add(targets.job(d.name(), d.objects(), uri, d.credentials()));
		}
		DeployEngine engine = new DeployEngine(new Journal(journalDir), options.parallel, this::progress);
		List<DeviceResult> results = deploy ? engine.deploy(jobs) : engine.plan(jobs);
		return report(config, results, detailed);
	}

	private void progress(String device, String message) {
		synchronized (err) {
			err.println("[" + device + "] " + message);
		}
	}

	private int report(SiteConfiguration config, List<DeviceResult> results, boolean detailed) {
		if (options.format == Format.json) {
			out.println(Json.results(config.site(), results));
		} else if (deploy) {
			Reports.deployText(results, out);
		} else {
			Reports.planText(results, out);
		}
		boolean failed = results.stream().anyMatch(r -> r.outcome().isFailure());
		boolean pending = results.stream().anyMatch(r -> r.outcome() == DeviceResult.Outcome.CHANGES_PENDING);
		if (failed) {
			return Palisade.ERRORS;
		}
		return !deploy && detailed && pending ? PlanCommand.CHANGES_PENDING : Palisade.OK;
	}
}
