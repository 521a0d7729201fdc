package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
		IOException e = assertThrows(IOException.class, () -> CredentialStore.standard(design, List.of(file)));
		assertTrue(e.getMessage().contains("must not lie in the design's folder"));
	}
}
