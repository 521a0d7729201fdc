package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.palisade.cli.Palisade;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceLocks;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.site.FactoryNew;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.generator.SiteConfiguration;
import org.palisade.validation.Messages;

/**
 * What {@code plan} and {@code deploy} share: load the site, reach its devices (see
 * {@link SiteSession}: the design's addresses or the simulation's, each device's certificate
 * trust), run the engine and report. {@code deploy} holds the site's lock while it runs;
 * {@code plan} takes none and notes a deploy in progress. Both name every interrupted device of
 * the site. Progress goes to stderr, one line per device event; the plan or summary to stdout.
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

	int run(boolean detailed, long lockTimeoutSeconds) throws IOException, GeneralSecurityException, InterruptedException {
		command.atLeast("--parallel", options.parallel, 1);
		command.atLeast("--lock-timeout", lockTimeoutSeconds, 0);
		if (options.pin != null) {
			try {
				TlsOptions.pinnedSha256(options.pin);
			} catch (IllegalArgumentException e) {
				throw command.usage("--pin: " + e.getMessage());
			}
		}
		SiteInput input;
		try {
			input = SiteInput.load(options.site, err);
		} catch (SiteInput.Invalid e) {
			err.println(command.name() + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
		boolean simulate = options.simulate || options.map != null;
		SiteSession session = new SiteSession(options.site, input, new SiteSession.Reach(simulate, options.map,
				options.http, options.pin, Set.copyOf(options.basicOverHttp)));
		List<String> only = options.devices;
		session.checkDevices(only);
		List<DeployEngine.Job> jobs = session.jobs(only, options.credentials);
		DeployEngine engine = new DeployEngine(session.state.journal(), options.parallel, this::progress)
				.designLabel(options.site.toString());
		if (!deploy) {
			session.sayLockHolder(err);
			session.sayJournalNotes(engine, only, err);
			return report(input.config(), factoryNew(session, engine.plan(jobs)), detailed);
		}
		try (SiteLock lock = session.lock("deploy", Duration.ofSeconds(lockTimeoutSeconds), err)) {
			if (lock == null) {
				return Palisade.ERRORS;
			}
			try (DeviceLocks devices = session.lockDevices(jobs, "deploy", Duration.ofSeconds(lockTimeoutSeconds), err)) {
				if (devices == null) {
					return Palisade.ERRORS;
				}
				session.sayJournalNotes(engine, only, err);
				return report(input.config(), factoryNew(session, engine.deploy(jobs)), false);
			}
		}
	}

	/**
	 * A device that failed before anything was changed may be factory-new: asked (systemready, no
	 * credentials, plain HTTP), it is named so, with the command that takes it into the site,
	 * instead of a closed connection or a refused login (#17).
	 */
	private static List<DeviceResult> factoryNew(SiteSession session, List<DeviceResult> results) {
		List<DeviceResult> out = new java.util.ArrayList<>();
		for (DeviceResult r : results) {
			java.net.URI http = r.outcome() == DeviceResult.Outcome.FAILED_UNCHANGED ? session.plainHttp(r.device()) : null;
			if (http != null && FactoryNew.check(r.device(), http, Duration.ofSeconds(3))) {
				org.palisade.generator.DeviceConfiguration d = session.config.device(r.device());
				String at = d != null && d.address() != null ? d.address() : http.getAuthority();
				r = new DeviceResult(r.device(), r.outcome(), r.plan(), r.interrupted(),
						FactoryNew.message(r.device(), at, session.commissionCommand()), r.calls(), r.elapsed());
			}
			out.add(r);
		}
		return out;
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
