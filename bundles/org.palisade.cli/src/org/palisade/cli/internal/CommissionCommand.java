package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.cli.Palisade;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.SiteState;
import org.palisade.deploy.site.SiteCommissioning;
import org.palisade.deploy.vapix.driver.CommissionJournal;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.deploy.vapix.driver.PasswordVault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade commission <site>}: takes factory-new devices from their factory (or DHCP) address
 * to the design's, ready for {@code deploy} (issue #17 item 2). Shows the plan per device first,
 * then commissions one device at a time (factory-new devices share the factory address): see
 * {@link Commissioner}. Passwords go to secure storage (or {@code --credentials FILE}, or the
 * simulation's credentials file) and are never printed; every step is in the site's commissioning
 * journal. Holds the site's lock while it changes devices.
 */
@Command(name = "commission", description = { "Take factory-new devices to the design's address: root password, HTTPS",
		"with the device's certificate pinned, the password changed over HTTPS, static address, gateway",
		"and DNS, time zone and NTP; journaled and resumable. Then: palisade deploy." })
public class CommissionCommand extends CliCommand {

	@Parameters(paramLabel = "SITE", description = "the site design (a .perimeter file or its folder)")
	Path site;

	@Option(names = "--device", paramLabel = "NAME", description = "only this device (repeatable)")
	List<String> devices = new ArrayList<>();

	@Option(names = "--address", paramLabel = "NAME=IP", description = { "where the device answers now (its DHCP address;",
			"default: its catalog model's factory address, 192.168.0.90) (repeatable)" })
	List<String> addresses = new ArrayList<>();

	@Option(names = "--credentials", paramLabel = "FILE", description = { "record the passwords in this private file,",
			"outside the design's folder (default: secure storage)" })
	Path credentials;

	@Option(names = "--simulate", description = "the virtual devices of 'palisade simulate --factory-new'")
	boolean simulate;

	@Option(names = "--map", paramLabel = "FILE", description = "the address map 'palisade simulate --map' wrote (implies --simulate)")
	Path map;

	@Option(names = "--plan", description = "show the commissioning plan only")
	boolean planOnly;

	@Option(names = "--lock-timeout", paramLabel = "SECONDS", description = "wait this long for the site's lock (default 0: refuse at once)")
	long lockTimeout;

	/** Four dotted numbers of 0 to 255 ("999.1.1.1" reached the HTTP client as an address). */
	private static boolean ipv4(String ip) {
		if (!ip.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
			return false;
		}
		for (String octet : ip.split("\\.")) {
			if (Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return true;
	}

	@Override
	int run() throws Exception {
		atLeast("--lock-timeout", lockTimeout, 0);
		Map<String, String> given = new LinkedHashMap<>();
		for (String a : addresses) {
			int eq = a.indexOf('=');
			String ip = eq < 0 ? "" : a.substring(eq + 1);
			if (eq <= 0 || !ipv4(ip)) {
				throw usage("--address: expected NAME=IP (an IPv4 address), got '" + a + "'");
			}
			given.put(a.substring(0, eq), ip);
		}
		SiteInput input;
		try {
			input = SiteInput.load(site, err);
		} catch (SiteInput.Invalid e) {
			err.println(name() + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
		for (String d : devices) {
			if (input.config().device(d) == null) {
				throw usage("--device: no networked device named '" + d + "' in " + input.config().site());
			}
		}
		List<Commissioner.Target> targets;
		try {
			targets = SiteCommissioning.targets(input.site(), input.config(), devices, given);
		} catch (IllegalArgumentException e) {
			throw usage(e.getMessage());
		}
		boolean simulated = simulate || map != null;
		SiteState state = new SiteState(input.designDir(), input.config().site(), simulated);
		Commissioner.Reach reach = Commissioner.Reach.direct();
		PasswordVault vault;
		if (simulated) {
			Path mapFile = map != null ? map : SimulationMap.defaultFile(input.config().site());
			if (!Files.exists(mapFile)) {
				err.println(name() + ": " + mapFile + ": no simulation map; start one with: palisade simulate " + site
						+ " --factory-new");
				return Palisade.ERRORS;
			}
			SimulationMap m;
			Map<String, URI> https;
			try {
				m = SimulationMap.read(mapFile);
				https = SimulationMap.https(mapFile);
			} catch (IOException e) {
				throw usage(e.getMessage());
			}
			reach = SiteCommissioning.reach(m.devices(), https);
			vault = PasswordVault.file(m.credentialsFile());
		} else if (credentials != null) {
			Path dir = input.designDir().toAbsolutePath().normalize();
			if (credentials.toAbsolutePath().normalize().startsWith(dir)) {
				throw usage("--credentials: " + credentials + " lies in the design's folder (" + input.designDir()
						+ "); keep passwords outside, where they are not committed with the design");
			}
			vault = PasswordVault.file(credentials);
		} else {
			vault = PasswordVault.secureStorage();
		}
		if (!simulated) {
			String off = offNetwork(targets, given.keySet());
			if (off != null) {
				err.println(name() + ": " + off);
				return Palisade.ERRORS;
			}
		}
		CommissionJournal journal = new CommissionJournal(SiteCommissioning.journalFile(state));
		Commissioner commissioner = SiteCommissioning.commissioner(state, vault, reach).listener((d, s) -> progress(d, s));
		boolean pending = printPlan(input.config().site(), targets, commissioner, journal, out);
		String next = "palisade deploy " + site + (simulated ? " --simulate" + (map != null ? " --map " + map : "") : "");
		if (!pending) {
			out.println("Nothing to commission: every device holds its address, password, HTTPS and time (read back). Next: "
					+ next);
			return Palisade.OK;
		}
		if (planOnly) {
			return Palisade.OK;
		}
		try (SiteLock lock = lock(state)) {
			if (lock == null) {
				return Palisade.ERRORS;
			}
			boolean failed = false;
			// One device at a time: factory-new devices all answer at the same factory address.
			for (Commissioner.Target t : targets) {
				Commissioner.Result r = commissioner.commission(t);
				if (r.failure() == null) {
					out.println(t.device() + ": commissioned at " + t.address() + (r.steps().isEmpty() ? " (nothing to do)"
							: " (" + String.join(", ", r.steps()) + ")"));
				} else {
					failed = true;
					out.println(t.device() + ": failed - " + r.failure());
				}
			}
			out.println(failed ? "Commissioning incomplete; run it again to resume (journal " + journal.file() + ")."
					: "Commissioned. Next: " + next);
			return failed ? Palisade.ERRORS : Palisade.OK;
		}
	}

	/**
	 * Prints each device's steps, {@code +} to do and {@code =} done.
	 *
	 * @return whether any step is to do
	 */
	static boolean printPlan(String site, List<Commissioner.Target> targets, Commissioner commissioner,
			CommissionJournal journal, PrintStream out) {
		SiteCommissioning.Plan plan = SiteCommissioning.plan(site, targets, commissioner, journal);
		plan.lines().forEach(out::println);
		return plan.pending();
	}

	/**
	 * A factory address is reached on the device's own segment, never through a router: a device
	 * none of whose addresses lies on a network of this machine would only time out (#17).
	 *
	 * @param given the devices whose address the command line gives (the user knows it is reachable)
	 * @return why commissioning cannot start here, or {@code null}
	 */
	static String offNetwork(List<Commissioner.Target> targets, java.util.Set<String> given) {
		String off = org.palisade.deploy.site.FactoryNew.offNetwork(targets, given);
		return off == null ? null : off + ", or give where a device answers with --address NAME=IP; for virtual"
				+ " devices use --simulate. Nothing was sent";
	}

	private void progress(String device, String step) {
		synchronized (err) {
			err.println("[" + device + "] " + step);
		}
	}

	private SiteLock lock(SiteState state) throws IOException, InterruptedException {
		try {
			return state.lock("commission", Duration.ofSeconds(lockTimeout));
		} catch (SiteLock.HeldException e) {
			err.println(name() + ": " + state.site() + ": " + e.getMessage());
			return null;
		}
	}
}
