package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.simulator.AuthMode;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.FleetFile;

class FleetFileTest {

	@Test
	void readsJson() throws Exception {
		Path f = Files.createTempFile("fleet", ".json");
		try {
			Files.writeString(f, "{\"devices\":[{\"name\":\"cam-1\",\"kind\":\"camera\",\"password\":\"p1\",\"ports\":2,"
					+ "\"scenarios\":[\"Camera1Profile1\"]},{\"name\":\"horn\",\"kind\":\"speaker\",\"model\":\"AXIS C1310-E\","
					+ "\"passwordEnv\":\"HORN_PW\",\"clips\":[\"Siren\",\"Warning, leave\"],\"auth\":\"any\",\"listenPort\":0}]}");
			List<DeviceDescriptor> ds = FleetFile.read(f, Map.of("HORN_PW", "from-env")::get);
			assertEquals(2, ds.size());
			assertEquals(DeviceKind.CAMERA, ds.get(0).kind());
			assertArrayEquals("p1".toCharArray(), ds.get(0).password());
			DeviceDescriptor horn = ds.get(1);
			assertEquals(DeviceKind.SPEAKER, horn.kind());
			assertEquals(List.of("Siren", "Warning, leave"), horn.clips());
			assertEquals(AuthMode.DIGEST_OR_BASIC, horn.authMode());
			assertArrayEquals("from-env".toCharArray(), horn.password());
			assertFalse(horn.toString().contains("from-env"));
		} finally {
			Files.deleteIfExists(f);
		}
	}

	@Test
	void readsProperties() throws Exception {
		Path f = Files.createTempFile("fleet", ".properties");
		try {
			Files.writeString(f, "device.cam-a.kind=camera\ndevice.cam-a.password=pa\ndevice.cam-a.ports=1\n"
					+ "device.horn-b.kind=speaker\ndevice.horn-b.clips=One,Two\n");
			List<DeviceDescriptor> ds = FleetFile.read(f);
			assertEquals(List.of("cam-a", "horn-b"), ds.stream().map(DeviceDescriptor::name).toList());
			assertEquals(1, ds.get(0).ioPorts());
			assertEquals(List.of("One", "Two"), ds.get(1).clips());
		} finally {
			Files.deleteIfExists(f);
		}
	}

	@Test
	void reportsBadContent() throws Exception {
		Path f = Files.createTempFile("fleet", ".json");
		try {
			Files.writeString(f, "{\"devices\":[{\"name\":\"x\",\"passwordEnv\":\"UNSET_VAR\"}]}");
			assertThrows(IllegalArgumentException.class, () -> FleetFile.read(f, k -> null));
			Files.writeString(f, "[oops");
			assertThrows(IllegalArgumentException.class, () -> FleetFile.read(f));
		} finally {
			Files.deleteIfExists(f);
		}
	}
}
