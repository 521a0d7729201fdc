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
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;

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
		Args args = new Args(argv, Set.of("--map", "--duration"), Set.of());
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
		Path mapFile = args.get("--map") != null ? Path.of(args.get("--map"))
				: SimulationMap.defaultFile(input.config().site());
		VirtualFleet fleet;
		try {
			fleet = VirtualFleet.start(devices.descriptors());
		} catch (IOException e) {
			err.println("palisade simulate: cannot start the virtual devices: " + e.getMessage());
			return Palisade.ERRORS;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Path[] credentialsFile = new Path[1];
		Thread hook = new Thread(() -> {
			fleet.stopAll();
			deleteQuietly(mapFile);
			deleteQuietly(credentialsFile[0]);
			stopped.countDown();
		}, "palisade-simulate-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			Map<String, URI> uris = new LinkedHashMap<>();
			for (VirtualDevice d : fleet.devices()) {
				uris.put(d.name(), d.baseUri());
				out.println(d.name() + " (" + d.descriptor().model() + ") -> " + d.baseUri());
			}
			credentialsFile[0] = SimulationMap.write(mapFile, input.config().site(), uris, devices.credentials());
			out.println("address map: " + mapFile);
			out.println("use it with: palisade plan|deploy " + args.positional.get(0) + " --simulate"
					+ (args.get("--map") != null ? " --map " + mapFile : ""));
			out.println(fleet.size() + " virtual device(s) running; stop with Ctrl-C");
			out.flush();
			String duration = args.get("--duration");
			if (duration != null) {
				stopped.await(Long.parseLong(duration), TimeUnit.SECONDS);
			} else {
				stopped.await();
			}
			return Palisade.OK;
		} catch (IOException e) {
			err.println("palisade simulate: cannot write the address map: " + e.getMessage());
			return Palisade.ERRORS;
		} finally {
			fleet.stopAll();
			deleteQuietly(mapFile);
			deleteQuietly(credentialsFile[0]);
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// the hook is running: it cleans up
			}
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
