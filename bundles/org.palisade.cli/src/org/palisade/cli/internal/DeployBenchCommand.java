package org.palisade.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.palisade.cli.Palisade;
import org.palisade.deploy.site.VirtualSite;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.Journal;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.VapixTargets;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palisade bench deploy [--devices N] [--latency MS] [--parallel N] [--runs N]}: deploys a generated site of N
 * cameras (each the manual's camera: beacon port, streams, two rules) plus one horn speaker to
 * N + 1 virtual devices that add the given latency to every request, and reports the wall time next
 * to the ideal (requests x latency / parallelism), the process CPU time per request and the peak
 * heap (this process holds the virtual devices too). With {@code --runs}, each run deploys to a
 * fresh fleet, so later runs show the figures of a warmed-up JVM.
 */
@Command(name = "deploy", description = { "Deploy a generated site to that many virtual devices: wall time against the",
		"ideal, requests per camera by call, CPU per request, peak heap." })
public class DeployBenchCommand extends CliCommand {

	@Option(names = "--devices", paramLabel = "N", description = "cameras (default ${DEFAULT-VALUE}; at most 60000)")
	int n = 1000;

	@Option(names = "--latency", paramLabel = "MS", description = "added to every request (default ${DEFAULT-VALUE})")
	int latency = 20;

	@Option(names = "--parallel", paramLabel = "N", description = "devices at a time (default ${DEFAULT-VALUE})")
	int parallel = 50;

	@Option(names = "--runs", paramLabel = "N", description = "deploys, each to a fresh fleet (default ${DEFAULT-VALUE})")
	int runs = 1;

	@Override
	int run() throws IOException, GeneralSecurityException {
		atLeast("--devices", n, 1);
		if (n > 60000) {
			throw usage("--devices must be at most 60000 (loopback ports), got " + n);
		}
		atLeast("--latency", latency, 0);
		atLeast("--parallel", parallel, 1);
		atLeast("--runs", runs, 1);
		Path dir = Files.createTempDirectory("palisade-bench");
		Path design = dir.resolve("bench.perimeter");
		Files.writeString(design, design(n));
		long t0 = System.nanoTime();
		SiteInput input;
		try {
			input = SiteInput.load(design, err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade bench deploy: " + e.getMessage());
			return Palisade.ERRORS;
		}
		out.printf(Locale.ROOT, "site: %d cameras + 1 speaker, parsed, validated and generated in %.1f s%n", n,
				(System.nanoTime() - t0) / 1e9);
		out.println("machine: " + Measurements.machine());
		int result = Palisade.OK;
		List<Double> ratios = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			if (runs > 1) {
				out.printf(Locale.ROOT, "run %d of %d%n", run, runs);
			}
			Run r = deployOnce(input, dir.resolve("journal-" + run), latency, parallel);
			if (r.failed() > 0) {
				result = Palisade.ERRORS;
			}
			ratios.add(r.ratio());
		}
		if (runs > 1) {
			List<Double> sorted = new ArrayList<>(ratios);
			sorted.sort(null);
			out.printf(Locale.ROOT, "ratio over %d runs: best %.2f, median %.2f, worst %.2f%n", runs, sorted.get(0),
					sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
		}
		return result;
	}

	private record Run(long failed, double ratio) {
	}

	/** One deploy of the whole site to a fresh fleet; prints its figures. */
	private Run deployOnce(SiteInput input, Path journalDir, int latency, int parallel)
			throws IOException, GeneralSecurityException {
		VirtualSite.Devices virtual = VirtualSite.of(input.site());
		try (VirtualFleet fleet = VirtualFleet.start(virtual.descriptors())) {
			fleet.devices().forEach(d -> d.faults().latency(Duration.ofMillis(latency)));
			CredentialStore store = CredentialStore.empty().add("virtual devices", CredentialStore.of(virtual.credentials()));
			VapixTargets targets = new VapixTargets(store,
					VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(10)), RetryPolicy.defaults(),
					Duration.ofSeconds(30));
			List<DeployEngine.Job> jobs = new ArrayList<>();
			for (DeviceConfiguration d : input.config().devices()) {
				jobs.add(targets.job(d.name(), d.objects(), fleet.device(d.name()).baseUri(), d.credentials(), d.identity(),
						d.address()));
			}
			Measurements.resetHeapPeaks();
			long cpu0 = Measurements.processCpuNanos();
			long gc0 = Measurements.gcMillis();
			long jit0 = Measurements.jitMillis();
			long start = System.nanoTime();
			List<DeviceResult> results = new DeployEngine(new Journal(journalDir), parallel, null).deploy(jobs);
			long wall = System.nanoTime() - start;
			long cpu = Measurements.processCpuNanos() - cpu0;
			long gc = Measurements.gcMillis() - gc0;
			long jit = Measurements.jitMillis() - jit0;
			long peak = Measurements.peakHeapBytes();
			long requests = 0;
			long challenges = 0;
			// What one camera costs, by call: the figure to cut against real cameras (#16).
			java.util.Map<String, Integer> calls = new java.util.TreeMap<>();
			int cameras = 0;
			for (VirtualDevice d : fleet.devices()) {
				List<RequestRecord> log = d.requestLog();
				requests += log.size();
				challenges += log.stream().filter(r -> r.status() == 401).count();
				if (d.descriptor().kind() == DeviceKind.CAMERA) {
					cameras++;
					for (RequestRecord r : log) {
						String call = r.status() == 401 ? "401 challenge"
								: r.path().replaceFirst("^.*/", "") + (r.operation() == null ? "" : " " + r.operation());
						calls.merge(call, 1, Integer::sum);
					}
				}
			}
			long failed = results.stream().filter(r -> r.outcome().isFailure()).count();
			long deployed = results.stream().filter(r -> r.outcome() == DeviceResult.Outcome.DEPLOYED).count();
			double ideal = requests * (double) latency / parallel / 1000.0;
			double seconds = wall / 1e9;
			double ratio = ideal == 0 ? 0 : seconds / ideal;
			out.printf(Locale.ROOT, "deploy: %d deployed, %d unchanged, %d failed%n", deployed,
					results.size() - deployed - failed, failed);
			out.printf(Locale.ROOT, "requests: %d (every one delayed %d ms, 401 challenges included), parallelism %d%n",
					requests, latency, parallel);
			if (cameras > 0) {
				int n = cameras;
				StringBuilder by = new StringBuilder();
				calls.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> by
						.append(by.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", e.getKey(),
								e.getValue() / (double) n)));
				out.printf(Locale.ROOT, "requests per camera: %.1f (401 challenges %d in all); by call: %s%n",
						calls.values().stream().mapToInt(Integer::intValue).sum() / (double) n, challenges, by);
			}
			out.printf(Locale.ROOT, "wall time: %.2f s; ideal (requests x latency / parallelism): %.2f s; ratio %.2f%n",
					seconds, ideal, ratio);
			if (cpu >= 0 && requests > 0) {
				// Client and virtual devices share this process, so this is the CPU of both ends; with
				// fewer cores than parallelism x CPU per request / latency the run is CPU-bound.
				out.printf(Locale.ROOT,
						"process CPU during the deploy: %.1f s (%.2f ms per request, %.0f requests per CPU second;"
								+ " GC %.1f s, JIT compilation %.1f s)%n",
						cpu / 1e9, cpu / 1e6 / requests, requests / (cpu / 1e9), gc / 1e3, jit / 1e3);
			}
			out.printf(Locale.ROOT, "peak heap during the deploy: %d MB (max %d MB; includes the %d virtual devices)%n",
					peak >> 20, Runtime.getRuntime().maxMemory() >> 20, fleet.size());
			return new Run(failed, ratio);
		}
	}


	/** The manual's camera, n times, on one /16 network, with one horn speaker. */
	static String design(int n) {
		StringBuilder b = new StringBuilder("""
				site "Bench" {
					timezone "Europe/Stockholm"
					network lan 10.0.0.0/16 gateway 10.0.0.1
					schedule AfterHours "After hours" {
						Mon-Fri 18:00-08:00
					}
					recipient HornSpeaker "Horn speaker" play Horn clip 2 https
					speaker Horn : "AXIS C1310-E" at 10.0.255.250 on lan credentials "bench/horn" {
						clip 2 "Intruder warning"
					}
				""");
		for (int i = 0; i < n; i++) {
			String ip = "10.0." + (1 + i / 250) + "." + (1 + i % 250);
			b.append("\tcamera C").append(i).append(" : \"AXIS Q1961-TE\" at ").append(ip)
					.append(" on lan credentials \"bench/cameras\" {\n")
					.append("\t\tfirmware lts \"11.11\"\n\t\tpower poe\n")
					.append("\t\tapplication PerimeterDefender { scenario Fence \"Fence line\" }\n")
					.append("\t\tstream \"Analytics\" for applications resolution \"640x480\" fps 15 bitrate abr 800 kbit/s palette white-hot\n")
					.append("\t\tport 1 output \"Flashing beacon\" normally open\n")
					.append("\t\twire red 0.25 mm2 40 m from pin 2 to B").append(i).append(".plus\n")
					.append("\t\twire blue 0.25 mm2 40 m from pin 3 to B").append(i).append(".minus\n")
					.append("\t\trule \"Flashing beacon\" when PerimeterDefender.intrusion during AfterHours do output \"Flashing beacon\" for 30 s\n")
					.append("\t\trule \"Horn speaker\" when PerimeterDefender.intrusion during AfterHours do notify HornSpeaker\n")
					.append("\t}\n\tbeacon B").append(i).append(" : \"Beacon 12V 50mA\"\n");
		}
		return b.append("}\n").toString();
	}
}
