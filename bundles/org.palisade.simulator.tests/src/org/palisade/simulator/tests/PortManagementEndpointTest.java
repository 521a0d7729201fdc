package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class PortManagementEndpointTest {

	private static final String CGI = "/axis-cgi/io/portmanagement.cgi";
	@RegisterExtension
	final VirtualCamera camera = new VirtualCamera();

	private JsonObject call(String json) throws Exception {
		var r = camera.http().json(CGI, json);
		assertEquals(200, r.statusCode());
		return JsonParser.parseString(r.body()).getAsJsonObject();
	}

	@Test
	void getPortsHasTheRecordedShape() throws Exception {
		JsonObject o = call("{\"apiVersion\":\"1.0\",\"context\":\"ctx\",\"method\":\"getPorts\"}");
		assertEquals("1.1", o.get("apiVersion").getAsString(), "the version the device lists in API discovery (recorded)");
		assertEquals("ctx", o.get("context").getAsString());
		assertEquals("getPorts", o.get("method").getAsString());
		JsonObject data = o.getAsJsonObject("data");
		assertEquals(2, data.get("numberOfPorts").getAsInt());
		JsonObject p0 = data.getAsJsonArray("items").get(0).getAsJsonObject();
		assertEquals("0", p0.get("port").getAsString());
		assertTrue(p0.get("configurable").getAsBoolean());
		assertEquals("", p0.get("usage").getAsString());
		assertEquals("Port 1", p0.get("name").getAsString());
		assertEquals("input", p0.get("direction").getAsString());
		assertEquals("open", p0.get("state").getAsString());
		assertEquals("open", p0.get("normalState").getAsString());
	}

	@Test
	void noPortsMeansNoItems() throws Exception {
		try (VirtualDevice none = new VirtualDevice(DeviceDescriptor.builder("n").ioPorts(0).password("pw".toCharArray()).build()).start()) {
			var r = new TestHttp(none.baseUri(), "root", "pw").json(CGI, "{\"apiVersion\":\"1.0\",\"method\":\"getPorts\"}");
			JsonObject data = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("data");
			assertEquals(0, data.get("numberOfPorts").getAsInt());
			assertFalse(data.has("items"));
		}
	}

	@Test
	void setPortsEchoesThePortsAndParamCgiAgrees() throws Exception {
		JsonObject o = call("{\"apiVersion\":\"1.0\",\"context\":\"c\",\"method\":\"setPorts\",\"params\":{\"ports\":[{\"port\":\"0\","
				+ "\"direction\":\"output\",\"name\":\"Flashing beacon\",\"normalState\":\"open\",\"usage\":\"Beacon\"}]}}");
		// developer.axis.com (I/O port management): success answers data.ports, the ports changed.
		assertEquals("{\"ports\":[\"0\"]}", o.getAsJsonObject("data").toString());
		assertFalse(o.has("error"));
		String params = camera.http().get("/axis-cgi/param.cgi?action=list&group=root.IOPort.I0").body();
		assertTrue(params.contains("root.IOPort.I0.Direction=output\n"));
		assertTrue(params.contains("root.IOPort.I0.Output.Name=Flashing beacon\n"));
		assertTrue(params.contains("root.IOPort.I0.Output.Active=closed\n"));
		assertTrue(params.contains("root.IOPort.I0.Usage=Beacon\n"));
		assertEquals(new DeviceState.IoPort("0", true, "Beacon", "output", "Flashing beacon", "open", "open"),
				camera.device().state().ioPorts().get(0));
	}

	@Test
	void paramCgiChangesShowInGetPorts() throws Exception {
		camera.http().get("/axis-cgi/param.cgi?action=update&IOPort.I1.Input.Name=Gate&IOPort.I1.Input.Trig=open");
		JsonObject p1 = call("{\"apiVersion\":\"1.0\",\"method\":\"getPorts\"}").getAsJsonObject("data")
				.getAsJsonArray("items").get(1).getAsJsonObject();
		assertEquals("Gate", p1.get("name").getAsString());
		assertEquals("closed", p1.get("normalState").getAsString());
	}

	@Test
	void invalidItemRejectsTheWholeRequest() throws Exception {
		var before = camera.device().state().snapshot();
		JsonObject o = call("{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":["
				+ "{\"port\":\"0\",\"name\":\"Changed\"},{\"port\":\"1\",\"normalState\":\"sideways\"}]}}");
		assertEquals(2104, o.getAsJsonObject("error").get("code").getAsInt());
		assertEquals(before, camera.device().state().snapshot());
		assertEquals(2104, code("{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":[{\"port\":\"7\"}]}}"));
		assertEquals(2103, code("{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":[{\"name\":\"x\"}]}}"));
	}

	private int code(String json) throws Exception {
		return call(json).getAsJsonObject("error").get("code").getAsInt();
	}

	@Test
	void errorCodes() throws Exception {
		// The API's own codes (developer.axis.com, I/O port management), not other APIs' 4000/2003/2004/4002.
		assertEquals(2101, code("{not json"));
		assertEquals(2100, code("{\"apiVersion\":\"2.0\",\"method\":\"getPorts\"}"));
		assertEquals(2102, code("{\"apiVersion\":\"1.0\",\"method\":\"explode\"}"));
		assertEquals(2103, code("{\"apiVersion\":\"1.0\"}"));
		var get = camera.http().get(CGI);
		assertEquals(2101, JsonParser.parseString(get.body()).getAsJsonObject().getAsJsonObject("error").get("code").getAsInt());
		JsonObject err = call("{\"apiVersion\":\"1.0\",\"context\":\"k\",\"method\":\"explode\"}");
		assertEquals("k", err.get("context").getAsString());
		assertEquals("explode", err.get("method").getAsString());
		assertFalse(err.getAsJsonObject("error").get("message").getAsString().isEmpty());
	}

	@Test
	void stateSequenceOnOutputOnly() throws Exception {
		String seq = "{\"apiVersion\":\"1.0\",\"method\":\"setStateSequence\",\"params\":{\"port\":\"0\",\"sequence\":"
				+ "[{\"state\":\"closed\",\"time\":3000},{\"state\":\"open\",\"time\":5000}]}}";
		assertEquals(2104, code(seq)); // port 0 is still an input
		call("{\"apiVersion\":\"1.0\",\"method\":\"setPorts\",\"params\":{\"ports\":[{\"port\":\"0\",\"direction\":\"output\"}]}}");
		JsonObject ok = call(seq);
		assertFalse(ok.has("error"));
		assertEquals("{\"port\":\"0\"}", ok.getAsJsonObject("data").toString()); // documented: data.port
		assertEquals(List.of(new DeviceState.StateSequence("0", List.of(new DeviceState.StateStep("closed", 3000),
				new DeviceState.StateStep("open", 5000)))), camera.device().state().stateSequences());
	}

	@Test
	void supportedVersions() throws Exception {
		JsonObject o = call("{\"apiVersion\":\"1.0\",\"method\":\"getSupportedVersions\"}");
		assertEquals("1.1", o.getAsJsonObject("data").getAsJsonArray("apiVersions").get(0).getAsString());
	}
}
