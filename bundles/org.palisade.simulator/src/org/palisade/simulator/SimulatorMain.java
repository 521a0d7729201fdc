package org.palisade.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * Starts a {@link VirtualFleet} from a fleet file and runs until stopped (Ctrl-C / SIGTERM), or
 * for {@code --duration <seconds>}.
 * <p>
 * Usage: {@code SimulatorMain <fleet.json|fleet.properties> [--map <out.json>] [--duration <s>]}.
 * Prints one line per device, {@code <name> <kind> <model> <url>}; {@code --map} also writes
 * {@code {"<name>": {"url": ..., "port": ...}}} so that a CLI can map a site's devices onto the
 * fleet. Passwords are never printed.
 */
public final class SimulatorMain {

	private SimulatorMain() {
	}

	public static void main(String[] args) throws Exception {
		System.exit(run(args, System.out, System.err));
	}

	/** @return the process exit code: 0 after a normal stop, 2 on bad usage, 1 on failure */
	public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
		Path fleetFile = null;
		Path map = null;
		long duration = -1;
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
				case "--map" -> map = Path.of(args[++i]);
				case "--duration" -> duration = Long.parseLong(args[++i]);
				default -> {
					if (fleetFile != null || args[i].startsWith("--")) {
						throw new IllegalArgumentException("unexpected argument " + args[i]);
					}
					fleetFile = Path.of(args[i]);
				}
				}
			}
			if (fleetFile == null) {
				throw new IllegalArgumentException("missing fleet file");
			}
		} catch (RuntimeException e) {
			err.println("usage: SimulatorMain <fleet.json|fleet.properties> [--map <out.json>] [--duration <seconds>]");
			err.println(e.getMessage());
			return 2;
		}
		VirtualFleet fleet;
		try {
			List<DeviceDescriptor> descriptors = FleetFile.read(fleetFile);
			fleet = VirtualFleet.start(descriptors);
		} catch (IOException | RuntimeException e) {
			err.println("cannot start the fleet: " + e.getMessage());
			return 1;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			fleet.stopAll();
			stopped.countDown();
		}, "virtual-fleet-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			JsonObject mapJson = new JsonObject();
			for (VirtualDevice d : fleet.devices()) {
				out.println(d.name() + " " + d.descriptor().kind().name().toLowerCase(java.util.Locale.ROOT) + " "
						+ d.descriptor().model().replace(' ', '_') + " " + d.baseUri());
				JsonObject entry = new JsonObject();
				entry.addProperty("url", d.baseUri().toString());
				entry.addProperty("port", d.port());
				mapJson.add(d.name(), entry);
			}
			if (map != null) {
				Files.writeString(map, new GsonBuilder().setPrettyPrinting().create().toJson(mapJson),
						StandardCharsets.UTF_8);
			}
			out.println("virtual fleet of " + fleet.size() + " device(s) running; stop with Ctrl-C");
			out.flush();
			if (duration >= 0) {
				stopped.await(duration, TimeUnit.SECONDS);
			} else {
				stopped.await();
			}
			return 0;
		} catch (IOException e) {
			err.println("cannot write the map file: " + e.getMessage());
			return 1;
		} finally {
			fleet.stopAll();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException alreadyShuttingDown) {
				// the hook is running; nothing to remove
			}
		}
	}
}
