package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.DoorBank;

/**
 * The manual's door controller (issue #19) deployed to a virtual AXIS A1601 over real sockets: the
 * door's name, timers and lock written through the door control service, the controller's own rules
 * on its door alarm, and the camera's door commands carrying the door token the controller gave;
 * read back equal, so the second plan is empty; then a door changed by hand is put back.
 */
class DoorControllerDeployTest {

	@Test
	void doorControllerIsDeployedVerifiedAndTheSecondPlanIsEmpty(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			List<DeviceResult> results = h.deploy();
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "Entry").outcome(), h.progress.toString());
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());

			DeviceState gate = h.fleet.device("Entry").state();
			DoorBank.Door door = gate.doors().doors().get(0);
			assertEquals("YardGate", door.name());
			assertEquals("Yard gate", door.fields().get("Description"));
			assertEquals("PT7S", door.fields().get("AccessTime"));
			assertEquals("PT30S", door.fields().get("OpenTooLongTime"));
			assertEquals("PT10S", door.fields().get("PreAlarmTime"), "fields the design leaves alone stay");
			assertEquals("Relay", door.configuration().get("Lock.Type"));
			assertEquals("Input Open", door.configuration().get("DoorMonitor.ValueWhenOpen"));

			// The controller's own rules wait for its door's alarm, by the token it gave the door.
			assertEquals(2, gate.actionRules().size());
			for (DeviceState.ActionRule r : gate.actionRules()) {
				assertEquals("tns1:Door/State/DoorAlarm", r.startEvent().topicExpression(), r.name());
				assertTrue(r.startEvent().messageContent().contains("@Value=\"" + door.token() + "\""), r.startEvent().messageContent());
				assertTrue(r.startEvent().messageContent().contains("DoorForcedOpen"), r.startEvent().messageContent());
			}
			// The camera's lockdown: a POST of the door control request with that token, with the controller's login.
			DeviceState camera = h.camera().state();
			DeviceState.ActionRule lock = camera.actionRules().stream().filter(r -> r.name().equals("Lock down the gate [palisade]"))
					.findFirst().orElseThrow();
			DeviceState.Configuration action = camera.actionConfigurations().stream()
					.filter(a -> a.id().equals(lock.primaryAction())).findFirst().orElseThrow();
			assertEquals("https://10.20.0.40/vapix/doorcontrol", action.parameters().get("upload_url"));
			assertEquals("POST", action.parameters().get("method"));
			assertEquals("{\"tdc:LockDownDoor\":{\"Token\":\"" + door.token() + "\"}}", action.parameters().get("body"));
			assertEquals("root", action.parameters().get("login"));
			DeviceState.ActionRule release = camera.actionRules().stream().filter(r -> r.name().equals("Release the gate [palisade]"))
					.findFirst().orElseThrow();
			assertEquals("tns1:UserAlarm/tnsaxis:Recurring/Interval", release.startEvent().topicExpression());
			assertTrue(release.startEvent().messageContent().endsWith("@Value=\"0\"])"), release.startEvent().messageContent());

			List<DeviceResult> again = h.plan();
			assertTrue(again.stream().allMatch(r -> r.outcome() == Outcome.UP_TO_DATE), "the second plan is empty: " + again);

			// Someone renames the door and shortens its access time on the controller: the deploy puts both back.
			gate.doors().setDoor(door.token(), java.util.Map.of("Name", "Door 1", "AccessTime", "PT3S"));
			List<DeviceResult> drifted = h.plan();
			assertEquals(Outcome.CHANGES_PENDING, Harness.result(drifted, "Entry").outcome(), drifted.toString());
			assertEquals(Outcome.DEPLOYED, Harness.result(h.deploy(), "Entry").outcome(), h.progress.toString());
			assertEquals("YardGate", gate.doors().doors().get(0).name());
			assertEquals("PT7S", gate.doors().doors().get(0).fields().get("AccessTime"));
		}
	}
}
