package org.palisade.deploy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Writes one reference into a credentials file ({@link CredentialStore#file}'s format, a properties
 * file of {@code ref=user:password}), for passwords Palisade itself sets on a device (issue #17,
 * commissioning). The file is replaced atomically by a private (0600) copy that is forced to disk
 * before it takes the file's place: a password is on disk before any device is given it, so a run
 * killed at any point never leaves a device with a password nobody recorded. Other lines, comments
 * included, are kept as they are.
 */
public final class CredentialsFile {

	private CredentialsFile() {
	}

	/**
	 * @param file created (private) when it does not exist; refused when others may read or write it
	 */
	public static void put(Path file, String ref, String user, char[] password) throws IOException {
		List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
				: new ArrayList<>();
		if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
			String problem = CredentialStore.checkPrivate(Files.getPosixFilePermissions(file));
			if (problem != null) {
				throw new IOException(file + ": " + problem + "; make it private: chmod 600 " + file);
			}
		}
		String entry = line(ref, user + ":" + new String(password));
		String key = entry.substring(0, entry.indexOf('='));
		boolean replaced = false;
		for (int i = 0; i < lines.size(); i++) {
			String l = lines.get(i).stripLeading();
			if (l.startsWith(key + "=")) {
				lines.set(i, entry);
				replaced = true;
			}
		}
		if (!replaced) {
			lines.add(entry);
		}
		write(file, lines);
	}

	/** Removes one reference's line (a password that was only pending, issue #17); other lines are kept. */
	public static void remove(Path file, String ref) throws IOException {
		if (!Files.exists(file)) {
			return;
		}
		String probe = line(ref, "x");
		String key = probe.substring(0, probe.indexOf('='));
		List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
		if (lines.removeIf(l -> l.stripLeading().startsWith(key + "="))) {
			write(file, lines);
		}
	}

	private static void write(Path file, List<String> lines) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Path tmp = Files.createTempFile(dir, ".credentials", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.write(tmp, lines, StandardCharsets.UTF_8);
			try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				c.force(true);
			}
			try {
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** The entry as {@link Properties} escapes it (a password may hold {@code \}, {@code #}, {@code =}). */
	private static String line(String ref, String value) throws IOException {
		Properties p = new Properties();
		p.setProperty(ref, value);
		StringWriter w = new StringWriter();
		p.store(w, null);
		for (String l : w.toString().split("\r?\n")) {
			if (!l.startsWith("#") && !l.isEmpty()) {
				return l;
			}
		}
		throw new IOException("cannot write the entry for " + ref);
	}
}
