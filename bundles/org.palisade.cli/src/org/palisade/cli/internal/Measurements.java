package org.palisade.cli.internal;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the benchmarks read off the JVM: the machine, heap peaks, and the CPU, GC and JIT time
 * of the whole process.
 */
final class Measurements {

	private Measurements() {
	}

	/** Deletes a bench's scratch folder of generated designs (flat: the benches write no subfolders). */
	static void deleteScratch(Path dir) throws IOException {
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) {
				Files.deleteIfExists(p);
			}
		}
		Files.deleteIfExists(dir);
	}

	/** @return cores, CPU model (where /proc tells it), Java version and maximum heap */
	static String machine() {
		String cpu = System.getProperty("os.arch");
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
		} catch (IOException e) {
			// not Linux: the architecture stands for the CPU
		}
		Runtime rt = Runtime.getRuntime();
		return rt.availableProcessors() + " cores (" + cpu + "), Java " + System.getProperty("java.version")
				+ ", max heap " + rt.maxMemory() / (1024 * 1024) + " MB";
	}

	/** Starts a new peak for {@link #peakHeapBytes()}. */
	static void resetHeapPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** @return the sum of the heap pools' peaks since {@link #resetHeapPeaks()} */
	static long peakHeapBytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	/** @return CPU time of this process (all threads, GC and JIT included), or -1 where the JVM does not report it */
	static long processCpuNanos() {
		try {
			// Through the MBean server, not com.sun.management, which OSGi does not export to bundles.
			Object v = ManagementFactory.getPlatformMBeanServer()
					.getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
			return v instanceof Long l ? l : -1;
		} catch (JMException | RuntimeException e) {
			return -1;
		}
	}

	/** @return the time all collectors have spent so far */
	static long gcMillis() {
		long sum = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			sum += Math.max(0, gc.getCollectionTime());
		}
		return sum;
	}

	/** @return the time the JIT compilers have spent so far, or 0 where it is not monitored */
	static long jitMillis() {
		CompilationMXBean c = ManagementFactory.getCompilationMXBean();
		return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
	}
}
