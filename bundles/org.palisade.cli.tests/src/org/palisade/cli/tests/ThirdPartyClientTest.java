package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue #14 as a new user tried it: software written for real Axis devices, pointed at
 * {@code palisade simulate}. The client here is not Palisade's: java.net.http with Digest computed
 * from RFC 7616 in this file, sending what such software sends (a POST body as {@code text/plain},
 * a {@code getSupportedVersions} without {@code apiVersion}, groups without {@code root.}). What it
 * must get back is what a real device answers (vapix-notes.md sections 1 and 2).
 */
class ThirdPartyClientTest {

	private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private URI base;
	private String user;
	private String password;

	@Test
	void aClientWrittenForRealDevicesGetsRealAnswers(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		try (Cli.Simulation sim = new Cli.Simulation(design, dir.resolve("map.json"))) {
			reachNorth1(sim.map);

			HttpResponse<String> list = send("POST", "/axis-cgi/param.cgi", "text/plain",
					"action=list&group=Properties.Image.Resolution,Brand.ProdType");
			assertEquals(200, list.statusCode());
			assertEquals("Properties.Image.Resolution=768x576,720x576,640x512,640x480,480x360,384x288,320x256,320x240,"
					+ "240x180,176x144,160x128,160x120\nBrand.ProdType=Thermal Camera\n", list.body());

			HttpResponse<String> update = send("POST", "/axis-cgi/param.cgi", "text/plain",
					"action=update&Network.SSH.Enabled=yes");
			assertEquals("OK", update.body());
			assertEquals("root.Network.SSH.Enabled=yes\n",
					send("GET", "/axis-cgi/param.cgi?action=list&group=root.Network.SSH.Enabled", null, null).body());

			JsonObject versions = JsonParser.parseString(send("POST", "/axis-cgi/basicdeviceinfo.cgi", "application/json",
					"{\"method\":\"getSupportedVersions\"}").body()).getAsJsonObject();
			assertNull(versions.get("error"), versions.toString());
			assertEquals("[\"1.3\"]", versions.getAsJsonObject("data").get("apiVersions").toString());

			JsonObject apis = JsonParser.parseString(send("POST", "/axis-cgi/apidiscovery.cgi", "application/json",
					"{\"apiVersion\":\"1.0\",\"method\":\"getApiList\"}").body()).getAsJsonObject();
			String ids = apis.getAsJsonObject("data").getAsJsonArray("apiList").toString();
			assertTrue(ids.contains("\"id\":\"mediaclip\""), ids);
			assertTrue(ids.contains("\"id\":\"io-port-management\",\"version\":\"1.1\""), ids);
			assertFalse(ids.contains("\"media-clip\""), ids);

			String rights = send("GET", "/axis-cgi/pwdgrp.cgi?action=get", null, null).body();
			assertTrue(rights.contains("admin=\"" + user + "\""), rights);
		}
	}

	/** North1's address and generated login, from the simulation's map and its credentials file. */
	private void reachNorth1(Path mapFile) throws Exception {
		JsonObject map = JsonParser.parseString(Files.readString(mapFile)).getAsJsonObject();
		base = URI.create(map.getAsJsonObject("devices").get("North1").getAsString());
		Properties creds = new Properties();
		try (var r = Files.newBufferedReader(Path.of(map.get("credentialsFile").getAsString()))) {
			creds.load(r);
		}
		String c = creds.getProperty("harbour-depot/north1");
		user = c.substring(0, c.indexOf(':'));
		password = c.substring(c.indexOf(':') + 1);
	}

	/** Whether the example's "After hours" (Mon-Fri 18:00-08:00 the next morning) holds at a time. */
	private static boolean afterHours(java.time.ZonedDateTime t) {
		int day = t.getDayOfWeek().getValue(); // Monday 1
		return day <= 5 && t.getHour() >= 18 || day >= 2 && day <= 6 && t.getHour() < 8;
	}

	@Test
	void aSimulatedCameraRunsWhatWasDeployedAndAWebSocketClientWatchesIt(@TempDir Path dir) throws Exception {
		Path design = Cli.design(dir);
		java.io.PipedOutputStream typed = new java.io.PipedOutputStream();
		java.io.InputStream stdin = System.in;
		System.setIn(new java.io.PipedInputStream(typed));
		try (Cli.Simulation sim = new Cli.Simulation(design, dir.resolve("map.json"), "--events-from-stdin")) {
			Cli.Run deploy = Cli.run("deploy", design.toString(), "--simulate", "--map", sim.map.toString());
			assertEquals(0, deploy.code(), deploy.out() + deploy.err());
			reachNorth1(sim.map);

			String token = send("GET", "/axis-cgi/wssession.cgi", null, null).body();
			java.util.concurrent.BlockingQueue<JsonObject> received = new java.util.concurrent.LinkedBlockingQueue<>();
			var socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + base.getRawAuthority()
					+ "/vapix/ws-data-stream?sources=events&wssession=" + token), new java.net.http.WebSocket.Listener() {
						@Override
						public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
								boolean last) {
							received.add(JsonParser.parseString(data.toString()).getAsJsonObject());
							ws.request(1);
							return null;
						}
					}).join();
			socket.sendText("{\"apiVersion\":\"1.0\",\"method\":\"events:configure\",\"params\":{\"eventFilterList\":["
					+ "{\"topicFilter\":\"tnsaxis:CameraApplicationPlatform//.\"},{\"topicFilter\":\"tns1:Device/tnsaxis:IO/OutputPort\"}]}}",
					true).join();
			assertTrue(received.poll(5, java.util.concurrent.TimeUnit.SECONDS).has("data"));

			java.time.ZonedDateTime before = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Stockholm"));
			typed.write("North1.PerimeterDefender.intrusion\n".getBytes(StandardCharsets.UTF_8));
			typed.flush();
			JsonObject intrusion = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
			assertTrue(intrusion != null && intrusion.toString().contains("tnsaxis:CameraApplicationPlatform/PerimeterDefender/Fence")
					&& intrusion.toString().contains("\"active\":\"1\""), String.valueOf(intrusion));
			JsonObject next = received.poll(3, java.util.concurrent.TimeUnit.SECONDS);
			java.time.ZonedDateTime after = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Stockholm"));
			// The deployed rule flashes the beacon only during "After hours", on the real clock: which
			// one holds depends on when this runs (not asserted across a boundary of the schedule).
			if (afterHours(before) && afterHours(after)) {
				assertTrue(next != null && next.toString().contains("tns1:Device/tnsaxis:IO/OutputPort")
						&& next.toString().contains("\"state\":\"1\""), before + ": " + next);
			} else if (!afterHours(before) && !afterHours(after)) {
				assertTrue(next == null || !next.toString().contains("OutputPort"), before + ": " + next);
			}
			socket.abort();
		} finally {
			System.setIn(stdin);
			typed.close();
		}
	}

	/** One request, answered with Digest (MD5, qop=auth) after the device's challenge. */
	private HttpResponse<String> send(String method, String target, String type, String body) throws Exception {
		HttpResponse<String> first = http.send(request(method, target, type, body, null), HttpResponse.BodyHandlers.ofString());
		if (first.statusCode() != 401) {
			return first;
		}
		String md5 = first.headers().allValues("WWW-Authenticate").stream()
				.filter(h -> h.contains("algorithm=MD5") || !h.contains("algorithm=")).findFirst().orElseThrow();
		Map<String, String> ch = new HashMap<>();
		Matcher m = PARAM.matcher(md5);
		while (m.find()) {
			ch.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
		}
		String ha1 = md5(user + ":" + ch.get("realm") + ":" + password);
		String ha2 = md5(method + ":" + target);
		String response = md5(ha1 + ":" + ch.get("nonce") + ":00000001:c0ffee:auth:" + ha2);
		String auth = "Digest username=\"" + user + "\", realm=\"" + ch.get("realm") + "\", nonce=\"" + ch.get("nonce")
				+ "\", uri=\"" + target + "\", algorithm=MD5, response=\"" + response + "\", qop=auth, nc=00000001, cnonce=\"c0ffee\"";
		return http.send(request(method, target, type, body, auth), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String target, String type, String body, String auth) {
		HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(10))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (type != null) {
			b.header("Content-Type", type);
		}
		if (auth != null) {
			b.header("Authorization", auth);
		}
		return b.build();
	}

	private static String md5(String s) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
	}
}
