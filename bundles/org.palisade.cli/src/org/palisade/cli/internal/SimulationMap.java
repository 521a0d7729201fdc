package org.palisade.cli.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.palisade.deploy.Credential;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Where the virtual devices of {@code palisade simulate} listen, for {@code plan}/{@code deploy
 * --simulate}: a JSON map file {@code {"site": ..., "credentialsFile": ..., "devices": {"North1":
 * "http://127.0.0.1:40123"}}}.
 * <p>
 * The generated device passwords go to a credentials file in a private folder of the user's
 * ({@code $XDG_RUNTIME_DIR/palisade-simulate}, else {@code <tmp>/palisade-simulate-<user>}),
 * never beside the design. The folder's name is predictable (plan and deploy find the map there),
 * so it is trusted only as a real folder, owned by the user, closed to everyone else (0700):
 * anything else there (a link, someone else's folder) is refused, never followed or reused. Files
 * are created new, owner-only, without following links; simulate removes them when it stops.
 * <p>
 * Reading a map, every device must be on loopback: {@code --simulate} talks only to virtual
 * devices on this machine, so a map that points elsewhere (edited, or planted) is refused.
 *
 * @param devices         device name to base URI
 * @param credentialsFile the credentials file of the virtual devices
 */
public record SimulationMap(Map<String, URI> devices, Path credentialsFile) {

	private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	/** @return the private folder's default place (not created) */
	public static Path defaultDir() {
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
			return Path.of(runtime, "palisade-simulate");
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "palisade-simulate-" + System.getProperty("user.name", "user"));
	}

	/** @return the default map file of a site: {@code <private folder>/<site>.json} */
	public static Path defaultFile(String site) {
		return defaultDir().resolve(slug(site) + ".json");
	}

	private static String slug(String site) {
		return site.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	/**
	 * Creates the private folder (0700) or checks the one there: a real folder, not a link, the
	 * user's own, closed to others.
	 *
	 * @return the folder
	 * @throws IOException naming the folder and what is wrong with it
	 */
	public static Path privateDir(Path dir) throws IOException {
		Path abs = dir.toAbsolutePath().normalize();
		if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
			Files.createDirectories(abs.getParent());
			try {
				Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
			} catch (UnsupportedOperationException e) {
				Files.createDirectory(abs); // not POSIX: the user's temporary folder is private there
			} catch (java.nio.file.FileAlreadyExistsException e) {
				// made by someone else meanwhile: checked below like any folder found there
			}
		}
		checkPrivate(abs);
		return abs;
	}

	/** @throws IOException when the folder is a link, not a folder, someone else's, or open to others */
	static void checkPrivate(Path dir) throws IOException {
		if (Files.isSymbolicLink(dir)) {
			throw new IOException(dir + " is a symbolic link; simulate keeps its passwords only in a real, private"
					+ " folder: remove the link (or give --map elsewhere)");
		}
		if (!Files.getFileStore(dir.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
			return;
		}
		PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (!a.isDirectory()) {
			throw new IOException(dir + " is not a folder; simulate needs it as its private folder: remove it");
		}
		UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
				.lookupPrincipalByName(System.getProperty("user.name"));
		if (!a.owner().equals(me)) {
			throw new IOException(dir + " belongs to " + a.owner().getName() + ", not to " + me.getName()
					+ "; simulate keeps its passwords only in a folder of the user's own: remove it");
		}
		if (!OWNER_ONLY_DIR.containsAll(a.permissions())) {
			boolean othersWrite = a.permissions().contains(PosixFilePermission.GROUP_WRITE)
					|| a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
			if (!othersWrite) {
				// Ours, and nobody else could put anything in it (an older Palisade made it 0755): close it.
				Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
				return;
			}
			throw new IOException(dir + " is open to others (mode " + PosixFilePermissions.toString(a.permissions())
					+ "); simulate keeps its passwords only in a private folder: chmod 700 " + dir);
		}
	}

	/**
	 * @throws IOException naming the file and what is wrong: missing, not a map, or a device that
	 *                     is not on loopback
	 */
	public static SimulationMap read(Path file) throws IOException {
		if (!Files.exists(file)) {
			throw new IOException(file + ": no simulation map; start one with: palisade simulate <site>");
		}
		if (file.toAbsolutePath().normalize().getParent().equals(defaultDir().toAbsolutePath().normalize())) {
			checkPrivate(file.toAbsolutePath().normalize().getParent());
		}
		Map<String, URI> devices = new LinkedHashMap<>();
		Path credentials;
		try {
			JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (!root.isJsonObject()) {
				throw new IOException(file + ": not a simulation map (expected a JSON object with \"devices\" and"
						+ " \"credentialsFile\")");
			}
			JsonObject o = root.getAsJsonObject();
			if (!(o.get("devices") instanceof JsonObject d) || o.get("credentialsFile") == null
					|| !o.get("credentialsFile").isJsonPrimitive()) {
				throw new IOException(file + ": not a simulation map (expected \"devices\": {name: URI} and"
						+ " \"credentialsFile\")");
			}
			for (Map.Entry<String, JsonElement> e : d.entrySet()) {
				URI uri;
				try {
					uri = URI.create(e.getValue().getAsString());
				} catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException bad) {
					throw new IOException(file + ": device " + e.getKey() + ": not a URI: " + e.getValue());
				}
				if (!loopback(uri)) {
					throw new IOException(file + ": device " + e.getKey() + " is at " + uri + ", not on loopback;"
							+ " --simulate talks only to virtual devices on this machine (127.0.0.1, ::1)");
				}
				devices.put(e.getKey(), uri);
			}
			credentials = Path.of(o.get("credentialsFile").getAsString());
		} catch (JsonParseException | IllegalStateException e) {
			// Gson wraps the reader's exception; its own message says where the text breaks.
			String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
			throw new IOException(file + ": not a simulation map: " + why);
		}
		return new SimulationMap(devices, credentials);
	}

	/**
	 * @return the HTTPS ports of factory-new virtual devices the map names (issue #17), each on
	 *         loopback; empty when it names none
	 * @throws IOException when an entry is not a loopback URI
	 */
	public static Map<String, URI> https(Path file) throws IOException {
		Map<String, URI> out = new LinkedHashMap<>();
		try {
			JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (root.isJsonObject() && root.getAsJsonObject().get("https") instanceof JsonObject h) {
				for (Map.Entry<String, JsonElement> e : h.entrySet()) {
					URI uri = URI.create(e.getValue().getAsString());
					if (!loopback(uri)) {
						throw new IOException(file + ": device " + e.getKey() + " is at " + uri + ", not on loopback");
					}
					out.put(e.getKey(), uri);
				}
			}
		} catch (JsonParseException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
			throw new IOException(file + ": not a simulation map: " + e.getMessage());
		}
		return out;
	}

	/** @return whether the URI is http(s) to a loopback address given literally or as {@code localhost} */
	static boolean loopback(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost();
		if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
			return false;
		}
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		// Only literals: a name would be resolved, and a resolver can say anything.
		if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}

	/**
	 * Writes the map and, in the private folder, its credentials file (owner read/write only).
	 *
	 * @return the credentials file
	 */
	public static Path write(Path file, Path privateDir, String site, Map<String, URI> devices,
			Map<String, Credential> credentials) throws IOException {
		return write(file, privateDir, site, devices, Map.of(), credentials);
	}

	/**
	 * As {@link #write(Path, Path, String, Map, Map)}, with the HTTPS ports of factory-new virtual
	 * devices ({@code "https": {name: URI}}), which serve HTTPS once commissioning turns it on.
	 */
	public static Path write(Path file, Path privateDir, String site, Map<String, URI> devices, Map<String, URI> https,
			Map<String, Credential> credentials) throws IOException {
		Path dir = privateDir(privateDir);
		// A name of its own: two simulations of one site (two users' tests, two terminals) never share it.
		Path creds = Files.createTempFile(dir, slug(site) + "-", ".credentials");
		StringBuilder b = new StringBuilder("# Credentials of the virtual devices of " + site + " (palisade simulate)\n");
		for (Map.Entry<String, Credential> e : credentials.entrySet()) {
			char[] pw = e.getValue().password();
			b.append(escape(e.getKey())).append('=').append(e.getValue().username()).append(':').append(pw).append('\n');
			java.util.Arrays.fill(pw, '\0');
		}
		writePrivate(creds, b.toString());
		JsonObject root = new JsonObject();
		root.addProperty("site", site);
		root.addProperty("credentialsFile", creds.toString());
		JsonObject d = new JsonObject();
		devices.forEach((k, v) -> d.addProperty(k, v.toString()));
		root.add("devices", d);
		if (!https.isEmpty()) {
			JsonObject h = new JsonObject();
			https.forEach((k, v) -> h.addProperty(k, v.toString()));
			root.add("https", h);
		}
		Path mapDir = file.toAbsolutePath().getParent();
		if (mapDir.equals(dir)) {
			writePrivate(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n");
		} else {
			Files.createDirectories(mapDir);
			Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n",
					StandardCharsets.UTF_8);
		}
		return creds;
	}

	/** An owner-only file, written without following a link (a link there is replaced, its target left alone). */
	private static void writePrivate(Path file, String text) throws IOException {
		if (Files.isSymbolicLink(file) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			Files.deleteIfExists(file); // deletes a link itself, not its target
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
			} catch (UnsupportedOperationException e) {
				Files.createFile(file);
			}
		}
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
	}

	/** Removes the map, the credentials file, and the private folder once empty; quietly, best effort. */
	public static void remove(Path map, Path credentials) {
		for (Path p : new Path[] { map, credentials }) {
			try {
				if (p != null) {
					Files.deleteIfExists(p);
				}
			} catch (IOException e) {
				// best effort: the folder is private to the user
			}
		}
		if (credentials != null) {
			try {
				Files.deleteIfExists(credentials.toAbsolutePath().getParent());
			} catch (IOException e) {
				// not empty: another simulation of the user still runs
			}
		}
	}

	private static String escape(String key) {
		return key.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
	}
}
