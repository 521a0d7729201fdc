package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The virtual device's stream profile API (#17), over a real socket with Digest. */
class StreamProfileEndpointTest {

	private static final String PATH = "/axis-cgi/streamprofile.cgi";
	@RegisterExtension
	final VirtualCamera camera = new VirtualCamera();

	private JsonObject call(String method, String params) throws Exception {
		String body = camera.http().json(PATH, "{\"apiVersion\":\"1.0\",\"context\":\"t\",\"method\":\"" + method + "\",\"params\":"
				+ params + "}").body();
		return JsonParser.parseString(body).getAsJsonObject();
	}

	@Test
	void createListRemove() throws Exception {
		JsonObject created = call("create", "{\"streamProfile\":[{\"name\":\"Operator\",\"description\":\"d\","
				+ "\"parameters\":\"fps=15\"},{\"name\":\"Analytics\",\"description\":\"\",\"parameters\":\"fps=5\"}]}");
		assertTrue(created.has("data") && !created.has("error"), created.toString());
		JsonObject list = call("list", "{\"streamProfileName\":[]}");
		assertEquals(2, list.getAsJsonObject("data").getAsJsonArray("streamProfile").size(), list.toString());
		assertEquals(26, list.getAsJsonObject("data").get("maxProfiles").getAsInt());
		assertEquals(Map.of("Operator", "d | fps=15", "Analytics", " | fps=5"), camera.device().state().streamProfiles());
		call("remove", "{\"streamProfileName\":[{\"name\":\"Operator\"}]}");
		assertEquals(List.of("Analytics"), List.copyOf(camera.device().state().streamProfiles().keySet()));
	}

	@Test
	void aDuplicateNameChangesNothing() throws Exception {
		call("create", "{\"streamProfile\":[{\"name\":\"Operator\",\"parameters\":\"fps=15\"}]}");
		JsonObject again = call("create", "{\"streamProfile\":[{\"name\":\"Night\",\"parameters\":\"fps=5\"},"
				+ "{\"name\":\"Operator\",\"parameters\":\"fps=1\"}]}");
		assertTrue(again.has("error"), again.toString());
		assertTrue(again.getAsJsonObject("error").get("message").getAsString().contains("already exists: Operator"));
		assertEquals(Map.of("Operator", " | fps=15"), camera.device().state().streamProfiles(), "all or nothing");
		JsonObject missing = call("remove", "{\"streamProfileName\":[{\"name\":\"Nope\"}]}");
		assertTrue(missing.has("error"), missing.toString());
	}

	@Test
	void atMost26Profiles() throws Exception {
		StringBuilder b = new StringBuilder("{\"streamProfile\":[");
		for (int i = 0; i < 26; i++) {
			b.append(i == 0 ? "" : ",").append("{\"name\":\"P").append(i).append("\"}");
		}
		JsonObject full = call("create", b.append("]}").toString());
		assertTrue(!full.has("error"), "26 fit: " + full);
		JsonObject over = call("create", "{\"streamProfile\":[{\"name\":\"P26\"}]}");
		assertTrue(over.has("error") && over.toString().contains("at most 26"), over.toString());
	}
}
