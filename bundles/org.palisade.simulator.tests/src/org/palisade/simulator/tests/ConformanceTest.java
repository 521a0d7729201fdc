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
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One test per recorded exchange the virtual device relies on (issue #14 item 7): the request a
 * real device got, and the status, reply element and fault detail it answered, replayed against a
 * virtual device with a client that is not Palisade's ({@link TestHttp}, java.net.http).
 * <p>
 * The recordings are the rs4acap cassettes (GitHub apljungquist/rs4acap, branch {@code cassettes},
 * commit 047c20a1); each test names its cassette and the device it was recorded on. Facts, not the
 * files, are written here; vapix-notes.md section 3 and 8 list them.
 */
class ConformanceTest {

	private static final String ACTIVE = "boolean(//SimpleItem[@Name=\"active\" and @Value=\"1\"])";
	private static final String SYSTEM_READY = "tns1:Device/tnsaxis:Status/SystemReady";
	private VirtualDevice camera;
	private TestHttp http;

	@BeforeEach
	void start() throws Exception {
		camera = new VirtualDevice(DeviceDescriptor.builder("cam").model("AXIS Q1961-TE").firmware("12.9.57")
				.password("pw".toCharArray()).build()).start();
		http = new TestHttp(camera.baseUri(), "root", "pw");
	}

	@AfterEach
	void stop() {
		camera.stop();
	}

	// ---- param.cgi ------------------------------------------------------------------------

	/** parameter_management_list_image_resolution/f5210192ebb90a18 (Q1961-TE@12.9.57, Q1951-E@11.11.192). */
	@Test
	void listGroupWithoutRootAnswersWithoutRoot() throws Exception {
		HttpResponse<String> r = http.get("/axis-cgi/param.cgi?action=list&group=Properties.Image.Resolution");
		assertEquals(200, r.statusCode());
		assertEquals("Properties.Image.Resolution=768x576,720x576,640x512,640x480,480x360,384x288,320x256,320x240,"
				+ "240x180,176x144,160x128,160x120\n", r.body());
	}

	/** parameter_management_update_network_ssh_enabled/08d34de4f68545ed, request 000 (seven devices). */
	@Test
	void listGroupWithRootAnswersWithRoot() throws Exception {
		HttpResponse<String> r = http.get("/axis-cgi/param.cgi?action=list&group=root.Network.SSH.Enabled");
		assertEquals(200, r.statusCode());
		assertEquals("root.Network.SSH.Enabled=no\n", r.body());
	}

	/** parameter_management_update_network_ssh_enabled/08d34de4f68545ed, request 001: "OK", two bytes. */
	@Test
	void updateAnswersOkAndTheValueReadsBack() throws Exception {
		HttpResponse<String> r = http.get("/axis-cgi/param.cgi?action=update&root.Network.SSH.Enabled=yes");
		assertEquals(200, r.statusCode());
		assertEquals("OK", r.body());
		assertEquals("root.Network.SSH.Enabled=yes\n",
				http.get("/axis-cgi/param.cgi?action=list&group=root.Network.SSH.Enabled").body());
	}

	/** parameter_management_list_error/6db8761f2ca09be4 (D4200-VE@12.9.57, a speaker without image). */
	@Test
	void unknownGroupIsOneErrorLineWith200() throws Exception {
		VirtualDevice speaker = new VirtualDevice(DeviceDescriptor.builder("horn").kind(DeviceKind.SPEAKER)
				.password("pw".toCharArray()).build()).start();
		try {
			HttpResponse<String> r = new TestHttp(speaker.baseUri(), "root", "pw")
					.get("/axis-cgi/param.cgi?action=list&group=Properties.Image.Resolution");
			assertEquals(200, r.statusCode());
			assertEquals("# Error: Error -1 getting param in group 'Properties.Image.Resolution'\n", r.body());
		} finally {
			speaker.stop();
		}
	}

	/** parameter_management_list_all/6d755d80d3f1ae8e (D4200-VE@12.9.57): root. on every line; Properties keys. */
	@Test
	void fullListingHasRootAndThePropertiesKeys() throws Exception {
		String body = http.get("/axis-cgi/param.cgi?action=list").body();
		for (String line : body.split("\n")) {
			assertTrue(line.startsWith("root."), line);
		}
		for (String line : List.of("root.Properties.Firmware.Version=12.9.57", "root.Properties.Firmware.BuildNumber=1",
				"root.Properties.System.HardwareID=947.2", "root.Properties.System.Language=",
				"root.Properties.API.HTTP.Version=3", "root.Properties.API.HTTP.AdminPath=/index.html",
				"root.Properties.EmbeddedDevelopment.Version=2.18", "root.Brand.ProdType=Thermal Camera",
				"root.Brand.ProdFullName=AXIS Q1961-TE Thermal Camera", "root.Brand.WebURL=https://www.axis.com")) {
			assertTrue(body.contains(line + "\n"), line);
		}
		assertTrue(body.contains("root.Properties.Firmware.BuildDate="));
		assertTrue(body.contains("root.Properties.System.SerialNumber="));
	}

	// ---- JSON APIs ------------------------------------------------------------------------

	/** api_discovery_1_get_supported_versions/52023b317002de6d (eleven devices incl. Q1961-TE). */
	@Test
	void supportedVersionsWithoutApiVersion() throws Exception {
		HttpResponse<String> r = http.json("/axis-cgi/apidiscovery.cgi", "{\"method\":\"getSupportedVersions\"}");
		assertEquals(200, r.statusCode());
		JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
		assertNull(o.get("apiVersion"), r.body());
		assertEquals("getSupportedVersions", o.get("method").getAsString());
		assertEquals("[\"1.1\"]", o.getAsJsonObject("data").get("apiVersions").toString());
	}

	/** api_discovery_1_get_api_list/0440ab6696ba80b1 (Q1961-TE@12.9.57). */
	@Test
	void apiListIsTheModelsWithVersionsAndStatus() throws Exception {
		HttpResponse<String> r = http.json("/axis-cgi/apidiscovery.cgi", "{\"apiVersion\":\"1.0\",\"method\":\"getApiList\"}");
		JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
		assertEquals("1.1", o.get("apiVersion").getAsString(), "the device's version, not the request's");
		var list = o.getAsJsonObject("data").getAsJsonArray("apiList");
		assertEquals(64, list.size());
		Map<String, String> versions = new java.util.HashMap<>();
		for (var e : list) {
			JsonObject a = e.getAsJsonObject();
			versions.putIfAbsent(a.get("id").getAsString(), a.get("version").getAsString());
			assertEquals("https://www.axis.com/partner_pages/vapix_library/#/", a.get("docLink").getAsString());
			assertEquals(a.get("id").getAsString().equals("packagemanager"), a.get("status") == null, a.toString());
		}
		assertEquals(Map.of("api-discovery", "1.1", "basic-device-info", "1.3", "io-port-management", "1.1",
				"time-service", "1.1", "param-cgi", "1.0", "mediaclip", "1.0", "user-management", "1.2", "thermometry", "1.3"),
				Map.of("api-discovery", versions.get("api-discovery"), "basic-device-info", versions.get("basic-device-info"),
						"io-port-management", versions.get("io-port-management"), "time-service", versions.get("time-service"),
						"param-cgi", versions.get("param-cgi"), "mediaclip", versions.get("mediaclip"), "user-management",
						versions.get("user-management"), "thermometry", versions.get("thermometry")));
		assertFalse(versions.containsKey("media-clip"));
	}

	/** basic_device_info_get_all_properties/b346e2e6a5f246e8 (Q1961-TE@12.9.57): 1.3, no method member. */
	@Test
	void basicDeviceInfoAsTheQ1961TeAnswers() throws Exception {
		HttpResponse<String> r = http.json("/axis-cgi/basicdeviceinfo.cgi",
				"{\"apiVersion\":\"1.0\",\"method\":\"getAllProperties\"}");
		JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
		assertEquals("1.3", o.get("apiVersion").getAsString());
		assertNull(o.get("method"));
		JsonObject p = o.getAsJsonObject("data").getAsJsonObject("propertyList");
		assertEquals("Thermal Camera", p.get("ProdType").getAsString());
		assertEquals("AXIS Q1961-TE Thermal Camera", p.get("ProdFullName").getAsString());
		assertEquals("13mm", p.get("ProdVariant").getAsString());
		assertEquals("947.2", p.get("HardwareID").getAsString());
		assertEquals("Axis Artpec-8", p.get("Soc").getAsString());
		JsonObject u = JsonParser.parseString(http.json("/axis-cgi/basicdeviceinfo.cgi",
				"{\"apiVersion\":\"1.3\",\"method\":\"getAllUnrestrictedProperties\"}").body()).getAsJsonObject()
				.getAsJsonObject("data").getAsJsonObject("propertyList");
		assertNull(u.get("Soc"));
		assertEquals("Q1961-TE", u.get("ProdNbr").getAsString());
	}

	// ---- pwdgrp.cgi -----------------------------------------------------------------------

	/** pwdgrp_add_user_already_exists/315422f0ddf00834 (requests 000, 001). */
	@Test
	void pwdgrpAddThenAddAgain() throws Exception {
		String add = "/axis-cgi/pwdgrp.cgi?action=add&user=cassettetest&pwd=Good%20morning&grp=users&sgrp=viewer";
		HttpResponse<String> first = http.get(add);
		assertEquals(200, first.statusCode());
		assertEquals("<html><head><title>User accounts</title></head><body bgcolor=#ffffff>Created account cassettetest."
				+ "\r\n</body>\r\n\r\n</html>\r\n", first.body());
		HttpResponse<String> again = http.get(add);
		assertEquals(200, again.statusCode());
		assertTrue(again.body().contains(">Error: this user name already exists, consult the system log file.\r\n"));
	}

	/** pwdgrp_add_user_invalid_password, _invalid_username, pwdgrp_remove_user_does_not_exist. */
	@Test
	void pwdgrpErrorsAre200Pages() throws Exception {
		assertTrue(http.get("/axis-cgi/pwdgrp.cgi?action=add&user=u1&pwd=&grp=users&sgrp=viewer").body()
				.contains(">Error: invalid password.\r\n"));
		assertTrue(http.get("/axis-cgi/pwdgrp.cgi?action=add&user=user!&pwd=x&grp=users&sgrp=viewer").body()
				.contains(">Error: account user name.\r\n"));
		HttpResponse<String> r = http.get("/axis-cgi/pwdgrp.cgi?action=remove&user=nobody");
		assertEquals(200, r.statusCode());
		assertTrue(r.body().contains(">Error: account user name.\r\n"));
	}

	/** [SYS] (documented, not recorded): action=get lists each group; the deploy account's rights are readable. */
	@Test
	void pwdgrpGetShowsTheAccountsRights() throws Exception {
		String body = http.get("/axis-cgi/pwdgrp.cgi?action=get").body();
		assertTrue(body.contains("admin=\"root\"\n"), body);
		assertTrue(body.contains("viewer=\"root\"\n"), body);
	}

	// ---- action1 faults -------------------------------------------------------------------

	private Document fault(String operation, int status, String reason) throws Exception {
		HttpResponse<String> r = http.soap(operation);
		assertEquals(status, r.statusCode(), r.body());
		Document d = TestHttp.xml(r.body());
		assertEquals("SOAP-ENV:Sender", TestHttp.texts(d, "Value").get(0));
		Element text = (Element) d.getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Text").item(0);
		assertEquals("en", text.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
		assertEquals(reason, text.getTextContent());
		return d;
	}

	private static Element detail(Document d) {
		Element detail = (Element) d.getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Detail").item(0);
		return TestHttp.firstElement(detail);
	}

	private static String config(String token, String params) {
		return "<aa:AddActionConfiguration><aa:NewActionConfiguration><aa:TemplateToken>" + token
				+ "</aa:TemplateToken><aa:Parameters>" + params + "</aa:Parameters></aa:NewActionConfiguration>"
				+ "</aa:AddActionConfiguration>";
	}

	private static String rule(String conditions, String primary) {
		return "<aa:AddActionRule><aa:NewActionRule><aa:Name>cassette test rule</aa:Name><aa:Enabled>true</aa:Enabled>"
				+ conditions + "<aa:PrimaryAction>" + primary + "</aa:PrimaryAction></aa:NewActionRule></aa:AddActionRule>";
	}

	private static String condition(String topic, String content) {
		return "<aa:Conditions><aa:Condition><wsnt:TopicExpression Dialect=\"http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete\">"
				+ topic + "</wsnt:TopicExpression><wsnt:MessageContent Dialect=\"http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter\">"
				+ content.replace("\"", "&quot;") + "</wsnt:MessageContent></aa:Condition></aa:Conditions>";
	}

	private String led() {
		return camera.state().seedActionConfiguration("led", "com.axis.action.fixed.ledcontrol",
				Map.of("led", "statusled", "color", "green,none", "duration", "1", "interval", "250"));
	}

	/** action1_add_action_configuration_unknown_template/001fa688467b0f8e (D4200-VE, M1075-L @12.9.57). */
	@Test
	void unknownTemplate() throws Exception {
		Document d = fault(config("com.bogus.nonexistent", ""), 400,
				"action template with id 'com.bogus.nonexistent' not found");
		assertEquals("ActionTemplateNotFoundFault", detail(d).getLocalName());
	}

	/** action1_add_action_configuration_parameters_mismatch/ff1b856eab00ec99: ledcontrol without led. */
	@Test
	void missingTemplateParameter() throws Exception {
		Document d = fault(config("com.axis.action.fixed.ledcontrol", "<aa:Parameter Name=\"color\" Value=\"green,none\"/>"
				+ "<aa:Parameter Name=\"duration\" Value=\"1\"/><aa:Parameter Name=\"interval\" Value=\"250\"/>"), 400,
				"Configuration parameter missing: led");
		assertEquals("ParametersMissmatchFault", detail(d).getLocalName());
	}

	/** action1_add_action_rule_unknown_configuration/7e0da2865eeadca3. */
	@Test
	void ruleWithUnknownPrimaryAction() throws Exception {
		Document d = fault(rule(condition(SYSTEM_READY, ACTIVE.replace("active", "ready")), "9999"), 400,
				"Unknown action configuration '9999' specified for primary action");
		assertEquals("ActionConfigurationNotFoundFault", detail(d).getLocalName());
	}

	/** action1_remove_action_configuration_unknown/213a6ab10542a270: empty reason. */
	@Test
	void removeUnknownConfiguration() throws Exception {
		HttpResponse<String> r = http.soap("<aa:RemoveActionConfiguration><aa:ConfigurationID>9999</aa:ConfigurationID>"
				+ "</aa:RemoveActionConfiguration>");
		assertEquals(400, r.statusCode());
		assertTrue(r.body().contains("<SOAP-ENV:Text xml:lang=\"en\"/>"), r.body());
		assertEquals("ActionConfigurationNotFoundFault", detail(TestHttp.xml(r.body())).getLocalName());
	}

	/** action1_remove_action_rule_unknown/1d03bf3bb923df83. */
	@Test
	void removeUnknownRule() throws Exception {
		Document d = fault("<aa:RemoveActionRule><aa:RuleID>9999</aa:RuleID></aa:RemoveActionRule>", 400,
				"No action rule with id '9999' exists");
		assertEquals("ActionRuleNotFoundFault", detail(d).getLocalName());
	}

	/** action1_remove_action_configuration_in_use/bf493be0a84c8fe8 (M1075-L@12.9.57): the rules that use it. */
	@Test
	void removeConfigurationInUse() throws Exception {
		String action = led();
		HttpResponse<String> added = http.soap(rule(condition(SYSTEM_READY,
				"boolean(//SimpleItem[@Name=\"ready\" and @Value=\"1\"])"), action));
		assertEquals(200, added.statusCode(), added.body());
		String ruleId = TestHttp.texts(TestHttp.xml(added.body()), "RuleID").get(0);
		Document d = fault("<aa:RemoveActionConfiguration><aa:ConfigurationID>" + action
				+ "</aa:ConfigurationID></aa:RemoveActionConfiguration>", 400, "action configuration is in use");
		Element inUse = detail(d);
		assertEquals("ActionConfigurationIsInUseFault", inUse.getLocalName());
		assertEquals(List.of(ruleId), TestHttp.texts(d, "ActionRuleID"));
		assertEquals(List.of("cassette test rule"), TestHttp.texts(d, "ActionRuleName"));
		// and a rule removed answers an empty element (action1_action_rule_crud)
		HttpResponse<String> removed = http.soap("<aa:RemoveActionRule><aa:RuleID>" + ruleId + "</aa:RuleID></aa:RemoveActionRule>");
		assertEquals(200, removed.statusCode());
		assertTrue(removed.body().contains("<aa:RemoveActionRuleResponse></aa:RemoveActionRuleResponse>"));
	}

	/** action1_add_action_rule_invalid_topic/70447c23754c5082: wsnt fault with a Timestamp. */
	@Test
	void unparsableTopic() throws Exception {
		Document d = fault(rule(condition("definitely not a topic !@#$", ACTIVE), led()), 400,
				"failed to parse topic expression 'definitely not a topic !@#$'");
		Element f = detail(d);
		assertEquals("InvalidTopicExpressionFault", f.getLocalName());
		assertEquals("http://docs.oasis-open.org/wsn/b-2", f.getNamespaceURI());
		assertEquals("Timestamp", TestHttp.firstElement(f).getLocalName());
	}

	/** action1_add_action_rule_invalid_message_content/3dfd0e9f596e7d91: MessageContent not[valid[xpath. */
	@Test
	void invalidMessageContent() throws Exception {
		HttpResponse<String> r = http.soap(rule(condition(SYSTEM_READY, "not[valid[xpath"), led()));
		assertEquals(400, r.statusCode());
		assertEquals("InvalidMessageContentExpressionFault", detail(TestHttp.xml(r.body())).getLocalName());
		assertTrue(camera.state().actionRules().isEmpty());
	}

	/** action1_add_action_rule_invalid_condition/976ca0cf25f77b7a: a topic the device does not declare. */
	@Test
	void undeclaredTopicInCondition() throws Exception {
		Document d = fault(rule(condition("tnsaxis:CameraApplicationPlatform/ObjectAnalytics/Device1ScenarioANY", ACTIVE),
				led()), 400, "could not match any property events");
		assertEquals("InvalidConditionFilterFault", detail(d).getLocalName());
	}

	/** action1_add_action_rule_no_activation/d2d03699e4f62564: empty Conditions, ter:InvalidArgs. */
	@Test
	void emptyConditions() throws Exception {
		HttpResponse<String> r = http.soap(rule("<aa:Conditions></aa:Conditions>", led()));
		assertEquals(400, r.statusCode());
		Document d = TestHttp.xml(r.body());
		assertEquals(List.of("SOAP-ENV:Sender", "ter:InvalidArgs"), TestHttp.texts(d, "Value"));
		assertEquals(List.of("Invalid argument", "Validation constraint violation: occurrence violation in element Conditions"),
				TestHttp.texts(d, "Text"));
	}

	// ---- event1 ---------------------------------------------------------------------------

	/**
	 * event1_get_event_instances/1913877bfddfa5b2 (M1075-L@12.9.57): leaves unqualified, ports from 0
	 * plus -1; a rule in the device's spelling is accepted and echoed as sent, one in another
	 * spelling matches nothing.
	 */
	@Test
	void topicsAreSpelledAndMatchedAsDevicesDo() throws Exception {
		String body = http.soap("<aev:GetEventInstances/>").body();
		assertTrue(body.contains("<tns1:Device><tnsaxis:IO><Port "), body);
		Document d = TestHttp.xml(body);
		Element port = (Element) d.getElementsByTagName("Port").item(0);
		assertEquals("", port.getNamespaceURI() == null ? "" : port.getNamespaceURI());
		List<String> values = TestHttp.texts(d, "Value");
		assertTrue(values.containsAll(List.of("-1", "0", "1")), values.toString());
		String action = led();
		String portActive = "boolean(//SimpleItem[@Name=\"port\" and @Value=\"0\"]) and boolean(//SimpleItem[@Name=\"state\" and @Value=\"1\"])";
		assertEquals(200, http.soap(rule(condition("tns1:Device/tnsaxis:IO/Port", portActive), action)).statusCode());
		assertEquals("tns1:Device/tnsaxis:IO/Port",
				camera.state().actionRules().get(0).conditions().get(0).topicExpression());
		Document other = fault(rule(condition("tns1:Device/tnsaxis:IO/tnsaxis:Port", portActive), action), 400,
				"could not match any property events");
		assertEquals("InvalidConditionFilterFault", detail(other).getLocalName());
		assertEquals(1, camera.state().actionRules().size());
		DeviceState.ActionRule kept = camera.state().actionRules().get(0);
		assertEquals(action, kept.primaryAction());
	}

	// ---- factory items, I/O ports (recorded) -------------------------------------------------

	private VirtualDevice strobe() throws Exception {
		return new VirtualDevice(DeviceDescriptor.builder("strobe").kind(DeviceKind.SPEAKER).model("AXIS D4200-VE")
				.firmware("12.9.57").password("pw".toCharArray()).build()).start();
	}

	/**
	 * action1_get_action_configurations/3796630e7ee333ff (D4200-VE@12.9.57): four factory configurations,
	 * the clip location percent-encoded.
	 */
	@Test
	void factoryActionConfigurationsOfTheStrobeSpeaker() throws Exception {
		VirtualDevice speaker = strobe();
		try {
			HttpResponse<String> r = new TestHttp(speaker.baseUri(), "root", "pw").soap("<aa:GetActionConfigurations/>");
			assertEquals(200, r.statusCode());
			Document d = TestHttp.xml(r.body());
			assertEquals(List.of("1", "2", "3", "4"), TestHttp.texts(d, "ConfigurationID"));
			assertEquals(List.of("loudringer_ringtone", "Front-Facing LED Activation: SIP",
					"Front-Facing LED Activation: LiveStream", "Front-Facing LED Activation: Recording"), TestHttp.texts(d, "Name"));
			assertEquals(List.of("com.axis.action.unlimited.play.audioclip", "com.axis.action.unlimited.siren_and_light",
					"com.axis.action.unlimited.siren_and_light", "com.axis.action.unlimited.siren_and_light"),
					TestHttp.texts(d, "TemplateToken"));
			assertTrue(r.body().contains("Value=\"%2Fetc%2Faudioclips%2Falarm.mp3\""), r.body());
		} finally {
			speaker.stop();
		}
	}

	/** action1_get_action_rules/c7a0474ecb8e836f (D4200-VE@12.9.57): four factory rules, the ringer disabled. */
	@Test
	void factoryActionRulesOfTheStrobeSpeaker() throws Exception {
		VirtualDevice speaker = strobe();
		try {
			Document d = TestHttp.xml(new TestHttp(speaker.baseUri(), "root", "pw").soap("<aa:GetActionRules/>").body());
			assertEquals(List.of("Loud ringer", "Front-Facing LED Activation: SIP", "Front-Facing LED Activation: LiveStream",
					"Front-Facing LED Activation: Recording"), TestHttp.texts(d, "Name"));
			assertEquals(List.of("false", "true", "true", "true"), TestHttp.texts(d, "Enabled"));
			assertEquals(List.of("tnsaxis:Call/State", "tnsaxis:Call/State", "tns1:VideoSource/tnsaxis:LiveStreamAccessed",
					"tnsaxis:Storage/Recording"), TestHttp.texts(d, "TopicExpression"));
			assertEquals(List.of("1", "2", "3", "4"), TestHttp.texts(d, "PrimaryAction"));
		} finally {
			speaker.stop();
		}
		// A factory camera has none (the same cassettes on the M1075-L and P8815-2).
		assertTrue(camera.state().actionRules().isEmpty() && camera.state().actionConfigurations().isEmpty());
	}

	/**
	 * parameter_management_list_all/bcc2533fcd302c77 (P3245-LVE@11.11.192): a port that is not
	 * configurable lists only the keys of its direction; a configurable one both (D4200-VE).
	 */
	@Test
	void fixedPortListsOnlyItsDirectionsKeys() throws Exception {
		VirtualDevice fixed = new VirtualDevice(DeviceDescriptor.builder("fixed").portsConfigurable(false)
				.password("pw".toCharArray()).build()).start();
		try {
			String body = new TestHttp(fixed.baseUri(), "root", "pw").get("/axis-cgi/param.cgi?action=list&group=IOPort.I0").body();
			assertTrue(body.contains("IOPort.I0.Configurable=no\n") && body.contains("IOPort.I0.Input.Trig=closed\n"), body);
			assertFalse(body.contains("Output."), body);
		} finally {
			fixed.stop();
		}
		String configurable = http.get("/axis-cgi/param.cgi?action=list&group=IOPort.I0").body();
		assertTrue(configurable.contains("IOPort.I0.Input.Trig=") && configurable.contains("IOPort.I0.Output.DelayTime=1\n"),
				configurable);
	}

	// ---- documented, not recorded ([IOPM], [MC]) ---------------------------------------------

	/** [IOPM]: setPorts answers data.ports; errors carry the API's own codes (2104 invalid value). */
	@Test
	void portManagementAsDocumented() throws Exception {
		JsonObject ok = JsonParser.parseString(http.json("/axis-cgi/io/portmanagement.cgi",
				"{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":[{\"port\":\"1\",\"name\":\"Gate\"}]}}")
				.body()).getAsJsonObject();
		assertEquals("[\"1\"]", ok.getAsJsonObject("data").get("ports").toString());
		HttpResponse<String> bad = http.json("/axis-cgi/io/portmanagement.cgi",
				"{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":[{\"port\":\"5\"}]}}");
		assertEquals(200, bad.statusCode());
		assertEquals(2104, JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonObject("error").get("code").getAsInt());
	}

	/** [MC]: playclip.cgi answers 200 text/plain OK, and 400 text/plain "400 Bad Request" with the reason. */
	@Test
	void playclipAsDocumented() throws Exception {
		VirtualDevice horn = new VirtualDevice(DeviceDescriptor.builder("horn").kind(DeviceKind.SPEAKER)
				.clips(List.of("Intruder warning")).password("pw".toCharArray()).build()).start();
		try {
			TestHttp h = new TestHttp(horn.baseUri(), "root", "pw");
			HttpResponse<String> ok = h.get("/axis-cgi/playclip.cgi?clip=0");
			assertEquals(200, ok.statusCode());
			assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
			assertTrue(ok.body().startsWith("OK"), ok.body());
			HttpResponse<String> bad = h.get("/axis-cgi/playclip.cgi?clip=7");
			assertEquals(400, bad.statusCode());
			assertEquals("400 Bad Request\nClip 7 does not exist\n", bad.body());
		} finally {
			horn.stop();
		}
	}
}
