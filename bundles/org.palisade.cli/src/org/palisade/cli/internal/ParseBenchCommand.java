package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;

/**
 * {@code palisade bench parse [--sizes 100,1000,10000] [--runs N]}: parse + link + validate
 * wall time and peak heap of synthetic sites, next to loading the same model from XMI
 * in the same run. Figures are medians of N runs after one warm-up run.
 */
public class ParseBenchCommand {

	private final PrintStream out;

	public ParseBenchCommand(PrintStream out) {
		this.out = out;
	}

	public int run(List<String> args) throws IOException {
		int[] sizes = { 100, 1000, 10000 };
		int runs = 3;
		for (int i = 0; i < args.size(); i++) {
			switch (args.get(i)) {
			case "--sizes" -> sizes = Arrays.stream(value(args, ++i, "--sizes").split(",")).mapToInt(Integer::parseInt).toArray();
			case "--runs" -> runs = Integer.parseInt(value(args, ++i, "--runs"));
			default -> throw new UsageException("unknown argument " + args.get(i));
			}
		}
		out.println("machine: " + machine());
		out.println("times are medians of " + runs + " runs after a warm-up; parse+link+validate = total (parse+link+validate)");
		out.println();
		out.printf("%8s %8s | %22s %10s | %16s %10s | %s%n", "cameras", "text MB", "parse+link+validate ms",
				"peak MB", "XMI load ms", "peak MB", "ratio");
		Path dir = Files.createTempDirectory("palisade-bench");
		try {
			for (int size : sizes) {
				bench(dir, size, runs);
			}
		} finally {
			try (var files = Files.list(dir)) {
				for (Path p : files.toList()) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(dir);
		}
		return Palisade.OK;
	}

	private static String value(List<String> args, int i, String option) {
		if (i >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(i);
	}

	private void bench(Path dir, int cameras, int runs) throws IOException {
		Path text = dir.resolve("bench-" + cameras + ".perimeter");
		Files.writeString(text, SyntheticSite.of(cameras));
		Path xmi = dir.resolve("bench-" + cameras + ".xmi");

		long[] dsl = new long[runs];
		long[] dslPeak = new long[runs];
		long[] parse = new long[runs];
		long[] link = new long[runs];
		for (int r = -1; r < runs; r++) {
			Measure m = Measure.start();
			DesignSet set;
			try {
				set = Languages.designSet().load(List.of(text));
			} catch (DesignInputException e) {
				throw new IOException(e.getMessage(), e);
			}
			long parsed = m.millis();
			EcoreUtil.resolveAll(set.resourceSet());
			long linked = m.millis();
			List<DesignDiagnostic> diagnostics = set.validate();
			long ms = m.millis();
			long peak = m.peakHeapMb();
			long errors = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).count();
			if (errors > 0) {
				throw new IllegalStateException("the synthetic site has " + errors + " errors: " + diagnostics.get(0).format());
			}
			if (r == -1) {
				saveXmi(set, xmi);
			} else {
				dsl[r] = ms;
				dslPeak[r] = peak;
				parse[r] = parsed;
				link[r] = linked - parsed;
			}
		}
		long[] load = new long[runs];
		long[] loadPeak = new long[runs];
		for (int r = -1; r < runs; r++) {
			Measure m = Measure.start();
			XtextResourceSet rs = Languages.injector().getInstance(XtextResourceSet.class);
			rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
			rs.getResource(URI.createFileURI(xmi.toString()), true);
			EcoreUtil.resolveAll(rs);
			if (r >= 0) {
				load[r] = m.millis();
				loadPeak[r] = m.peakHeapMb();
			}
		}
		long dslMs = median(dsl);
		long xmiMs = median(load);
		out.printf("%8d %8.1f | %22s %10d | %16d %10d | %.2fx%n", cameras, Files.size(text) / 1e6,
				dslMs + " (" + median(parse) + "+" + median(link) + "+" + (dslMs - median(parse) - median(link)) + ")",
				median(dslPeak), xmiMs, median(loadPeak), xmiMs == 0 ? 0.0 : (double) dslMs / xmiMs);
	}

	private static void saveXmi(DesignSet set, Path xmi) throws IOException {
		EcoreUtil.resolveAll(set.resourceSet());
		Resource source = set.designs().get(0).eResource();
		Resource target = new XMIResourceFactoryImpl().createResource(URI.createFileURI(xmi.toString()));
		// The copy keeps references into the built-in catalog as hrefs to its .perimeter file.
		List<EObject> copies = new ArrayList<>(EcoreUtil.copyAll(source.getContents()));
		target.getContents().addAll(copies);
		target.save(Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String machine() {
		String cpu = "?";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
		} catch (IOException e) {
			// not Linux: the CPU stays unnamed
		}
		Runtime rt = Runtime.getRuntime();
		return rt.availableProcessors() + " cores (" + cpu + "), Java " + System.getProperty("java.version") + ", max heap "
				+ rt.maxMemory() / (1024 * 1024) + " MB";
	}

	/** Wall time and peak heap of one measured step; heap peaks are reset at its start. */
	private record Measure(long startNanos) {
		static Measure start() {
			System.gc();
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					pool.resetPeakUsage();
				}
			}
			return new Measure(System.nanoTime());
		}

		long millis() {
			return (System.nanoTime() - startNanos) / 1_000_000;
		}

		long peakHeapMb() {
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			return peak / (1024 * 1024);
		}
	}
}
