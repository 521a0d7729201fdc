package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeviceLocks;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.SiteState;

import com.google.gson.Gson;

/** The site lock: held, waited for, left by a killed process, stale, and read without taking it. */
class SiteLockTest {

	@Test
	void aSecondLockIsRefusedAtOnceNamingTheHolder(@TempDir Path dir) throws Exception {
		SiteState site = new SiteState(dir, "Harbour Depot", false);
		try (SiteLock first = site.lock("deploy", Duration.ZERO)) {
			long t0 = System.nanoTime();
			SiteLock.HeldException e = assertThrows(SiteLock.HeldException.class, () -> site.lock("deploy", Duration.ZERO));
			assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "refused at once");
			String me = System.getProperty("user.name");
			assertTrue(e.getMessage().contains("deploy by " + me + " on "), e.getMessage());
			assertTrue(e.getMessage().contains("(PID " + ProcessHandle.current().pid() + ") since "), e.getMessage());
			assertEquals(first.holder(), e.holder());
			assertEquals(first.holder(), SiteLock.holder(site.lockFile()).orElseThrow());
		}
		assertTrue(SiteLock.holder(site.lockFile()).isEmpty(), "free once closed");
		assertEquals("", Files.readString(site.lockFile()), "the file stays, emptied");
		assertEquals(dir.resolve(".palisade-journal/harbour-depot.lock"), site.lockFile());
	}

	@Test
	void aWaitingLockGetsItWhenTheHolderLetsGoWithinTheTimeout(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("s.lock");
		SiteLock first = SiteLock.acquire(file, "deploy", Duration.ZERO);
		CompletableFuture.runAsync(() -> {
			sleep(400);
			first.close();
		});
		long t0 = System.nanoTime();
		try (SiteLock second = SiteLock.acquire(file, "deploy", Duration.ofSeconds(5))) {
			long ms = (System.nanoTime() - t0) / 1_000_000;
			assertTrue(ms >= 350 && ms < 3000, "waited " + ms + " ms");
		}
		// Just too short a wait: refused, saying how long it waited.
		try (SiteLock held = SiteLock.acquire(file, "deploy", Duration.ZERO)) {
			SiteLock.HeldException e = assertThrows(SiteLock.HeldException.class,
					() -> SiteLock.acquire(file, "deploy", Duration.ofMillis(600)));
			assertTrue(e.getMessage().contains("(waited 0 s)") || e.getMessage().contains("(waited 1 s)"), e.getMessage());
		}
	}

	@Test
	void aLockOfAnotherProcessIsRefusedAndTakenOverOnceThatProcessIsKilled(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("s.lock");
		ProcessBuilder pb = new ProcessBuilder(java(), "-cp", classPath(), LockHolder.class.getName(), file.toString());
		pb.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process child = pb.start();
		try {
			BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			String line = r.readLine();
			assertEquals("locked " + child.pid(), line);
			// The operating system's lock itself is held, not only the holder named in the file: a
			// second descriptor of the file, opened and closed by the holder, must not have dropped it.
			try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
					java.nio.file.StandardOpenOption.WRITE)) {
				assertEquals(null, ch.tryLock(), "the child holds the OS lock");
			}
			SiteLock.HeldException e = assertThrows(SiteLock.HeldException.class,
					() -> SiteLock.acquire(file, "deploy", Duration.ZERO));
			assertEquals(child.pid(), e.holder().pid());
			assertTrue(e.getMessage().contains("(PID " + child.pid() + ")"), e.getMessage());
			child.destroyForcibly(); // SIGKILL: no finally, no shutdown hook
			assertTrue(child.waitFor(30, TimeUnit.SECONDS));
			try (SiteLock mine = SiteLock.acquire(file, "deploy", Duration.ZERO)) {
				assertEquals(child.pid(), mine.tookOverFrom().orElseThrow().pid(), "names the killed holder");
			}
		} finally {
			child.destroyForcibly();
		}
	}

	@Test
	void aFileNamingAGoneProcessIsStaleAndOneOfAnotherHostIsNot(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("s.lock");
		Process gone = new ProcessBuilder(java(), "-version").redirectErrorStream(true).start();
		gone.getInputStream().readAllBytes();
		assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
		String host = java.net.InetAddress.getLocalHost().getHostName();
		write(file, host, gone.pid(), Instant.now().minusSeconds(60));
		assertTrue(SiteLock.holder(file).isEmpty(), "a dead PID holds nothing");
		try (SiteLock l = SiteLock.acquire(file, "deploy", Duration.ZERO)) {
			assertEquals(gone.pid(), l.tookOverFrom().orElseThrow().pid());
		}
		// A live process of this host that started after the lock was taken: a reused PID, stale.
		write(file, host, ProcessHandle.current().parent().orElseThrow().pid(), Instant.parse("2001-01-01T00:00:00Z"));
		try (SiteLock l = SiteLock.acquire(file, "deploy", Duration.ZERO)) {
			assertTrue(l.tookOverFrom().isPresent());
		}
		// Another host cannot be checked: held, with the way out named.
		write(file, "elsewhere.example", 4242, Instant.now());
		SiteLock.HeldException e = assertThrows(SiteLock.HeldException.class,
				() -> SiteLock.acquire(file, "deploy", Duration.ZERO));
		assertTrue(e.getMessage().contains("on elsewhere.example (PID 4242)"), e.getMessage());
		assertTrue(e.getMessage().contains("delete " + file.toRealPath()), e.getMessage());
	}

	@Test
	void aLinkInPlaceOfTheLockFileIsNotFollowed(@TempDir Path dir) throws Exception {
		Path target = dir.resolve("elsewhere.txt");
		Files.writeString(target, "keep me");
		Path file = dir.resolve("s.lock");
		Files.createSymbolicLink(file, target);
		assertThrows(java.io.IOException.class, () -> SiteLock.acquire(file, "deploy", Duration.ZERO));
		assertEquals("keep me", Files.readString(target));
	}

	private static void write(Path file, String host, long pid, Instant since) throws Exception {
		Files.writeString(file, new Gson().toJson(java.util.Map.of("user", "bob", "host", host, "pid", pid, "since",
				since.toString(), "operation", "deploy")));
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString());
	}

	/** The child's class path: this bundle, the engine and Gson, as the OSGi framework loaded them. */
	static String classPath() throws Exception {
		StringBuilder b = new StringBuilder();
		for (Class<?> c : new Class<?>[] { LockHolder.class, SiteLock.class, Gson.class }) {
			Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
			for (String sub : java.util.List.of("target/classes", "bin")) {
				if (Files.isDirectory(p) && Files.isDirectory(p.resolve(sub))
						&& !Files.exists(p.resolve(c.getName().replace('.', '/') + ".class"))) {
					p = p.resolve(sub);
					break;
				}
			}
			b.append(b.length() > 0 ? File.pathSeparator : "").append(p);
		}
		return b.toString();
	}

	@Test
	void twoRunsOfDifferentDesignsThatShareACameraDoNotChangeItAtOnce(@TempDir Path dir) throws Exception {
		Path locks = dir.resolve("device-locks");
		try (DeviceLocks first = DeviceLocks.acquire(locks, java.util.Map.of("North1", "10.20.0.11:443", "Horn", "10.20.0.30:443"),
				"deploy", Duration.ZERO)) {
			SiteLock.HeldException e = assertThrows(SiteLock.HeldException.class, () -> DeviceLocks.acquire(locks,
					java.util.Map.of("Gate camera", "10.20.0.11:443"), "deploy", Duration.ZERO));
			assertTrue(e.getMessage().startsWith("device Gate camera (10.20.0.11:443) is being changed by deploy of North1"
					+ " (10.20.0.11:443) by " + System.getProperty("user.name")), e.getMessage());
			assertTrue(e.getMessage().endsWith("wait for it to finish, or give --lock-timeout"), e.getMessage());
			// Another device of the same machine is free; a device without an address is not locked.
			java.util.Map<String, String> others = new java.util.HashMap<>();
			others.put("Gate camera", "10.20.0.12:443");
			others.put("Beacon1", null);
			try (DeviceLocks other = DeviceLocks.acquire(locks, others, "deploy", Duration.ZERO)) {
				assertTrue(other.tookOver().isEmpty());
			}
		}
		// Once the first run ends, the shared camera is free again.
		try (DeviceLocks again = DeviceLocks.acquire(locks, java.util.Map.of("Gate camera", "10.20.0.11:443"), "deploy", Duration.ZERO)) {
			assertTrue(Files.exists(locks.resolve("10.20.0.11_443.lock")));
		}
	}
}
