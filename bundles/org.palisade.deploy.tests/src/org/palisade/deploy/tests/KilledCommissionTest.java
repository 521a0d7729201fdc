package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.simulator.VirtualDevice;

/**
 * Issue #17 item 2, fault-matrix style: a commissioning process killed after each of its steps (a
 * separate JVM that halts itself) is resumed by the next run. After every killed run the device
 * holds either no root account or a password that is recorded (the reference's, or the pending
 * {@code .next} one), and either its factory address or the design's, the latter only when the
 * journal announced it; the next run completes it to the design, and neither run prints a password.
 */
class KilledCommissionTest {

	/** More steps than a commissioning takes: the loop stops at the first run that is not killed. */
	private static final int MAX_STEPS = 16;

	@Test
	void aKilledRunIsResumedAndNothingGoesUnrecorded(@TempDir Path dir) throws Exception {
		Path store = CommissionerTest.certificate(dir);
		StringBuilder table = new StringBuilder("\nKilled commissioning process (factory-new North1, 192.168.0.90 -> 10.20.0.11):\n");
		int killed = 0;
		int unrecordedPasswords = 0;
		int unrecordedAddresses = 0;
		int movedBeforeKill = 0;
		boolean completed = false;
		for (int n = 0; n <= MAX_STEPS && !completed; n++) {
			Path run = Files.createDirectories(dir.resolve("run-" + n));
			Path credentials = run.resolve("credentials");
			Path journal = run.resolve("commission.jsonl");
			try (VirtualDevice device = CommissionerTest.factoryNew(CommissionerTest.SERIAL, store)) {
				Run first = run(run, device, n);
				completed = first.exit == 0;
				assertTrue(first.exit == 0 || first.exit == KillableDeploy.KILLED, "child failed: " + first.output);
				if (first.exit != 0) {
					killed++;
				}
				// What the killed run left: the device's root password must be a recorded one, its address
				// the factory one or one the journal announced before it was sent.
				String current = CommissionerTest.password(credentials, CommissionerTest.REF);
				String pending = CommissionerTest.password(credentials, CommissionerTest.REF + Commissioner.PENDING);
				boolean account = device.requestLog().stream().anyMatch(q -> q.path().equals("/axis-cgi/pwdgrp.cgi")
						&& "add".equals(q.operation()) && q.status() == 200);
				String held = !account ? "none (no account)"
						: current != null && CommissionerTest.opens(device, current) ? "recorded"
								: pending != null && CommissionerTest.opens(device, pending) ? "pending, recorded" : "UNRECORDED";
				unrecordedPasswords += held.equals("UNRECORDED") ? 1 : 0;
				String address = device.state().parameter("Network.IPAddress");
				boolean announced = Files.exists(journal) && Files.readString(journal).contains("\"address recorded\"");
				boolean moved = address.equals("10.20.0.11");
				movedBeforeKill += moved && first.exit != 0 ? 1 : 0;
				unrecordedAddresses += !moved && address.equals("192.168.0.90") || announced ? 0 : 1;

				Run next = run(run, device, -1);
				assertEquals(0, next.exit, "the next run completes it: " + next.output);
				String after = CommissionerTest.password(credentials, CommissionerTest.REF);
				assertTrue(after != null && CommissionerTest.opens(device, after), "the recorded password is the device's");
				assertNull(CommissionerTest.password(credentials, CommissionerTest.REF + Commissioner.PENDING));
				assertEquals("10.20.0.11", device.state().parameter("Network.IPAddress"));
				assertEquals("yes", device.state().parameter("HTTPS.Enabled"));
				assertEquals("10.20.0.1", device.state().parameter("Time.NTP.Server"));
				assertEquals("Europe/Stockholm", device.state().timeZone());
				assertEquals(Pins.fingerprint(Pins.fetch(device.httpsUri(), java.time.Duration.ofSeconds(2))),
						Pins.load(run.resolve("site.pins")).of("North1"));
				for (Run r : new Run[] { first, next }) {
					for (String secret : new String[] { after, current, pending }) {
						assertFalse(secret != null && r.output.contains(secret), "a run printed a password");
					}
				}
				assertFalse(Files.readString(journal).contains(after), "a password in the journal");
				table.append(String.format("  %-50s password %-17s address %-12s -> next run: %s%n",
						first.exit == 0 ? "not killed (" + steps(first.output).split(", ").length + " steps):" : "killed after step " + n + lastStep(first) + ":",
						held, address, steps(next.output)));
			}
		}
		table.append(String.format("  %d killed runs, %d left the device on its new address, %d devices with an unrecorded"
				+ " password, %d with an unrecorded address%n", killed, movedBeforeKill, unrecordedPasswords,
				unrecordedAddresses));
		System.out.println(table);
		assertTrue(completed, table.toString());
		assertEquals(0, unrecordedPasswords, table.toString());
		assertEquals(0, unrecordedAddresses, table.toString());
		assertTrue(killed >= 13, table.toString());
		assertTrue(movedBeforeKill >= 4, table.toString());
	}

	private record Run(int exit, String output) {
	}

	private static Run run(Path run, VirtualDevice device, int killAfter) throws Exception {
		ProcessBuilder pb = new ProcessBuilder(KilledDeployTest.java(), "-cp", KilledDeployTest.classPath(),
				KillableCommission.class.getName(), run.resolve("credentials").toString(),
				run.resolve("commission.jsonl").toString(), run.resolve("site.pins").toString(), device.baseUri().toString(),
				device.httpsUri().toString(), Integer.toString(killAfter));
		pb.redirectErrorStream(true);
		Process p = pb.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		return new Run(p.exitValue(), output);
	}

	private static String lastStep(Run r) {
		String last = "";
		for (String l : r.output.split("\n")) {
			if (l.startsWith("North1: ")) {
				last = l.substring(8).strip();
			}
		}
		return last.isEmpty() ? "" : " (" + last + ")";
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
