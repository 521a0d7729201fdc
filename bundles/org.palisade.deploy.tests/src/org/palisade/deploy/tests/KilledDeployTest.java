package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.simulator.DeviceState;

import com.google.gson.Gson;

/**
 * A deploy process killed after its Nth device operation (a separate JVM that halts itself)
 * leaves, after the next run, the device fully deployed; the journal it left says so and holds
 * no secret.
 */
class KilledDeployTest {

	/** 1 read, 11 steps, 1 read back: killing before each of them, and not at all. */
	private static final int OPERATIONS = 13;

	@Test
	void killedRunIsCompletedByTheNextRun(@TempDir Path dir) throws Exception {
		StringBuilder table = new StringBuilder("\nKilled deploy process (North1, manual scenario):\n");
		for (int n = 0; n <= OPERATIONS; n++) {
			Path journalDir = dir.resolve("journal" + n);
			try (Harness h = new Harness(journalDir)) {
				DeviceConfiguration north = h.config.device("North1");
				DeviceState.Snapshot before = h.camera().state().snapshot();
				Path desired = dir.resolve("desired" + n + ".json");
				Files.writeString(desired, new Gson().toJson(north.objects()), StandardCharsets.UTF_8);
				char[] pw = h.virtual.credentials().get(north.credentials()).password();
				String secret = new String(pw);
				ProcessBuilder pb = new ProcessBuilder(java(), "-cp", classPath(), KillableDeploy.class.getName(),
						journalDir.toString(), desired.toString(), "North1", h.camera().baseUri().toString(),
						north.credentials(), Integer.toString(n));
				pb.environment().put(CredentialStore.variable(north.credentials()), "root:" + secret);
				pb.redirectErrorStream(true);
				Process p = pb.start();
				String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertTrue(p.waitFor(60, TimeUnit.SECONDS));
				int exit = p.exitValue();
				assertTrue(exit == 0 || exit == KillableDeploy.KILLED, "child failed: " + output);
				assertFalse(output.contains(secret), "the child printed the password");
				boolean journaled = !h.journal.devices().isEmpty();
				if (journaled) {
					for (Path f : Files.list(journalDir).toList()) {
						assertFalse(Files.readString(f).contains(secret), "the journal holds the password");
					}
				}
				boolean unchangedByChild = before.equals(h.camera().state().snapshot());

				DeviceResult next = Harness.result(h.deploy(), "North1");
				assertEquals(journaled, next.interrupted(), "run " + n + ": " + h.progress);
				assertTrue(next.outcome() == Outcome.DEPLOYED || next.outcome() == Outcome.UNCHANGED, next.toString());
				assertTrue(Harness.result(h.plan(), "North1").plan().isEmpty(), "fully deployed after the next run");
				assertEquals(List.of(), h.journal.devices());
				table.append(String.format("  killed before operation %2d: exit %3d, journal %-5s, device %-18s -> next run: %s%s%n",
						n + 1, exit, journaled ? "left" : "none", unchangedByChild ? "as it was" : "partly changed",
						next.outcome(), next.interrupted() ? " (reported interrupted)" : ""));
			}
		}
		System.out.println(table);
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString());
	}

	/** The class path of the child: the bundles it needs, as the OSGi framework loaded them. */
	private static String classPath() throws URISyntaxException {
		Set<String> entries = new LinkedHashSet<>();
		for (Class<?> c : List.of(KillableDeploy.class, ManagedObject.class, VapixClient.class, Gson.class)) {
			entries.add(location(c));
		}
		return String.join(File.pathSeparator, new ArrayList<>(entries));
	}

	private static String location(Class<?> c) throws URISyntaxException {
		Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
		// A bundle folder keeps its classes under bin/ or target/classes when run from a workspace.
		for (String sub : List.of("target/classes", "bin")) {
			if (Files.isDirectory(p) && Files.isDirectory(p.resolve(sub))
					&& !Files.exists(p.resolve(c.getName().replace('.', '/') + ".class"))) {
				return p.resolve(sub).toString();
			}
		}
		return p.toString();
	}
}
