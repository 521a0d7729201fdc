package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The commissioning journal of a site (issue #17 item 2): one JSON object a line, appended and
 * forced to disk before the step it announces is sent, and again once the step is confirmed, so a
 * killed run leaves in the file what it was about to do (the address it was giving a device, the
 * certificate it pinned). No secret is ever written here: a password step says where the password
 * is recorded, never the password.
 * <p>
 * Lines: {@code {"at": ISO instant, "device": name, "step": what, "state": "intended"|"done",
 * "detail": text}}. A line that cannot be read (a write cut by a kill) is skipped.
 */
public final class CommissionJournal {

	/** One line of the journal. */
	public record Entry(Instant at, String device, String step, String state, String detail) {
	}

	private final Path file;

	public CommissionJournal(Path file) {
		this.file = file;
	}

	public Path file() {
		return file;
	}

	public synchronized void intended(String device, String step, String detail) throws IOException {
		append(device, step, "intended", detail);
	}

	public synchronized void done(String device, String step, String detail) throws IOException {
		append(device, step, "done", detail);
	}

	private void append(String device, String step, String state, String detail) throws IOException {
		JsonObject o = new JsonObject();
		o.addProperty("at", Instant.now().toString());
		o.addProperty("device", device);
		o.addProperty("step", step);
		o.addProperty("state", state);
		if (detail != null) {
			o.addProperty("detail", detail);
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		byte[] line = (o + "\n").getBytes(StandardCharsets.UTF_8);
		try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			c.write(java.nio.ByteBuffer.wrap(line));
			c.force(true);
		}
	}

	/** @return the device's lines, oldest first */
	public synchronized List<Entry> entries(String device) throws IOException {
		List<Entry> out = new ArrayList<>();
		if (!Files.exists(file)) {
			return out;
		}
		for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			try {
				JsonObject o = JsonParser.parseString(l).getAsJsonObject();
				if (device.equals(o.get("device").getAsString())) {
					out.add(new Entry(Instant.parse(o.get("at").getAsString()), device, o.get("step").getAsString(),
							o.get("state").getAsString(), o.has("detail") ? o.get("detail").getAsString() : null));
				}
			} catch (JsonParseException | IllegalStateException | NullPointerException
					| UnsupportedOperationException | java.time.format.DateTimeParseException e) {
				// a line cut short by a kill: the step it announced is redone and checked
			}
		}
		return out;
	}

	/** @return the detail of the device's last line of that step and state, or {@code null} */
	public String last(String device, String step, String state) throws IOException {
		String found = null;
		for (Entry e : entries(device)) {
			if (e.step().equals(step) && e.state().equals(state)) {
				found = e.detail() == null ? "" : e.detail();
			}
		}
		return found;
	}
}
