package org.palisade.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.palisade.cli.Palisade;
import org.palisade.deploy.site.Scenario;
import org.palisade.deploy.site.SelfSignedStore;
import org.palisade.deploy.site.SiteCommissioning;
import org.palisade.deploy.site.SiteRehearsal;
import org.palisade.deploy.site.VirtualSite;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.FaultSpec;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;
import org.palisade.simulator.rules.FleetRuntime;
import org.palisade.validation.PasswordPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade simulate <site> [--map FILE] [--duration SECONDS]}: one virtual Axis device per
 * camera and speaker of the site, on loopback ports, until stopped (Ctrl-C) or for the given time.
 * Writes the address map that {@code plan} and {@code deploy --simulate} read; the generated
 * device passwords (and, with {@code --https}, the devices' self-signed key) go to simulate's
 * private folder (see {@link SimulationMap}) and everything is removed when it stops. Passwords
 * are never printed. {@code --fault} arms faults on the devices (see {@link FaultSpec}).
 */
@Command(name = "simulate", description = { "One virtual Axis device per camera and speaker, on loopback ports, until",
		"stopped (Ctrl-C); 'plan' and 'deploy --simulate' then talk to them." })
public class SimulateCommand extends CliCommand {

	@Parameters(paramLabel = "SITE", description = "the site design (a .perimeter file or its folder)")
	Path site;

	@Option(names = "--map", paramLabel = "FILE", description = "where to write the address map (default: in a private folder of yours, removed on exit)")
	Path map;

	@Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long (default: until Ctrl-C)")
	Long duration;

	@Option(names = "--https", description = "serve HTTPS with a self-signed certificate, as Axis devices ship")
	boolean https;

	@Option(names = "--fault", paramLabel = "[DEVICE:]FAULT,...", description = { "rehearse a bad day (repeatable):",
			"latency=MS, fail-after=N[/STATUS], drop-after=N, fail-next=N[/STATUS], drop-next=N,",
			"fail-rate=P[/STATUS], wrong-password; without DEVICE, every device" })
	List<String> faultSpecs = new ArrayList<>();

	@Option(names = "--model", paramLabel = "DEVICE=MODEL", description = { "the virtual DEVICE is that catalog MODEL instead (repeatable):",
			"it reports that model and runs only the applications the model can run,",
			"to rehearse a device that is not what the design says" })
	List<String> models = new ArrayList<>();

	@Option(names = "--serial", paramLabel = "DEVICE=SERIAL", description = { "the virtual DEVICE reports that serial number (12 hex digits) and",
			"its MAC instead of the design's (repeatable), to rehearse another device",
			"cabled to the address: plan and deploy refuse it" })
	List<String> serials = new ArrayList<>();

	@Option(names = "--factory-new", description = { "start the devices as out of the box: no root password, HTTP only until",
			"HTTPS is turned on, a self-signed certificate each, the factory address; for 'palisade commission'" })
	boolean factoryNew;

	@Option(names = "--events-from-stdin", description = { "read events from standard input, one a line, and play them at once:",
			"North1.PerimeterDefender.intrusion, North1.input.2[.normal] (as rehearse --event)" })
	boolean eventsFromStdin;

	@Override
	int run() throws InterruptedException {
		if (duration != null) {
			atLeast("--duration", duration, 1);
		}
		List<FaultSpec> faults = new ArrayList<>();
		for (String f : faultSpecs) {
			try {
				faults.add(FaultSpec.parse(f));
			} catch (IllegalArgumentException e) {
				throw usage(e.getMessage());
			}
		}
		SiteInput input;
		try {
			input = SiteInput.load(site, err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade simulate: " + e.getMessage());
			return Palisade.ERRORS;
		}
		Map<String, String> substitutes = new LinkedHashMap<>();
		for (String m : models) {
			int eq = m.indexOf('=');
			if (eq <= 0 || eq == m.length() - 1) {
				throw usage("--model: expected DEVICE=MODEL, got '" + m + "'");
			}
			substitutes.put(m.substring(0, eq), m.substring(eq + 1));
		}
		Map<String, String> otherSerials = new LinkedHashMap<>();
		for (String m : serials) {
			int eq = m.indexOf('=');
			if (eq <= 0 || eq == m.length() - 1) {
				throw usage("--serial: expected DEVICE=SERIAL, got '" + m + "'");
			}
			otherSerials.put(m.substring(0, eq), m.substring(eq + 1));
		}
		VirtualSite.Devices devices;
		try {
			devices = VirtualSite.of(input.site(), substitutes, otherSerials);
		} catch (IllegalArgumentException e) {
			// Each message names the device, model or serial at fault.
			throw usage((otherSerials.isEmpty() ? "--model: " : substitutes.isEmpty() ? "--serial: " : "") + e.getMessage());
		}
		for (FaultSpec f : faults) {
			if (f.device() != null && devices.descriptors().stream().noneMatch(d -> d.name().equals(f.device()))) {
				throw usage("--fault: no camera or speaker named '" + f.device() + "' in " + input.config().site());
			}
		}
		String slug = input.config().site().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		Path privateDir;
		Path keyStore;
		List<DeviceDescriptor> descriptors = devices.descriptors();
		try {
			privateDir = SimulationMap.privateDir(SimulationMap.defaultDir());
			keyStore = privateDir.resolve(slug + "-" + ProcessHandle.current().pid() + "-"
					+ Long.toHexString(System.nanoTime()) + ".p12");
			if (https) {
				char[] pw = PasswordPolicy.generate(20);
				try {
					Path store = SelfSignedStore.create(slug, keyStore, pw);
					List<DeviceDescriptor> tls = new ArrayList<>();
					for (DeviceDescriptor d : descriptors) {
						tls.add(d.toBuilder().tls(store, pw).build());
					}
					descriptors = tls;
				} finally {
					Arrays.fill(pw, '\0');
				}
			}
		} catch (IOException e) {
			err.println("palisade simulate: " + e.getMessage());
			return Palisade.ERRORS;
		}
		List<Path> stores = new ArrayList<>();
		if (factoryNew) {
			try {
				descriptors = SiteCommissioning.factoryNew(devices.descriptors(), privateDir);
				descriptors.forEach(d -> stores.add(d.tlsKeyStore()));
			} catch (IOException e) {
				err.println("palisade simulate: " + e.getMessage());
				return Palisade.ERRORS;
			}
		}
		Path mapFile = map != null ? map : SimulationMap.defaultFile(input.config().site());
		VirtualFleet fleet;
		try {
			fleet = VirtualFleet.start(descriptors);
		} catch (IOException e) {
			err.println("palisade simulate: cannot start the virtual devices: " + e.getMessage());
			return Palisade.ERRORS;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Path[] credentialsFile = new Path[1];
		Thread hook = new Thread(() -> {
			fleet.stopAll();
			deleteQuietly(keyStore);
			stores.forEach(SimulateCommand::deleteQuietly);
			SimulationMap.remove(mapFile, credentialsFile[0]);
			stopped.countDown();
		}, "palisade-simulate-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			Map<String, URI> uris = new LinkedHashMap<>();
			Map<String, URI> httpsUris = new LinkedHashMap<>();
			for (VirtualDevice d : fleet.devices()) {
				uris.put(d.name(), d.baseUri());
				if (factoryNew && d.httpsUri() != null) {
					httpsUris.put(d.name(), d.httpsUri());
					out.println("  factory-new: no root account, HTTP only until HTTPS is turned on (then " + d.httpsUri()
							+ "); stands for its factory address and its design address");
				}
				out.println(d.name() + " (" + d.descriptor().model() + " serial " + d.descriptor().serial() + ") -> "
						+ d.baseUri());
				for (FaultSpec f : faults) {
					if (f.device() == null || f.device().equals(d.name())) {
						f.applyTo(d);
						out.println("  faults: " + f.faults().stream().map(FaultSpec.Fault::name).toList());
					}
				}
			}
			// Factory-new devices have no account: commissioning records the passwords it gives them there.
			credentialsFile[0] = SimulationMap.write(mapFile, privateDir, input.config().site(), uris, httpsUris,
					factoryNew ? Map.of() : devices.credentials());
			out.println("address map: " + mapFile);
			out.println("use it with: palisade " + (factoryNew ? "commission|" : "") + "plan|deploy " + site + " --simulate"
					+ (map != null ? " --map " + mapFile : ""));
			// The devices run what a deploy leaves on them, on the real clock: schedules switch,
			// rules fire, and the event streams show it.
			FleetRuntime runtime = fleet.runtime().addresses(VirtualSite.addresses(input.site(), fleet));
			runtime.follow();
			for (VirtualDevice d : fleet.devices()) {
				out.println(d.name() + " events: " + (https ? "wss" : "ws") + "://127.0.0.1:" + d.port()
						+ "/vapix/ws-data-stream?sources=events (Digest, or a token from /axis-cgi/wssession.cgi)");
			}
			out.println(fleet.size() + " virtual device(s) running; stop with Ctrl-C");
			out.flush();
			if (eventsFromStdin) {
				java.time.ZoneId zone = SiteRehearsal.zone(input.site());
				Thread events = new Thread(() -> injectFromStdin(runtime, zone), "palisade-simulate-events");
				events.setDaemon(true);
				events.start();
			}
			if (duration != null) {
				stopped.await(duration, TimeUnit.SECONDS);
			} else {
				stopped.await();
			}
			return Palisade.OK;
		} catch (IOException e) {
			err.println("palisade simulate: cannot write the address map: " + e.getMessage());
			return Palisade.ERRORS;
		} finally {
			fleet.stopAll();
			deleteQuietly(keyStore);
			stores.forEach(SimulateCommand::deleteQuietly);
			SimulationMap.remove(mapFile, credentialsFile[0]);
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// the hook is running: it cleans up
			}
		}
	}

	/** Plays each line of standard input as an event, now; a bad line is said and skipped. */
	private void injectFromStdin(FleetRuntime runtime, java.time.ZoneId zone) {
		java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
				java.nio.charset.StandardCharsets.UTF_8));
		try {
			int n = 0;
			for (String line; (line = in.readLine()) != null;) {
				n++;
				if (line.isBlank() || line.strip().startsWith("#")) {
					continue;
				}
				try {
					Scenario.Event e = Scenario.event(line.strip(), runtime.clock().instant(), zone, "stdin:" + n);
					if (e.application() != null) {
						runtime.applicationEvent(e.device(), e.application(), e.event(), SiteRehearsal.HOLD);
					} else if (e.door() != null) {
						runtime.doorAlarm(e.device(), e.door(), e.event(), SiteRehearsal.HOLD);
					} else {
						runtime.input(e.device(), e.inputPort(), e.active());
					}
					out.println("event " + e.text() + " played");
				} catch (Scenario.Invalid | IllegalArgumentException x) {
					err.println("palisade simulate: " + (x instanceof Scenario.Invalid ? "" : "stdin:" + n + ": ") + x.getMessage());
				}
				out.flush();
			}
		} catch (IOException e) {
			err.println("palisade simulate: standard input: " + e.getMessage());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			if (file != null) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			// best effort: the files live in the temporary folder
		}
	}
}
