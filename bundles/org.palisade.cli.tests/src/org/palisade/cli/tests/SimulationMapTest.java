package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.internal.SimulationMap;
import org.palisade.deploy.Credential;

/** simulate's private folder, its files, and the loopback rule of --simulate. */
class SimulationMapTest {

	@Test
	void thePrivateFolderIsMadeOwnerOnlyAndAnythingElseThereIsRefused(@TempDir Path dir) throws Exception {
		Path made = SimulationMap.privateDir(dir.resolve("sim"));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
		assertEquals(made, SimulationMap.privateDir(made), "an existing private folder of ours is reused");

		Path open = Files.createDirectory(dir.resolve("open"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertEquals(open + " is open to others (mode rwxrwxrwx); simulate keeps its passwords only in a private folder:"
				+ " chmod 700 " + open, assertThrows(IOException.class, () -> SimulationMap.privateDir(open)).getMessage());
		// Ours and readable only (as an older Palisade left it): nobody could have put anything there, so it is closed.
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
		SimulationMap.privateDir(open);
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)));

		Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
		Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
		Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);
		assertTrue(assertThrows(IOException.class, () -> SimulationMap.privateDir(link)).getMessage()
				.startsWith(link + " is a symbolic link"));

		Path file = Files.writeString(dir.resolve("plain"), "x");
		assertTrue(assertThrows(IOException.class, () -> SimulationMap.privateDir(file)).getMessage()
				.startsWith(file + " is not a folder"));
	}

	@Test
	void filesAreOwnerOnlyLinksAreNotFollowedAndAllIsRemovedOnExit(@TempDir Path dir) throws Exception {
		Path priv = dir.resolve("sim");
		SimulationMap.privateDir(priv);
		Path victim = Files.writeString(dir.resolve("victim"), "keep me");
		// A link planted where the map goes is replaced, its target left alone.
		Path map = priv.resolve("harbour-depot.json");
		Files.createSymbolicLink(map, victim);
		Path creds = SimulationMap.write(map, priv, "Harbour Depot", Map.of("North1", URI.create("http://127.0.0.1:4000")),
				Map.of("hd/north1", new Credential("root", "S3cret-pw".toCharArray())));
		assertEquals("keep me", Files.readString(victim));
		assertFalse(Files.isSymbolicLink(creds));
		assertFalse(Files.isSymbolicLink(map));
		assertTrue(creds.getFileName().toString().startsWith("harbour-depot-"), creds.toString());
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(map)));
		assertTrue(Files.readString(creds).contains("hd/north1=root:S3cret-pw"));
		assertFalse(Files.readString(map).contains("S3cret-pw"));
		SimulationMap read = SimulationMap.read(map);
		assertEquals(creds, read.credentialsFile());
		SimulationMap.remove(map, creds);
		assertFalse(Files.exists(map, LinkOption.NOFOLLOW_LINKS));
		assertFalse(Files.exists(creds, LinkOption.NOFOLLOW_LINKS));
		assertFalse(Files.exists(priv), "the private folder goes once empty");
	}

	@Test
	void aMapThatIsBrokenOrPointsAwayFromLoopbackIsRefused(@TempDir Path dir) throws Exception {
		Path map = dir.resolve("map.json");
		String[][] cases = {
				{ "{\"devices\": {\"North1\": \"http://127.0.0.1:1\"", "not a simulation map: " },
				{ "[1, 2]", "not a simulation map (expected a JSON object" },
				{ "{\"devices\": [], \"credentialsFile\": \"/x\"}", "not a simulation map (expected \"devices\"" },
				{ "{\"devices\": {\"North1\": \"http://10.20.0.11\"}, \"credentialsFile\": \"/x\"}",
						"device North1 is at http://10.20.0.11, not on loopback; --simulate talks only to virtual devices"
								+ " on this machine (127.0.0.1, ::1)" },
				{ "{\"devices\": {\"North1\": \"http://evil.example:80\"}, \"credentialsFile\": \"/x\"}",
						"device North1 is at http://evil.example:80, not on loopback" },
				{ "{\"devices\": {\"North1\": \"ftp://127.0.0.1\"}, \"credentialsFile\": \"/x\"}", "not on loopback" },
				{ "{\"devices\": {\"North1\": \"http://bad host\"}, \"credentialsFile\": \"/x\"}", "device North1: not a URI" } };
		for (String[] c : cases) {
			Files.writeString(map, c[0]);
			String m = assertThrows(IOException.class, () -> SimulationMap.read(map), c[0]).getMessage();
			assertTrue(m.startsWith(map + ": ") && m.contains(c[1]), c[0] + " -> " + m);
		}
		for (String ok : new String[] { "http://127.0.0.1:4000", "https://127.9.9.9:1", "http://[::1]:80", "http://localhost:8" }) {
			Files.writeString(map, "{\"devices\": {\"North1\": \"" + ok + "\"}, \"credentialsFile\": \"/x\"}");
			assertEquals(URI.create(ok), SimulationMap.read(map).devices().get("North1"));
		}
	}
}
