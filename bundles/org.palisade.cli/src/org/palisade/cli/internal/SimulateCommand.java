package org.palisade.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.palisade.cli.Palisade;
import org.palisade.cli.VirtualSite;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade simulate <site> [--map FILE] [--duration SECONDS]}: one virtual Axis device per
 * camera and speaker of the site, on loopback ports, until stopped (Ctrl-C) or for the given time.
 * Writes the address map (and, beside it, the generated device passwords) that {@code plan} and
 * {@code deploy --simulate} read. Passwords are never printed.
 */
@Command(name = "simulate", description = { "One virtual Axis device per camera and speaker, on loopback ports, until",
		"stopped (Ctrl-C); 'plan' and 'deploy --simulate' then talk to them." })
public class SimulateCommand extends CliCommand {

	@Parameters(paramLabel = "SITE", description = "the site design (a .perimeter file or its folder)")
	Path site;

	@Option(names = "--map", paramLabel = "FILE", description = "where to write the address map (default: in the temporary folder)")
	Path map;

	@Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long (default: until Ctrl-C)")
	Long duration;

	@Override
	int run() throws InterruptedException {
		if (duration != null) {
			atLeast("--duration", duration, 1);
		}
		SiteInput input;
		try {
			input = SiteInput.load(site, err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade simulate: " + e.getMessage());
			return Palisade.ERRORS;
		}
		VirtualSite.Devices devices = VirtualSite.of(input.site());
		Path mapFile = map != null ? map : SimulationMap.defaultFile(input.config().site());
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
			out.println("use it with: palisade plan|deploy " + site + " --simulate" + (map != null ? " --map " + mapFile : ""));
			out.println(fleet.size() + " virtual device(s) running; stop with Ctrl-C");
			out.flush();
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
