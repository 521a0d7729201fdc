package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.deploy.vapix.driver.DeviceObjects;
import org.palisade.deploy.vapix.driver.VapixTargets;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;

/**
 * Issue #14: speakers ship with action rules and configurations of their own (recorded on an AXIS
 * D4200-VE; the virtual C1310-E holds the "Loud ringer" pair by analogy). A plan reports them as
 * not Palisade's and never changes them; a deploy that fails part-way and is restored leaves them as
 * they were, and so does one that succeeds.
 */
class FactoryItemsDeployTest {

	/** An output toggle and a rule on the speaker's system-ready event: enough for a deploy to write. */
	private static List<ManagedObject> desired() {
		ManagedObject action = ManagedObject.item(Conventions.ACTION, "Strobe test",
				new DeviceObjects.Configuration("com.axis.action.fixed.io.toggle",
						Map.of("port", "0", "state", "high", "duration", "5")).attributes(), List.of());
		ManagedObject rule = ManagedObject.item(Conventions.RULE, "On ready",
				new DeviceObjects.Rule(true, null, List.of(new DeviceObjects.Filter("tns1:Device/tnsaxis:Status/SystemReady",
						"boolean(//SimpleItem[@Name=\"ready\" and @Value=\"1\"])")),
						Conventions.ref(Conventions.ACTION, "Strobe test"), null).attributes(), List.of(action.id()));
		return List.of(action, rule);
	}

	private static DeployEngine.Job job(Harness h, List<ManagedObject> objects) throws Exception {
		DeviceConfiguration d = h.config.device("Horn");
		VapixTargets targets = new VapixTargets(h.credentials,
				VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2)), Harness.FAST, Duration.ofSeconds(5));
		return targets.job("Horn", objects, h.fleet.device("Horn").baseUri(), d.credentials(), d.identity(), d.address());
	}

	private record Factory(List<DeviceState.Configuration> configurations, List<DeviceState.ActionRule> rules) {
		static Factory of(VirtualDevice horn) {
			return new Factory(horn.state().actionConfigurations().stream().filter(c -> !c.name().endsWith(Conventions.TAG))
					.toList(), horn.state().actionRules().stream().filter(r -> !r.name().endsWith(Conventions.TAG)).toList());
		}
	}

	@Test
	void deployAndRestoreLeaveTheSpeakersFactoryRules(@TempDir Path dir) throws Exception {
		int restored = 0;
		for (int n = 0; n <= 14; n++) {
			try (Harness h = new Harness(Files.createDirectories(dir.resolve("n" + n)))) {
				VirtualDevice horn = h.fleet.device("Horn");
				Factory before = Factory.of(horn);
				assertEquals(List.of("loudringer_ringtone"), before.configurations().stream().map(c -> c.name()).toList());
				assertEquals(List.of("Loud ringer"), before.rules().stream().map(r -> r.name()).toList());

				DeviceResult plan = h.engine().plan(List.of(job(h, desired()))).get(0);
				assertEquals(List.of("action/loudringer_ringtone", "rule/Loud ringer"),
						plan.handMade().stream().map(ManagedObject::id).sorted().toList(), "reported, not planned");
				assertTrue(plan.plan().describe().stream().noneMatch(l -> l.contains("ringer")), plan.plan().describe().toString());

				horn.faults().failAfter(n, 500, 1);
				DeviceResult r = h.engine().deploy(List.of(job(h, desired()))).get(0);
				horn.faults().clear();
				assertTrue(r.outcome() == Outcome.DEPLOYED || r.outcome() == Outcome.RESTORED
						|| r.outcome() == Outcome.FAILED_UNCHANGED, "after call " + n + ": " + r);
				assertEquals(before, Factory.of(horn), "after call " + n + ": " + r.outcome());
				if (r.outcome() == Outcome.RESTORED) {
					restored++;
					assertTrue(horn.state().actionRules().stream().noneMatch(x -> x.name().endsWith(Conventions.TAG)));
				}
				// and a deploy that goes through leaves them too
				Outcome again = h.engine().deploy(List.of(job(h, desired()))).get(0).outcome();
				assertEquals(r.outcome() == Outcome.DEPLOYED ? Outcome.UNCHANGED : Outcome.DEPLOYED, again, "after call " + n);
				assertEquals(2, horn.state().actionRules().size());
				assertEquals(before, Factory.of(horn));
			}
		}
		assertTrue(restored > 0, "some calls must fail after a change, forcing a restore");
	}
}
