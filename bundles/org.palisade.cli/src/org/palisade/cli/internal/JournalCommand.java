package org.palisade.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code palisade journal show|discard}: what interrupted deploys left, and the way out (see {@link JournalTool}). */
@Command(name = "journal", description = "What an interrupted deploy left per device (show), or set an entry aside (discard).",
		subcommands = { JournalCommand.Show.class, JournalCommand.Discard.class })
public class JournalCommand {

	@Mixin
	HelpOption help;

	/** {@code palisade journal show <site> [--device NAME]...}. */
	@Command(name = "show", description = { "Each journal entry of the site: the state a device held before an",
			"interrupted deploy (what a restore puts back), and what is wrong with the entry." })
	public static class Show extends CliCommand {

		@Mixin
		SiteReachOptions site;

		@Option(names = "--device", paramLabel = "NAME", description = "only this device's entry (repeatable; also"
				+ " devices no longer in the design)")
		List<String> devices = new ArrayList<>();

		@Override
		int run() throws Exception {
			SiteSession session = SiteSession.open(this, site.site, site.simulate, site.map);
			return session == null ? Palisade.ERRORS : new JournalTool(session, out, err).show(devices);
		}
	}

	/** {@code palisade journal discard <site> --device NAME}. */
	@Command(name = "discard", description = { "Show a device's journal entry, then move it aside (to discarded/ in",
			"the journal folder), under the site's lock. The device itself is not changed." })
	public static class Discard extends CliCommand {

		@Mixin
		SiteReachOptions site;

		@Option(names = "--device", paramLabel = "NAME", required = true, description = "the device whose entry goes")
		String device;

		@Override
		int run() throws Exception {
			atLeast("--lock-timeout", site.lockTimeout, 0);
			SiteSession session = SiteSession.open(this, site.site, site.simulate, site.map);
			return session == null ? Palisade.ERRORS
					: new JournalTool(session, out, err).discard(device, Duration.ofSeconds(site.lockTimeout));
		}
	}
}
