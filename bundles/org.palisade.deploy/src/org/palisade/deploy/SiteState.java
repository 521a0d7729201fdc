package org.palisade.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where Palisade keeps what it knows about one site between runs, beside the design: the journal
 * of interrupted deploys and the site lock ({@code .palisade-journal/<site>/} and
 * {@code .palisade-journal/<site>.lock}), and the certificate pins ({@code <site>.pins}, meant to
 * be committed with the design: fingerprints are not secrets). Runs against the virtual devices
 * of {@code palisade simulate} keep theirs apart under {@code .palisade-journal/simulated/}, since
 * those devices are not the real ones. The command line and the Studio's deploy both use this, so
 * they lock and journal alike.
 *
 * @param designDir the folder of the file that holds the site
 * @param site      the site's name in the design
 * @param simulated whether the devices are virtual
 */
public record SiteState(Path designDir, String site, boolean simulated) {

	/** @return the site's name as a file name: lower case, runs of other characters as one dash */
	public String slug() {
		String s = site.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return s.isEmpty() ? "site" : s;
	}

	private Path root() {
		Path r = designDir.resolve(".palisade-journal");
		return simulated ? r.resolve("simulated") : r;
	}

	public Path journalDir() {
		return root().resolve(slug());
	}

	public Path lockFile() {
		return root().resolve(slug() + ".lock");
	}

	/** @return the pins file: beside the design for real devices, with the journal for virtual ones */
	public Path pinsFile() {
		return simulated ? root().resolve(slug() + ".pins") : designDir.resolve(slug() + ".pins");
	}

	public Journal journal() {
		return new Journal(journalDir(), site);
	}

	/** Takes the site lock for a run that changes devices; see {@link SiteLock}. */
	public SiteLock lock(String operation, Duration timeout) throws IOException, InterruptedException {
		return SiteLock.acquire(lockFile(), operation, timeout);
	}
}
