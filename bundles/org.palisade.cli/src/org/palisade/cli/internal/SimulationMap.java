package org.palisade.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.palisade.deploy.Credential;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Where the virtual devices of {@code palisade simulate} listen, for {@code plan}/{@code deploy
 * --simulate}: a JSON map file {@code {"site": ..., "credentialsFile": ..., "devices": {"North1":
 * "http://127.0.0.1:40123"}}}. The generated device passwords go to a separate credentials file
 * (owner-only permissions) next to it, in the temporary folder, never beside the design.
 *
 * @param devices         device name to base URI
 * @param credentialsFile the credentials file of the virtual devices
 */
record SimulationMap(Map<String, URI> devices, Path credentialsFile) {

	/** @return the default map file of a site: {@code <tmp>/palisade-simulate/<site>.json} */
	static Path defaultFile(String site) {
		String slug = site.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return Path.of(System.getProperty("java.io.tmpdir"), "palisade-simulate-" + System.getProperty("user.name", "user"),
				slug + ".json");
	}

	static SimulationMap read(Path file) throws IOException {
		if (!Files.exists(file)) {
			throw new IOException(file + ": no simulation map; start one with: palisade simulate <site>");
		}
		JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
		Map<String, URI> devices = new LinkedHashMap<>();
		root.getAsJsonObject("devices").entrySet().forEach(e -> devices.put(e.getKey(), URI.create(e.getValue().getAsString())));
		return new SimulationMap(devices, Path.of(root.get("credentialsFile").getAsString()));
	}

	/** Writes the map and its credentials file (owner read/write only). @return the credentials file */
	static Path write(Path file, String site, Map<String, URI> devices, Map<String, Credential> credentials)
			throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path creds = dir.resolve(file.getFileName().toString().replaceAll("\\.json$", "") + ".credentials");
		Files.deleteIfExists(creds);
		Files.createFile(creds);
		try {
			Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system; the temporary folder is private to the user there
		}
		StringBuilder b = new StringBuilder("# Credentials of the virtual devices of " + site + " (palisade simulate)\n");
		for (Map.Entry<String, Credential> e : credentials.entrySet()) {
			char[] pw = e.getValue().password();
			b.append(escape(e.getKey())).append('=').append(e.getValue().username()).append(':').append(pw).append('\n');
			java.util.Arrays.fill(pw, '\0');
		}
		Files.writeString(creds, b, StandardCharsets.UTF_8);
		JsonObject root = new JsonObject();
		root.addProperty("site", site);
		root.addProperty("credentialsFile", creds.toString());
		JsonObject d = new JsonObject();
		devices.forEach((k, v) -> d.addProperty(k, v.toString()));
		root.add("devices", d);
		Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n", StandardCharsets.UTF_8);
		return creds;
	}

	private static String escape(String key) {
		return key.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
	}
}
