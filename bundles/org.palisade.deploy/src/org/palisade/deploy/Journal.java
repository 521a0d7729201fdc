package org.palisade.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/**
 * The deploy journal: before the engine changes a device it writes, per device, the state it read
 * (Palisade's items and the settings it will touch) to {@code <dir>/<device>.json}, durably
 * (written to a temporary file, forced to disk, then moved into place). The entry is deleted once
 * the device is deployed and verified, or restored. An entry found at the start of a run means
 * that an earlier run was killed while it changed that device.
 * <p>
 * Thread-safe without a lock: every device has its own file (and temporary file), so devices
 * deployed in parallel never wait for each other's disk flushes.
 * <p>
 * Secrets are left out: attribute values are placeholders already; as a second line of defence,
 * any value of an attribute whose name looks secret (password, secret, token, key) that is not a
 * placeholder is written as {@code ${redacted}}.
 */
public final class Journal {

	private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|secret|token|key|credential).*");
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	/** One journal entry: the state read before the first change, and when. */
	public record Entry(String device, Instant startedAt, List<ManagedObject> preState) {
		public Entry {
			preState = List.copyOf(preState);
		}
	}

	private final Path dir;

	/** @param dir the journal folder, normally {@code .palisade-journal} beside the design */
	public Journal(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return dir;
	}

	/** Writes the entry durably, replacing an older one. */
	public void write(Entry entry) throws IOException {
		Files.createDirectories(dir);
		Path file = file(entry.device());
		Path tmp = dir.resolve(file.getFileName() + ".tmp");
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("device", entry.device());
		json.put("startedAt", entry.startedAt().toString());
		List<Map<String, Object>> objects = new ArrayList<>();
		for (ManagedObject o : entry.preState()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("kind", o.kind());
			m.put("key", o.key());
			m.put("nature", o.nature().name());
			m.put("origin", o.origin().name());
			m.put("attributes", redact(o.attributes()));
			m.put("dependsOn", o.dependsOn());
			m.put("deviceId", o.deviceId());
			objects.add(m);
		}
		json.put("preState", objects);
		Files.writeString(tmp, GSON.toJson(json), StandardCharsets.UTF_8);
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
			ch.force(true);
		}
		try {
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** @return the entry for a device, or {@code null} when there is none */
	@SuppressWarnings("unchecked")
	public Entry read(String device) throws IOException {
		Path file = file(device);
		if (!Files.exists(file)) {
			return null;
		}
		try {
			Map<String, Object> json = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
					new TypeToken<Map<String, Object>>() { }.getType());
			List<ManagedObject> pre = new ArrayList<>();
			for (Map<String, Object> m : (List<Map<String, Object>>) json.get("preState")) {
				pre.add(new ManagedObject((String) m.get("kind"), (String) m.get("key"),
						ManagedObject.Nature.valueOf((String) m.get("nature")),
						ManagedObject.Origin.valueOf((String) m.get("origin")), (Map<String, String>) m.get("attributes"),
						(List<String>) m.get("dependsOn"), (String) m.get("deviceId")));
			}
			return new Entry((String) json.get("device"), Instant.parse((String) json.get("startedAt")), pre);
		} catch (JsonParseException | ClassCastException | NullPointerException | IllegalArgumentException
				| java.time.format.DateTimeParseException e) {
			throw new IOException(file + ": unreadable journal entry: " + e.getMessage(), e);
		}
	}

	public void delete(String device) throws IOException {
		Files.deleteIfExists(file(device));
	}

	/** @return the devices that have an entry */
	public List<String> devices() throws IOException {
		List<String> out = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return out;
		}
		try (var s = Files.list(dir)) {
			s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
					.forEach(n -> out.add(decode(n.substring(0, n.length() - 5))));
		}
		return out;
	}

	private Path file(String device) {
		return dir.resolve(encode(device) + ".json");
	}

	/** Device names are identifiers in designs, but a file name must never escape the folder. */
	private static String encode(String device) {
		StringBuilder b = new StringBuilder();
		for (char c : device.toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
				b.append(c);
			} else {
				b.append('%').append(String.format(Locale.ROOT, "%04x", (int) c));
			}
		}
		return b.toString();
	}

	private static String decode(String name) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '%' && i + 4 < name.length()) {
				b.append((char) Integer.parseInt(name.substring(i + 1, i + 5), 16));
				i += 4;
			} else {
				b.append(c);
			}
		}
		return b.toString();
	}

	private static Map<String, String> redact(Map<String, String> attributes) {
		Map<String, String> out = new LinkedHashMap<>();
		attributes.forEach((k, v) -> out.put(k, SECRET_NAME.matcher(k).matches() && v != null && !v.isEmpty()
				&& !v.startsWith("${") ? "${redacted}" : v));
		return out;
	}
}
