package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.cli.Palisade.UsageException;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceLocks;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.SiteState;
import org.palisade.deploy.site.SiteJobs;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.generator.SiteConfiguration;

/**
 * What the commands that talk to a site's devices ({@code plan}, {@code deploy}, {@code trust},
 * {@code journal}) share, apart from parsing their options: where each device is (the design's
 * address or the simulation's), how its certificate is trusted (its pin, else the JDK's CAs, with
 * the {@code palisade trust} command named when refused), the site's lock and journal, and the
 * lines that name every interrupted device of the site.
 */
final class SiteSession {

	/** How to reach the devices, as the command line gave it. */
	record Reach(boolean simulate, Path map, boolean http, String pin, Set<String> basicOverHttp) {
	}

	final SiteInput input;
	final SiteConfiguration config;
	final SiteState state;
	final Reach reach;
	final Path design;
	private final Map<String, URI> uris = new LinkedHashMap<>();
	/** The simulation's plain HTTP port of each device (a factory-new one's only protocol). */
	private final Map<String, URI> plainUris = new LinkedHashMap<>();
	private Path simulationCredentials;

	/**
	 * @param design the design as the user named it (for the commands printed in messages)
	 * @throws IOException when the simulation map cannot be used
	 */
	SiteSession(Path design, SiteInput input, Reach reach) throws IOException {
		this.design = design;
		this.input = input;
		this.config = input.config();
		this.reach = reach;
		this.state = new SiteState(input.designDir(), config.site(), reach.simulate());
		for (String d : reach.basicOverHttp()) {
			if (config.device(d) == null) {
				throw new UsageException("--allow-basic-http: no networked device named '" + d + "' in " + config.site());
			}
		}
		if (reach.simulate()) {
			Path mapFile = reach.map() != null ? reach.map() : SimulationMap.defaultFile(config.site());
			if (!java.nio.file.Files.exists(mapFile)) {
				throw new IOException(mapFile + ": no simulation map; start one with: palisade simulate " + design);
			}
			SimulationMap map;
			try {
				map = SimulationMap.read(mapFile);
			} catch (IOException e) {
				throw new UsageException(e.getMessage());
			}
			uris.putAll(map.devices());
			plainUris.putAll(map.devices());
			// Factory-new virtual devices serve HTTPS on a port of their own once commissioned (#17).
			uris.putAll(SimulationMap.https(mapFile));
			simulationCredentials = map.credentialsFile();
		}
	}

	/**
	 * Loads a site for {@code trust} and {@code journal}: the design's address of each device, or
	 * the simulation's.
	 *
	 * @return the session, or {@code null} when the design has errors (printed)
	 */
	static SiteSession open(CliCommand command, Path design, boolean simulate, Path map) throws IOException {
		SiteInput input;
		try {
			input = SiteInput.load(design, command.err);
		} catch (SiteInput.Invalid e) {
			command.err.println(command.name() + ": " + e.getMessage());
			return null;
		}
		return new SiteSession(design, input, new Reach(simulate || map != null, map, false, null, Set.of()));
	}

	/** @throws UsageException when a named device is not a networked device of the site */
	void checkDevices(List<String> only) {
		for (String d : only) {
			if (config.device(d) == null) {
				throw new UsageException("--device: no networked device named '" + d + "' in " + config.site());
			}
		}
	}

	/** @return the devices of the run: those named, or all */
	List<DeviceConfiguration> devices(List<String> only) {
		return new SiteJobs(config, state, CredentialStore.empty()).devices(only);
	}

	/** @return where Palisade reaches the device */
	URI uri(DeviceConfiguration d) {
		try {
			return targets(CredentialStore.empty()).uri(d);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private SiteJobs targets(CredentialStore store) {
		return new SiteJobs(config, state, store).virtual(uris).http(reach.http()).pin(reach.pin())
				.basicOverHttp(reach.basicOverHttp()).trustCommand(this::trustCommand);
	}

	/** @return where the device answers plain HTTP (a factory-new device's only protocol), or {@code null} */
	URI plainHttp(String device) {
		if (reach.simulate()) {
			return plainUris.get(device);
		}
		DeviceConfiguration d = config.device(device);
		return d == null || d.address() == null ? null : URI.create("http://" + d.address());
	}

	/** @return the command that commissions the site, as the user would type it */
	String commissionCommand() {
		return "palisade commission " + design + (reach.simulate() ? reach.map() != null ? " --map " + reach.map()
				: " --simulate" : "");
	}

	/** @return the command that pins a device's certificate, as the user would type it */
	String trustCommand(String device) {
		return "palisade trust " + design + (reach.simulate() ? " --simulate" + (reach.map() != null ? " --map "
				+ reach.map() : "") : "") + " --device " + device;
	}

	/** @return the jobs of the run, each device with its own TLS trust (its pin, or the CAs, explained) */
	List<DeployEngine.Job> jobs(List<String> only, List<Path> credentialFiles)
			throws IOException, GeneralSecurityException {
		List<Path> files = new ArrayList<>(credentialFiles);
		if (simulationCredentials != null) {
			files.add(simulationCredentials);
		}
		CredentialStore store;
		try {
			store = CredentialStore.standard(input.designDir(), files);
		} catch (IOException e) {
			throw new UsageException(e.getMessage()); // a credentials file that must not be used
		}
		SiteJobs targets = targets(store);
		for (DeviceConfiguration d : devices(only)) {
			uri(d); // a device that cannot be reached is a usage error, as before
		}
		return targets.jobs(only);
	}

	/**
	 * Takes the site lock for a command that changes devices (or the journal).
	 *
	 * @return the lock, or {@code null} when someone else holds it (said on {@code err})
	 */
	SiteLock lock(String command, Duration timeout, PrintStream err) throws IOException, InterruptedException {
		try {
			SiteLock lock = state.lock(command, timeout);
			lock.tookOverFrom().ifPresent(h -> err.println("palisade " + command + ": took over the lock of " + h.describe()
					+ ", which is no longer running (" + lock.file() + ")"));
			return lock;
		} catch (SiteLock.HeldException e) {
			err.println("palisade " + command + ": " + config.site() + ": " + e.getMessage());
			return null;
		}
	}

	/**
	 * Takes the locks of the devices a run changes, which other designs may name too.
	 *
	 * @return the locks, or {@code null} when a device is held by another run (said on {@code err})
	 */
	DeviceLocks lockDevices(List<DeployEngine.Job> jobs, String command, Duration timeout, PrintStream err)
			throws IOException, InterruptedException {
		Map<String, String> addresses = new LinkedHashMap<>();
		jobs.forEach(j -> addresses.put(j.device(), j.identity()));
		try {
			DeviceLocks locks = DeviceLocks.acquire(DeviceLocks.defaultDirectory(), addresses, command, timeout);
			locks.tookOver().forEach(h -> err.println("palisade " + command + ": took over a device lock of " + h.describe()
					+ ", which is no longer running"));
			return locks;
		} catch (SiteLock.HeldException e) {
			err.println("palisade " + command + ": " + e.getMessage());
			return null;
		}
	}

	/** Says on {@code err} who deploys the site now, if anyone: a plan made meanwhile may be out of date. */
	void sayLockHolder(PrintStream err) throws IOException {
		SiteLock.holder(state.lockFile()).ifPresent(h -> err.println("palisade plan: note: the site is being changed"
				+ " right now (" + h.describe() + "); this plan may be out of date when it ends"));
	}

	/** Prints the journal entries of the site that this run does not take care of. */
	void sayJournalNotes(DeployEngine engine, List<String> only, PrintStream err) throws IOException {
		Set<String> inDesign = new HashSet<>();
		config.devices().forEach(d -> inDesign.add(d.name()));
		Set<String> inRun = new HashSet<>();
		devices(only).forEach(d -> inRun.add(d.name()));
		for (String note : engine.journalNotes(inDesign, inRun)) {
			err.println(note);
		}
		for (Path old : olderJournalEntries(state.designDir())) {
			err.println("palisade: note: " + old + " is a journal entry of an earlier Palisade (kept per device name,"
					+ " before journals were kept per site); it is not used. If its device's deploy was interrupted,"
					+ " it holds what the device had before: read it, restore what it lists by hand or redeploy, then delete it.");
		}
	}

	/** @return journal entries in the layout before #11 ({@code .palisade-journal/<device>.json}), which no run reads */
	static List<Path> olderJournalEntries(Path designDir) throws IOException {
		Path dir = designDir.resolve(".palisade-journal");
		if (!java.nio.file.Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		try (var files = java.nio.file.Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".json")
					&& java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
		}
	}
}
