package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.tests.Cli.Run;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.SecureCredentials;
import org.palisade.security.KeyFile;

/**
 * {@code palisade credentials}: a password given on standard input lands in secure storage,
 * encrypted with the user's key file, where deploy's credential sources find it; nothing prints it.
 */
class CredentialsCommandTest {

	@TempDir
	Path dir;
	private final InputStream stdin = System.in;

	@BeforeEach
	void privateStorage() throws Exception {
		System.setProperty(KeyFile.PROPERTY, dir.resolve("key/secure-storage.key").toString());
		ISecurePreferences root = SecurePreferencesFactory.open(dir.resolve("secure_storage").toUri().toURL(),
				Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE));
		SecureCredentials.use(() -> root);
	}

	@AfterEach
	void defaults() {
		System.setIn(stdin);
		SecureCredentials.useDefault();
		System.clearProperty(KeyFile.PROPERTY);
	}

	private static Run withInput(String input, String... args) {
		System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
		return Cli.run(args);
	}

	@Test
	void setListAndRemoveAndDeployReadsWhatWasSet() throws Exception {
		String secret = "pw-" + UUID.randomUUID();
		Run set = withInput(secret + "\n", "credentials", "set", "harbour-depot/north1", "--user", "root", "--password-stdin");
		assertEquals(0, set.code(), set.err());
		assertEquals("stored credentials 'harbour-depot/north1' (user root) in secure storage\n", set.out());
		assertTrue(Files.isRegularFile(dir.resolve("key/secure-storage.key")), "the key was made on first use");

		// Stored already: not replaced by accident, only with --replace.
		Run again = withInput("other\n", "credentials", "set", "harbour-depot/north1", "--user", "admin", "--password-stdin");
		assertEquals(1, again.code(), again.out() + again.err());
		assertTrue(again.err().contains("credentials 'harbour-depot/north1' are already stored (user root); give --replace"),
				again.err());
		assertEquals("root", SecureCredentials.user("harbour-depot/north1"));

		Run list = Cli.run("credentials", "list");
		assertEquals(0, list.code(), list.err());
		assertEquals("harbour-depot/north1  user root, password stored\n", list.out());
		assertTrue(list.err().startsWith("1 reference(s) in secure storage; key " + dir.resolve("key/secure-storage.key")),
				list.err());

		// What deploy reads: the standard sources, secure storage among them.
		var found = CredentialStore.standard(dir, List.of()).resolve("harbour-depot/north1").orElseThrow();
		assertEquals("root", found.username());
		assertEquals(secret, new String(found.password()));
		Run replaced = withInput(secret + "-2\n", "credentials", "set", "harbour-depot/north1", "--user", "root",
				"--password-stdin", "--replace");
		assertEquals(0, replaced.code(), replaced.err());
		assertEquals(secret + "-2", new String(SecureCredentials.find("harbour-depot/north1").password()));
		for (Run r : List.of(set, again, list, replaced)) {
			assertFalse(r.out().contains(secret) || r.err().contains(secret), "never printed");
		}

		Run remove = Cli.run("credentials", "remove", "harbour-depot/north1");
		assertEquals(0, remove.code(), remove.err());
		assertFalse(SecureCredentials.exists("harbour-depot/north1"));
		Run gone = Cli.run("credentials", "remove", "harbour-depot/north1");
		assertEquals(1, gone.code());
		assertTrue(gone.err().contains("no credentials 'harbour-depot/north1' in secure storage"), gone.err());
	}

	@Test
	void noPasswordIsAUsageErrorAndNothingIsStored() {
		Run empty = withInput("", "credentials", "set", "harbour-depot/horn", "--user", "root", "--password-stdin");
		assertEquals(2, empty.code());
		assertTrue(empty.err().contains("no password given on standard input"), empty.err());
		Run noTerminal = Cli.run("credentials", "set", "harbour-depot/horn", "--user", "root");
		assertEquals(2, noTerminal.code());
		assertTrue(noTerminal.err().contains("no terminal to ask the password on: give it with --password-stdin"),
				noTerminal.err());
		Run noUser = Cli.run("credentials", "set", "harbour-depot/horn");
		assertEquals(2, noUser.code());
		assertTrue(noUser.err().contains("Missing required option: '--user=USER'"), noUser.err());
		assertFalse(SecureCredentials.exists("harbour-depot/horn"));
	}

	@Test
	void aPasswordTheKeyNoLongerOpensIsListedAsUnreadable() throws Exception {
		Run set = withInput("pw-1\n", "credentials", "set", "harbour-depot/north1", "--user", "root", "--password-stdin");
		assertEquals(0, set.code(), set.err());
		// The key lost, and the storage opened afresh (as by the next process): a new key does not decrypt it.
		Files.delete(dir.resolve("key/secure-storage.key"));
		Path copy = Files.copy(dir.resolve("secure_storage"), dir.resolve("secure_storage.copy"));
		ISecurePreferences reopened = SecurePreferencesFactory.open(copy.toUri().toURL(), Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE));
		SecureCredentials.use(() -> reopened);
		Run list = Cli.run("credentials", "list");
		assertEquals(1, list.code(), list.out() + list.err());
		assertTrue(list.out().startsWith("harbour-depot/north1  CANNOT BE READ: secure storage: cannot read"), list.out());
	}
}
