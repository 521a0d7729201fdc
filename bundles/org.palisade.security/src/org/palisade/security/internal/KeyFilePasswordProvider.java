package org.palisade.security.internal;

import java.io.IOException;
import java.util.Arrays;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.palisade.security.KeyFile;

/**
 * Equinox secure storage's master password from {@link KeyFile}: created on first use, the same
 * for every Palisade process of the user, never asked for.
 */
public final class KeyFilePasswordProvider extends PasswordProvider {

	@Override
	public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
		char[] key;
		try {
			key = KeyFile.readOrCreate(KeyFile.location());
		} catch (IOException e) {
			// Unchecked, so the reason reaches the user: returning null would only say that no
			// password was given. The message names the file and what is wrong, never the key.
			throw new IllegalStateException("secure storage key: " + e.getMessage(), e);
		}
		try {
			return new PBEKeySpec(key);
		} finally {
			Arrays.fill(key, '\0');
		}
	}

	/** A key that does not decrypt will not start to by asking again. */
	@Override
	public boolean retryOnError(Exception e, IPreferencesContainer container) {
		return false;
	}
}
