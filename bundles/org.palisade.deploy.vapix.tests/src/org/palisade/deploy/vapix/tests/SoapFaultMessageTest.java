package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Action1.ActionRule;
import org.palisade.deploy.vapix.Action1.EventFilter;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.SoapClient;
import org.palisade.deploy.vapix.internal.XmlSupport;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;

/**
 * Issue #14 item 3: each SOAP fault the issue lists, as the virtual device answers it (the recorded
 * reason and detail, vapix-notes.md section 3), read by the client into one clear message: the
 * call, HTTP status, the fault's name, the device's reason and what the fault means
 * ({@code SoapClient.MEANINGS}), with the rules that use a configuration and the schema violation
 * where the device gives them. Full messages are compared, so a changed meaning fails here.
 */
class SoapFaultMessageTest {

	private static final String ACTIVE = "boolean(//SimpleItem[@Name=\"ready\" and @Value=\"1\"])";
	private static final String READY = "tns1:Device/tnsaxis:Status/SystemReady";
	private VirtualDevice device;
	private VapixClient client;
	private String led;

	@BeforeEach
	void start() throws Exception {
		device = Fixture.camera("cam-faults");
		client = Fixture.client(device);
		led = device.state().seedActionConfiguration("led", "com.axis.action.fixed.ledcontrol",
				Map.of("led", "statusled", "color", "green,none", "duration", "1", "interval", "250"));
	}

	@AfterEach
	void stop() {
		client.close();
		device.stop();
	}

	private static void assertMessage(String expected, Executable call) {
		VapixException e = assertThrows(VapixException.class, call::run);
		assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
		assertEquals(expected, e.getMessage());
	}

	interface Executable {
		void run() throws Exception;
	}

	private void rule(EventFilter condition, String action) throws Exception {
		client.action1().addActionRule(new ActionRule(null, "r", true, null, List.of(condition), null, action));
	}

	@Test
	void actionTemplateNotFound() {
		assertMessage("cam-faults: action1 AddActionConfiguration failed: device error (HTTP 400) [ActionTemplateNotFoundFault]: "
				+ "action template with id 'com.bogus.nonexistent' not found - the device has no action template with that token",
				() -> client.action1().addActionConfiguration("x", "com.bogus.nonexistent", Map.of()));
	}

	@Test
	void parametersMissmatch() {
		assertMessage("cam-faults: action1 AddActionConfiguration failed: device error (HTTP 400) [ParametersMissmatchFault]: "
				+ "Configuration parameter missing: led - the parameters do not match the device's template: every template "
				+ "parameter must be given", () -> client.action1().addActionConfiguration("x", "com.axis.action.fixed.ledcontrol",
						Map.of("color", "green,none", "duration", "1", "interval", "250")));
	}

	@Test
	void actionConfigurationNotFound() {
		assertMessage("cam-faults: action1 AddActionRule failed: device error (HTTP 400) [ActionConfigurationNotFoundFault]: "
				+ "Unknown action configuration '9999' specified for primary action - no action configuration with that ID on "
				+ "the device", () -> rule(new EventFilter(READY, ACTIVE), "9999"));
		// The recorded removal has an empty reason: the message still says what is wrong.
		assertMessage("cam-faults: action1 RemoveActionConfiguration failed: device error (HTTP 400) "
				+ "[ActionConfigurationNotFoundFault] - no action configuration with that ID on the device",
				() -> client.action1().removeActionConfiguration("9999"));
	}

	@Test
	void actionRuleNotFound() {
		assertMessage("cam-faults: action1 RemoveActionRule failed: device error (HTTP 400) [ActionRuleNotFoundFault]: "
				+ "No action rule with id '9999' exists - no action rule with that ID on the device",
				() -> client.action1().removeActionRule("9999"));
	}

	@Test
	void actionConfigurationIsInUseNamesTheRules() throws Exception {
		String id = device.state().seedActionRule(new DeviceState.ActionRule(null, "cassette test rule", true, null,
				List.of(new DeviceState.EventFilter(READY, ACTIVE)), null, led));
		assertMessage("cam-faults: action1 RemoveActionConfiguration failed: device error (HTTP 400) "
				+ "[ActionConfigurationIsInUseFault]: action configuration is in use - action rules still use the action "
				+ "configuration; remove them first (used by rule(s) " + id + " \"cassette test rule\")",
				() -> client.action1().removeActionConfiguration(led));
	}

	@Test
	void invalidTopicExpression() {
		assertMessage("cam-faults: action1 AddActionRule failed: device error (HTTP 400) [InvalidTopicExpressionFault]: "
				+ "failed to parse topic expression 'definitely not a topic !@#$' - the topic expression is not a valid "
				+ "Concrete expression", () -> rule(new EventFilter("definitely not a topic !@#$", ACTIVE), led));
	}

	@Test
	void invalidMessageContentExpression() {
		VapixException e = assertThrows(VapixException.class, () -> rule(new EventFilter(READY, "not[valid[xpath"), led));
		assertEquals("InvalidMessageContentExpressionFault", e.deviceCode());
		// The reason is the virtual device's XPath parser's (the device's own is recorded for this input only).
		assertEquals(true, e.getMessage().endsWith(" - the message content filter is not valid XPath"), e.getMessage());
	}

	@Test
	void invalidConditionFilter() {
		assertMessage("cam-faults: action1 AddActionRule failed: device error (HTTP 400) [InvalidConditionFilterFault]: "
				+ "could not match any property events - a condition names an event the device does not declare as a "
				+ "stateful (property) event",
				() -> rule(new EventFilter("tnsaxis:CameraApplicationPlatform/ObjectAnalytics/Device1ScenarioANY", ACTIVE), led));
	}

	/** The client never sends an empty Conditions element; the fault is provoked with the SOAP client itself. */
	@Test
	void invalidArgsSubcodeWithTheViolation() throws Exception {
		try (HttpTransport t = new HttpTransport("cam-faults", device.baseUri(),
				new Credentials("root", Fixture.PASSWORD.toCharArray()),
				VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2)), Duration.ofSeconds(5),
				Fixture.FAST)) {
			SoapClient soap = new SoapClient(t);
			assertMessage("cam-faults: action1 AddActionRule failed: device error (HTTP 400) [InvalidArgs]: Invalid argument"
					+ " - the request does not match the service's schema (Validation constraint violation: occurrence "
					+ "violation in element Conditions)",
					() -> soap.call(XmlSupport.ACTION1, "aa", "AddActionRule", "<aa:NewActionRule><aa:Name>r</aa:Name>"
							+ "<aa:Enabled>true</aa:Enabled><aa:Conditions></aa:Conditions><aa:PrimaryAction>" + led
							+ "</aa:PrimaryAction></aa:NewActionRule>", Safety.NON_IDEMPOTENT, List.of()));
		}
	}
}
