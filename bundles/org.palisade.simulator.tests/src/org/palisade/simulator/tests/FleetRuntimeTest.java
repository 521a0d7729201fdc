package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.DeviceState.ActionRule;
import org.palisade.simulator.DeviceState.EventFilter;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;
import org.palisade.simulator.rules.FleetRuntime;
import org.palisade.simulator.rules.Timeline;
import org.palisade.simulator.rules.Timeline.Kind;
import org.palisade.simulator.rules.VirtualClock;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A camera and a horn speaker on loopback, the camera holding the example's rules: events on a
 * stepped clock make the camera drive its output and call the speaker over a real socket.
 */
class FleetRuntimeTest {

	static final String ACTIVE = "boolean(//SimpleItem[@Name=\"active\" and @Value=\"1\"])";
	static final String FENCE = "tnsaxis:CameraApplicationPlatform/PerimeterDefender/Fence";
	static final String AFTER_HOURS = "DTSTART:19700101T180000\nDTEND:19700102T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

	private VirtualFleet fleet;
	private VirtualDevice camera;
	private VirtualDevice horn;
	private FleetRuntime runtime;
	private TestHttp cameraHttp;

	@BeforeEach
	void start() throws Exception {
		fleet = VirtualFleet.start(List.of(
				DeviceDescriptor.builder("North1").password("camera-pw".toCharArray()).scenarios(List.of("Fence")).build(),
				DeviceDescriptor.builder("Horn").kind(DeviceKind.SPEAKER).password("horn-pw".toCharArray())
						.clips(List.of("Clip 0", "Clip 1", "Intruder warning")).build()),
				VirtualClock.stepped(ICalendarScheduleTest.at("2026-12-01T01:00+01:00")));
		camera = fleet.device("North1");
		horn = fleet.device("Horn");
		cameraHttp = new TestHttp(camera.baseUri(), "root", "camera-pw");
		assertEquals(200, cameraHttp.json("/axis-cgi/time.cgi",
				"{\"apiVersion\":\"1.0\",\"method\":\"setTimeZone\",\"params\":{\"timeZone\":\"Europe/Stockholm\"}}").statusCode());
		assertEquals(200, cameraHttp.json("/axis-cgi/io/portmanagement.cgi", "{\"apiVersion\":\"1.0\",\"method\":\"setPorts\","
				+ "\"params\":{\"ports\":[{\"port\":\"0\",\"direction\":\"output\",\"name\":\"Flashing beacon\",\"normalState\":\"open\"},"
				+ "{\"port\":\"1\",\"direction\":\"input\",\"name\":\"Gate contact\",\"normalState\":\"closed\"}]}}").statusCode());
		String schedule = camera.state().seedScheduledEvent("After hours [palisade]", AFTER_HOURS);
		EventFilter afterHours = new EventFilter("tns1:UserAlarm/tnsaxis:Recurring/Interval",
				"boolean(//SimpleItem[@Name=\"id\" and @Value=\"" + schedule + "\"]) and " + ACTIVE);
		String beacon = camera.state().seedActionConfiguration("Flashing beacon [palisade]", "com.axis.action.fixed.io.toggle",
				Map.of("port", "0", "state", "high", "duration", "30"));
		String notify = camera.state().seedActionConfiguration("Horn speaker [palisade]",
				"com.axis.action.fixed.notification.https", Map.of("upload_url",
						"https://10.20.0.30/axis-cgi/playclip.cgi?clip=2", "login", "root", "password", "horn-pw",
						"validate_server_cert", "1", "message", "", "parameters", ""));
		camera.state().seedActionRule(new ActionRule(null, "Flashing beacon [palisade]", true,
				new EventFilter(FENCE, ACTIVE), List.of(afterHours), null, beacon));
		camera.state().seedActionRule(new ActionRule(null, "Horn speaker [palisade]", true,
				new EventFilter(FENCE, ACTIVE), List.of(afterHours), null, notify));
		runtime = fleet.runtime().addresses(Map.of("10.20.0.30", horn.baseUri()));
		runtime.sync();
	}

	@AfterEach
	void stop() {
		fleet.close();
	}

	private Instant at(String t) {
		return ICalendarScheduleTest.at(t);
	}

	private JsonObject port(int n) throws Exception {
		var r = cameraHttp.json("/axis-cgi/io/portmanagement.cgi", "{\"apiVersion\":\"1.0\",\"method\":\"getPorts\"}");
		return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("data").getAsJsonArray("items")
				.get(n).getAsJsonObject();
	}

	private void intrusion(String time) {
		runtime.clock().advanceTo(at(time));
		runtime.applicationEvent("North1", "PerimeterDefender", "intrusion", Duration.ofSeconds(1));
	}

	@Test
	void intrusionAfterHoursFlashesTheBeaconFor30sAndTheHornPlaysClip2WithItsCredentials() throws Exception {
		intrusion("2026-12-01T02:00+01:00");
		assertEquals(1, horn.state().clipPlays().size(), runtime.timeline().entries().toString());
		assertEquals(2, horn.state().clipPlays().get(0).clip());
		assertEquals("Intruder warning", horn.state().clipPlays().get(0).clipName());
		assertEquals(at("2026-12-01T02:00+01:00"), horn.state().clipPlays().get(0).at(), "stamped with the virtual clock");
		// Digest: challenged first, then answered with the speaker's own login.
		List<Integer> playclip = horn.requestLog().stream().filter(r -> r.path().equals("/axis-cgi/playclip.cgi"))
				.map(RequestRecord::status).toList();
		assertEquals(List.of(401, 200), playclip);

		assertEquals("closed", port(0).get("state").getAsString(), "active: the opposite of normally open");
		runtime.clock().advanceTo(at("2026-12-01T02:00:29+01:00"));
		assertEquals("closed", port(0).get("state").getAsString(), "still active after 29 s");
		runtime.clock().advanceTo(at("2026-12-01T02:00:30+01:00"));
		assertEquals("open", port(0).get("state").getAsString(), "back to normal after 30 s");

		List<Timeline.Entry> t = runtime.timeline().entries();
		Timeline.Entry on = t.stream().filter(e -> e.kind() == Kind.PORT_ACTIVE).findFirst().orElseThrow();
		Timeline.Entry off = t.stream().filter(e -> e.kind() == Kind.PORT_NORMAL).findFirst().orElseThrow();
		assertEquals(Duration.ofSeconds(30), Duration.between(on.at(), off.at()));
		assertEquals("Flashing beacon", on.rule());
		assertEquals("port 1", on.subject());
		Timeline.Entry clip = t.stream().filter(e -> e.kind() == Kind.CLIP).findFirst().orElseThrow();
		assertEquals("Horn", clip.device());
		assertEquals("clip 2", clip.subject());
	}

	@Test
	void intrusionDuringOfficeHoursDoesNothing() throws Exception {
		intrusion("2026-12-01T10:00+01:00");
		runtime.clock().advanceTo(at("2026-12-01T10:05+01:00"));
		assertTrue(horn.state().clipPlays().isEmpty());
		assertTrue(horn.requestLog().isEmpty(), "the speaker was not even asked");
		assertEquals("open", port(0).get("state").getAsString());
		assertTrue(runtime.timeline().entries().stream().noneMatch(e -> e.kind() == Kind.PORT_ACTIVE));
		// The schedule's own changes are on the timeline: inactive at 08:00.
		assertTrue(runtime.timeline().entries().stream().anyMatch(e -> e.kind() == Kind.SCHEDULE
				&& e.detail().equals("inactive") && e.at().equals(at("2026-12-01T08:00+01:00"))));
	}

	@Test
	void aSpeakerThatRejectsTheLoginPlaysNothingAndTheTimelineSaysSo() {
		horn.changePassword("changed-by-someone".toCharArray());
		intrusion("2026-12-01T02:00+01:00");
		assertTrue(horn.state().clipPlays().isEmpty());
		Timeline.Entry n = runtime.timeline().entries().stream().filter(e -> e.kind() == Kind.NOTIFY).findFirst().orElseThrow();
		assertTrue(n.detail().contains("refused") && n.detail().contains("401"), n.detail());
	}

	/** The speaker's refusal (playclip.cgi 400, developer.axis.com's form) is read, and its reason shown. */
	@Test
	void aClipTheSpeakerLacksIsAFailureWithTheSpeakersReason() throws Exception {
		try (FleetRuntime other = new FleetRuntime(VirtualClock.stepped(at("2026-12-01T01:00+01:00")), fleet::devices)) {
			VirtualDevice small = new VirtualDevice(DeviceDescriptor.builder("Small").kind(DeviceKind.SPEAKER)
					.password("horn-pw".toCharArray()).clips(List.of("Only clip")).build()).start();
			try {
				other.addresses(Map.of("10.20.0.30", small.baseUri()));
				other.sync();
				other.clock().advanceTo(at("2026-12-01T02:00+01:00"));
				other.applicationEvent("North1", "PerimeterDefender", "Fence", Duration.ofSeconds(1));
				Timeline.Entry n = other.timeline().entries().stream().filter(e -> e.kind() == Kind.NOTIFY).findFirst()
						.orElseThrow();
				assertTrue(n.detail().startsWith("failed, HTTP 400 (Clip 2 does not exist)"), n.detail());
				assertTrue(small.state().clipPlays().isEmpty());
			} finally {
				small.stop();
			}
		}
	}

	@Test
	void anAddressOutsideTheMapIsNotContacted() {
		try (FleetRuntime other = new FleetRuntime(VirtualClock.stepped(at("2026-12-01T01:00+01:00")), fleet::devices)) {
			other.sync();
			other.clock().advanceTo(at("2026-12-01T02:00+01:00"));
			other.applicationEvent("North1", "PerimeterDefender", "Fence", Duration.ofSeconds(1));
			Timeline.Entry n = other.timeline().entries().stream().filter(e -> e.kind() == Kind.NOTIFY).findFirst()
					.orElseThrow();
			assertTrue(n.detail().startsWith("not sent: 10.20.0.30 is not a device of the virtual fleet"), n.detail());
			assertTrue(horn.requestLog().isEmpty());
		}
		assertThrows(IllegalArgumentException.class, () -> runtime.addresses(Map.of("10.20.0.31",
				java.net.URI.create("http://192.0.2.1:80"))), "a map entry off loopback is refused");
	}

	@Test
	void anInputHeldActiveDrivesAnUnlimitedOutputWhileItHolds() throws Exception {
		String hold = camera.state().seedActionConfiguration("Gate light", "com.axis.action.unlimited.io.toggle",
				Map.of("port", "0", "state", "high"));
		camera.state().seedActionRule(new ActionRule(null, "Gate light", true, null, List.of(new EventFilter(
				"tns1:Device/tnsaxis:IO/Port", "boolean(//SimpleItem[@Name=\"port\" and @Value=\"1\"]) and "
						+ "boolean(//SimpleItem[@Name=\"state\" and @Value=\"1\"])")), null, hold));
		runtime.clock().advanceTo(at("2026-12-01T12:00+01:00"));
		runtime.input("North1", 2, true);
		assertEquals("open", port(1).get("state").getAsString(), "input 2 active: opposite of normally closed");
		assertEquals("closed", port(0).get("state").getAsString());
		runtime.clock().advanceTo(at("2026-12-01T12:10+01:00"));
		assertEquals("closed", port(0).get("state").getAsString(), "held while the input is");
		runtime.input("North1", 2, false);
		assertEquals("open", port(0).get("state").getAsString());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> runtime.input("North1", 1, true)).getMessage()
				.contains("no input port 1"));
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> runtime.applicationEvent("North1", "ObjectAnalytics", "intrusion", Duration.ofSeconds(1))).getMessage()
				.contains("runs PerimeterDefender: Fence"));
	}
}
