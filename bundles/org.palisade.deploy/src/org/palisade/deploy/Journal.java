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

	/**
	 * One journal entry: the state read before the first change, and when.
	 *
	 * @param site     the site the entry was written for ({@code null}: not recorded)
	 * @param identity how the device was reached (e.g. {@code 10.20.0.11:443}), {@code null}: not recorded
	 */
	public record Entry(String device, Instant startedAt, List<ManagedObject> preState, String site, String identity) {
		public Entry {
			preState = List.copyOf(preState);
		}

		public Entry(String device, Instant startedAt, List<ManagedObject> preState) {
			this(device, startedAt, preState, null, null);
		}
	}

	/**
	 * What a journal file holds, as found: an entry, or why it cannot be used.
	 *
	 * @param file    the file
	 * @param device  the device its name stands for
	 * @param entry   the entry, or {@code null} when damaged
	 * @param problem what is wrong (damaged, or written for another site or device), or {@code null}
	 */
	public record Found(Path file, String device, Entry entry, String problem) {
	}

	private final Path dir;
	private final String site;

	/** @param dir the journal folder, normally {@code .palisade-journal} beside the design */
	public Journal(Path dir) {
		this(dir, null);
	}

	/**
	 * @param dir  the journal folder of the site (see {@link SiteState#journalDir()})
	 * @param site the site whose devices it journals: entries of another site are reported, never used
	 */
	public Journal(Path dir, String site) {
		this.dir = dir;
		this.site = site;
	}

	public String site() {
		return site;
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
		json.put("site", entry.site() != null ? entry.site() : site);
		json.put("identity", entry.identity());
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

	/**
	 * @return the entry for a device, or {@code null} when there is none
	 * @throws IOException naming the file and what is wrong when it is damaged or written for
	 *                     another site or device
	 */
	public Entry read(String device) throws IOException {
		Found f = find(device);
		if (f == null) {
			return null;
		}
		if (f.problem() != null) {
			throw new IOException(f.file() + ": " + f.problem());
		}
		return f.entry();
	}

	/** @return what the file of a device holds, or {@code null} when there is none */
	public Found find(String device) {
		Path file = file(device);
		return Files.exists(file) ? examine(file, device) : null;
	}

	/** @return every entry file of this journal, in name order, with what is wrong with each */
	public List<Found> scan() throws IOException {
		List<Found> out = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return out;
		}
		try (var s = Files.list(dir)) {
			for (Path p : s.sorted().toList()) {
				String n = p.getFileName().toString();
				if (n.endsWith(".json")) {
					out.add(examine(p, decode(n.substring(0, n.length() - 5))));
				}
			}
		}
		return out;
	}

	@SuppressWarnings("unchecked")
	private Found examine(Path file, String device) {
		Map<String, Object> json;
		try {
			json = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
					new TypeToken<Map<String, Object>>() { }.getType());
		} catch (IOException e) {
			return new Found(file, device, null, "cannot be read: " + e.getMessage());
		} catch (JsonParseException e) {
			return new Found(file, device, null, "damaged journal entry: not valid JSON (" + firstLine(e) + ")");
		}
		if (json == null) {
			return new Found(file, device, null, "damaged journal entry: the file is empty");
		}
		Entry entry;
		try {
			List<ManagedObject> pre = new ArrayList<>();
			Object objects = json.get("preState");
			if (!(objects instanceof List)) {
				return new Found(file, device, null, "damaged journal entry: no \"preState\" list");
			}
			int i = 0;
			for (Map<String, Object> m : (List<Map<String, Object>>) objects) {
				i++;
				try {
					pre.add(new ManagedObject((String) m.get("kind"), (String) m.get("key"),
							ManagedObject.Nature.valueOf((String) m.get("nature")),
							ManagedObject.Origin.valueOf((String) m.get("origin")),
							(Map<String, String>) m.get("attributes"), (List<String>) m.get("dependsOn"),
							(String) m.get("deviceId")));
				} catch (RuntimeException e) {
					return new Found(file, device, null,
							"damaged journal entry: object " + i + " of preState is incomplete or invalid (" + firstLine(e) + ")");
				}
			}
			Object started = json.get("startedAt");
			if (!(started instanceof String)) {
				return new Found(file, device, null, "damaged journal entry: no \"startedAt\" time");
			}
			entry = new Entry((String) json.get("device"), Instant.parse((String) started), pre,
					(String) json.get("site"), (String) json.get("identity"));
		} catch (ClassCastException | java.time.format.DateTimeParseException e) {
			return new Found(file, device, null, "damaged journal entry: " + firstLine(e));
		}
		if (entry.device() == null || !entry.device().equals(device)) {
			return new Found(file, device, entry, "foreign journal entry: it names device '" + entry.device()
					+ "', but its file stands for '" + device + "'");
		}
		if (site != null && entry.site() != null && !entry.site().equals(site)) {
			return new Found(file, device, entry, "foreign journal entry: written for site '" + entry.site()
					+ "', not '" + site + "'");
		}
		return new Found(file, device, entry, null);
	}

	private static String firstLine(Exception e) {
		String m = String.valueOf(e.getMessage());
		int nl = m.indexOf('\n');
		return nl < 0 ? m : m.substring(0, nl);
	}

	/** @return the file that holds (or would hold) a device's entry */
	public Path fileOf(String device) {
		return file(device);
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
