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

	/** More than a deployment of North1 takes: the loop stops at the first run that is not killed. */
	private static final int MAX_OPERATIONS = 40;

	@Test
	void killedRunIsCompletedByTheNextRun(@TempDir Path dir) throws Exception {
		matrix(dir, -1, "Killed deploy process, apply phase (North1, manual scenario):");
	}

	/** The third change fails, the engine restores the device, and the kill lands in that restore. */
	@Test
	void runKilledWhileRestoringIsCompletedByTheNextRun(@TempDir Path dir) throws Exception {
		matrix(dir, 3, "Killed deploy process, restore phase (North1; its 3rd change fails, the run restores):");
	}

	private static void matrix(Path dir, int failAtChange, String title) throws Exception {
		StringBuilder table = new StringBuilder("\n" + title + "\n");
		int killed = 0;
		int killedRestoring = 0;
		int halfConfigured = 0;
		boolean completed = false;
		for (int n = 0; n <= MAX_OPERATIONS && !completed; n++) {
			Path journalDir = dir.resolve("journal" + n);
			try (Harness h = new Harness(journalDir)) {
				DeviceConfiguration north = h.config.device("North1");
				DeviceState.Snapshot before = h.camera().state().snapshot();
				Path desired = dir.resolve("desired" + n + ".json");
				Files.writeString(desired, new Gson().toJson(north.objects()), StandardCharsets.UTF_8);
				ProcessBuilder pb = new ProcessBuilder(java(), "-cp", classPath(), KillableDeploy.class.getName(),
						journalDir.toString(), desired.toString(), "North1", h.camera().baseUri().toString(),
						north.credentials(), Integer.toString(n), Integer.toString(failAtChange));
				// Every reference the camera's objects use: its own, and the horn speaker's (the recipient).
				List<String> secretsOfRun = new ArrayList<>();
				for (var e : h.virtual.credentials().entrySet()) {
					String pwOf = new String(e.getValue().password());
					secretsOfRun.add(pwOf);
					pb.environment().put(CredentialStore.variable(e.getKey()), e.getValue().username() + ":" + pwOf);
				}
				// The site's devices by design address, as a deploy has them: the camera's door commands name the
				// door controller's door by its token, asked of the controller (#19).
				StringBuilder peers = new StringBuilder();
				for (DeviceConfiguration d : h.config.devices()) {
					peers.append(d.address()).append('=').append(d.name()).append('=')
							.append(h.fleet.device(d.name()).baseUri()).append(';');
				}
				pb.environment().put(KillableDeploy.PEERS, peers.toString());
				pb.redirectErrorStream(true);
				Process p = pb.start();
				String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertTrue(p.waitFor(60, TimeUnit.SECONDS));
				int exit = p.exitValue();
				completed = exit == 0;
				assertTrue(exit == 0 || exit == KillableDeploy.KILLED, "child failed: " + output);
				assertTrue(exit != 0 || output.contains(failAtChange > 0 ? "result: RESTORED" : "result: DEPLOYED"),
						"a run that was not killed deploys (or, with a failing change, restores): " + output);
				for (String sec : secretsOfRun) {
					assertFalse(output.contains(sec), "the child printed a password");
				}
				boolean journaled = !h.journal.devices().isEmpty();
				if (journaled) {
					for (Path f : Files.list(journalDir).toList()) {
						for (String sec : secretsOfRun) {
							assertFalse(Files.readString(f).contains(sec), "the journal holds a password");
						}
					}
				}
				boolean unchangedByChild = before.equals(h.camera().state().snapshot());
				boolean restoring = output.contains("restoring the previous state");
				if (exit != 0) {
					killed++;
					killedRestoring += restoring ? 1 : 0;
				}
				// Half-configured: changed by a killed run, and no journal to complete or restore it from.
				if (exit != 0 && !unchangedByChild && !journaled) {
					halfConfigured++;
				}

				DeviceResult next = Harness.result(h.deploy(), "North1");
				assertEquals(journaled, next.interrupted(), "run " + n + ": " + h.progress);
				assertTrue(next.outcome() == Outcome.DEPLOYED || next.outcome() == Outcome.UNCHANGED, next.toString());
				assertTrue(Harness.result(h.plan(), "North1").plan().isEmpty(), "fully deployed after the next run");
				assertEquals(List.of(), h.journal.devices());
				table.append(restoring && exit != 0 ? "  [restoring] " : "              ");
				table.append(String.format((exit == 0 ? "  not killed (after %2d ops):  " : "  killed before operation %2d: ")
						+ "exit %3d %-24s journal %-5s, device %-18s -> next run: %s%s%n",
						exit == 0 ? n : n + 1, exit, childResult(output), journaled ? "left" : "none", unchangedByChild ? "as it was" : exit == 0 ? "deployed" : "partly changed",
						next.outcome(), next.interrupted() ? " (reported interrupted)" : ""));
			}
		}
		table.append(String.format("  %d killed runs (%d while restoring), %d left half-configured without a journal,"
				+ " every next run fully deployed%n", killed, killedRestoring, halfConfigured));
		System.out.println(table);
		assertTrue(completed, "some run must get through without being killed: " + table);
		assertEquals(0, halfConfigured, table.toString());
		if (failAtChange > 0) {
			assertTrue(killedRestoring >= 3, "kills landed in the restore: " + table);
		}
	}

	private static String childResult(String output) {
		int i = output.lastIndexOf("result: ");
		return i < 0 ? "(killed)" : "(" + output.substring(i).strip() + ")";
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString());
	}

	/** The class path of the child: the bundles it needs, as the OSGi framework loaded them. */
	static String classPath() throws URISyntaxException {
		Set<String> entries = new LinkedHashSet<>();
		// HttpClient (client5, core5, and h2 for its TlsConfig) and SLF4J with its silent provider.
		for (Class<?> c : List.of(KillableDeploy.class, ManagedObject.class, VapixClient.class, Gson.class,
				org.apache.hc.client5.http.impl.classic.HttpClients.class, org.apache.hc.core5.http.HttpHost.class,
				org.apache.hc.core5.http2.HttpVersionPolicy.class, org.slf4j.LoggerFactory.class,
				org.slf4j.nop.NOPServiceProvider.class)) {
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
