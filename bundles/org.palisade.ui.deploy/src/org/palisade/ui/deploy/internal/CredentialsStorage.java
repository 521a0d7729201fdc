package org.palisade.ui.deploy.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.palisade.deploy.internal.SecureStorageSource;

/**
 * The site's credentials in Equinox secure storage, in the node layout that {@code palisade
 * deploy} reads ({@link SecureStorageSource}): {@code /org.palisade/credentials/<reference>} with
 * {@code username} and {@code password} (encrypted). A password goes in and is never read back for
 * showing: {@link #user} and {@link #hasPassword} are all the Studio asks. Nothing here logs.
 */
public final class CredentialsStorage {

	/** The storage; tests give a private one opened with a password of their own. */
	private static Supplier<ISecurePreferences> root = SecurePreferencesFactory::getDefault;

	private CredentialsStorage() {
	}

	/** Uses another storage than the default one (tests). */
	public static void use(Supplier<ISecurePreferences> storage) {
		root = storage;
	}

	/** @return the storage's root */
	public static ISecurePreferences root() {
		return root.get();
	}

	private static String path(String ref) {
		return SecureStorageSource.NODE + "/" + EncodingUtils.encodeSlashes(ref);
	}

	/** @return the references stored, decoded */
	public static List<String> references() {
		List<String> out = new ArrayList<>();
		ISecurePreferences r = root();
		if (r != null && r.nodeExists(SecureStorageSource.NODE)) {
			for (String child : r.node(SecureStorageSource.NODE).childrenNames()) {
				out.add(EncodingUtils.decodeSlashes(child));
			}
		}
		return out;
	}

	/** @return the user stored for a reference, or {@code null} */
	public static String user(String ref) throws IOException {
		ISecurePreferences r = root();
		if (r == null || !r.nodeExists(path(ref))) {
			return null;
		}
		try {
			return r.node(path(ref)).get("username", null);
		} catch (StorageException e) {
			throw new IOException("secure storage: cannot read the user of credentials '" + ref + "': " + e.getMessage(), e);
		}
	}

	/** @return whether a password is stored for a reference (its value is not read) */
	public static boolean hasPassword(String ref) {
		ISecurePreferences r = root();
		if (r == null || !r.nodeExists(path(ref))) {
			return false;
		}
		for (String key : r.node(path(ref)).keys()) {
			if (key.equals("password")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Stores a user and password, encrypted; the password array is wiped.
	 *
	 * @throws IOException naming the reference, never the value
	 */
	public static void store(String ref, String user, char[] password) throws IOException {
		try {
			ISecurePreferences node = root().node(path(ref));
			node.put("username", user, false);
			node.put("password", new String(password), true);
			node.flush();
		} catch (StorageException | RuntimeException e) {
			throw new IOException("secure storage: credentials '" + ref + "' could not be stored: " + e.getMessage(), e);
		} finally {
			java.util.Arrays.fill(password, '\0');
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
