package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.cli.VirtualSite;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.FaultSpec;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;
import org.palisade.validation.PasswordPolicy;

/**
 * {@code palisade simulate <site> [--map FILE] [--duration SECONDS]}: one virtual Axis device per
 * camera and speaker of the site, on loopback ports, until stopped (Ctrl-C) or for the given time.
 * Writes the address map (and, beside it, the generated device passwords) that {@code plan} and
 * {@code deploy --simulate} read. Passwords are never printed.
 */
public class SimulateCommand {

	private final PrintStream out;
	private final PrintStream err;

	public SimulateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int run(List<String> argv) throws InterruptedException {
		Args args = new Args(argv, Set.of("--map", "--duration", "--fault"), Set.of("--https"));
		long durationSeconds = -1;
		if (args.get("--duration") != null) {
			durationSeconds = args.intValue("--duration", 0);
			if (durationSeconds < 1) {
				throw new UsageException("--duration must be at least 1 (seconds)");
			}
		}
		List<FaultSpec> faults = new java.util.ArrayList<>();
		for (String f : args.all("--fault")) {
			try {
				faults.add(FaultSpec.parse(f));
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
		}
		if (args.positional.size() != 1) {
			throw new UsageException("name one site design (a .perimeter file or its folder)");
		}
		SiteInput input;
		try {
			input = SiteInput.load(Path.of(args.positional.get(0)), err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade simulate: " + e.getMessage());
			return Palisade.ERRORS;
		}
		VirtualSite.Devices devices = VirtualSite.of(input.site());
		for (FaultSpec f : faults) {
			if (f.device() != null && devices.descriptors().stream().noneMatch(d -> d.name().equals(f.device()))) {
				throw new UsageException("--fault: no camera or speaker named '" + f.device() + "' in "
						+ input.config().site());
			}
		}
		Path privateDir;
		Path keyStore;
		List<DeviceDescriptor> descriptors = devices.descriptors();
		try {
			privateDir = SimulationMap.privateDir(SimulationMap.defaultDir());
			keyStore = privateDir.resolve(slug(input.config().site()) + "-" + ProcessHandle.current().pid() + "-"
					+ Long.toHexString(System.nanoTime()) + ".p12");
			if (args.has("--https")) {
				char[] pw = PasswordPolicy.generate(20);
				try {
					Path store = SelfSignedStore.create(slug(input.config().site()), keyStore, pw);
					List<DeviceDescriptor> tls = new java.util.ArrayList<>();
					for (DeviceDescriptor d : descriptors) {
						tls.add(d.toBuilder().tls(store, pw).build());
					}
					descriptors = tls;
				} finally {
					java.util.Arrays.fill(pw, '\0');
				}
			}
		} catch (IOException e) {
			err.println("palisade simulate: " + e.getMessage());
			return Palisade.ERRORS;
		}
		Path mapFile = args.get("--map") != null ? Path.of(args.get("--map"))
				: SimulationMap.defaultFile(input.config().site());
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
			SimulationMap.remove(mapFile, credentialsFile[0]);
			stopped.countDown();
		}, "palisade-simulate-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			Map<String, URI> uris = new LinkedHashMap<>();
			for (VirtualDevice d : fleet.devices()) {
				uris.put(d.name(), d.baseUri());
				out.println(d.name() + " (" + d.descriptor().model() + ") -> " + d.baseUri());
				for (FaultSpec f : faults) {
					if (f.device() == null || f.device().equals(d.name())) {
						f.applyTo(d);
						out.println("  faults: " + f.faults().stream().map(x -> x.name()).toList());
					}
				}
			}
			credentialsFile[0] = SimulationMap.write(mapFile, privateDir, input.config().site(), uris,
					devices.credentials());
			out.println("address map: " + mapFile);
			out.println("use it with: palisade plan|deploy " + args.positional.get(0) + " --simulate"
					+ (args.get("--map") != null ? " --map " + mapFile : ""));
			out.println(fleet.size() + " virtual device(s) running; stop with Ctrl-C");
			out.flush();
			if (durationSeconds > 0) {
				stopped.await(durationSeconds, TimeUnit.SECONDS);
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
			SimulationMap.remove(mapFile, credentialsFile[0]);
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// the hook is running: it cleans up
			}
		}
	}

	private static String slug(String site) {
		return site.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
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
