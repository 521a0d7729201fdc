package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.palisade.cli.Palisade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.tests.Cli.Run;

/**
 * {@code palisade rehearse}: the example deployed to fresh virtual devices (real sockets on
 * loopback), its events played on a stepped clock, its expectations checked.
 */
class RehearseCommandTest {

	@TempDir
	Path dir;

	static Path scenario() {
		return Cli.example().resolveSibling("harbour-depot.rehearsal");
	}

	@Test
	void theExampleScenarioIsMetAndItsTimelineShowsWhatFired() {
		Run r = Cli.run("rehearse", Cli.example().toString(), "--scenario", scenario().toString());
		System.out.println(r.out());
		assertEquals(0, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("All 35 expectation(s) met."), r.out());
		// The surveillance center hears of every intrusion (#19 item 3): a TCP generic event through the
		// fleet's address map to the virtual VMS, and a recording on North1's SD card.
		assertTrue(r.out().contains("Tue 2026-12-01 10:00:00 CET  Center  received alert \"North1 fence intrusion\" by tcp "
				+ "(from North1 rule \"Alert the center\")"), r.out());
		assertTrue(r.out().contains("North1  rule \"Record the intrusion\": recording \"Operator\" to SD_DISK, 5 s before and "
				+ "30 s after for 35 s"), r.out());
		// The camera locks the yard gate down at night and releases it when office hours begin (#19):
		// the door controller records each command, the mode it left and who asked.
		assertTrue(r.out().contains("Tue 2026-12-01 02:00:00 CET  Entry   door YardGate tdc:LockDownDoor: LockedDown, by root "
				+ "(asked by North1 rule \"Lock down the gate\")"), r.out());
		assertTrue(r.out().contains("Tue 2026-12-01 08:00:00 CET  Entry   door YardGate tdc:LockDownReleaseDoor: Locked, by root "
				+ "(asked by North1 rule \"Release the gate\")"), r.out());
		// The PTZ follows the alarm (#19): the camera calls ptz.cgi with the PTZ's login; the PTZ
		// records the move, where it points and who asked.
		assertTrue(r.out().contains("North1  rule \"PTZ follows\": notify https://10.20.0.20/axis-cgi/com/ptz.cgi"
				+ "?gotoserverpresetname=Fence: sent, HTTP 204 (the virtual device serves http), login root"), r.out());
		assertTrue(r.out().contains("Tue 2026-12-01 02:00:00 CET  Gate    preset Fence: moved to pan -42.5 tilt -8.0 zoom 2400, "
				+ "by root (asked by North1 rule \"PTZ follows\")"), r.out());
		// A minute later the PTZ's autoreturn, which deploy set from "return home after 60 s", takes it home.
		assertTrue(r.out().contains("Tue 2026-12-01 02:01:00 CET  Gate    preset Home: returned home after 60 s "
				+ "(PTZ.Various.V1.ReturnToOverview) to pan 0.0 tilt 0.0 zoom 1 (asked by its autoreturn, after North1 rule "
				+ "\"PTZ follows\")"), r.out());
		// Tuesday 02:00: the beacon for 30 s, and the horn speaker called with its own login.
		assertTrue(r.out().contains("Tue 2026-12-01 02:00:00 CET  North1  rule \"Flashing beacon\": port 1 active (closed) for 30 s"
				+ " (on PerimeterDefender/Fence active)"), r.out());
		assertTrue(r.out().contains("Tue 2026-12-01 02:00:30 CET  North1  port 1 normal (open) (after 30 s)"), r.out());
		assertTrue(r.out().matches("(?s).*Tue 2026-12-01 02:00:00 CET  North1  rule \"Horn speaker\": notify "
				+ "https://10\\.20\\.0\\.30/axis-cgi/playclip\\.cgi\\?clip=2: sent, HTTP 200 \\(the virtual device serves http\\), "
				+ "login root.*"), r.out());
		assertTrue(r.out().contains("Tue 2026-12-01 02:00:00 CET  Horn    played clip 2 \"Intruder warning\" (asked by North1 rule"),
				r.out());
		// 10:00: the rule saw the event and was held back by its schedule.
		assertTrue(r.out().contains("Tue 2026-12-01 10:00:00 CET  North1  rule \"Flashing beacon\": not fired: schedule "
				+ "\"After hours\" does not hold (on PerimeterDefender/Fence active)"), r.out());
		assertTrue(r.out().contains("Sat 2026-12-05 08:00:00 CET  North1  schedule \"After hours\" inactive"), r.out());
		// Only the schedules the rules use are on the timeline, not the factory ones.
		assertTrue(!r.out().contains("Office Hours") && !r.out().contains("Weekdays"), r.out());
		// The passwords the rehearsal generated are never printed.
		assertTrue(!r.out().contains("password") && !r.err().contains("password"), r.out());
	}

	@Test
	void overHttpsTheCameraCallsTheSpeakerOverTlsTrustingItsCertificate() {
		Run r = Cli.run("rehearse", Cli.example().toString(), "--https", "--at", "Tue 2026-12-01 02:00", "--event",
				"North1.PerimeterDefender.intrusion", "--expect", "Horn clip 2", "--expect", "North1 port 1 active 30s");
		assertEquals(0, r.code(), r.out() + r.err());
		// The design's https recipient went over TLS to the speaker's virtual device: no "serves http" note.
		assertTrue(r.out().matches("(?s).*North1  rule \"Horn speaker\": notify https://10\\.20\\.0\\.30/axis-cgi/playclip\\.cgi"
				+ "\\?clip=2: sent, HTTP 200, login root.*"), r.out());
		assertTrue(r.out().contains("Horn    played clip 2 \"Intruder warning\""), r.out());
	}

	@Test
	void aBrokenCopyScheduledMonToThuFailsTheFridayExpectationClearly() throws Exception {
		Path design = Cli.design(dir);
		Files.writeString(design, Files.readString(design).replace("Mon-Fri 18:00-08:00", "Mon-Thu 18:00-08:00"));
		Run r = Cli.run("rehearse", design.toString(), "--scenario", scenario().toString());
		assertEquals(1, r.code(), r.out() + r.err());
		// The center's alert and recording still fire (day and night): they are what happened, then what was held back.
		String friday = "palisade rehearse: " + scenario() + ":37: expect North1 port 1 active 30s: North1 port 1 was never "
				+ "active between Fri 2026-12-04 23:00:00 CET and Fri 2026-12-04 23:10:00 CET (what happened: North1 tcp "
				+ "10.30.0.5:1234 sent \"North1 fence intrusion\", answer 3,22,1,Center; Center alert \"North1 fence intrusion\" "
				+ "by tcp; North1 recording \"Operator\" to SD_DISK, 5 s before and 30 s after; rule \"Flashing beacon\" not fired: "
				+ "schedule \"After hours\" does not hold; rule \"Horn speaker\" not fired: schedule \"After hours\" does not hold; "
				+ "rule \"PTZ follows\" not fired: schedule \"After hours\" does not hold; rule \"Lock down the gate\" not fired: "
				+ "schedule \"After hours\" does not hold)";
		assertTrue(r.err().contains(friday), r.err());
		assertTrue(r.err().contains(scenario() + ":38: expect Horn clip 2: Horn did not play clip 2"), r.err());
		assertTrue(r.err().contains(scenario() + ":39: expect Gate preset Fence: Gate did not move to preset Fence"), r.err());
		assertTrue(r.err().contains(scenario() + ":40: expect Gate home after 60s: Gate did not return home between "
				+ "Fri 2026-12-04 23:00:00 CET and Fri 2026-12-04 23:10:00 CET (it did not move)"), r.err());
		// and Saturday 08:00 has no release to see: Thursday's after hours ended on Friday morning.
		assertTrue(r.err().contains(scenario() + ":53: expect Entry door YardGate locked: Entry did not leave door YardGate locked"),
				r.err());
		assertTrue(r.out().contains("8 of 35 expectation(s) failed."), r.out());
		// Tuesday still works: only Friday's night (and its Saturday morning) lost the schedule.
		assertTrue(r.out().contains("   ok      expect North1 port 1 active 30s"), r.out());
	}

	/**
	 * Issue #19: the yard gate forced open is the door controller's own event; its rules flash the
	 * beacon on its AUX output and call the horn, over HTTP(S) through the fleet's address map.
	 */
	@Test
	void aForcedDoorFlashesTheGateBeaconAndPlaysTheHornClip() {
		for (boolean https : new boolean[] { false, true }) {
			List<String> args = new java.util.ArrayList<>(List.of("rehearse", Cli.example().toString(), "--at",
					"Sat 2026-12-05 14:00", "--event", "Entry.door.YardGate.forced", "--expect", "Entry port 1 active 30s",
					"--expect", "Horn clip 2", "--expect", "North1 port 1 inactive", "--expect", "Entry door YardGate no command"));
			if (https) {
				args.add("--https");
			}
			Run run = Cli.run(args.toArray(String[]::new));
			assertEquals(0, run.code(), run.out() + run.err());
			// The device column is as wide as the names on the timeline: compared with single spaces.
			Run r = new Run(run.code(), run.out().replaceAll(" {2,}", " "), run.err());
			assertTrue(r.out().contains("Sat 2026-12-05 14:00:00 CET Entry event door YardGate DoorForcedOpen"), r.out());
			assertTrue(r.out().contains("Entry rule \"Gate forced: beacon\": port 1 active (closed) for 30 s (on door YardGate "
					+ "DoorForcedOpen)"), r.out());
			assertTrue(r.out().contains("Entry rule \"Gate forced: horn\": notify https://10.20.0.30/axis-cgi/playclip.cgi?clip=2: "
					+ "sent, HTTP 200" + (https ? ", login root" : " (the virtual device serves http), login root")), r.out());
			assertTrue(r.out().contains("Horn played clip 2 \"Intruder warning\" (asked by Entry rule \"Gate forced: horn\")"),
					r.out());
		}
		// A door the controller does not have is named with its doors, never played.
		Run wrong = Cli.run("rehearse", Cli.example().toString(), "--at", "Sat 2026-12-05 14:00", "--event",
				"Entry.door.Back.forced", "--expect", "Horn clip 2");
		assertTrue(wrong.code() != 0, wrong.out() + wrong.err());
		assertTrue(wrong.err().contains("no door Back (its doors: YardGate)"), wrong.err());
	}

	@Test
	void aStepOnTheCommandLine() {
		Run ok = Cli.run("rehearse", Cli.example().toString(), "--at", "Tue 2026-12-01 02:00", "--event",
				"North1.PerimeterDefender.intrusion", "--expect", "North1 port 1 active 30s", "--expect", "Horn clip 2");
		assertEquals(0, ok.code(), ok.out() + ok.err());
		Run longer = Cli.run("rehearse", Cli.example().toString(), "--at", "Tue 2026-12-01 02:00", "--event",
				"North1.PerimeterDefender.Fence@+5s", "--expect", "North1 port 1 active 31s");
		assertEquals(1, longer.code(), longer.out() + longer.err());
		assertTrue(longer.err().contains("--expect: expect North1 port 1 active 31s: North1 port 1 was active 30 s "
				+ "(Tue 2026-12-01 02:00:05 CET to Tue 2026-12-01 02:00:35 CET), expected 31 s"), longer.err());
	}

	@Test
	void anIntrusionInTheRepeatedAutumnHourFollowsTheICalendarRules() throws Exception {
		// 2026-10-25: 03:00 CEST becomes 02:00 CET. A schedule Sunday 02:30-04:00: its start is the
		// first 02:30 (CEST), and it lasts its exact 1 h 30 min, to 03:00 CET (RFC 5545).
		Path design = Cli.design(dir);
		Files.writeString(design, Files.readString(design).replace("Mon-Fri 18:00-08:00", "Sun 02:30-04:00"));
		Path steps = dir.resolve("dst.rehearsal");
		Files.writeString(steps, String.join("\n",
				"at Sun 2026-10-25 02:15+02:00 \"first 02:15, before the start\"",
				"  event North1.PerimeterDefender.intrusion",
				"  expect North1 port 1 inactive",
				"  expect Horn no clip",
				"at Sun 2026-10-25 02:45+02:00 \"first 02:45\"",
				"  event North1.PerimeterDefender.intrusion",
				"  expect North1 port 1 active 30s",
				"at Sun 2026-10-25 02:15+01:00 \"second 02:15: the repeated hour\"",
				"  event North1.PerimeterDefender.intrusion",
				"  expect North1 port 1 active 30s",
				"  expect Horn clip 2",
				"at Sun 2026-10-25 03:30+01:00 \"03:30 CET: 1 h 30 min after the start have passed\"",
				"  event North1.PerimeterDefender.intrusion",
				"  expect North1 port 1 inactive",
				"  expect Horn no clip", ""));
		Run r = Cli.run("rehearse", design.toString(), "--scenario", steps.toString());
		assertEquals(0, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("Sun 2026-10-25 02:30:00 CEST  North1  schedule \"After hours\" active"), r.out());
		assertTrue(r.out().contains("Sun 2026-10-25 03:00:00 CET  North1  schedule \"After hours\" inactive"), r.out());
		// Without an offset a repeated time means its first occurrence: 02:15 CEST, before the start.
		Run first = Cli.run("rehearse", design.toString(), "--at", "Sun 2026-10-25 02:15", "--event",
				"North1.PerimeterDefender.intrusion", "--expect", "North1 port 1 inactive");
		assertEquals(0, first.code(), first.out() + first.err());
	}

	@Test
	void unusableStepsAreUsageErrorsNamingWhere() throws Exception {
		Run weekday = Cli.run("rehearse", Cli.example().toString(), "--at", "Wed 2026-12-01 02:00", "--expect", "nothing");
		assertEquals(2, weekday.code());
		assertTrue(weekday.err().contains("--at: 2026-12-01 is a Tue, not a Wed"), weekday.err());
		Run gap = Cli.run("rehearse", Cli.example().toString(), "--at", "2026-03-29 02:30", "--expect", "nothing");
		assertEquals(2, gap.code());
		assertTrue(gap.err().contains("2026-03-29T02:30 does not exist in Europe/Stockholm"), gap.err());
		Run device = Cli.run("rehearse", Cli.example().toString(), "--at", "2026-12-01 02:00", "--expect", "South9 clip 2");
		assertEquals(2, device.code());
		assertTrue(device.err().contains("--expect: no camera or speaker named 'South9' in Harbour Depot"), device.err());
		Path bad = dir.resolve("bad.rehearsal");
		Files.writeString(bad, "at 2026-12-01 02:00\n  expect North1 port one active\n");
		Run line = Cli.run("rehearse", Cli.example().toString(), "--scenario", bad.toString());
		assertEquals(2, line.code());
		assertTrue(line.err().contains(bad + ":2: expected 'DEVICE port N active [DURATION]'"), line.err());
		Run nothing = Cli.run("rehearse", Cli.example().toString());
		assertEquals(2, nothing.code());
		assertTrue(nothing.err().contains("nothing to rehearse"), nothing.err());
	}

	/** Lines printed by a command running on another thread, as they come. */
	private static final class Lines extends OutputStream {
		final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		private final StringBuilder line = new StringBuilder();

		@Override
		public synchronized void write(int b) {
			if (b == '\n') {
				lines.add(line.toString());
				line.setLength(0);
			} else {
				line.append((char) b);
			}
		}
	}

	@Test
	void aWatchedRehearsalStreamsTheCamerasEventsToAnOrdinaryWebSocketClient() throws Exception {
		Lines out = new Lines();
		int[] code = { -1 };
		Thread run = new Thread(() -> code[0] = Palisade.run(List.of("rehearse", Cli.example().toString(), "--at",
				"Tue 2026-12-01 02:00", "--event", "North1.PerimeterDefender.intrusion", "--expect", "North1 port 1 active 30s",
				"--watch", "3", "--pace", "300"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
		run.start();
		String url = null;
		for (String l; url == null && (l = out.lines.poll(60, TimeUnit.SECONDS)) != null;) {
			if (l.startsWith("North1 events: ")) {
				url = l.substring("North1 events: ".length());
			}
		}
		assertTrue(url != null && url.startsWith("ws://127.0.0.1:") && url.contains("/vapix/ws-data-stream?sources=events&wssession="),
				String.valueOf(url));
		List<String> received = new ArrayList<>();
		WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
				synchronized (received) {
					received.add(data.toString());
				}
				ws.request(1);
				return null;
			}
		}).join();
		socket.sendText("{\"apiVersion\":\"1.0\",\"method\":\"events:configure\",\"params\":{\"eventFilterList\":["
				+ "{\"topicFilter\":\"tns1:Device/tnsaxis:IO/OutputPort\"},"
				+ "{\"topicFilter\":\"tnsaxis:CameraApplicationPlatform//.\"}]}}", true).join();
		run.join(60_000);
		assertEquals(0, code[0], String.join("\n", out.lines));
		List<String> events;
		synchronized (received) {
			events = List.copyOf(received);
		}
		assertEquals("{\"apiVersion\":\"1.0\",\"method\":\"events:configure\",\"data\":{}}", events.get(0));
		// 02:00 CET is 01:00 UTC: the events carry the rehearsal's virtual time.
		long at = java.time.Instant.parse("2026-12-01T01:00:00Z").toEpochMilli();
		assertTrue(events.contains("{\"apiVersion\":\"1.0\",\"method\":\"events:notify\",\"params\":{\"notification\":"
				+ "{\"timestamp\":" + at + ",\"topic\":\"tnsaxis:CameraApplicationPlatform/PerimeterDefender/Fence\","
				+ "\"message\":{\"source\":{},\"key\":{},\"data\":{\"active\":\"1\"}}}}}"), events.toString());
		assertTrue(events.contains("{\"apiVersion\":\"1.0\",\"method\":\"events:notify\",\"params\":{\"notification\":"
				+ "{\"timestamp\":" + (at + 30_000) + ",\"topic\":\"tns1:Device/tnsaxis:IO/OutputPort\","
				+ "\"message\":{\"source\":{\"port\":\"0\"},\"key\":{},\"data\":{\"state\":\"0\"}}}}}"), events.toString());
		socket.abort();
	}
}
