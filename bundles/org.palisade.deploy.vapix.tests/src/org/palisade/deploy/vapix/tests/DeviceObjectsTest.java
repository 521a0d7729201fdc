package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.driver.DeviceObjects;
import org.palisade.deploy.vapix.driver.DeviceObjects.Configuration;
import org.palisade.deploy.vapix.driver.DeviceObjects.Filter;
import org.palisade.deploy.vapix.driver.DeviceObjects.Port;

/**
 * The vocabulary between generator and driver: what one side writes, the other reads back
 * unchanged, and the flat names plans, journals and configuration.json carry stay as they were.
 */
class DeviceObjectsTest {

	@Test
	void aRuleReadsBackAsWritten() {
		DeviceObjects.Rule rule = new DeviceObjects.Rule(false, new Filter("tns1:A", "x"),
				List.of(new Filter("tns1:B", "y"), new Filter("tns1:C", "")), "${ref:action/Beacon}", 30);
		Map<String, String> a = rule.attributes();
		assertEquals(rule, DeviceObjects.Rule.of(a));
		assertEquals(Map.of("enabled", "false", "start.topic", "tns1:A", "start.content", "x", "condition.1.topic",
				"tns1:B", "condition.1.content", "y", "condition.2.topic", "tns1:C", "condition.2.content", "",
				"activationTimeout", "30", "primaryAction", "${ref:action/Beacon}"), a);
		DeviceObjects.Rule whileActive = new DeviceObjects.Rule(true, null, List.of(new Filter("tns1:B", "y")),
				"id:7", null);
		assertEquals(whileActive, DeviceObjects.Rule.of(whileActive.attributes()));
	}

	@Test
	void configurationsAndPortsKeepTheirParameters() {
		Configuration c = new Configuration("com.axis.recipient.https",
				Map.of("upload_url", "https://10.0.0.2/", "password", "${credential.password:site/horn}"));
		assertEquals(c, Configuration.of(c.attributes()));
		assertEquals("${credential.password:site/horn}", c.attributes().get("param.password"));
		Port p = new Port("output", "Flashing beacon", "open", Map.of("Input.Name", "Input 1"));
		assertEquals(p, Port.of(p.attributes()));
		assertEquals("Input 1", p.attributes().get("param.Input.Name"));
	}
}
