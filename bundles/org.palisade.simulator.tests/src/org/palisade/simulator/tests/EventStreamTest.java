package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceState.ActionRule;
import org.palisade.simulator.DeviceState.EventFilter;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;
import org.palisade.simulator.rules.FleetRuntime;
import org.palisade.simulator.rules.VirtualClock;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The virtual camera's event stream, watched as a client of a real device watches it: the JDK's
 * own WebSocket client (not Jetty, which serves it) on loopback, VAPIX's events:configure, and the
 * events:notify messages a rehearsal's events cause.
 */
class EventStreamTest {

	private static final String OUTPUT = "tns1:Device/tnsaxis:IO/OutputPort";

	private VirtualFleet fleet;
	private VirtualDevice camera;
	private FleetRuntime runtime;
	private TestHttp http;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void start() throws Exception {
		fleet = VirtualFleet.start(List.of(DeviceDescriptor.builder("North1").password("camera-pw".toCharArray())
				.scenarios(List.of("Fence")).build()), VirtualClock.stepped(ICalendarScheduleTest.at("2026-12-01T02:00+01:00")));
		camera = fleet.device("North1");
		http = new TestHttp(camera.baseUri(), "root", "camera-pw");
		assertEquals(200, http.json("/axis-cgi/io/portmanagement.cgi", "{\"apiVersion\":\"1.0\",\"method\":\"setPorts\","
				+ "\"params\":{\"ports\":[{\"port\":\"0\",\"direction\":\"output\",\"name\":\"Flashing beacon\",\"normalState\":\"open\"}]}}")
				.statusCode());
		String beacon = camera.state().seedActionConfiguration("Flashing beacon [palisade]", "com.axis.action.fixed.io.toggle",
				Map.of("port", "0", "state", "high", "duration", "30"));
		camera.state().seedActionRule(new ActionRule(null, "Flashing beacon [palisade]", true,
				new EventFilter(FleetRuntimeTest.FENCE, FleetRuntimeTest.ACTIVE), List.of(), null, beacon));
		runtime = fleet.runtime();
		runtime.sync();
	}

	@AfterEach
	void stop() {
		fleet.close();
	}

	/** A connected client and every text message it received, in order. */
	private static final class Watcher implements WebSocket.Listener {
		final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
		private final StringBuilder partial = new StringBuilder();
		WebSocket socket;

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				messages.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		JsonObject next() throws InterruptedException {
			JsonObject m = messages.poll(5, TimeUnit.SECONDS);
			assertNotNull(m, "no message within 5 s");
			return m;
		}

		/** Sends a configure and returns its answer. */
		JsonObject configure(String context, String filters) throws InterruptedException {
			socket.sendText("{\"apiVersion\":\"1.0\",\"context\":\"" + context
					+ "\",\"method\":\"events:configure\",\"params\":{\"eventFilterList\":[" + filters + "]}}", true).join();
			return next();
		}
	}

	private URI stream(String query) {
		return URI.create("ws://127.0.0.1:" + camera.port() + "/vapix/ws-data-stream?sources=events" + query);
	}

	private Watcher watchWithToken() throws Exception {
		var token = http.get("/axis-cgi/wssession.cgi");
		assertEquals(200, token.statusCode());
		Watcher w = new Watcher();
		w.socket = client.newWebSocketBuilder().buildAsync(stream("&wssession=" + token.body()), w).join();
		return w;
	}

	private static JsonObject notification(JsonObject message) {
		assertEquals("events:notify", message.get("method").getAsString(), message.toString());
		return message.getAsJsonObject("params").getAsJsonObject("notification");
	}

	@Test
	void anIntrusionAndTheBeaconItDrivesArriveAsTheDeviceSendsThem() throws Exception {
		Watcher w = watchWithToken();
		JsonObject answer = w.configure("rehearsal", "{\"topicFilter\":\"" + FleetRuntimeTest.FENCE + "\"},{\"topicFilter\":\""
				+ OUTPUT + "\"}");
		assertEquals("{\"apiVersion\":\"1.0\",\"context\":\"rehearsal\",\"method\":\"events:configure\",\"data\":{}}",
				answer.toString());

		runtime.applicationEvent("North1", "PerimeterDefender", "intrusion", Duration.ofSeconds(1));
		JsonObject intrusion = notification(w.next());
		assertEquals(FleetRuntimeTest.FENCE, intrusion.get("topic").getAsString());
		assertEquals("1", intrusion.getAsJsonObject("message").getAsJsonObject("data").get("active").getAsString());
		assertEquals(ICalendarScheduleTest.at("2026-12-01T02:00+01:00").toEpochMilli(), intrusion.get("timestamp").getAsLong(),
				"stamped with the fleet's (virtual) clock");
		JsonObject on = notification(w.next());
		assertEquals(OUTPUT, on.get("topic").getAsString(), "the device's spelling: leaf unqualified");
		assertEquals("{\"port\":\"0\"}", on.getAsJsonObject("message").getAsJsonObject("source").toString());
		assertEquals("1", on.getAsJsonObject("message").getAsJsonObject("data").get("state").getAsString());

		runtime.clock().advance(Duration.ofSeconds(1));
		assertEquals("0", notification(w.next()).getAsJsonObject("message").getAsJsonObject("data").get("active").getAsString(),
				"the detection ends after its hold");
		runtime.clock().advance(Duration.ofSeconds(28));
		assertNull(w.messages.poll(200, TimeUnit.MILLISECONDS), "the beacon is still on after 29 s");
		runtime.clock().advance(Duration.ofSeconds(1));
		JsonObject off = notification(w.next());
		assertEquals(OUTPUT, off.get("topic").getAsString());
		assertEquals("0", off.getAsJsonObject("message").getAsJsonObject("data").get("state").getAsString());
		assertEquals(ICalendarScheduleTest.at("2026-12-01T02:00:30+01:00").toEpochMilli(), off.get("timestamp").getAsLong());
	}

	@Test
	void aFilterInAnotherSpellingOrForAnotherPortGetsNothing() throws Exception {
		Watcher w = watchWithToken();
		assertTrue(w.configure("1", "{\"topicFilter\":\"tns1:Device/tnsaxis:IO/tnsaxis:OutputPort\"},"
				+ "{\"topicFilter\":\"" + OUTPUT + "\",\"contentFilter\":\"boolean(//SimpleItem[@Name='port' and @Value='1'])\"}")
				.has("data"));
		runtime.applicationEvent("North1", "PerimeterDefender", "intrusion", Duration.ofSeconds(1));
		// Frames go out in order: had the port-0 change matched, it would come before this answer.
		JsonObject answer = w.configure("2", "{\"topicFilter\":\"tns1:Device//.\"}");
		assertEquals("2", answer.get("context").getAsString(), answer.toString());
		// The new filter takes tns1:Device's whole subtree, and the replay brings the port's current state.
		JsonObject replayed = notification(w.next());
		assertEquals(OUTPUT, replayed.get("topic").getAsString());
		assertEquals("1", replayed.getAsJsonObject("message").getAsJsonObject("data").get("state").getAsString());
		assertNull(w.messages.poll(200, TimeUnit.MILLISECONDS), "nothing else: the intrusion is not under tns1:Device");
	}

	@Test
	void theHandshakeTakesDigestOrAOneTimeTokenAndNothingElse() throws Exception {
		Watcher w = new Watcher();
		CompletionException refused = assertThrows(CompletionException.class,
				() -> client.newWebSocketBuilder().buildAsync(stream(""), w).join());
		assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

		String token = http.get("/axis-cgi/wssession.cgi").body();
		assertTrue(token.matches("[0-9a-f]{32}"), token);
		client.newWebSocketBuilder().buildAsync(stream("&wssession=" + token), w).join().abort();
		CompletionException replayed = assertThrows(CompletionException.class,
				() -> client.newWebSocketBuilder().buildAsync(stream("&wssession=" + token), new Watcher()).join());
		assertEquals(401, ((WebSocketHandshakeException) replayed.getCause()).getResponse().statusCode(),
				"a token opens one stream");

		// Digest on the handshake itself, as a client of a real device answers the challenge.
		String path = "/vapix/ws-data-stream?sources=events";
		Map<String, String> c = TestHttp.challenge(http.sendWith("GET", path, null).headers()
				.firstValue("WWW-Authenticate").orElseThrow());
		Watcher digest = new Watcher();
		digest.socket = client.newWebSocketBuilder()
				.header("Authorization", http.digest("GET", path, c.get("realm"), c.get("nonce"), "00000001", "c0ffee"))
				.buildAsync(stream(""), digest).join();
		assertTrue(digest.configure("d", "{\"topicFilter\":\"" + OUTPUT + "\"}").has("data"));
		// The aborted token stream's end reaches the device asynchronously.
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (camera.eventStreamClients() != 1 && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertEquals(1, camera.eventStreamClients(), "the digest client; the aborted one is gone");
	}

	@Test
	void aPlainRequestOrAnotherSourceIsRefused() throws Exception {
		var plain = http.get("/vapix/ws-data-stream?sources=events");
		assertEquals(400, plain.statusCode());
		assertTrue(plain.body().contains("WebSocket"), plain.body());
		String token = http.get("/axis-cgi/wssession.cgi").body();
		CompletionException video = assertThrows(CompletionException.class, () -> client.newWebSocketBuilder()
				.buildAsync(URI.create("ws://127.0.0.1:" + camera.port() + "/vapix/ws-data-stream?sources=video&wssession="
						+ token), new Watcher()).join());
		assertEquals(400, ((WebSocketHandshakeException) video.getCause()).getResponse().statusCode());
	}

	@Test
	void aBadConfigureIsAnsweredWithItsErrorAndTheStreamStaysOpen() throws Exception {
		Watcher w = watchWithToken();
		w.socket.sendText("{not json", true).join();
		assertEquals(2101, w.next().getAsJsonObject("error").get("code").getAsInt());
		w.socket.sendText("{\"apiVersion\":\"1.0\",\"method\":\"events:subscribe\"}", true).join();
		assertEquals(2102, w.next().getAsJsonObject("error").get("code").getAsInt());
		w.socket.sendText("{\"apiVersion\":\"1.0\",\"method\":\"events:configure\",\"params\":{}}", true).join();
		JsonObject missing = w.next().getAsJsonObject("error");
		assertEquals(2103, missing.get("code").getAsInt());
		assertTrue(missing.get("message").getAsString().contains("eventFilterList"), missing.toString());
		JsonObject xpath = w.configure("x", "{\"topicFilter\":\"" + OUTPUT + "\",\"contentFilter\":\"boolean(//SimpleItem[\"}")
				.getAsJsonObject("error");
		assertEquals(2104, xpath.get("code").getAsInt());
		assertTrue(xpath.get("message").getAsString().contains("boolean(//SimpleItem["), xpath.toString());
		JsonObject topic = w.configure("t", "{\"topicFilter\":\"tns1:Device/nope:IO\"}").getAsJsonObject("error");
		assertEquals(2104, topic.get("code").getAsInt(), "an unknown prefix is no topic expression");
		assertTrue(w.configure("ok", "{\"topicFilter\":\"" + OUTPUT + "\"}").has("data"), "still open after errors");
	}
}
