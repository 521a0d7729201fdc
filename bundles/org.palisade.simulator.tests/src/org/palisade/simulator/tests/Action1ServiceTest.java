package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;
import org.w3c.dom.Document;

class Action1ServiceTest {

	private static final String PD = "tnsaxis:CameraApplicationPlatform/PerimeterDefender/Camera1Profile1";
	private static final String ACTIVE = "boolean(//SimpleItem[@Name=\"active\" and @Value=\"1\"])";
	private VirtualDevice device;
	private TestHttp http;
	private String schedule;

	@BeforeEach
	void start() throws Exception {
		device = new VirtualDevice(DeviceDescriptor.builder("cam").password("pw".toCharArray()).build()).start();
		http = new TestHttp(device.baseUri(), "root", "pw");
		schedule = device.state().seedScheduledEvent("After hours", Event1ServiceTest.AFTER_HOURS);
	}

	@AfterEach
	void stop() {
		device.stop();
	}

	private static String config(String kind, String name, String token, String params) {
		return "<aa:Add" + kind + "Configuration><aa:New" + kind + "Configuration><aa:Name>" + name + "</aa:Name><aa:TemplateToken>"
				+ token + "</aa:TemplateToken><aa:Parameters>" + params + "</aa:Parameters></aa:New" + kind
				+ "Configuration></aa:Add" + kind + "Configuration>";
	}

	private static String p(String name, String value) {
		return "<aa:Parameter Name=\"" + name + "\" Value=\"" + value + "\"/>";
	}

	private static String filter(String tag, String topic, String content) {
		return "<aa:" + tag + "><wsnt:TopicExpression Dialect=\"http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete\">"
				+ topic + "</wsnt:TopicExpression>" + (content == null ? "" : "<wsnt:MessageContent Dialect=\""
						+ "http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter\">" + content.replace("\"", "&quot;")
						+ "</wsnt:MessageContent>") + "</aa:" + tag + ">";
	}

	private String scheduleFilter(String id) {
		return "boolean(//SimpleItem[@Name=\"id\" and @Value=\"" + id + "\"]) and " + ACTIVE;
	}

	private static String rule(String name, String start, String conditions, String primary) {
		return "<aa:AddActionRule><aa:NewActionRule><aa:Name>" + name + "</aa:Name><aa:Enabled>true</aa:Enabled>" + start
				+ (conditions == null ? "" : "<aa:Conditions>" + conditions + "</aa:Conditions>") + "<aa:PrimaryAction>"
				+ primary + "</aa:PrimaryAction></aa:NewActionRule></aa:AddActionRule>";
	}

	private String ok(String op, String element) throws Exception {
		HttpResponse<String> r = http.soap(op);
		assertEquals(200, r.statusCode(), r.body());
		return TestHttp.texts(TestHttp.xml(r.body()), element).get(0);
	}

	private String fault(String op) throws Exception {
		HttpResponse<String> r = http.soap(op);
		assertEquals(400, r.statusCode(), r.body());
		Document d = TestHttp.xml(r.body());
		assertEquals("SOAP-ENV:Sender", TestHttp.texts(d, "Value").get(0));
		// the reason, and for a schema violation (Subcode ter:InvalidArgs) the violation too
		return String.join(" / ", TestHttp.texts(d, "Text"));
	}

	@Test
	void templatesListTokensParametersAndRecipients() throws Exception {
		String body = http.soap("<aa:GetActionTemplates/>").body();
		Document d = TestHttp.xml(body);
		List<String> tokens = TestHttp.texts(d, "TemplateToken");
		assertTrue(tokens.containsAll(List.of("com.axis.action.fixed.io.toggle", "com.axis.action.unlimited.io.toggle",
				"com.axis.action.fixed.notification.http")), tokens.toString());
		assertTrue(body.contains("<aa:Parameter Type=\"string\" Name=\"duration\"></aa:Parameter>"));
		assertTrue(TestHttp.texts(d, "RecipientTemplate").contains("com.axis.recipient.http"));
		List<String> recipients = TestHttp.texts(TestHttp.xml(http.soap("<aa:GetRecipientTemplates/>").body()), "TemplateToken");
		assertTrue(recipients.containsAll(List.of("com.axis.recipient.http", "com.axis.recipient.https")));
	}

	@Test
	void manualScenarioEndToEnd() throws Exception {
		String url = "http://127.0.0.1:9/axis-cgi/playclip.cgi?clip=0";
		String recipient = ok(config("Recipient", "Horn speaker", "com.axis.recipient.http",
				p("upload_url", url) + p("login", "horn") + p("password", "horn-Secret")), "ConfigurationID");
		String output = ok(config("Action", "Beacon 30 s", "com.axis.action.fixed.io.toggle",
				p("port", "0") + p("state", "high") + p("duration", "30")), "ConfigurationID");
		String notify = ok(config("Action", "Horn", "com.axis.action.fixed.notification.http",
				p("upload_url", url) + p("message", "") + p("parameters", "") + p("method", "") + p("http_headers", "")
						+ p("body", "")), "ConfigurationID");
		String r1 = ok(rule("Beacon on intrusion", filter("StartEvent", PD, ACTIVE),
				filter("Condition", "tns1:UserAlarm/tnsaxis:Recurring/Interval", scheduleFilter(schedule)), output), "RuleID");
		String r2 = ok(rule("Horn on intrusion", filter("StartEvent", PD, ACTIVE),
				filter("Condition", "tns1:UserAlarm/tnsaxis:Recurring/Interval", scheduleFilter(schedule)), notify), "RuleID");
		assertEquals(List.of("1", "1", "2", "1", "2"), List.of(recipient, output, notify, r1, r2));

		DeviceState.ActionRule stored = device.state().actionRules().get(0);
		assertEquals(new DeviceState.EventFilter(PD, ACTIVE), stored.startEvent());
		assertEquals("tns1:UserAlarm/tnsaxis:Recurring/Interval", stored.conditions().get(0).topicExpression());
		assertEquals(Map.of("upload_url", url, "login", "horn", "password", "horn-Secret"),
				device.state().recipientConfigurations().get(0).parameters());
		assertFalse(device.state().recipientConfigurations().toString().contains("horn-Secret"));

		String rules = http.soap("<aa:GetActionRules/>").body();
		Document d = TestHttp.xml(rules);
		assertEquals(List.of("1", "2"), TestHttp.texts(d, "RuleID"));
		assertEquals(List.of("true", "true"), TestHttp.texts(d, "Enabled"));
		assertEquals(List.of(output, notify), TestHttp.texts(d, "PrimaryAction"));
		assertTrue(TestHttp.texts(d, "TopicExpression").contains(PD));
		assertTrue(rules.contains("Dialect=\"http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete\""));

		Document configs = TestHttp.xml(http.soap("<aa:GetActionConfigurations/>").body());
		assertEquals(List.of("1", "2"), TestHttp.texts(configs, "ConfigurationID"));
		assertEquals(List.of("Beacon 30 s", "Horn"), TestHttp.texts(configs, "Name"));
		assertEquals(List.of("1"), TestHttp.texts(TestHttp.xml(http.soap("<aa:GetRecipientConfigurations/>").body()), "ConfigurationID"));
	}

	@Test
	void prefixesAreResolvedThroughNamespaces() throws Exception {
		String output = device.state().seedActionConfiguration("o", "com.axis.action.unlimited.io.toggle",
				Map.of("port", "0", "state", "high"));
		String op = "<aa:AddActionRule><aa:NewActionRule xmlns:a=\"http://www.axis.com/2009/event/topics\">"
				+ "<aa:Name>n</aa:Name><aa:Enabled>1</aa:Enabled><aa:Conditions>"
				+ filter("Condition", "a:CameraApplicationPlatform/PerimeterDefender/Camera1Profile1", ACTIVE)
				+ "</aa:Conditions><aa:PrimaryAction>" + output + "</aa:PrimaryAction></aa:NewActionRule></aa:AddActionRule>";
		ok(op, "RuleID");
		// stored, and echoed by GetActionRules, as sent (recorded)
		assertEquals("a:CameraApplicationPlatform/PerimeterDefender/Camera1Profile1",
				device.state().actionRules().get(0).conditions().get(0).topicExpression());
		assertNull(device.state().actionRules().get(0).startEvent());
	}

	@Test
	void invalidRequestsAreFaultsAndChangeNothing() throws Exception {
		var before = device.state().snapshot();
		assertTrue(fault(config("Action", "x", "com.axis.action.no.such", "")).contains("action template with id 'com.axis.action.no.such' not found"));
		assertTrue(fault(config("Recipient", "x", "com.axis.action.fixed.io.toggle", "")).contains("recipient template with id"));
		assertTrue(fault(config("Action", "x", "com.axis.action.fixed.io.toggle", p("port", "0") + p("state", "high")))
				.contains("duration"));
		assertTrue(fault(config("Action", "x", "com.axis.action.fixed.io.toggle", p("port", "5") + p("state", "high")
				+ p("duration", "1"))).contains("port"));
		assertTrue(fault(config("Action", "x", "com.axis.action.fixed.notification.http", p("message", "m")))
				.contains("Configuration parameter missing: parameters"));
		assertTrue(fault(config("Action", "x", "com.axis.action.fixed.notification.http", p("message", "m")
				+ p("parameters", "") + p("method", "") + p("http_headers", "") + p("body", "") + p("login", "u")))
				.contains("Configuration parameter missing: upload_url"));
		assertTrue(fault(config("Action", "x", "com.axis.action.fixed.notification.http", p("upload_url", "http://h/")
				+ p("colour", "red"))).contains("colour"));
		assertTrue(fault("<aa:AddActionConfiguration/>").contains("NewActionConfiguration"));
		assertTrue(fault(rule("r", filter("StartEvent", PD, ACTIVE), null, "99")).contains("99"));
		assertEquals(before, device.state().snapshot());
	}

	@Test
	void ruleFiltersMustMatchDeclaredEvents() throws Exception {
		String fixed = device.state().seedActionConfiguration("f", "com.axis.action.fixed.io.toggle",
				Map.of("port", "0", "state", "high", "duration", "30"));
		String unlimited = device.state().seedActionConfiguration("u", "com.axis.action.unlimited.io.toggle",
				Map.of("port", "0", "state", "high"));
		var before = device.state().snapshot();
		HttpResponse<String> r = http.soap(rule("r", "", filter("Condition", "tnsaxis:CameraApplicationPlatform/NoSuchApp/X", ACTIVE), fixed));
		assertEquals(400, r.statusCode());
		assertTrue(r.body().contains("could not match any property events"));
		assertTrue(r.body().contains("<SOAP-ENV:Detail><aa:InvalidConditionFilterFault></aa:InvalidConditionFilterFault></SOAP-ENV:Detail>"));
		// a stateless topic cannot be a condition
		assertTrue(fault(rule("r", "", filter("Condition", "tns1:VideoSource/tnsaxis:Tampering", null), fixed))
				.contains("could not match any property events"));
		// a schedule that does not exist, or no schedule named while several exist
		assertTrue(fault(rule("r", filter("StartEvent", PD, ACTIVE), filter("Condition",
				"tns1:UserAlarm/tnsaxis:Recurring/Interval", scheduleFilter("com.axis.schedules.genid.id-77")), fixed)).contains("id-77"));
		assertTrue(fault(rule("r", filter("StartEvent", PD, ACTIVE), filter("Condition",
				"tns1:UserAlarm/tnsaxis:Recurring/Interval", ACTIVE), fixed)).contains("select one"));
		assertTrue(fault(rule("r", filter("StartEvent", "tns1:Nope/Thing", null), null, fixed)).contains("could not match"));
		assertTrue(fault(rule("r", "", null, fixed)).contains("start event or at least one condition"));
		assertTrue(fault(rule("r", filter("StartEvent", PD, ACTIVE), null, unlimited)).contains("unlimited"));
		assertTrue(fault(rule("r", filter("StartEvent", "foo:Bar", null), null, fixed)).contains("failed to parse topic expression 'foo:Bar'"));
		// another spelling of a declared topic matches nothing, as on a device
		assertTrue(fault(rule("r", "", filter("Condition", "tns1:UserAlarm/tnsaxis:Recurring/tnsaxis:Interval",
				scheduleFilter(schedule)), fixed)).contains("could not match any property events"));
		assertTrue(fault("<aa:AddActionRule><aa:NewActionRule><aa:Enabled>true</aa:Enabled><aa:PrimaryAction>" + fixed
				+ "</aa:PrimaryAction></aa:NewActionRule></aa:AddActionRule>").contains("Name"));
		assertEquals(before, device.state().snapshot());
	}

	@Test
	void removals() throws Exception {
		String action = device.state().seedActionConfiguration("f", "com.axis.action.fixed.io.toggle",
				Map.of("port", "0", "state", "high", "duration", "30"));
		String rule = device.state().seedActionRule(new DeviceState.ActionRule(null, "hand-made", true,
				new DeviceState.EventFilter(PD, ACTIVE), List.of(), null, action));
		String recipient = device.state().seedRecipientConfiguration("r", "com.axis.recipient.http", Map.of("upload_url", "http://x/"));
		assertTrue(fault("<aa:RemoveActionConfiguration><aa:ConfigurationID>" + action
				+ "</aa:ConfigurationID></aa:RemoveActionConfiguration>").contains("action configuration is in use"));
		ok("<aa:RemoveActionRule><aa:RuleID>" + rule + "</aa:RuleID></aa:RemoveActionRule>", "RemoveActionRuleResponse");
		ok("<aa:RemoveActionConfiguration><aa:ConfigurationID>" + action + "</aa:ConfigurationID></aa:RemoveActionConfiguration>",
				"RemoveActionConfigurationResponse");
		ok("<aa:RemoveRecipientConfiguration><aa:ConfigurationID>" + recipient
				+ "</aa:ConfigurationID></aa:RemoveRecipientConfiguration>", "RemoveRecipientConfigurationResponse");
		assertTrue(fault("<aa:RemoveActionRule><aa:RuleID>" + rule + "</aa:RuleID></aa:RemoveActionRule>").contains("No action rule with id '" + rule + "' exists"));
		assertTrue(device.state().actionRules().isEmpty() && device.state().actionConfigurations().isEmpty()
				&& device.state().recipientConfigurations().isEmpty());
	}
}
