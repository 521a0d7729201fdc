package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;

class CredentialStoreTest {

	@Test
	void environmentThenFileInOrder(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("creds.properties");
		Files.writeString(file, "harbour-depot/north1=root:from-file\nharbour-depot/horn=speaker:horn-pass\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		CredentialStore store = CredentialStore.empty()
				.add("environment", CredentialStore.environment(Map.of(
						"PALISADE_CREDENTIALS_HARBOUR_DEPOT_NORTH1", "admin:from-env")::get))
				.add("file", CredentialStore.file(file, dir.resolve("design")));
		Credential north = store.resolve("harbour-depot/north1").orElseThrow();
		assertEquals("admin", north.username());
		assertArrayEquals("from-env".toCharArray(), north.password());
		assertEquals("speaker", store.resolve("harbour-depot/horn").orElseThrow().username());
		assertTrue(store.resolve("unknown").isEmpty());
		assertFalse(north.toString().contains("from-env"));
	}

	@Test
	void fileInsideTheDesignFolderIsRefused(@TempDir Path dir) throws Exception {
		Path design = Files.createDirectories(dir.resolve("site"));
		Path file = design.resolve("creds.properties");
		Files.writeString(file, "a=b:c\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		IOException e = assertThrows(IOException.class, () -> CredentialStore.standard(design, List.of(file)));
		assertTrue(e.getMessage().contains("must not lie in the design's folder"));
	}

	@Test
	void aLinkOutsideThatResolvesIntoTheDesignFolderIsRefused(@TempDir Path dir) throws Exception {
		Path design = Files.createDirectories(dir.resolve("site"));
		Path inside = design.resolve("creds.properties");
		Files.writeString(inside, "a=b:c\n");
		Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rw-------"));
		Path link = Files.createSymbolicLink(dir.resolve("outside.properties"), inside);
		IOException e = assertThrows(IOException.class, () -> CredentialStore.standard(design, List.of(link)));
		assertEquals(link + ": a credentials file must not lie in the design's folder (" + design + "; it resolves to "
				+ inside.toRealPath() + "); keep it outside, where it is not committed with the design", e.getMessage());
	}

	@Test
	void aFileOthersMayReadOrWriteIsRefused(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("creds.properties");
		Files.writeString(file, "a=b:c\n");
		// Root reads any file, so the mode itself is checked, not whether a read fails.
		for (String mode : List.of("rw-r--r--", "rw----r--", "rw-r-----", "rw--w----", "rw-rw-rw-")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
			IOException e = assertThrows(IOException.class, () -> CredentialStore.file(file, dir.resolve("design")), mode);
			assertTrue(e.getMessage().startsWith(file + ": a credentials file must be private to its owner, but others may "),
					e.getMessage());
			assertTrue(e.getMessage().endsWith("(mode " + mode + "); make it private: chmod 600 " + file.toRealPath()),
					e.getMessage());
		}
		for (String mode : List.of("rw-------", "r--------")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
			assertEquals("b", CredentialStore.file(file, dir.resolve("design")).find("a").username(), mode);
		}
		assertEquals("a credentials file must be private to its owner, but others may read and write it",
				CredentialStore.checkPrivate(PosixFilePermissions.fromString("rw-rw-rw-")));
	}
}
