package org.palisade.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.generator.GeneratorOutput;
import org.palisade.generator.SiteConfiguration;
import org.palisade.generator.SiteGenerator;

class SiteGeneratorTest {

	private static ManagedObject find(DeviceConfiguration d, String kind, String key) {
		return d.objects().stream().filter(o -> o.kind().equals(kind) && o.key().equals(key)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " " + key + " in " + d.objects()));
	}

	@Test
	void manualScenarioBecomesPortScheduleRecipientActionsAndRules() throws Exception {
		SiteConfiguration site = new SiteGenerator().generate(Sites.load(Sites.harbourDepot()));
		assertEquals("Europe/Stockholm", site.timezone());
		DeviceConfiguration north = site.device("North1");
		assertNotNull(north);
		assertEquals(Map.of("timeZone", "Europe/Stockholm"), find(north, Conventions.TIME, "zone").attributes());
		assertEquals(Map.of("direction", "output", "name", "Flashing beacon", "normalState", "open"),
				find(north, Conventions.PORT, "1").attributes());
		ManagedObject schedule = find(north, Conventions.SCHEDULE, "After hours");
		assertEquals("palisade.after-hours", schedule.attributes().get("eventId"));
		assertEquals("DTSTART:19700101T180000\nDTEND:19700102T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
				schedule.attributes().get("ical"));
		ManagedObject recipient = find(north, Conventions.RECIPIENT, "Horn speaker");
		assertEquals("com.axis.recipient.https", recipient.attributes().get("template"));
		assertEquals("https://10.20.0.30/axis-cgi/playclip.cgi?clip=2", recipient.attributes().get("param.upload_url"));
		assertEquals("${credential.password:harbour-depot/horn}", recipient.attributes().get("param.password"));
		ManagedObject beacon = find(north, Conventions.ACTION, "Flashing beacon");
		assertEquals("com.axis.action.fixed.io.toggle", beacon.attributes().get("template"));
		assertEquals("0", beacon.attributes().get("param.port"));
		assertEquals("30", beacon.attributes().get("param.duration"));
		for (String rule : List.of("Flashing beacon", "Horn speaker")) {
			ManagedObject r = find(north, Conventions.RULE, rule);
			// resolved against the device's GetEventInstances when deploying (#14)
			assertEquals("${event:PerimeterDefender/Fence}", r.attributes().get("start.topic"));
			assertEquals("tns1:UserAlarm/tnsaxis:Recurring/Interval", r.attributes().get("condition.1.topic"));
			assertTrue(r.attributes().get("condition.1.content").contains("@Value=\"palisade.after-hours\""));
			assertEquals("${ref:action/" + rule + "}", r.attributes().get("primaryAction"));
			assertTrue(r.dependsOn().containsAll(List.of("schedule/After hours", "action/" + rule)));
		}
		assertEquals("640x480", find(north, Conventions.PARAM, "Image.I0.Appearance.Resolution").attributes().get("value"));
		assertEquals("White-hot", find(north, Conventions.PARAM, "ImageSource.I0.Sensor.ThermalPalette").attributes()
				.get("value"));
		assertTrue(site.device("Horn").objects().isEmpty(), "speakers are only recipients' targets");
	}

	@Test
	void aMoveBecomesTheCamerasHttpsCallToThePtzAndThePtzsPresetIsWritten() throws Exception {
		SiteConfiguration site = new SiteGenerator().generate(Sites.load(Sites.harbourDepot()));
		ManagedObject recipient = find(site.device("North1"), Conventions.RECIPIENT, "PTZ Gate Fence");
		assertEquals(Map.of("template", "com.axis.recipient.https",
				"param.upload_url", "https://10.20.0.20/axis-cgi/com/ptz.cgi?gotoserverpresetname=Fence",
				"param.validate_server_cert", "1",
				"param.login", "${credential.user:harbour-depot/gate-ptz}",
				"param.password", "${credential.password:harbour-depot/gate-ptz}"), recipient.attributes());
		assertEquals("com.axis.action.fixed.notification.https",
				find(site.device("North1"), Conventions.ACTION, "PTZ follows").attributes().get("template"));
		// The PTZ's preset is a setting: with the design's position, which the deploy writes (#19);
		// and its "return home after 60 s" is the PTZ's autoreturn parameter. No item on the PTZ.
		assertEquals(Map.of("pan", "-42.5", "tilt", "-8", "zoom", "2400"),
				find(site.device("Gate"), Conventions.PRESET, "Fence").attributes());
		assertEquals(Map.of("value", "60"), find(site.device("Gate"), Conventions.PARAM, Conventions.PTZ_RETURN_HOME).attributes());
		assertTrue(site.device("Gate").objects().stream().noneMatch(o -> o.nature() == ManagedObject.Nature.ITEM));
	}

	/**
	 * Issue #19: the door controller's door as a setting of the door control service, its own rules on
	 * its door alarm, and the camera's lockdown as the door control request with the door's token as a
	 * placeholder (only the controller knows it; the deploy asks it).
	 */
	@Test
	void theDoorControllerAndTheCamerasDoorCommands() throws Exception {
		SiteConfiguration site = new SiteGenerator().generate(Sites.load(Sites.harbourDepot()));
		DeviceConfiguration entry = site.device("Entry");
		assertEquals("controller", entry.role());
		assertEquals(Map.of("index", "1", "Name", "YardGate", "Description", "Yard gate", "AccessTime", "PT7S",
				"OpenTooLongTime", "PT30S", "config.Lock.Type", "Relay", "config.DoorMonitor.ValueWhenOpen", "Input Open",
				"config.DoorMonitor.ValueWhenClosed", "Input Ground"), find(entry, Conventions.DOOR, "YardGate").attributes());
		String token = "${door.token:harbour-depot/gate-door@10.20.0.40/1}";
		Map<String, String> forced = find(entry, Conventions.RULE, "Gate forced: horn").attributes();
		assertEquals("tns1:Door/State/DoorAlarm", forced.get("start.topic"));
		assertEquals("boolean(//SimpleItem[@Name=\"DoorToken\" and @Value=\"" + token + "\"]) and "
				+ "boolean(//SimpleItem[@Name=\"State\" and @Value=\"DoorForcedOpen\"])", forced.get("start.content"));
		Map<String, String> lockdown = find(site.device("North1"), Conventions.ACTION, "Lock down the gate").attributes();
		assertEquals("POST", lockdown.get("param.method"));
		assertEquals("{\"tdc:LockDownDoor\":{\"Token\":\"" + token + "\"}}", lockdown.get("param.body"));
		assertEquals("https://10.20.0.40/vapix/doorcontrol", lockdown.get("param.upload_url"));
		assertEquals("${credential.password:harbour-depot/gate-door}", lockdown.get("param.password"));
		assertEquals("{\"tdc:LockDownReleaseDoor\":{\"Token\":\"" + token + "\"}}",
				find(site.device("North1"), Conventions.ACTION, "Release the gate").attributes().get("param.body"));
	}

	/** #17: every stream is a stream profile (the "Operator" stream too), firmware names its file. */
	@Test
	void everyStreamIsAProfileAndTheFirmwareItsFile(@TempDir Path dir) throws Exception {
		java.nio.file.Files.write(dir.resolve("Q1961-TE_12_0_1.bin"), new byte[] { 1 });
		DeviceConfiguration north = new SiteGenerator().generate(Sites.variant(dir, "firmware lts \"11.11\"",
				"firmware lts \"12.0\" file \"Q1961-TE_12_0_1.bin\"")).device("North1");
		assertEquals(Map.of("description", "for operators", "parameters", "resolution=640x480&fps=15"
				+ "&videobitratemode=abr&videoabrtargetbitrate=1200&videoabrretentiontime=30&videoabrmaxbitrate=2000"
				+ "&palette=Iron"), find(north, Conventions.STREAM_PROFILE, "Operator").attributes());
		assertEquals("for applications", find(north, Conventions.STREAM_PROFILE, "Analytics").attributes()
				.get("description"));
		assertEquals(Map.of("version", "12.0", "file", dir.resolve("Q1961-TE_12_0_1.bin").toAbsolutePath().normalize()
				.toString()), find(north, Conventions.FIRMWARE, "active").attributes());
		assertEquals("30", find(north, Conventions.PARAM, "Storage.S0.CleanupMaxAge").attributes().get("value"));
		assertEquals("off", find(north, Conventions.PARAM, "ImageSource.I0.Sensor.Stabilizer").attributes().get("value"));
		List<String> ops = GeneratorOutput.operations(north).stream().map(o -> o.operation()).toList();
		assertEquals("firmwaremanagement upgrade", ops.get(0), ops.toString());
		assertEquals(1, ops.stream().filter(o -> o.equals("streamprofile create")).count(), "one create for both");
	}

	@Test
	void operationsAreOrderedPortsParamsThenScheduleRecipientActionsRules() throws Exception {
		DeviceConfiguration north = new SiteGenerator().generate(Sites.load(Sites.harbourDepot())).device("North1");
		List<String> ops = GeneratorOutput.operations(north).stream().map(o -> o.operation()).toList();
		assertEquals("setTimeZone", ops.get(0));
		int schedule = ops.indexOf("event1 AddScheduledEvent");
		int recipient = ops.indexOf("action1 AddRecipientConfiguration");
		int firstAction = ops.indexOf("action1 AddActionConfiguration");
		int firstRule = ops.indexOf("action1 AddActionRule");
		// Every parameter and port in one update, as the driver sends it (#16); then the stream profiles in one create.
		assertEquals(List.of("param.cgi update", "streamprofile create"), ops.subList(1, schedule), ops.toString());
		String update = GeneratorOutput.operations(north).get(1).body();
		assertTrue(update.contains("&IOPort.I0.Direction=output&IOPort.I0.Output.Name=Flashing beacon&IOPort.I0.Output.Active=closed"),
				update);
		assertTrue(update.contains("&Image.I0.Appearance.Resolution="), update);
		assertTrue(schedule < recipient && recipient < firstAction && firstAction < firstRule, ops.toString());
		// "Flashing beacon", "Horn speaker", "PTZ follows", "Lock down the gate", "Release the gate" (#19),
		// "Alert the center", "Record the intrusion" (#19 item 3).
		assertEquals(7, ops.stream().filter(o -> o.equals("action1 AddActionRule")).count());
	}

	@Test
	void scheduleWithTwoTimesBecomesTwoEventsAndTheRuleTwoRules(@TempDir Path dir) throws Exception {
		DeviceConfiguration north = new SiteGenerator().generate(Sites.variant(dir, "Mon-Fri 18:00-08:00",
				"Mon-Fri 18:00-08:00\n\t\tSat, Sun 00:00-23:30")).device("North1");
		assertEquals("DTSTART:19700101T000000\nDTEND:19700101T233000\nRRULE:FREQ=WEEKLY;BYDAY=SA,SU",
				find(north, Conventions.SCHEDULE, "After hours 2").attributes().get("ical"));
		assertTrue(find(north, Conventions.SCHEDULE, "After hours 1").attributes().get("ical").contains("DTEND:19700102T080000"));
		assertTrue(find(north, Conventions.RULE, "Flashing beacon (2)").attributes().get("condition.1.content")
				.contains("palisade.after-hours-2"));
		// Five rules (beacon, horn, PTZ, the gate's lockdown on the schedule and its release at the
		// schedule's end), each once per scheduled event; the center's alert and recording once (no schedule).
		assertEquals(12, north.objects().stream().filter(o -> o.kind().equals(Conventions.RULE)).count());
	}

	@Test
	void outputWithoutDurationIsUnlimitedWithEverythingInConditions(@TempDir Path dir) throws Exception {
		DeviceConfiguration north = new SiteGenerator().generate(Sites.variant(dir, "do output \"Flashing beacon\" for 30 s",
				"do output \"Flashing beacon\"")).device("North1");
		assertEquals("com.axis.action.unlimited.io.toggle",
				find(north, Conventions.ACTION, "Flashing beacon").attributes().get("template"));
		ManagedObject rule = find(north, Conventions.RULE, "Flashing beacon");
		assertFalse(rule.attributes().containsKey("start.topic"));
		assertTrue(rule.attributes().get("condition.1.topic").contains("PerimeterDefender"));
		assertEquals("tns1:UserAlarm/tnsaxis:Recurring/Interval", rule.attributes().get("condition.2.topic"));
	}

	@Test
	void plainHttpRecipientUsesTheHttpTemplates(@TempDir Path dir) throws Exception {
		DeviceConfiguration north = new SiteGenerator().generate(Sites.variant(dir, "play Horn clip 2 https",
				"play Horn clip 2")).device("North1");
		assertEquals("http://10.20.0.30/axis-cgi/playclip.cgi?clip=2",
				find(north, Conventions.RECIPIENT, "Horn speaker").attributes().get("param.upload_url"));
		assertEquals("com.axis.action.fixed.notification.http",
				find(north, Conventions.ACTION, "Horn speaker").attributes().get("template"));
	}

	@Test
	void generatingTwiceGivesEqualResults() throws Exception {
		assertEquals(new SiteGenerator().generate(Sites.load(Sites.harbourDepot())),
				new SiteGenerator().generate(Sites.load(Sites.harbourDepot())));
	}
}
