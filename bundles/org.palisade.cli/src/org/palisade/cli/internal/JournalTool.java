package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.deploy.Journal;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.SiteLock;

/**
 * {@code palisade journal show|discard <site> [--device NAME]}: the way out of a journal entry
 * that cannot be used or is no longer wanted. {@code show} prints what each entry holds (the state
 * of the device before the interrupted deploy, which a restore would put back) and what is wrong
 * with it; {@code discard} shows the entry, then moves it aside (to {@code discarded/} in the
 * journal folder, so nothing is lost), under the site lock so that no deploy is using it.
 */
final class JournalTool {

	private final SiteSession session;
	private final PrintStream out;
	private final PrintStream err;

	JournalTool(SiteSession session, PrintStream out, PrintStream err) {
		this.session = session;
		this.out = out;
		this.err = err;
	}

	int show(List<String> devices) throws IOException {
		Journal journal = session.state.journal();
		List<Journal.Found> found = journal.scan().stream()
				.filter(f -> devices.isEmpty() || devices.contains(f.device())).toList();
		if (found.isEmpty()) {
			out.println("No journal entries" + (devices.isEmpty() ? "" : " for " + String.join(", ", devices)) + " of "
					+ session.config.site() + " (" + journal.dir() + "): no deploy was interrupted.");
			return Palisade.OK;
		}
		found.forEach(this::print);
		return Palisade.OK;
	}

	int discard(String device, Duration lockTimeout) throws IOException, InterruptedException {
		Journal journal = session.state.journal();
		try (SiteLock lock = session.lock("journal discard", lockTimeout, err)) {
			if (lock == null) {
				return Palisade.ERRORS;
			}
			Journal.Found f = journal.find(device);
			if (f == null) {
				err.println("palisade journal discard: no journal entry for " + device + " of " + session.config.site()
						+ " (" + journal.fileOf(device) + ")");
				return Palisade.ERRORS;
			}
			print(f);
			Path aside = journal.dir().resolve("discarded");
			Files.createDirectories(aside);
			String stamp = Instant.now().toString().replace(':', '-');
			Path to = aside.resolve(f.file().getFileName().toString().replaceAll("\\.json$", "") + "-" + stamp + ".json");
			Files.move(f.file(), to);
			out.println("Discarded: moved to " + to + ". The device was not changed by this; 'palisade plan "
					+ session.design + " --device " + device + "' shows how it differs from the design.");
			return Palisade.OK;
		}
	}

	private void print(Journal.Found f) {
		out.println(f.device() + ": " + f.file());
		if (f.problem() != null) {
			out.println("  PROBLEM: " + f.problem());
		}
		Journal.Entry e = f.entry();
		if (e == null) {
			return;
		}
		out.println("  site: " + (e.site() == null ? "(not recorded)" : e.site()) + "; device at: "
				+ (e.identity() == null ? "(not recorded)" : e.identity()) + "; deploy started: " + e.startedAt());
		out.println("  state before that deploy (what a restore puts back), " + e.preState().size() + " object(s):");
		for (ManagedObject o : e.preState()) {
			out.println("    " + o.label() + (o.deviceId() == null ? "" : " [device id " + o.deviceId() + "]")
					+ (o.attributes().isEmpty() ? "" : " " + o.attributes()));
		}
	}
}
