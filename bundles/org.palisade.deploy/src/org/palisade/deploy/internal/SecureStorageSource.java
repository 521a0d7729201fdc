package org.palisade.deploy.internal;

import java.io.IOException;

import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;

/**
 * Equinox secure storage as a credentials source: node {@code /org.palisade/credentials/<ref>}
 * with {@code username} and {@code password}. Outside Equinox (or without the bundle) it knows
 * nothing, which is not an error: the other sources still apply.
 */
public final class SecureStorageSource implements CredentialStore.Source {

	@Override
	public Credential find(String ref) throws IOException {
		try {
			return Access.find(ref);
		} catch (NoClassDefFoundError | IllegalStateException e) {
			return null;
		}
	}

	/** Separate class, so that a missing org.eclipse.equinox.security only fails here. */
	private static final class Access {
		static Credential find(String ref) throws IOException {
			org.eclipse.equinox.security.storage.ISecurePreferences root = org.eclipse.equinox.security.storage.SecurePreferencesFactory
					.getDefault();
			if (root == null) {
				return null;
			}
			String path = "org.palisade/credentials/" + org.eclipse.equinox.security.storage.EncodingUtils.encodeSlashes(ref);
			if (!root.nodeExists(path)) {
				return null;
			}
			var node = root.node(path);
			try {
				String user = node.get("username", null);
				String pw = node.get("password", null);
				if (user == null || pw == null) {
					return null;
				}
				return new Credential(user, pw.toCharArray());
			} catch (org.eclipse.equinox.security.storage.StorageException e) {
				throw new IOException("secure storage: cannot read " + ref + ": " + e.getMessage(), e);
			}
		}
	}
}
