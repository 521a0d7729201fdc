package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;

/**
 * Issue #17 item 2, fault-matrix style: a commissioning process killed after each of its steps (a
 * separate JVM that halts itself) is resumed by the next run, and no run leaves a device with a root
 * password that is not in the credentials file. Neither run prints the password.
 */
class KilledCommissionTest {

	private static final String SERIAL = "ACCC8E012345";
	private static final String REF = "harbour-depot/north1";
	private static final String ZONE = "Europe/Stockholm";
	/** More steps than a commissioning takes: the loop stops at the first run that is not killed. */
	private static final int MAX_STEPS = 8;

	@Test
	void aKilledRunIsResumedAndNoPasswordGoesUnrecorded(@TempDir Path dir) throws Exception {
		StringBuilder table = new StringBuilder("\nKilled commissioning process (factory-new North1):\n");
		int killed = 0;
		int unrecorded = 0;
		int resumed = 0;
		boolean completed = false;
		for (int n = 0; n <= MAX_STEPS && !completed; n++) {
			Path credentials = dir.resolve("credentials-" + n + ".properties");
			try (VirtualDevice device = new VirtualDevice(DeviceDescriptor.builder("North1").serial(SERIAL)
					.password("unused-Pa55word".toCharArray()).factoryNew(true).build()).start()) {
				Run first = run(credentials, device, n);
				completed = first.exit == 0;
				assertTrue(first.exit == 0 || first.exit == KillableDeploy.KILLED, "child failed: " + first.output);
				String password = recorded(credentials);
				// After the killed run: the device either has no account yet, or the recorded password opens it.
				boolean opens = password != null && opens(device, password);
				if (first.exit != 0) {
					killed++;
				}
				Run next = run(credentials, device, -1);
				assertEquals(0, next.exit, "the next run completes it: " + next.output);
				if (next.output.contains("not the one recorded")) {
					unrecorded++;
				}
				String after = recorded(credentials);
				assertTrue(after != null && opens(device, after), "the recorded password is the device's");
				assertEquals(password == null ? after : password, after, "a recorded password is never replaced");
				assertEquals(ZONE, device.state().timeZone());
				for (Run r : new Run[] { first, next }) {
					assertFalse(r.output.contains(after), "a run printed the password");
				}
				resumed += first.exit != 0 && next.output.contains(Commissioner.ROOT_PRESENT) ? 1 : 0;
				table.append(String.format("  %-26s exit %3d, password %-8s, device %-10s -> next run: %s%n",
						first.exit == 0 ? "not killed (" + n + " steps):" : "killed after step " + n + ":", first.exit,
						password == null ? "none" : "recorded", opens ? "has it" : "no account",
						steps(next.output)));
			}
		}
		table.append(String.format("  %d killed runs, %d resumed on a device that already had the recorded password,"
				+ " %d devices with an unrecorded password%n", killed, resumed, unrecorded));
		System.out.println(table);
		assertTrue(completed, table.toString());
		assertEquals(0, unrecorded, table.toString());
		assertTrue(killed >= 3, table.toString());
	}

	private record Run(int exit, String output) {
	}

	private static Run run(Path credentials, VirtualDevice device, int killAfter) throws Exception {
		ProcessBuilder pb = new ProcessBuilder(KilledDeployTest.java(), "-cp", KilledDeployTest.classPath(),
				KillableCommission.class.getName(), credentials.toString(), device.baseUri().toString(), "North1", REF,
				ZONE, "AXIS Q1961-TE", SERIAL, Integer.toString(killAfter));
		pb.redirectErrorStream(true);
		Process p = pb.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		return new Run(p.exitValue(), output);
	}

	private static String recorded(Path credentials) throws Exception {
		if (!Files.exists(credentials)) {
			return null;
		}
		Credential c = CredentialStore.file(credentials, null).find(REF);
		return c == null ? null : new String(c.password());
	}

	private static boolean opens(VirtualDevice device, String password) throws Exception {
		try (VapixClient client = VapixClient.builder("North1", device.baseUri())
				.credentials(new Credentials("root", password.toCharArray())).build()) {
			client.paramCgi().list("Brand.Brand");
			return true;
		} catch (VapixException e) {
			return false;
		}
	}

	private static String steps(String output) {
		StringBuilder b = new StringBuilder();
		for (String l : output.split("\n")) {
			if (l.startsWith("North1: ")) {
				b.append(b.length() == 0 ? "" : ", ").append(l.substring(8).strip());
			}
		}
		return b.toString();
	}
}
