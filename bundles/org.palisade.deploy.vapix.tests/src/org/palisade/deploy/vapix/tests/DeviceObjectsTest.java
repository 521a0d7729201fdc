package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

	/** #17: "11.11" in a design is any 11.11 release; "11.1" is not 11.11, nor is 11.11 11.11.73. */
	@Test
	void aFirmwareVersionMatchesItsReleases() {
		assertTrue(DeviceObjects.Firmware.matches("11.11.73", "11.11"));
		assertTrue(DeviceObjects.Firmware.matches("11.11", "11.11"));
		assertFalse(DeviceObjects.Firmware.matches("11.11.73", "11.1"));
		assertFalse(DeviceObjects.Firmware.matches("11.11", "11.11.73"));
		assertFalse(DeviceObjects.Firmware.matches(null, "11.11"));
		DeviceObjects.Firmware f = new DeviceObjects.Firmware("12.0", "/fw/Q1961-TE_12_0_1.bin");
		assertEquals(f, DeviceObjects.Firmware.of(f.attributes()));
		assertEquals(Map.of("version", "12.0"), new DeviceObjects.Firmware("12.0", null).attributes());
		DeviceObjects.StreamProfile sp = new DeviceObjects.StreamProfile("for operators", "fps=15");
		assertEquals(sp, DeviceObjects.StreamProfile.of(sp.attributes()));
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

	/** #16 item 6: a door's fields and configuration keys, as the generator writes them and the driver reads them. */
	@Test
	void aDoorReadsBackAsWritten() {
		DeviceObjects.Door d = new DeviceObjects.Door(2, Map.of("Name", "YardGate", "AccessTime", "PT7S"),
				Map.of("Lock.Type", "Relay"));
		assertEquals(d, DeviceObjects.Door.of(d.attributes()));
		assertEquals(Map.of("index", "2", "Name", "YardGate", "AccessTime", "PT7S", "config.Lock.Type", "Relay"),
				d.attributes());
	}
}
