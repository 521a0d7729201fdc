package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.vapix.TlsOptions;
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

	public int run(List<String> argv) throws InterruptedException {
		Args args = new Args(argv, Set.of("--device", "--map", "--credentials", "--parallel", "--pin", "--format",
				"--lock-timeout", "--allow-basic-http"), Set.of("--simulate", "--http", "--detailed-exitcode"));
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
		int lockTimeout = args.intValue("--lock-timeout", 0);
		if (lockTimeout < 0) {
			throw new UsageException("--lock-timeout must be at least 0 (seconds)");
		}
		String pin = args.get("--pin");
		if (pin != null) {
			try {
				TlsOptions.pinnedSha256(pin);
			} catch (IllegalArgumentException e) {
				throw new UsageException("--pin: " + e.getMessage());
			}
		}
		Path design = Path.of(args.positional.get(0));
		SiteInput input;
		try {
			input = SiteInput.load(design, err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade " + name() + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
		List<String> only = args.all("--device");
		boolean simulate = args.has("--simulate") || args.has("--map");
		List<Path> credentialFiles = new ArrayList<>();
		args.all("--credentials").forEach(f -> credentialFiles.add(Path.of(f)));
		try {
			SiteSession session = new SiteSession(design, input, new SiteSession.Reach(simulate,
					args.get("--map") == null ? null : Path.of(args.get("--map")), args.has("--http"), pin,
					Set.copyOf(args.all("--allow-basic-http"))));
			session.checkDevices(only);
			List<DeployEngine.Job> jobs = session.jobs(only, credentialFiles);
			DeployEngine engine = new DeployEngine(session.state.journal(), parallel,
					(device, message) -> progress(device, message)).designLabel(design.toString());
			if (!deploy) {
				session.sayLockHolder(err);
				session.sayJournalNotes(engine, only, err);
				return report(input.config(), engine.plan(jobs), format, args.has("--detailed-exitcode"));
			}
			try (SiteLock lock = session.lock("deploy", Duration.ofSeconds(lockTimeout), err)) {
				if (lock == null) {
					return Palisade.ERRORS;
				}
				session.sayJournalNotes(engine, only, err);
				return report(input.config(), engine.deploy(jobs), format, false);
			}
		} catch (IOException | GeneralSecurityException e) {
			err.println("palisade " + name() + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
	}

	private String name() {
		return deploy ? "deploy" : "plan";
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
