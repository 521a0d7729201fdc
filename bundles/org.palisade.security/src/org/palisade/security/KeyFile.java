package org.palisade.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * The key Palisade encrypts Equinox secure storage with: 32 random bytes, Base64, in a file only
 * its owner may read ({@code ~/.palisade/secure-storage.key}), so that the Studio, {@code palisade
 * deploy} and {@code palisade lsp} of one user read what any of them stored, without a prompt.
 * <p>
 * This is the protection of an SSH private key without a passphrase: the secrets are as safe as
 * the user's account, and a copied {@code secure_storage} file alone reveals nothing. A key file
 * that others may read, that is a link or that belongs to another user is refused, not repaired:
 * someone may have read it.
 */
public final class KeyFile {

	/** A system property naming another key file (tests, a shared service account). */
	public static final String PROPERTY = "palisade.secureStorage.keyFile";

	private static final int BYTES = 32;
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private KeyFile() {
	}

	/** @return where the key is: {@link #PROPERTY}, else {@code ~/.palisade/secure-storage.key} */
	public static Path location() {
		String configured = System.getProperty(PROPERTY);
		return configured != null ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".palisade", "secure-storage.key");
	}

	/**
	 * Reads the key, creating it first when there is none (atomically: two processes starting at
	 * once end up with the same key).
	 *
	 * @return the key's characters; the caller wipes them
	 * @throws IOException naming the file and what is wrong with it, never its content
	 */
	public static char[] readOrCreate(Path file) throws IOException {
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			create(file);
		}
		check(file);
		byte[] raw = Files.readAllBytes(file);
		try {
			String text = new String(raw, StandardCharsets.US_ASCII).strip();
			if (text.length() != 44 || Base64.getDecoder().decode(text).length != BYTES) {
				throw new IOException(file + ": not a Palisade key (one line of 44 Base64 characters); remove it only if"
						+ " nothing is stored yet, since secure storage cannot be read without the key it was written with");
			}
			return text.toCharArray();
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": not a Palisade key (not Base64)", e);
		} finally {
			Arrays.fill(raw, (byte) 0);
		}
	}

	/** Refuses a key that is a link, belongs to someone else, or that others may read or write. */
	private static void check(Path file) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
		if (view == null) {
			return; // no POSIX permissions on this file system (Windows): the user profile protects it
		}
		PosixFileAttributes a = view.readAttributes();
		if (a.isSymbolicLink() || !a.isRegularFile()) {
			throw new IOException(file + ": the secure storage key must be a regular file, not a link");
		}
		String me = System.getProperty("user.name");
		if (me != null && !a.owner().getName().equals(me)) {
			throw new IOException(file + ": the secure storage key belongs to " + a.owner().getName() + ", not to " + me);
		}
		Set<PosixFilePermission> p = a.permissions();
		if (!OWNER_ONLY.containsAll(p)) {
			throw new IOException(file + ": the secure storage key must be private to its owner, but others may "
					+ (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ) ? "read" : "change")
					+ " it (mode " + PosixFilePermissions.toString(p) + "); if nobody else could have read it, chmod 600 " + file);
		}
	}

	private static void create(Path file) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(dir)) {
			try {
				Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			} catch (UnsupportedOperationException e) {
				Files.createDirectories(dir);
			}
		}
		byte[] key = new byte[BYTES];
		new SecureRandom().nextBytes(key);
		byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
		Arrays.fill(key, (byte) 0);
		Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
		try {
			try {
				Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			} catch (UnsupportedOperationException e) {
				Files.createFile(tmp);
			}
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				ch.write(ByteBuffer.wrap(text));
				ch.force(true);
			}
			// A hard link is made whole or not at all and never replaces (a rename would): if another
			// process made a key meanwhile, that one is the key, and both read it back.
			Files.createLink(file, tmp);
		} catch (FileAlreadyExistsException e) {
			// the other process's key stands
		} finally {
			Arrays.fill(text, (byte) 0);
			Files.deleteIfExists(tmp);
		}
	}
}
