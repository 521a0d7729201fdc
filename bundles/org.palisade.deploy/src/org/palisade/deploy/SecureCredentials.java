package org.palisade.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.palisade.deploy.internal.SecureStorageSource;

/**
 * A site's credentials in Equinox secure storage, in the one node layout that deploy reads
 * ({@link SecureStorageSource}) and that the Studio's dialogs and the language server write:
 * {@code /org.palisade/credentials/<reference, slashes encoded>} with {@code username} and
 * {@code password} (encrypted). Headless, so that every writer shares it.
 * <p>
 * A password goes in and is read back only to deploy: {@link #user} and {@link #hasPassword}
 * are all an editor needs. No message here ever carries a password; nothing here logs.
 */
public final class SecureCredentials {

	/** The node credentials live under, relative to the storage's root. */
	public static final String NODE = SecureStorageSource.NODE;

	/** The storage every reader and writer of this process uses; tests put a private one in. */
	private static volatile Supplier<ISecurePreferences> storage = SecurePreferencesFactory::getDefault;

	private SecureCredentials() {
	}

	/**
	 * Uses another storage than the default one, e.g. one opened from a file with
	 * {@code SecurePreferencesFactory.open(url, options)} and a password given as a hint (tests).
	 */
	public static void use(Supplier<ISecurePreferences> root) {
		storage = Objects.requireNonNull(root);
	}

	/** Goes back to the default secure storage of the running Equinox. */
	public static void useDefault() {
		storage = SecurePreferencesFactory::getDefault;
	}

	/** @return the storage's root, or {@code null} when there is none (outside Equinox) */
	public static ISecurePreferences root() {
		return storage.get();
	}

	/** @return the node of a reference, relative to the root: its slashes encoded, so it is one node */
	public static String path(String ref) {
		return NODE + "/" + EncodingUtils.encodeSlashes(ref);
	}

	/** @return the references stored, decoded */
	public static List<String> references() {
		List<String> out = new ArrayList<>();
		ISecurePreferences r = root();
		if (r != null && r.nodeExists(NODE)) {
			for (String child : r.node(NODE).childrenNames()) {
				out.add(EncodingUtils.decodeSlashes(child));
			}
		}
		return out;
	}

	/** @return whether the storage has a node for a reference (whatever it holds) */
	public static boolean exists(String ref) {
		ISecurePreferences r = root();
		return r != null && r.nodeExists(path(ref));
	}

	/** @return the user stored for a reference, or {@code null} */
	public static String user(String ref) throws IOException {
		if (!exists(ref)) {
			return null;
		}
		try {
			return root().node(path(ref)).get("username", null);
		} catch (StorageException e) {
			throw new IOException("secure storage: cannot read the user of credentials '" + ref + "': " + e.getMessage(), e);
		}
	}

	/** @return whether a password is stored for a reference (its value is not read) */
	public static boolean hasPassword(String ref) {
		return exists(ref) && Arrays.asList(root().node(path(ref)).keys()).contains("password");
	}

	/** @return the user and password of a reference, as deploy reads them, or {@code null} when not stored */
	public static Credential find(String ref) throws IOException {
		ISecurePreferences r = root();
		return r == null ? null : SecureStorageSource.over(r).find(ref);
	}

	/**
	 * Stores a user and a password (encrypted), replacing what the reference held; the
	 * password array is wiped.
	 *
	 * @throws IOException naming the reference and the cause, never the value
	 */
	public static void store(String ref, String user, char[] password) throws IOException {
		try {
			ISecurePreferences r = root();
			if (r == null) {
				throw new IOException("secure storage: credentials '" + ref + "' could not be stored: no secure storage in this process");
			}
			ISecurePreferences node = r.node(path(ref));
			node.put("username", user, false);
			node.put("password", new String(password), true);
			node.flush();
		} catch (StorageException | RuntimeException e) {
			// e.g. no password provider to encrypt with: its message says so, and holds no value
			throw new IOException("secure storage: credentials '" + ref + "' could not be stored: " + e.getMessage(), e);
		} finally {
			Arrays.fill(password, '\0');
		}
	}

	/** Removes a reference's user and password. */
	public static void remove(String ref) throws IOException {
		ISecurePreferences r = root();
		if (r != null && r.nodeExists(path(ref))) {
			r.node(path(ref)).removeNode();
			r.flush();
		}
	}
}
