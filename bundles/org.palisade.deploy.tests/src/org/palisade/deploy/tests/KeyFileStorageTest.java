package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.SecureCredentials;
import org.palisade.security.KeyFile;

/**
 * Secure storage with no password given: the storage picks its password provider from the
 * registry, which is Palisade's key file (org.palisade.security), as in the Studio, {@code deploy}
 * and {@code lsp}. What one opening stores, another opening of the same file reads with nothing
 * but the key file, as another process of the same user would.
 */
class KeyFileStorageTest {

	@TempDir
	Path dir;
	private Path key;

	@BeforeEach
	void privateKey() {
		key = dir.resolve("home/.palisade/secure-storage.key");
		System.setProperty(KeyFile.PROPERTY, key.toString());
	}

	@AfterEach
	void defaults() {
		SecureCredentials.useDefault();
		System.clearProperty(KeyFile.PROPERTY);
	}

	/** Opens a storage file the way the default storage is opened: no password, no prompt. */
	private static ISecurePreferences open(Path file) throws IOException {
		return SecurePreferencesFactory.open(file.toUri().toURL(), Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE));
	}

	/** Another opening of the same content: a copy at a new URL, so nothing is cached. */
	private ISecurePreferences reopen(Path file) throws IOException {
		Path copy = dir.resolve("copy-" + UUID.randomUUID());
		Files.copy(file, copy);
		return open(copy);
	}

	@Test
	void theFirstStoreMakesAPrivateKeyAndAnotherOpeningReadsWithIt() throws Exception {
		Path storage = dir.resolve("secure_storage");
		ISecurePreferences root = open(storage);
		SecureCredentials.use(() -> root);
		String secret = "pw-" + UUID.randomUUID();
		SecureCredentials.store("harbour-depot/north1", "root", secret.toCharArray());

		assertTrue(Files.isRegularFile(key), "the key was made on first use");
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
		assertEquals(45, Files.size(key), "32 random bytes in Base64 and a newline");
		assertFalse(Files.readString(storage, StandardCharsets.ISO_8859_1).contains(secret), "encrypted at rest");

		ISecurePreferences other = reopen(storage);
		SecureCredentials.use(() -> other);
		assertEquals(secret, new String(SecureCredentials.find("harbour-depot/north1").password()));
		assertEquals("root", SecureCredentials.user("harbour-depot/north1"));
	}

	@Test
	void aKeyOthersMayReadIsRefusedNamingTheFileAndNeverTheSecret() throws Exception {
		Files.createDirectories(key.getParent());
		Files.writeString(key, "q1yRz3b6S7m0nq9mN2w0xJmJb1xP4y3mW8b2k5c7d9E=\n");
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
		ISecurePreferences root = open(dir.resolve("secure_storage"));
		SecureCredentials.use(() -> root);
		String secret = "pw-" + UUID.randomUUID();
		IOException e = assertThrows(IOException.class, () -> SecureCredentials.store("harbour-depot/horn", "root", secret.toCharArray()));
		assertTrue(e.getMessage().contains(key + ": the secure storage key must be private to its owner, but others may read it"
				+ " (mode rw-r--r--)"), e.getMessage());
		assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
		assertFalse(e.getMessage().contains(secret));
		assertFalse(e.getMessage().contains("q1yRz3b6"), "the key is not quoted either");
	}

	@Test
	void anotherKeyCannotReadWhatTheFirstStoredAndSaysWhichCredentials() throws Exception {
		Path storage = dir.resolve("secure_storage");
		ISecurePreferences root = open(storage);
		SecureCredentials.use(() -> root);
		SecureCredentials.store("harbour-depot/north1", "root", "pw-1".toCharArray());

		Files.delete(key); // a lost key: the next opening makes a new one, which does not decrypt the old entries
		ISecurePreferences other = reopen(storage);
		SecureCredentials.use(() -> other);
		IOException e = assertThrows(IOException.class, () -> SecureCredentials.find("harbour-depot/north1"));
		assertTrue(e.getMessage().startsWith("secure storage: cannot read 'username' of credentials 'harbour-depot/north1'")
				|| e.getMessage().startsWith("secure storage: cannot read 'password' of credentials 'harbour-depot/north1'"),
				e.getMessage());
	}

	@Test
	void aDamagedKeyIsRefusedWithWhatIsWrong() throws Exception {
		Files.createDirectories(key.getParent());
		Files.writeString(key, "not a key\n");
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
		IOException e = assertThrows(IOException.class, () -> KeyFile.readOrCreate(key));
		assertTrue(e.getMessage().contains(key + ": not a Palisade key (one line of 44 Base64 characters)"), e.getMessage());
	}
}
