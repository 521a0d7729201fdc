package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.VirtualDevice;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class JsonApisTest {

	private VirtualDevice device;
	private TestHttp http;

	@BeforeEach
	void start() throws Exception {
		device = new VirtualDevice(DeviceDescriptor.builder("cam").serial("ACCC8E0000AA").password("pw".toCharArray()).build()).start();
		http = new TestHttp(device.baseUri(), "root", "pw");
	}

	@AfterEach
	void stop() {
		device.stop();
	}

	private static List<String> ids(TestHttp h) throws Exception {
		JsonObject o = JsonParser.parseString(h.json("/axis-cgi/apidiscovery.cgi",
				"{\"apiVersion\":\"1.0\",\"context\":\"c\",\"method\":\"getApiList\"}").body()).getAsJsonObject();
		List<String> ids = new ArrayList<>();
		for (JsonElement e : o.getAsJsonObject("data").getAsJsonArray("apiList")) {
			JsonObject api = e.getAsJsonObject();
			assertTrue(api.has("version") && api.has("name") && api.has("docLink"), api.toString());
			ids.add(api.get("id").getAsString());
		}
		return ids;
	}

	@Test
	void apiListNamesWhatTheDeviceServes() throws Exception {
		List<String> ids = ids(http);
		assertTrue(ids.containsAll(List.of("io-port-management", "param-cgi", "basic-device-info", "api-discovery")), ids.toString());
		// Recorded: the id is "mediaclip", and cameras list it too (the Q1961-TE has an audio API).
		assertTrue(ids.contains("mediaclip"));
		assertFalse(ids.contains("media-clip"));
		try (VirtualDevice horn = new VirtualDevice(DeviceDescriptor.builder("h").kind(DeviceKind.SPEAKER).ioPorts(0)
				.password("pw".toCharArray()).build()).start()) {
			List<String> hornIds = ids(new TestHttp(horn.baseUri(), "root", "pw"));
			assertTrue(hornIds.containsAll(List.of("mediaclip", "speakertest")), hornIds.toString());
			assertFalse(hornIds.contains("io-port-management"), "a device without ports does not list it");
			assertFalse(hornIds.contains("thermometry"));
		}
	}

	@Test
	void basicDeviceInfoProperties() throws Exception {
		JsonObject o = JsonParser.parseString(http.json("/axis-cgi/basicdeviceinfo.cgi",
				"{\"apiVersion\":\"1.1\",\"context\":\"c\",\"method\":\"getAllProperties\"}").body()).getAsJsonObject();
		JsonObject p = o.getAsJsonObject("data").getAsJsonObject("propertyList");
		// Devices say "ProdNbr" (recorded Axis and Kane610 answers); vapix.md's "ProdNr" is a typo.
		assertEquals("Q1961-TE", p.get("ProdNbr").getAsString());
		assertEquals("ACCC8E0000AA", p.get("SerialNumber").getAsString());
		assertEquals("11.11.73", p.get("Version").getAsString());
		assertEquals("AXIS", p.get("Brand").getAsString());
		assertEquals("Thermal Camera", p.get("ProdType").getAsString());
		assertEquals("1.3", o.get("apiVersion").getAsString(), "the device's version, asked 1.1");
		assertEquals("aarch64", p.get("Architecture").getAsString());
	}

	@Test
	void basicDeviceInfoSelectedProperties() throws Exception {
		JsonObject o = JsonParser.parseString(http.json("/axis-cgi/basicdeviceinfo.cgi",
				"{\"apiVersion\":\"1.0\",\"method\":\"getProperties\",\"params\":{\"propertyList\":[\"Version\"]}}").body())
				.getAsJsonObject();
		JsonObject p = o.getAsJsonObject("data").getAsJsonObject("propertyList");
		assertEquals(1, p.size());
		JsonObject bad = JsonParser.parseString(http.json("/axis-cgi/basicdeviceinfo.cgi",
				"{\"apiVersion\":\"1.0\",\"method\":\"getProperties\",\"params\":{\"propertyList\":[\"Nope\"]}}").body())
				.getAsJsonObject();
		assertEquals(1000, bad.getAsJsonObject("error").get("code").getAsInt());
	}
}
