package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.deploy.vapix.TlsOptions;

/**
 * {@code palisade journal show|discard <site> [--device NAME]} and {@code palisade trust <site>
 * [--device NAME]... [--expect SHA256]}, with {@code --simulate [--map FILE]} and
 * {@code --lock-timeout SECONDS}: the option parsing; the work is in {@link JournalTool} and
 * {@link TrustTool}.
 */
public class SiteCommands {

	private final PrintStream out;
	private final PrintStream err;

	public SiteCommands(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int journal(List<String> argv) throws IOException, InterruptedException {
		String action = argv.isEmpty() ? "" : argv.get(0);
		if (!action.equals("show") && !action.equals("discard")) {
			throw new UsageException("say what to do: journal show <site> [--device NAME] or journal discard <site>"
					+ " --device NAME");
		}
		Args args = new Args(argv.subList(1, argv.size()), Set.of("--device", "--map", "--lock-timeout"),
				Set.of("--simulate"));
		SiteSession session = session(args);
		if (session == null) {
			return Palisade.ERRORS;
		}
		JournalTool tool = new JournalTool(session, out, err);
		if (action.equals("show")) {
			return tool.show(args.all("--device"));
		}
		if (args.all("--device").size() != 1) {
			throw new UsageException("journal discard: name the one device whose entry goes: --device NAME");
		}
		return tool.discard(args.get("--device"), lockTimeout(args));
	}

	public int trust(List<String> argv) throws IOException, InterruptedException {
		Args args = new Args(argv, Set.of("--device", "--map", "--lock-timeout", "--expect"), Set.of("--simulate"));
		String expect = args.get("--expect");
		if (expect != null) {
			try {
				TlsOptions.pinnedSha256(expect);
			} catch (IllegalArgumentException e) {
				throw new UsageException("--expect: " + e.getMessage());
			}
		}
		SiteSession session = session(args);
		if (session == null) {
			return Palisade.ERRORS;
		}
		session.checkDevices(args.all("--device"));
		return new TrustTool(session, out, err).run(args.all("--device"), expect, lockTimeout(args));
	}

	private SiteSession session(Args args) throws IOException {
		if (args.positional.size() != 1) {
			throw new UsageException("name one site design (a .perimeter file or its folder)");
		}
		Path design = Path.of(args.positional.get(0));
		SiteInput input;
		try {
			input = SiteInput.load(design, err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade: " + e.getMessage());
			return null;
		}
		boolean simulate = args.has("--simulate") || args.has("--map");
		return new SiteSession(design, input, new SiteSession.Reach(simulate,
				args.get("--map") == null ? null : Path.of(args.get("--map")), false, null, Set.of()));
	}

	private static Duration lockTimeout(Args args) {
		int s = args.intValue("--lock-timeout", 0);
		if (s < 0) {
			throw new UsageException("--lock-timeout must be at least 0 (seconds)");
		}
		return Duration.ofSeconds(s);
	}
}
