package org.palisade.cli.internal;

import java.io.IOException;
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
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;
import org.palisade.dsl.load.SyntheticSite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palisade bench parse [--sizes 100,1000,10000] [--runs N] [--warmups N]}: parse +
 * link + validate wall time and peak heap of synthetic sites, next to loading the same model
 * from XMI in the same process. Figures are medians of the measured runs; the warm-up runs let
 * the JIT compile the lexer's and parser's large methods (without them the first runs measure
 * the interpreter), and the cold first run is reported beside them.
 */
@Command(name = "parse", description = { "Time parse+link+validate of synthetic sites against loading the same model",
		"from XMI, with peak heap." })
public class ParseBenchCommand extends CliCommand {

	/** The least warm-up time per size. */
	private static final long WARMUP_NANOS = 5_000_000_000L;

	@Option(names = "--sizes", split = ",", paramLabel = "N,N...", description = "cameras per site (default 100,1000,10000)")
	int[] sizes = { 100, 1000, 10000 };

	@Option(names = "--runs", paramLabel = "N", description = "measured runs per size (default ${DEFAULT-VALUE})")
	int runs = 3;

	@Option(names = "--warmups", paramLabel = "N", description = "least warm-up runs per size (default ${DEFAULT-VALUE})")
	int warmups = 3;

	@Override
	int run() throws IOException {
		atLeast("--runs", runs, 1);
		atLeast("--warmups", warmups, 0);
		for (int size : sizes) {
			atLeast("--sizes", size, 1);
		}
		out.println("machine: " + Measurements.machine());
		out.println("times are medians of " + runs + " runs after at least " + warmups + " warm-up runs and "
				+ WARMUP_NANOS / 1_000_000_000 + " s of warm-up per size (DSL and XMI runs alternate);");
		out.println("parse+link+validate = total (parse+link+validate);");
		out.println("cpu ms = CPU time of the whole process (GC and JIT threads included) during the same step;");
		out.println("first run = the cold first DSL / XMI run of that size, JIT still compiling");
		out.println();
		out.printf("%8s %8s | %22s %7s %8s | %11s %7s %8s | %6s | %s%n", "cameras", "text MB", "parse+link+validate ms",
				"cpu ms", "peak MB", "XMI load ms", "cpu ms", "peak MB", "ratio", "first run");
		Path dir = Files.createTempDirectory("palisade-bench");
		try {
			for (int size : sizes) {
				bench(dir, size, warmups, runs);
			}
		} finally {
			Measurements.deleteScratch(dir);
		}
		return Palisade.OK;
	}

	private void bench(Path dir, int cameras, int warmups, int runs) throws IOException {
		Path text = dir.resolve("bench-" + cameras + ".perimeter");
		Files.writeString(text, SyntheticSite.of(cameras));
		Path xmi = dir.resolve("bench-" + cameras + ".xmi");

		// The two loaders alternate, so that whatever else the machine does falls on both,
		// and the JIT has compiled both before the measured runs.
		long[] dsl = new long[runs];
		long[] dslPeak = new long[runs];
		long[] parse = new long[runs];
		long[] link = new long[runs];
		long[] load = new long[runs];
		long[] loadPeak = new long[runs];
		long[] dslCpu = new long[runs];
		long[] loadCpu = new long[runs];
		long coldDsl = 0;
		long coldXmi = 0;
		// Warm-up lasts at least --warmups runs and at least WARMUP_NANOS, so that small sites,
		// whose runs are short, are measured with compiled code too.
		long warmupEnd = System.nanoTime() + WARMUP_NANOS;
		int warm = -1;
		for (int i = 0; warm < 0 || i < warm + runs; i++) {
			Measure m = Measure.start();
			DesignSet set;
			try {
				set = Languages.designSet().load(List.of(text));
			} catch (DesignInputException e) {
				throw new IOException(e.getMessage(), e);
			}
			long parsed = m.millis();
			set.link();
			long linked = m.millis();
			List<DesignDiagnostic> diagnostics = set.validate();
			long ms = m.millis();
			long cpu = m.cpuMillis();
			long peak = m.peakHeapMb();
			long errors = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).count();
			if (errors > 0) {
				throw new IllegalStateException("the synthetic site has " + errors + " errors: " + diagnostics.get(0).format());
			}
			if (i == 0) {
				coldDsl = ms;
				saveXmi(set, xmi);
			}
			set = null;

			m = Measure.start();
			XtextResourceSet rs = Languages.injector().getInstance(XtextResourceSet.class);
			rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
			rs.getResource(URI.createFileURI(xmi.toString()), true);
			EcoreUtil.resolveAll(rs);
			long xmiMs = m.millis();
			long xmiCpu = m.cpuMillis();
			long xmiPeak = m.peakHeapMb();
			if (i == 0) {
				coldXmi = xmiMs;
			}
			if (warm < 0 && i + 1 >= warmups && System.nanoTime() >= warmupEnd) {
				warm = i + 1;
				continue;
			}
			int r = warm < 0 ? -1 : i - warm;
			if (r >= 0) {
				dsl[r] = ms;
				dslPeak[r] = peak;
				parse[r] = parsed;
				link[r] = linked - parsed;
				load[r] = xmiMs;
				loadPeak[r] = xmiPeak;
				dslCpu[r] = cpu;
				loadCpu[r] = xmiCpu;
			}
		}
		long dslMs = median(dsl);
		long xmiMs = median(load);
		out.printf("%8d %8.1f | %22s %7d %8d | %11d %7d %8d | %5.2fx | %s%n", cameras, Files.size(text) / 1e6,
				dslMs + " (" + median(parse) + "+" + median(link) + "+" + (dslMs - median(parse) - median(link)) + ")",
				median(dslCpu), median(dslPeak), xmiMs, median(loadCpu), median(loadPeak),
				xmiMs == 0 ? 0.0 : (double) dslMs / xmiMs,
				coldDsl + " / " + coldXmi + " ms");
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

	/** Wall time and peak heap of one measured step; heap peaks are reset at its start. */
	private record Measure(long startNanos, long startCpuNanos) {
		static Measure start() {
			System.gc();
			Measurements.resetHeapPeaks();
			return new Measure(System.nanoTime(), Measurements.processCpuNanos());
		}

		long millis() {
			return (System.nanoTime() - startNanos) / 1_000_000;
		}

		long cpuMillis() {
			return (Measurements.processCpuNanos() - startCpuNanos) / 1_000_000;
		}

		long peakHeapMb() {
			return Measurements.peakHeapBytes() / (1024 * 1024);
		}
	}
}
