package org.palisade.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.palisade.deploy.internal.SecureStorageSource;

/**
 * Resolves the credentials references of a design ({@code credentials "harbour-depot/north1"}) to
 * a username and password at deploy time, from, in this order:
 * <ol>
 * <li>the environment: {@code PALISADE_CREDENTIALS_<REF>=user:password}, where {@code <REF>} is the
 * reference upper-cased with every other character than A-Z and 0-9 turned into {@code _}
 * ({@code PALISADE_CREDENTIALS_HARBOUR_DEPOT_NORTH1});</li>
 * <li>credentials files: Java properties {@code <ref>=user:password}, which must lie outside the
 * design's folder, links resolved (a file inside it is refused: designs get committed and
 * shared), and be private to their owner (mode 600 or stricter);</li>
 * <li>Equinox secure storage: node {@code /org.palisade/credentials/<ref>}, keys {@code username}
 * and {@code password} (when running inside Equinox).</li>
 * </ol>
 * Nothing here prints, logs or stores a password.
 */
public final class CredentialStore {

	/** One place credentials come from. */
	@FunctionalInterface
	public interface Source {
		/** @return the credential, or {@code null} when this source does not know the reference */
		Credential find(String ref) throws IOException;
	}

	private final List<Source> sources = new ArrayList<>();
	private final List<String> names = new ArrayList<>();

	private CredentialStore() {
	}

	/** An empty store; add sources in the order they are asked. */
	public static CredentialStore empty() {
		return new CredentialStore();
	}

	/**
	 * The standard chain: environment, the given files, secure storage.
	 *
	 * @param designDir the folder of the design, which files must lie outside of (may be {@code null})
	 * @throws IOException when a file cannot be read or lies inside the design folder
	 */
	public static CredentialStore standard(Path designDir, List<Path> files) throws IOException {
		CredentialStore s = new CredentialStore();
		s.add("environment", environment(System::getenv));
		for (Path f : files) {
			s.add(f.toString(), file(f, designDir));
		}
		s.add("secure storage", new SecureStorageSource());
		return s;
	}

	public CredentialStore add(String name, Source source) {
		sources.add(source);
		names.add(name);
		return this;
	}

	/** @return where credentials are looked for, for messages */
	public String describe() {
		return String.join(", ", names);
	}

	/** @return the credential for the reference, from the first source that knows it */
	public Optional<Credential> resolve(String ref) throws IOException {
		for (Source s : sources) {
			Credential c = s.find(ref);
			if (c != null) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	/** @return the environment variable that holds a reference */
	public static String variable(String ref) {
		return "PALISADE_CREDENTIALS_" + ref.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
	}

	/** The environment source, over a given environment (tests pass a map's get). */
	public static Source environment(Function<String, String> env) {
		return ref -> parse(env.apply(variable(ref)));
	}

	/**
	 * A credentials file source; the file is read once. Refused when it lies in the design's
	 * folder, also when only links lead there (designs get committed and shared), and when people
	 * other than its owner may read or write it (see {@link #checkPrivate}).
	 */
	public static Source file(Path file, Path designDir) throws IOException {
		Path abs = file.toAbsolutePath().normalize();
		if (!Files.exists(abs)) {
			throw new IOException(file + ": no such credentials file");
		}
		Path real = abs.toRealPath();
		if (designDir != null) {
			Path design = designDir.toAbsolutePath().normalize();
			Path designReal = Files.exists(design) ? design.toRealPath() : design;
			if (abs.startsWith(design) || real.startsWith(designReal)) {
				throw new IOException(file + ": a credentials file must not lie in the design's folder (" + designDir
						+ (real.equals(abs) ? "" : "; it resolves to " + real) + "); keep it outside, where it is not"
						+ " committed with the design");
			}
		}
		if (Files.getFileStore(real).supportsFileAttributeView(PosixFileAttributeView.class)) {
			String problem = checkPrivate(Files.getPosixFilePermissions(real));
			if (problem != null) {
				throw new IOException(file + ": " + problem + " (mode "
						+ PosixFilePermissions.toString(Files.getPosixFilePermissions(real)) + "); make it private: chmod 600 "
						+ real);
			}
		}
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(real, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		Map<String, String> values = new ConcurrentHashMap<>();
		p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
		return ref -> parse(values.get(ref));
	}

	/**
	 * @return what is wrong with a credentials file's permissions, or {@code null}: anyone but its
	 *         owner may read it (the passwords leak) or write it (the devices get someone else's)
	 */
	public static String checkPrivate(Set<PosixFilePermission> mode) {
		boolean read = mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ);
		boolean write = mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE);
		if (read || write) {
			return "a credentials file must be private to its owner, but others may " + (read && write ? "read and write"
					: read ? "read" : "write") + " it";
		}
		return null;
	}

	/** A source over fixed credentials (the demo's virtual devices). */
	public static Source of(Map<String, Credential> credentials) {
		return credentials::get;
	}

	private static Credential parse(String userColonPassword) {
		if (userColonPassword == null) {
			return null;
		}
		int colon = userColonPassword.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		char[] pw = userColonPassword.substring(colon + 1).toCharArray();
		try {
			return new Credential(userColonPassword.substring(0, colon), pw);
		} finally {
			java.util.Arrays.fill(pw, '\0');
		}
	}
}
