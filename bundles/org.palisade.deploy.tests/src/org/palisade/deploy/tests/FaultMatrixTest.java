package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.FaultInjector;

/**
 * Every injected fault ends in success after retry, or in the device restored to its prior state,
 * each checked by reading the device back: zero half-configured devices. Prints the matrix.
 */
class FaultMatrixTest {

	/**
	 * Calls of a clean first deployment of North1 (theMatrixFaultsEveryCall counts them): 9 reads
	 * (identity in the param.cgi list; capabilities and stream profiles included), 21 requests for
	 * its steps (the settings go out together: setTimeZone and one param.cgi update with the
	 * port; both stream profiles in one create; one request per event1/action1 item, four of them
	 * for the alert to the surveillance center and the recording on alarm), 7 reads back.
	 */
	private static final int CALLS = 37;

	private record Case(String fault, Consumer<FaultInjector> arm) {
	}

	private static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		cases.add(new Case("latency 40 ms per call", f -> f.latency(Duration.ofMillis(40))));
		cases.add(new Case("HTTP 503 on the next 2 calls", f -> f.failNext(2, 503)));
		cases.add(new Case("HTTP 502 on the next 2 calls", f -> f.failNext(2, 502)));
		cases.add(new Case("dropped connection on the next call", f -> f.dropNext(1)));
		cases.add(new Case("random HTTP 503, p=0.2", f -> f.failRandomly(0.2, 42, 503)));
		for (int n = 0; n <= CALLS; n++) {
			int ok = n;
			cases.add(new Case("HTTP 500 after call " + n, f -> f.failAfter(ok, 500, 1)));
			cases.add(new Case("dropped connection after call " + n, f -> f.dropAfter(ok, 1)));
			cases.add(new Case("HTTP 503 x3 after call " + n, f -> f.failAfter(ok, 503, 3)));
		}
		return cases;
	}

	@Test
	void everyFaultEndsDeployedOrRestored(@TempDir Path dir) throws Exception {
		Map<Outcome, Integer> tally = new LinkedHashMap<>();
		StringBuilder table = new StringBuilder("\nFault matrix (first deployment of North1, manual scenario):\n");
		int halfConfigured = 0;
		int i = 0;
		for (Case c : cases()) {
			try (Harness h = new Harness(Files.createDirectories(dir.resolve("case" + i++)))) {
				DeviceState.Snapshot before = h.camera().state().snapshot();
				c.arm().accept(h.camera().faults());
				DeviceResult r = Harness.result(h.deploy(), "North1");
				long injected = h.camera().faults().injectedCount();
				h.camera().faults().clear();
				String end;
				if (r.outcome() == Outcome.DEPLOYED && Harness.result(h.plan(), "North1").plan().isEmpty()) {
					end = "fully deployed (read back: empty plan)";
				} else if (r.outcome() == Outcome.RESTORED && before.equals(h.camera().state().snapshot())) {
					end = "restored (read back: equals the state before)";
				} else {
					end = "HALF-CONFIGURED";
					halfConfigured++;
				}
				assertEquals(List.of(), h.journal.devices(), c.fault());
				tally.merge(r.outcome(), 1, Integer::sum);
				table.append(String.format("  %-38s injected %2d  -> %-9s %s%n", c.fault(), injected, r.outcome(), end));
			}
		}
		table.append("  totals: ").append(tally).append(", half-configured: ").append(halfConfigured).append('\n');
		System.out.println(table);
		assertEquals(0, halfConfigured, table.toString());
		assertTrue(tally.getOrDefault(Outcome.RESTORED, 0) > 0, "some faults must force a restore");
	}

	/**
	 * The matrix faults every call: a clean first deployment of North1 makes exactly {@link #CALLS}
	 * authenticated calls (Digest challenges are not calls to the fault injector), so a change to
	 * the number of calls shows here, and the matrix follows it.
	 */
	@Test
	void theMatrixFaultsEveryCall(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.camera().clearRequestLog();
			assertEquals(Outcome.DEPLOYED, Harness.result(h.deploy(), "North1").outcome(), h.progress.toString());
			List<String> calls = h.camera().requestLog().stream().filter(r -> r.status() != 401)
					.map(r -> r.path().replaceFirst("^.*/", "") + (r.operation() == null ? "" : " " + r.operation()))
					.toList();
			assertEquals(CALLS, calls.size(), calls.toString());
		}
	}

	@Test
	void failedRedeployRestoresThePreviousDeployment(@TempDir Path dir) throws Exception {
		int restored = 0;
		for (int n = 0; n <= 16; n++) {
			try (Harness h = new Harness(Files.createDirectories(dir.resolve("n" + n)))) {
				assertEquals(Outcome.DEPLOYED, Harness.result(h.deploy(), "North1").outcome());
				List<ManagedObject> v1 = h.config.device("North1").objects();
				List<ManagedObject> v2 = changed(v1);
				h.camera().faults().failAfter(n, 500, 1);
				DeployEngine.Job job = h.jobs().get(0);
				DeviceResult r = h.engine().deploy(List.of(new DeployEngine.Job("North1", v2, job.driver()))).get(0);
				h.camera().faults().clear();
				List<ManagedObject> expected = r.outcome() == Outcome.DEPLOYED ? v2 : v1;
				assertTrue(r.outcome() == Outcome.DEPLOYED || r.outcome() == Outcome.RESTORED, r.toString());
				DeviceResult check = h.engine().plan(List.of(new DeployEngine.Job("North1", expected, job.driver()))).get(0);
				assertTrue(check.plan().isEmpty(), "after call " + n + ": " + r.outcome() + " but " + check.plan().describe());
				if (r.outcome() == Outcome.RESTORED) {
					restored++;
				}
			}
		}
		assertTrue(restored > 0);
	}

	/** The design changed: beacon for 60 s instead of 30, port renamed. */
	private static List<ManagedObject> changed(List<ManagedObject> v1) {
		List<ManagedObject> v2 = new ArrayList<>();
		for (ManagedObject o : v1) {
			Map<String, String> a = new LinkedHashMap<>(o.attributes());
			if (o.id().equals("action/Flashing beacon")) {
				a.put("param.duration", "60");
			} else if (o.kind().equals(Conventions.PORT)) {
				a.put("name", "Beacon");
			}
			v2.add(o.withAttributes(a));
		}
		return v2;
	}

	@Test
	void wrongPasswordChangesNothing(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			DeviceState.Snapshot before = h.camera().state().snapshot();
			h.camera().changePassword("someone-changed-it".toCharArray());
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.FAILED_UNCHANGED, r.outcome());
			assertTrue(r.error().contains("authentication"), r.error());
			assertEquals(before, h.camera().state().snapshot());
			assertEquals(Outcome.UNCHANGED, Harness.result(h.deploy(), "Horn").outcome(),
					"one failing device does not stop the others");
		}
	}

	@Test
	void permanentFaultKeepsTheJournalAndTheNextRunCompletes(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.camera().faults().failAfter(10, 500);
			List<DeviceResult> first = h.deploy();
			assertEquals(Outcome.FAILED_JOURNALED, Harness.result(first, "North1").outcome());
			assertEquals(Outcome.UNCHANGED, Harness.result(first, "Horn").outcome());
			assertEquals(List.of("North1"), h.journal.devices());
			h.camera().faults().clear();
			DeviceResult plan = Harness.result(h.plan(), "North1");
			assertTrue(plan.interrupted());
			DeviceResult second = Harness.result(h.deploy(), "North1");
			assertTrue(second.interrupted());
			assertEquals(Outcome.DEPLOYED, second.outcome());
			assertTrue(Harness.result(h.plan(), "North1").plan().isEmpty());
			assertEquals(List.of(), h.journal.devices());
		}
	}
}
