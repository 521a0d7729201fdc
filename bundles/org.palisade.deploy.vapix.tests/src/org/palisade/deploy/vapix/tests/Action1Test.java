package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Action1.ActionRule;
import org.palisade.deploy.vapix.Action1.Configuration;
import org.palisade.deploy.vapix.Action1.EventFilter;
import org.palisade.deploy.vapix.Action1.Template;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;

class Action1Test {

	private static final String PD = "tnsaxis:CameraApplicationPlatform/PerimeterDefender/Camera1Profile1";
	private static final String ACTIVE = "boolean(//SimpleItem[@Name=\"active\" and @Value=\"1\"])";
	private VirtualDevice device;
	private VapixClient client;

	@BeforeEach
	void start() throws Exception {
		device = Fixture.camera("cam-act");
		client = Fixture.client(device);
	}

	@AfterEach
	void stop() {
		client.close();
		device.stop();
	}

	private static String scheduleFilter(String id) {
		return "boolean(//SimpleItem[@Name=\"id\" and @Value=\"" + id + "\"]) and " + ACTIVE;
	}

	@Test
	void templates() throws Exception {
		List<Template> actions = client.action1().getActionTemplates();
		Template toggle = actions.stream().filter(t -> t.token().equals("com.axis.action.fixed.io.toggle")).findFirst().orElseThrow();
		assertEquals(List.of("port", "state", "duration"), toggle.parameters());
		assertNull(toggle.recipientTemplate());
		assertEquals("com.axis.recipient.http", actions.stream()
				.filter(t -> t.token().equals("com.axis.action.fixed.notification.http")).findFirst().orElseThrow().recipientTemplate());
		assertTrue(client.action1().getRecipientTemplates().stream().anyMatch(t -> t.token().equals("com.axis.recipient.http")
				&& t.parameters().contains("upload_url")));
	}

	@Test
	void manualScenarioRoundTrips() throws Exception {
		String schedule = client.event1().addScheduledEvent("After hours", Event1Test.AFTER_HOURS);
		String url = "http://127.0.0.1:9/axis-cgi/playclip.cgi?clip=0";
		Map<String, String> recipientParams = Map.of("upload_url", url, "login", "horn", "password", "H0rn-Secret");
		String recipient = client.action1().addRecipientConfiguration("Horn speaker", "com.axis.recipient.http", recipientParams);
		String beacon = client.action1().addActionConfiguration("Beacon 30 s", "com.axis.action.fixed.io.toggle",
				Map.of("port", "0", "state", "high", "duration", "30"));
		String horn = client.action1().addActionConfiguration("Horn", "com.axis.action.fixed.notification.http",
				Map.of("upload_url", url, "message", "", "parameters", "", "method", "", "http_headers", "", "body", ""));
		EventFilter during = new EventFilter("tns1:UserAlarm/tnsaxis:Recurring/Interval", scheduleFilter(schedule));
		EventFilter trigger = new EventFilter(PD, ACTIVE);
		String r1 = client.action1().addActionRule(new ActionRule(null, "Beacon on intrusion", true, trigger, List.of(during), null, beacon));
		String r2 = client.action1().addActionRule(new ActionRule(null, "Horn on intrusion", false, trigger, List.of(during), 10, horn));

		List<Configuration> recipients = client.action1().getRecipientConfigurations();
		assertEquals(List.of(new Configuration(recipient, "Horn speaker", "com.axis.recipient.http", recipientParams)), recipients);
		assertFalse(recipients.toString().contains("H0rn-Secret"));
		assertEquals(List.of(beacon, horn), client.action1().getActionConfigurations().stream().map(Configuration::id).toList());
		List<ActionRule> rules = client.action1().getActionRules();
		assertEquals(new ActionRule(r1, "Beacon on intrusion", true, trigger, List.of(during), null, beacon), rules.get(0));
		assertEquals(new ActionRule(r2, "Horn on intrusion", false, trigger, List.of(during), 10, horn), rules.get(1));
		assertEquals(new DeviceState.EventFilter(PD, ACTIVE), device.state().actionRules().get(0).startEvent());
	}

	@Test
	void ruleFaultsCarryReasonAndDetail() throws Exception {
		String beacon = client.action1().addActionConfiguration("b", "com.axis.action.fixed.io.toggle",
				Map.of("port", "0", "state", "high", "duration", "30"));
		VapixException e = assertThrows(VapixException.class, () -> client.action1().addActionRule(new ActionRule(null, "r", true,
				null, List.of(new EventFilter("tnsaxis:CameraApplicationPlatform/NoApp/X", ACTIVE)), null, beacon)));
		assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
		assertEquals(400, e.httpStatus());
		assertEquals("InvalidConditionFilterFault", e.deviceCode());
		assertEquals("could not match any property events", e.deviceError());
		assertEquals(1, e.attempts());
		VapixException missing = assertThrows(VapixException.class, () -> client.action1().addActionRule(
				new ActionRule(null, "r", true, new EventFilter(PD, ACTIVE), List.of(), null, "42")));
		assertEquals("Unknown action configuration '42' specified for primary action", missing.deviceError());
		assertEquals("ActionConfigurationNotFoundFault", missing.deviceCode());
		assertTrue(missing.getMessage().endsWith("- no action configuration with that ID on the device"), missing.getMessage());
		VapixException template = assertThrows(VapixException.class,
				() -> client.action1().addActionConfiguration("x", "com.axis.action.nope", Map.of()));
		assertEquals("ActionTemplateNotFoundFault", template.deviceCode());
		assertTrue(template.getMessage().contains("action template with id 'com.axis.action.nope' not found"
				+ " - the device has no action template with that token"), template.getMessage());
		VapixException args = assertThrows(VapixException.class, () -> client.action1().addActionRule(
				new ActionRule(null, "r", true, null, List.of(new EventFilter("not a topic", ACTIVE)), null, beacon)));
		assertEquals("InvalidTopicExpressionFault", args.deviceCode());
		assertTrue(device.state().actionRules().isEmpty());
	}

	@Test
	void removalsAndHandMadeObjects() throws Exception {
		String handAction = device.state().seedActionConfiguration("hand", "com.axis.action.unlimited.io.toggle",
				Map.of("port", "1", "state", "low"));
		String handRule = device.state().seedActionRule(new DeviceState.ActionRule(null, "hand-made", true, null,
				List.of(new DeviceState.EventFilter(PD, ACTIVE)), null, handAction));
		assertEquals(List.of("hand-made"), client.action1().getActionRules().stream().map(ActionRule::name).toList());
		VapixException inUse = assertThrows(VapixException.class, () -> client.action1().removeActionConfiguration(handAction));
		assertEquals("action configuration is in use", inUse.deviceError());
		assertEquals("ActionConfigurationIsInUseFault", inUse.deviceCode());
		assertTrue(inUse.getMessage().matches(".*\\(used by rule\\(s\\) \\d+ \"hand-made\"\\).*"), inUse.getMessage());
		client.action1().removeActionRule(handRule);
		client.action1().removeActionConfiguration(handAction);
		String recipient = client.action1().addRecipientConfiguration("r", "com.axis.recipient.http", Map.of("upload_url", "http://h/"));
		client.action1().removeRecipientConfiguration(recipient);
		assertTrue(device.state().actionRules().isEmpty() && device.state().actionConfigurations().isEmpty()
				&& device.state().recipientConfigurations().isEmpty());
	}

	@Test
	void removeIsRetriedAfterADroppedConnection() throws Exception {
		String id = client.action1().addRecipientConfiguration("r", "com.axis.recipient.http", Map.of("upload_url", "http://h/"));
		device.faults().dropNext(1);
		client.action1().removeRecipientConfiguration(id);
		assertTrue(device.state().recipientConfigurations().isEmpty());
	}
}
