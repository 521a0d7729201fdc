package org.palisade.deploy.internal;

import java.io.IOException;

import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;

/**
 * Equinox secure storage as a credentials source: node {@code /org.palisade/credentials/<ref>}
 * (the reference with its slashes encoded by {@code EncodingUtils.encodeSlashes}, so that
 * {@code harbour-depot/north1} is one node) with {@code username} and {@code password}.
 * <p>
 * A reference without a node is not known here (the other sources still apply). A node that
 * lacks one of the two keys is a mistake in the storage and an error naming the reference and the
 * missing key, as is a value that cannot be decrypted; no error carries a value. Outside Equinox
 * (or without the bundle) the default storage knows nothing, which is not an error.
 */
public final class SecureStorageSource implements CredentialStore.Source {

	/** The node under which credentials are kept, relative to the storage's root. */
	public static final String NODE = "org.palisade/credentials";

	/** An {@code ISecurePreferences}, held as Object so that this class loads without the bundle. */
	private final Object root;

	/** The storage {@link org.palisade.deploy.SecureCredentials} uses: the running Equinox's default one, or a test's. */
	public SecureStorageSource() {
		this(null);
	}

	private SecureStorageSource(Object root) {
		this.root = root;
	}

	/**
	 * @param root the root of a storage, e.g. one opened from a file with
	 *             {@code SecurePreferencesFactory.open(url, options)}
	 */
	public static SecureStorageSource over(org.eclipse.equinox.security.storage.ISecurePreferences root) {
		return new SecureStorageSource(java.util.Objects.requireNonNull(root));
	}

	@Override
	public Credential find(String ref) throws IOException {
		try {
			return Access.find(root, ref);
		} catch (NoClassDefFoundError | IllegalStateException e) {
			return null;
		}
	}

	/** Separate class, so that a missing org.eclipse.equinox.security only fails here. */
	private static final class Access {
		static Credential find(Object given, String ref) throws IOException {
			org.eclipse.equinox.security.storage.ISecurePreferences root = given != null
					? (org.eclipse.equinox.security.storage.ISecurePreferences) given
					: org.palisade.deploy.SecureCredentials.root();
			if (root == null) {
				return null;
			}
			String path = org.palisade.deploy.SecureCredentials.path(ref);
			if (!root.nodeExists(path)) {
				return null;
			}
			var node = root.node(path);
			String user = read(node, "username", ref);
			String pw = read(node, "password", ref);
			if (user == null || pw == null) {
				throw new IOException("secure storage: credentials '" + ref + "' (node /" + path + ") have no '"
						+ (user == null ? "username" : "password") + "' key; store both 'username' and 'password'");
			}
			return new Credential(user, pw.toCharArray());
		}

		private static String read(org.eclipse.equinox.security.storage.ISecurePreferences node, String key, String ref)
				throws IOException {
			try {
				return node.get(key, null);
			} catch (org.eclipse.equinox.security.storage.StorageException | RuntimeException e) {
				// RuntimeException: a password provider that cannot give the key says why that way
				// (org.palisade.security's key file refused, for one).
				// The message says why (wrong storage password, no password provider), never the value.
				throw new IOException("secure storage: cannot read '" + key + "' of credentials '" + ref + "': "
						+ e.getMessage(), e);
			}
		}
	}
}
