package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.internal.SecureStorageSource;

/**
 * Credentials from an Equinox secure storage file: a real storage in a temporary folder, opened
 * with its password given as a provider hint (no password provider, no prompt, no UI), written
 * under the node layout the source reads, then resolved through a credential store.
 */
class SecureStorageSourceTest {

	private static final String SECRET = "N0rth-Pole-Secret";

	private static ISecurePreferences open(Path file) throws IOException {
		Map<String, Object> options = Map.of(IProviderHints.DEFAULT_PASSWORD,
				new PBEKeySpec("storage-master-pw".toCharArray()), IProviderHints.PROMPT_USER, Boolean.FALSE);
		return SecurePreferencesFactory.open(file.toUri().toURL(), options);
	}

	private static ISecurePreferences node(ISecurePreferences root, String ref) {
		return root.node(SecureStorageSource.NODE + "/" + EncodingUtils.encodeSlashes(ref));
	}

	@Test
	void resolvesAReferenceFromAStorageFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("secure_storage");
		ISecurePreferences root = open(file);
		ISecurePreferences north = node(root, "harbour-depot/north1");
		north.put("username", "root", false);
		north.put("password", SECRET, true);
		node(root, "harbour-depot/horn").put("username", "speaker", false);
		node(root, "harbour-depot/horn").put("password", "H0rn-Secret", true);
		root.flush();

		String onDisk = Files.readString(file, StandardCharsets.ISO_8859_1);
		assertTrue(onDisk.contains("harbour-depot"), "the storage was written to the file:\n" + onDisk);
		assertFalse(onDisk.contains(SECRET), "the password is encrypted at rest");

		// The environment comes first and knows nothing here; the storage answers.
		CredentialStore store = CredentialStore.empty()
				.add("environment", CredentialStore.environment(Map.<String, String>of()::get))
				.add("secure storage", SecureStorageSource.over(root));
		Credential c = store.resolve("harbour-depot/north1").orElseThrow();
		assertEquals("root", c.username());
		assertArrayEquals(SECRET.toCharArray(), c.password());
		assertFalse(c.toString().contains(SECRET));
		assertEquals("speaker", store.resolve("harbour-depot/horn").orElseThrow().username());
		// the reference is one node: its slash does not open a path of nested nodes
		assertTrue(store.resolve("harbour-depot").isEmpty());
		assertTrue(store.resolve("harbour-depot/unknown").isEmpty());
		assertTrue(root.nodeExists(SecureStorageSource.NODE + "/harbour-depot\\2fnorth1"));
	}

	@Test
	void aNodeMissingAKeyIsAClearErrorWithoutTheSecret(@TempDir Path dir) throws Exception {
		ISecurePreferences root = open(dir.resolve("secure_storage"));
		node(root, "quay/cam7").put("password", SECRET, true); // no username
		node(root, "quay/cam8").put("username", "operator", false); // no password
		CredentialStore store = CredentialStore.empty().add("secure storage", SecureStorageSource.over(root));

		IOException noUser = assertThrows(IOException.class, () -> store.resolve("quay/cam7"));
		assertTrue(noUser.getMessage().contains("'quay/cam7'"), noUser.getMessage());
		assertTrue(noUser.getMessage().contains("no 'username' key"), noUser.getMessage());
		assertFalse(noUser.getMessage().contains(SECRET), noUser.getMessage());

		IOException noPassword = assertThrows(IOException.class, () -> store.resolve("quay/cam8"));
		assertTrue(noPassword.getMessage().contains("'quay/cam8'"), noPassword.getMessage());
		assertTrue(noPassword.getMessage().contains("no 'password' key"), noPassword.getMessage());
	}

	@Test
	void aReferenceTheStorageDoesNotHoldIsLeftToTheOtherSources(@TempDir Path dir) throws Exception {
		ISecurePreferences root = open(dir.resolve("secure_storage"));
		node(root, "site/a").put("username", "root", false);
		node(root, "site/a").put("password", SECRET, true);
		CredentialStore store = CredentialStore.empty().add("secure storage", SecureStorageSource.over(root))
				.add("environment", CredentialStore.environment(Map.of(CredentialStore.variable("site/b"), "env:from-env")::get));
		assertEquals("env", store.resolve("site/b").orElseThrow().username());
		assertTrue(store.resolve("site/c").isEmpty());
	}
}
