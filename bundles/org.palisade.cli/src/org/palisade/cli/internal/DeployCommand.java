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
import java.util.Set;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
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

/**
 * {@code palisade plan|deploy <site> [--device NAME]... [--simulate [--map FILE]] [--credentials FILE]...
 * [--parallel N] [--http] [--pin SHA256] [--format text|json] [--detailed-exitcode]}.
 * <p>
 * Exit codes: 0 done (plan: nothing to change), 1 a device failed (or the design has errors),
 * 2 unusable command line; plan with {@code --detailed-exitcode}: 2 when changes are pending.
 * Progress goes to stderr, one line per device event; the plan or summary to stdout.
 */
public class DeployCommand {

	/** Exit code of {@code plan --detailed-exitcode} when there are changes. */
	public static final int CHANGES_PENDING = 2;

	private final PrintStream out;
	private final PrintStream err;
	private final boolean deploy;

	public DeployCommand(PrintStream out, PrintStream err, boolean deploy) {
		this.out = out;
		this.err = err;
		this.deploy = deploy;
	}

	public int run(List<String> argv) {
		Args args = new Args(argv, Set.of("--device", "--map", "--credentials", "--parallel", "--pin", "--format"),
				Set.of("--simulate", "--http", "--detailed-exitcode"));
		if (args.positional.size() != 1) {
			throw new UsageException("name one site design (a .perimeter file or its folder)");
		}
		String format = args.get("--format") == null ? "text" : args.get("--format");
		if (!format.equals("text") && !format.equals("json")) {
			throw new UsageException("unknown format '" + format + "': text or json");
		}
		int parallel = args.intValue("--parallel", 8);
		if (parallel < 1) {
			throw new UsageException("--parallel must be at least 1");
		}
		SiteInput input;
		try {
			input = SiteInput.load(Path.of(args.positional.get(0)), err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade " + (deploy ? "deploy" : "plan") + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
		SiteConfiguration config = input.config();
		List<String> only = args.all("--device");
		for (String d : only) {
			if (config.device(d) == null) {
				throw new UsageException("no networked device named '" + d + "' in " + config.site());
			}
		}
		boolean simulate = args.has("--simulate") || args.has("--map");
		List<Path> credentialFiles = new ArrayList<>();
		args.all("--credentials").forEach(f -> credentialFiles.add(Path.of(f)));
		Map<String, URI> uris = new LinkedHashMap<>();
		Path journalDir = input.designDir().resolve(".palisade-journal");
		try {
			if (simulate) {
				Path mapFile = args.get("--map") != null ? Path.of(args.get("--map")) : SimulationMap.defaultFile(config.site());
				SimulationMap map = SimulationMap.read(mapFile);
				uris.putAll(map.devices());
				credentialFiles.add(map.credentialsFile());
				journalDir = journalDir.resolve("simulated");
			}
			CredentialStore store = CredentialStore.standard(input.designDir(), credentialFiles);
			TlsOptions tls = args.get("--pin") != null ? TlsOptions.pinnedSha256(args.get("--pin")) : TlsOptions.systemDefault();
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
						throw new UsageException("the simulation has no device " + d.name() + "; restart palisade simulate");
					}
					if (d.address() == null) {
						throw new UsageException(d.name() + " has no address in the design");
					}
					uri = URI.create((args.has("--http") ? "http://" : "https://") + d.address());
				}
				jobs.add(targets.job(d.name(), d.objects(), uri, d.credentials()));
			}
			DeployEngine engine = new DeployEngine(new Journal(journalDir), parallel,
					(device, message) -> progress(device, message));
			List<DeviceResult> results = deploy ? engine.deploy(jobs) : engine.plan(jobs);
			return report(config, results, format, args.has("--detailed-exitcode"));
		} catch (IOException | GeneralSecurityException e) {
			err.println("palisade " + (deploy ? "deploy" : "plan") + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
	}

	private void progress(String device, String message) {
		synchronized (err) {
			err.println("[" + device + "] " + message);
		}
	}

	private int report(SiteConfiguration config, List<DeviceResult> results, String format, boolean detailed) {
		if (format.equals("json")) {
			out.println(Reports.json(config.site(), results));
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
		return !deploy && detailed && pending ? CHANGES_PENDING : Palisade.OK;
	}
}
