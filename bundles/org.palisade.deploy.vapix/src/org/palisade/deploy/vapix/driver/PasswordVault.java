package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.CredentialsFile;
import org.palisade.deploy.SecureCredentials;

/**
 * Where commissioning records the passwords it gives devices (issue #17 item 2): a private
 * credentials file, or the secure storage {@code palisade deploy} and the Studio read. Every write
 * is on disk when it returns, before the device is given the password.
 */
public interface PasswordVault {

	/** @return the reference's credentials, or {@code null} */
	Credential find(String ref) throws IOException;

	/** Records {@code root} and the password (the array is not changed). */
	void put(String ref, char[] password) throws IOException;

	void remove(String ref) throws IOException;

	/** @return where the passwords are, for messages ("the credentials file /x/y", "secure storage") */
	String describe();

	static PasswordVault file(Path file) {
		return new PasswordVault() {
			@Override
			public Credential find(String ref) throws IOException {
				return Files.exists(file) ? CredentialStore.file(file, null).find(ref) : null;
			}

			@Override
			public void put(String ref, char[] password) throws IOException {
				CredentialsFile.put(file, ref, "root", password);
			}

			@Override
			public void remove(String ref) throws IOException {
				CredentialsFile.remove(file, ref);
			}

			@Override
			public String describe() {
				return "the credentials file " + file;
			}
		};
	}

	/** Equinox secure storage, in the node layout {@code palisade credentials} writes. */
	static PasswordVault secureStorage() {
		return new PasswordVault() {
			@Override
			public Credential find(String ref) throws IOException {
				return SecureCredentials.find(ref);
			}

			@Override
			public void put(String ref, char[] password) throws IOException {
				// store() wipes the array it is given: the caller still needs the password
				SecureCredentials.store(ref, "root", password.clone());
			}

			@Override
			public void remove(String ref) throws IOException {
				SecureCredentials.remove(ref);
			}

			@Override
			public String describe() {
				return "secure storage";
			}
		};
	}
}
