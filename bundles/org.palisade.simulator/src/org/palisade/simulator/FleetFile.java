package org.palisade.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads fleet descriptions for {@link SimulatorMain}: JSON ({@code .json}) or properties (any
 * other name). Keys per device: {@code name, kind (camera|speaker), model, serial, mac, firmware,
 * username, password, passwordEnv, ports, configurable, clips, scenarios, analyticsApp, auth
 * (digest|basic|any), listenPort, builtInSchedules}. JSON: {@code {"devices":[{...}]}}, lists as
 * arrays. Properties: {@code device.<name>.<key>=value}, lists comma separated.
 * {@code passwordEnv} names an environment variable to read the password from, so the file need
 * not hold it.
 */
public final class FleetFile {

	private FleetFile() {
	}

	/** @throws IOException on unreadable files; IllegalArgumentException on bad content */
	public static List<DeviceDescriptor> read(Path file) throws IOException {
		return read(file, System::getenv);
	}

	/** As {@link #read(Path)}, with an explicit environment (for tests). */
	public static List<DeviceDescriptor> read(Path file, Function<String, String> env) throws IOException {
		List<Map<String, String>> entries = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
				? readJson(file)
				: readProperties(file);
		List<DeviceDescriptor> out = new ArrayList<>();
		for (Map<String, String> e : entries) {
			out.add(descriptor(e, env));
		}
		return out;
	}

	private static List<Map<String, String>> readJson(Path file) throws IOException {
		List<Map<String, String>> out = new ArrayList<>();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonElement root = JsonParser.parseReader(r);
			JsonElement devices = root.isJsonObject() ? root.getAsJsonObject().get("devices") : root;
			if (devices == null || !devices.isJsonArray()) {
				throw new IllegalArgumentException(file + ": expected {\"devices\": [...]}");
			}
			for (JsonElement d : devices.getAsJsonArray()) {
				Map<String, String> m = new LinkedHashMap<>();
				for (Map.Entry<String, JsonElement> e : d.getAsJsonObject().entrySet()) {
					m.put(e.getKey(), flatten(e.getValue()));
				}
				out.add(m);
			}
		} catch (JsonParseException | IllegalStateException e) {
			throw new IllegalArgumentException(file + ": not valid fleet JSON: " + e.getMessage(), e);
		}
		return out;
	}

	private static String flatten(JsonElement v) {
		if (v.isJsonArray()) {
			List<String> items = new ArrayList<>();
			for (JsonElement i : (JsonArray) v) {
				items.add(i.getAsString().replace(",", "\\,"));
			}
			return String.join(",", items);
		}
		if (v instanceof JsonObject) {
			throw new IllegalArgumentException("nested objects are not supported");
		}
		return v.getAsString();
	}

	private static List<Map<String, String>> readProperties(Path file) throws IOException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		Map<String, Map<String, String>> byName = new LinkedHashMap<>();
		for (String key : new TreeSet<>(p.stringPropertyNames())) {
			if (!key.startsWith("device.")) {
				continue;
			}
			int dot = key.lastIndexOf('.');
			if (dot <= "device.".length()) {
				throw new IllegalArgumentException(file + ": bad key " + key);
			}
			String name = key.substring("device.".length(), dot);
			Map<String, String> m = byName.computeIfAbsent(name, n -> {
				Map<String, String> fresh = new LinkedHashMap<>();
				fresh.put("name", n);
				return fresh;
			});
			m.put(key.substring(dot + 1), p.getProperty(key));
		}
		return new ArrayList<>(byName.values());
	}

	private static List<String> list(String s) {
		if (s == null || s.isBlank()) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String part : s.split("(?<!\\\\),")) {
			out.add(part.replace("\\,", ",").trim());
		}
		return out;
	}

	private static DeviceDescriptor descriptor(Map<String, String> e, Function<String, String> env) {
		String name = e.get("name");
		DeviceDescriptor.Builder b = DeviceDescriptor.builder(name);
		String kind = e.getOrDefault("kind", "camera").toUpperCase(Locale.ROOT);
		b.kind(DeviceKind.valueOf(kind));
		if (e.containsKey("model")) b.model(e.get("model"));
		if (e.containsKey("serial")) b.serial(e.get("serial"));
		if (e.containsKey("mac")) b.mac(e.get("mac"));
		if (e.containsKey("firmware")) b.firmware(e.get("firmware"));
		if (e.containsKey("username")) b.username(e.get("username"));
		String password = e.get("password");
		if (e.containsKey("passwordEnv")) {
			password = env.apply(e.get("passwordEnv"));
			if (password == null) {
				throw new IllegalArgumentException(name + ": environment variable " + e.get("passwordEnv") + " is not set");
			}
		}
		if (password != null) {
			char[] pw = password.toCharArray();
			b.password(pw);
			Arrays.fill(pw, '\0');
		}
		if (e.containsKey("ports")) b.ioPorts(Integer.parseInt(e.get("ports")));
		if (e.containsKey("configurable")) b.portsConfigurable(Boolean.parseBoolean(e.get("configurable")));
		if (e.containsKey("clips")) b.clips(list(e.get("clips")));
		if (e.containsKey("scenarios")) b.scenarios(list(e.get("scenarios")));
		if (e.containsKey("analyticsApp")) b.analyticsApp(e.get("analyticsApp"));
		if (e.containsKey("listenPort")) b.listenPort(Integer.parseInt(e.get("listenPort")));
		if (e.containsKey("builtInSchedules")) b.builtInSchedules(Boolean.parseBoolean(e.get("builtInSchedules")));
		if (e.containsKey("auth")) {
			String auth = e.get("auth").toLowerCase(Locale.ROOT);
			b.authMode(switch (auth) {
			case "digest" -> AuthMode.DIGEST;
			case "basic" -> AuthMode.BASIC;
			case "any", "digest_or_basic" -> AuthMode.DIGEST_OR_BASIC;
			default -> throw new IllegalArgumentException(name + ": unknown auth " + auth);
			});
		}
		return b.build();
	}
}
