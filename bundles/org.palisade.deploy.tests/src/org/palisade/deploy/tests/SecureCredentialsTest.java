package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.SecureCredentials;
import org.palisade.deploy.internal.SecureStorageSource;

/**
 * The one writer of the credentials layout, on a real storage file opened with its password as
 * a provider hint: what it writes is what deploy's secure storage source reads.
 */
class SecureCredentialsTest {

	@AfterEach
	void defaultStorage() {
		SecureCredentials.useDefault();
	}

	private static ISecurePreferences open(Path file) throws IOException {
		return SecurePreferencesFactory.open(file.toUri().toURL(), Map.of(IProviderHints.DEFAULT_PASSWORD,
				new PBEKeySpec(UUID.randomUUID().toString().toCharArray()), IProviderHints.PROMPT_USER, Boolean.FALSE));
	}

	@Test
	void storesWhereDeployReadsAndRemoves(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("secure_storage");
		ISecurePreferences root = open(file);
		SecureCredentials.use(() -> root);
		String secret = "pw-" + UUID.randomUUID();
		char[] typed = secret.toCharArray();
		assertFalse(SecureCredentials.exists("harbour-depot/north1"));

		SecureCredentials.store("harbour-depot/north1", "root", typed);
		assertArrayEquals(new char[typed.length], typed, "the caller's copy is wiped");
		assertTrue(SecureCredentials.exists("harbour-depot/north1"));
		assertTrue(root.nodeExists("org.palisade/credentials/harbour-depot\\2fnorth1"), "one node, slashes encoded");
		assertEquals(List.of("harbour-depot/north1"), SecureCredentials.references());
		assertEquals("root", SecureCredentials.user("harbour-depot/north1"));
		assertTrue(SecureCredentials.hasPassword("harbour-depot/north1"));
		// The reader deploy uses, by default (it follows the storage in use) and over the root.
		var read = CredentialStore.empty().add("secure storage", new SecureStorageSource()).resolve("harbour-depot/north1").orElseThrow();
		assertEquals(secret, new String(read.password()));
		assertEquals(secret, new String(SecureStorageSource.over(root).find("harbour-depot/north1").password()));
		assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(secret), "encrypted at rest");

		SecureCredentials.remove("harbour-depot/north1");
		assertFalse(SecureCredentials.exists("harbour-depot/north1"));
		assertNull(SecureCredentials.find("harbour-depot/north1"));
		assertNull(SecureCredentials.user("harbour-depot/north1"));
	}

	@Test
	void noStorageIsAnErrorNamingTheReferenceNeverTheValue() {
		SecureCredentials.use(() -> null);
		String secret = "pw-" + UUID.randomUUID();
		IOException e = assertThrows(IOException.class, () -> SecureCredentials.store("harbour-depot/horn", "root", secret.toCharArray()));
		assertTrue(e.getMessage().contains("'harbour-depot/horn'"), e.getMessage());
		assertFalse(e.getMessage().contains(secret));
		assertFalse(SecureCredentials.exists("harbour-depot/horn"));
	}
}
