package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Credential;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.simulator.DeviceState;

/** The manual's scenario, deployed to virtual devices over real sockets and read back. */
class ScenarioDeployTest {

	@Test
	void manualScenarioIsDeployedAndReadBack(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			List<DeviceResult> results = h.deploy();
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());
			assertEquals(Outcome.UNCHANGED, Harness.result(results, "Horn").outcome());
			DeviceState s = h.camera().state();
			assertEquals("Europe/Stockholm", s.timeZone(), "schedules run in the site's local time");

			DeviceState.IoPort port1 = s.ioPorts().get(0);
			assertEquals("output", port1.direction());
			assertEquals("Flashing beacon", port1.name());
			assertEquals("open", port1.normalState());

			DeviceState.ScheduledEvent afterHours = s.scheduledEvents().stream()
					.filter(e -> e.name().equals("After hours [palisade]")).findFirst().orElseThrow();
			assertEquals("DTSTART:19700101T180000\nDTEND:19700102T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
					afterHours.icalendar());

			DeviceState.Configuration recipient = s.recipientConfigurations().get(0);
			assertEquals("Horn speaker [palisade]", recipient.name());
			assertEquals("com.axis.recipient.https", recipient.templateToken());
			assertEquals("https://10.20.0.30/axis-cgi/playclip.cgi?clip=2", recipient.parameters().get("upload_url"));
			assertEquals("root", recipient.parameters().get("login"));
			// The camera verifies the speaker's certificate, as Palisade verifies the camera's.
			assertEquals("1", recipient.parameters().get("validate_server_cert"));

			// "Flashing beacon", "Horn speaker", "PTZ follows", "Lock down the gate", "Release the gate" (#19),
			// "Alert the center" and "Record the intrusion" (#19 item 3).
			assertEquals(7, s.actionRules().size());
			for (DeviceState.ActionRule rule : s.actionRules()) {
				assertTrue(rule.enabled());
				if (rule.name().equals("Release the gate [palisade]")) {
					continue; // on the schedule's end, not on the application (DoorControllerDeployTest)
				}
				if (rule.name().equals("Alert the center [palisade]") || rule.name().equals("Record the intrusion [palisade]")) {
					// day and night, without a schedule (SurveillanceCenterDeployTest)
					assertEquals(List.of(), rule.conditions(), rule.name());
					continue;
				}
				// the topic as the device declares it, taken from its GetEventInstances (#14)
				assertEquals("tnsaxis:CameraApplicationPlatform/PerimeterDefender/Fence",
						rule.startEvent().topicExpression(), rule.name());
				assertEquals(1, rule.conditions().size());
				assertEquals("tns1:UserAlarm/tnsaxis:Recurring/Interval", rule.conditions().get(0).topicExpression());
				assertTrue(rule.conditions().get(0).messageContent().contains("@Value=\"" + afterHours.id() + "\""));
				DeviceState.Configuration action = s.actionConfigurations().stream()
						.filter(a -> a.id().equals(rule.primaryAction())).findFirst().orElseThrow();
				if (rule.name().equals("Flashing beacon [palisade]")) {
					assertEquals("com.axis.action.fixed.io.toggle", action.templateToken());
					assertEquals(Map.of("port", "0", "state", "high", "duration", "30"), action.parameters());
				} else if (rule.name().equals("Lock down the gate [palisade]")) {
					assertEquals("https://10.20.0.40/vapix/doorcontrol", action.parameters().get("upload_url"));
				} else if (rule.name().equals("PTZ follows [palisade]")) {
					assertEquals("com.axis.action.fixed.notification.https", action.templateToken());
					assertEquals("https://10.20.0.20/axis-cgi/com/ptz.cgi?gotoserverpresetname=Fence",
							action.parameters().get("upload_url"));
				} else {
					assertEquals("Horn speaker [palisade]", rule.name());
					assertEquals("com.axis.action.fixed.notification.https", action.templateToken());
					assertEquals("https://10.20.0.30/axis-cgi/playclip.cgi?clip=2", action.parameters().get("upload_url"));
					assertEquals("1", action.parameters().get("validate_server_cert"));
					// the template's own parameters the design leaves unset go out empty, as devices want
					assertEquals("", action.parameters().get("method"));
					assertEquals("", action.parameters().get("message"));
				}
			}
			assertEquals("640x480", s.parameter("Image.I0.Appearance.Resolution"));
			assertEquals("abr", s.parameter("Image.I0.RateControl.Mode"));
			assertEquals(List.of(), h.journal.devices(), "the journal is cleared after a verified deployment");
		}
	}

	/**
	 * Every parameter and the port go out in one param.cgi update, no setPorts (#16: fewer calls per
	 * camera); the port is as port management shows it afterwards.
	 */
	@Test
	void aFirstDeploySendsOneParameterUpdate(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.camera().clearRequestLog();
			List<DeviceResult> results = h.deploy();
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());
			List<String> writes = h.camera().requestLog().stream().filter(r -> r.status() != 401 && r.operation() != null)
					.map(r -> r.operation()).filter(o -> o.equals("update") || o.equals("setPorts") || o.equals("setTimeZone"))
					.toList();
			assertEquals(List.of("setTimeZone", "update"), writes);
			assertTrue(h.camera().requestLog().stream().noneMatch(r -> r.path().endsWith("portmanagement.cgi")),
					h.camera().requestLog().toString());
			assertEquals("640x480", h.camera().state().parameter("Image.I0.Appearance.Resolution"));
			assertEquals("abr", h.camera().state().parameter("Image.I0.RateControl.Mode"));
			DeviceState.IoPort port1 = h.camera().state().ioPorts().get(0);
			assertEquals(List.of("output", "Flashing beacon", "open"), List.of(port1.direction(), port1.name(),
					port1.normalState()));
		}
	}

	/**
	 * A deploy that puts back one drifted family reads again, to verify, that family and what
	 * refers to it, not the whole device (#16: read only what the plan needs).
	 */
	@Test
	void verificationReadsAgainOnlyWhatWasTouched(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.deploy();
			// Someone deletes Palisade's schedule by hand: the schedule and the two rules using it go back.
			String id = h.camera().state().scheduledEvents().stream().filter(e -> e.name().equals("After hours [palisade]"))
					.findFirst().orElseThrow().id();
			try (VapixClient client = client(h)) {
				client.event1().removeScheduledEvent(id);
			}
			h.camera().clearRequestLog();
			List<DeviceResult> results = h.deploy();
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());
			List<String> ops = h.camera().requestLog().stream().filter(r -> r.status() != 401 && r.operation() != null)
					.map(r -> r.operation()).toList();
			int firstWrite = ops.indexOf(ops.stream().filter(o -> o.startsWith("Add") || o.startsWith("Remove"))
					.findFirst().orElseThrow());
			int lastWrite = 0;
			for (int i = 0; i < ops.size(); i++) {
				if (ops.get(i).startsWith("Add") || ops.get(i).startsWith("Remove")) {
					lastWrite = i;
				}
			}
			List<String> plan = ops.subList(0, firstWrite);
			List<String> verify = ops.subList(lastWrite + 1, ops.size());
			assertTrue(plan.containsAll(List.of("getDateTimeInfo", "list", "GetScheduledEvents", "GetRecipientConfigurations",
					"GetActionConfigurations", "GetActionRules")), "the plan reads the whole device: " + ops);
			assertEquals(List.of("GetScheduledEvents", "GetActionRules"), verify,
					"the check reads schedules and the rules that use them, nothing else: " + ops);
			assertEquals(1, h.camera().state().scheduledEvents().stream()
					.filter(e -> e.name().equals("After hours [palisade]")).count());
			assertEquals(7, h.camera().state().actionRules().size());
			assertTrue(h.plan().stream().allMatch(r -> r.outcome() == Outcome.UP_TO_DATE), "nothing left to do");
		}
	}

	/** A parameter changed by hand is put back with one update, checked with one param.cgi list. */
	@Test
	void aDriftedParameterIsCheckedWithOneList(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.deploy();
			try (VapixClient client = client(h)) {
				client.paramCgi().update(Map.of("Image.I0.Appearance.Resolution", "768x576"));
			}
			h.camera().clearRequestLog();
			List<DeviceResult> results = h.deploy();
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());
			List<String> ops = h.camera().requestLog().stream().filter(r -> r.status() != 401 && r.operation() != null)
					.map(r -> r.operation()).toList();
			List<String> afterUpdate = ops.subList(ops.indexOf("update") + 1, ops.size());
			assertEquals(List.of("list"), afterUpdate, "one param.cgi list verifies the update: " + ops);
			assertEquals("640x480", h.camera().state().parameter("Image.I0.Appearance.Resolution"));
		}
	}

	private static VapixClient client(Harness h) throws Exception {
		String ref = h.config.devices().stream().filter(d -> d.name().equals("North1")).findFirst().orElseThrow()
				.credentials();
		Credential c = h.credentials.resolve(ref).orElseThrow();
		return VapixClient.builder("North1", h.camera().baseUri()).credentials(new Credentials(c.username(), c.password()))
				.build();
	}

	@Test
	void secondDeployChangesNothing(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			h.deploy();
			DeviceState.Snapshot before = h.camera().state().snapshot();
			h.camera().clearRequestLog();
			List<DeviceResult> again = h.deploy();
			assertTrue(again.stream().allMatch(r -> r.outcome() == Outcome.UNCHANGED), again.toString());
			assertEquals(before, h.camera().state().snapshot());
			List<String> ops = h.camera().requestLog().stream().filter(r -> r.operation() != null)
					.map(r -> r.operation()).toList();
			assertTrue(ops.stream().noneMatch(o -> o.startsWith("Add") || o.startsWith("Remove") || o.equals("update")
					|| o.equals("setPorts")), "no write on the second deploy: " + ops);
			assertTrue(h.plan().stream().allMatch(r -> r.outcome() == Outcome.UP_TO_DATE));
		}
	}

	@Test
	void handMadeRulesAndRecipientsSurviveAndAreReported(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			DeviceState s = h.camera().state();
			String recipient = s.seedRecipientConfiguration("Guard room", "com.axis.recipient.http",
					Map.of("upload_url", "http://10.20.0.50/alarm", "login", "guard", "password", "hand-typed-secret"));
			String action = s.seedActionConfiguration("Guard room alarm", "com.axis.action.fixed.notification.http",
					Map.of("upload_url", "http://10.20.0.50/alarm"));
			String rule = s.seedActionRule(new DeviceState.ActionRule(null, "Manual rule", true,
					new DeviceState.EventFilter("tns1:Device/tnsaxis:IO/VirtualInput", null), List.of(), null, action));
			DeviceState.Snapshot seeded = s.snapshot();

			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.DEPLOYED, r.outcome(), h.progress.toString());
			List<String> reported = r.handMade().stream().map(ManagedObject::id).toList();
			assertTrue(reported.containsAll(List.of("recipient/Guard room", "action/Guard room alarm", "rule/Manual rule")),
					reported.toString());
			assertTrue(r.handMade().stream().noneMatch(o -> o.attributes().containsValue("hand-typed-secret")),
					"hand-made secrets are masked in reports");

			DeviceState.Snapshot after = s.snapshot();
			assertTrue(after.recipientConfigurations().containsAll(seeded.recipientConfigurations()));
			assertTrue(after.actionConfigurations().containsAll(seeded.actionConfigurations()));
			assertTrue(after.actionRules().containsAll(seeded.actionRules()));
			assertTrue(after.recipientConfigurations().stream().anyMatch(c -> c.id().equals(recipient)));
			assertTrue(after.actionRules().stream().anyMatch(c -> c.id().equals(rule)));
			assertEquals(Outcome.UNCHANGED, Harness.result(h.deploy(), "North1").outcome());
		}
	}
}
