package org.palisade.cli;

import java.io.PrintStream;
import java.util.List;

import org.palisade.cli.internal.DemoCommand;
import org.palisade.cli.internal.DeployBenchCommand;
import org.palisade.cli.internal.DeployCommand;
import org.palisade.cli.internal.ExplainCommand;
import org.palisade.cli.internal.GenerateCommand;
import org.palisade.cli.internal.ParseBenchCommand;
import org.palisade.cli.internal.Failures;
import org.palisade.cli.internal.SimulateCommand;
import org.palisade.cli.internal.SiteCommands;
import org.palisade.cli.internal.ValidateCommand;

/**
 * The {@code palisade} command line, usable with or without OSGi: the product's
 * application calls {@link #run}, and so do tests and benchmarks in-process.
 */
public final class Palisade {

	/** Exit code: done, nothing wrong. */
	public static final int OK = 0;
	/** Exit code: the design has errors (or a deployment failed). */
	public static final int ERRORS = 1;
	/** Exit code: the input or the command line cannot be used. */
	public static final int USAGE = 2;

	private static final String USAGE_TEXT = """
			usage: palisade <command> [options]

			commands:
			  validate <files|folders>... [--format text|json] [--info]
			                  check designs; exit 0 clean, 1 errors, 2 unusable input
			                  (--info also shows notes, such as schedules running past midnight)
			  explain [CODE]  what a rule checks, why, and how to fix it (no CODE: list the codes)
			  generate <site> -o <folder>
			                  per device: desired configuration, ordered VAPIX requests, wiring sheet
			  plan <site> [--device NAME]... [--format text|json] [--detailed-exitcode]
			                  read the devices and show what deploy would change
			                  (--detailed-exitcode: 0 no changes, 1 error, 2 changes pending)
			  deploy <site> [--device NAME]... [--lock-timeout SECONDS]
			                  apply, read back and verify; restore a device on failure; holds the site's
			                  lock (another deploy refuses at once, or waits --lock-timeout seconds)
			    plan/deploy options: --simulate [--map FILE] (the devices of 'palisade simulate'),
			                  --credentials FILE (user:password per reference, outside the design, mode 600),
			                  --parallel N (default 8), --http (no TLS), --pin SHA256 (one certificate for all),
			                  --allow-basic-http NAME (let that device take Basic auth over plain HTTP)
			                  credentials also come from PALISADE_CREDENTIALS_<REF> and Equinox secure storage
			  trust <site> [--device NAME]... [--expect SHA256] [--simulate [--map FILE]]
			                  show each device's certificate and pin its SHA-256 in <site>.pins beside the design
			  journal show|discard <site> [--device NAME] [--simulate [--map FILE]]
			                  what an interrupted deploy left (show), or set an entry aside (discard)
			  simulate <site> [--map FILE] [--duration SECONDS] [--https] [--fault [DEVICE:]FAULT,...]...
			                  one virtual Axis device per camera and speaker, on loopback, until stopped;
			                  --https: self-signed certificates; faults: latency=MS, fail-after=N[/STATUS],
			                  drop-after=N, fail-next=N[/STATUS], drop-next=N, fail-rate=P, wrong-password
			  demo [design]   validate, simulate, plan, deploy, verify and plan again the bundled example
			  bench parse [--sizes 100,1000,10000] [--runs 3] [--warmups 3]
			                  time parse+link+validate of synthetic sites against XMI loading
			  bench deploy [--devices 1000] [--latency 20] [--parallel 50] [--runs 1]
			                  deploy a generated site to that many virtual devices; wall time vs ideal,
			                  process CPU per request
			  studio          open Palisade Studio (the IDE)
			  help            this text
			""";

	private Palisade() {
	}

	/**
	 * Runs one command.
	 *
	 * @return the process exit code
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
			(args.isEmpty() ? err : out).print(USAGE_TEXT);
			return args.isEmpty() ? USAGE : OK;
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		try {
			return switch (command) {
			case "validate" -> new ValidateCommand(out, err).run(rest);
			case "explain" -> new ExplainCommand(out).run(rest);
			case "generate" -> new GenerateCommand(out, err).run(rest);
			case "plan" -> new DeployCommand(out, err, false).run(rest);
			case "deploy" -> new DeployCommand(out, err, true).run(rest);
			case "simulate" -> new SimulateCommand(out, err).run(rest);
			case "trust" -> new SiteCommands(out, err).trust(rest);
			case "journal" -> new SiteCommands(out, err).journal(rest);
			case "demo" -> new DemoCommand(out, err).run(rest);
			case "bench" -> bench(rest, out, err);
			default -> {
				err.println("palisade: unknown command '" + command + "'");
				err.print(USAGE_TEXT);
				yield USAGE;
			}
			};
		} catch (UsageException e) {
			err.println("palisade " + command + ": " + e.getMessage());
			return USAGE;
		} catch (NumberFormatException e) {
			// An option that takes a number got something else (bench parse --runs x, simulate --duration abc).
			String given = e.getMessage() == null ? "" : e.getMessage().replace("For input string: ", "");
			err.println("palisade " + command + ": expected a whole number, got " + given);
			return USAGE;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return ERRORS;
		} catch (java.io.IOException | java.security.GeneralSecurityException e) {
			err.println("palisade " + command + ": " + e.getMessage());
			return ERRORS;
		} catch (RuntimeException e) {
			// Never a stack trace on the terminal: one line, exit 2, and the trace in a file it names.
			err.println("palisade " + command + ": " + Failures.internal(e));
			return USAGE;
		}
	}

	private static int bench(List<String> args, PrintStream out, PrintStream err)
			throws java.io.IOException, java.security.GeneralSecurityException, InterruptedException {
		String what = args.isEmpty() ? "" : args.get(0);
		List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
		return switch (what) {
		case "parse" -> new ParseBenchCommand(out).run(rest);
		case "deploy" -> new DeployBenchCommand(out, err).run(rest);
		default -> throw new UsageException("say what to measure: bench parse ... or bench deploy ...");
		};
	}

	/** A command line that cannot be run as given. */
	public static class UsageException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public UsageException(String message) {
			super(message);
		}
	}
}
