package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.palisade.simulator.SimulatorMain;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class SimulatorMainTest {

	@Test
	void startsPrintsMapsAndStops() throws Exception {
		Path dir = Files.createTempDirectory("sim-main");
		Path fleet = dir.resolve("fleet.json");
		Path map = dir.resolve("map.json");
		Files.writeString(fleet, "{\"devices\":[{\"name\":\"cam-1\",\"password\":\"Very-Secret\"}]}");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = SimulatorMain.run(new String[] { fleet.toString(), "--map", map.toString(), "--duration", "0" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
		assertTrue(printed.matches("(?s)cam-1 camera AXIS_Q1961-TE http://127\\.0\\.0\\.1:\\d+\n.*"), printed);
		assertFalse(printed.contains("Very-Secret"));
		JsonObject m = JsonParser.parseString(Files.readString(map)).getAsJsonObject();
		assertTrue(m.getAsJsonObject("cam-1").get("url").getAsString().startsWith("http://127.0.0.1:"));
		assertFalse(Files.readString(map).contains("Very-Secret"));
		Files.delete(map);
		Files.delete(fleet);
		Files.delete(dir);
	}

	@Test
	void badUsage() throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(2, SimulatorMain.run(new String[0], System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
		assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage:"));
		assertEquals(1, SimulatorMain.run(new String[] { "/nonexistent/fleet.json" }, System.out,
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
	}
}
