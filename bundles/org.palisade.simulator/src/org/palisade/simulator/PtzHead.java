package org.palisade.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pan-tilt-zoom head of a virtual PTZ camera (issue #19): its presets (preset 1 is Home, as on
 * a factory-new Axis PTZ), its position, and every move with who asked for it (the Digest user of
 * the ptz.cgi call). Thread-safe; stamped with the fleet's clock, virtual during a rehearsal.
 */
public final class PtzHead {

	/** One move of the head. */
	public record Move(Instant at, String preset, double pan, double tilt, int zoom, String user) {
	}

	private final Map<Integer, PtzPreset> presets = new LinkedHashMap<>();
	private final List<Move> moves = new ArrayList<>();
	private double pan;
	private double tilt;
	private int zoom = 1;
	private volatile Clock clock = Clock.systemUTC();

	public PtzHead(List<PtzPreset> seeded) {
		presets.put(1, new PtzPreset("Home", 0, 0, 1));
		for (PtzPreset p : seeded) {
			if (!p.name().equals("Home")) {
				presets.put(presets.size() + 1, p);
			}
		}
	}

	/** @return whether a model is a PTZ camera, by the same reading as the virtual device's API list */
	public static boolean isPtzModel(String model) {
		String lower = model == null ? "" : model.toLowerCase(Locale.ROOT);
		return lower.contains("q6075") || lower.contains("ptz");
	}

	public void clock(Clock value) {
		this.clock = value;
	}

	public synchronized Map<Integer, PtzPreset> presets() {
		return new LinkedHashMap<>(presets);
	}

	/** @return {@code null} when the preset does not exist */
	public synchronized PtzPreset preset(String name) {
		return presets.values().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
	}

	/** Saves the current position under a name (ptzconfig.cgi?setserverpresetname); @return its number */
	public synchronized int savePreset(String name) {
		for (Map.Entry<Integer, PtzPreset> e : presets.entrySet()) {
			if (e.getValue().name().equals(name)) {
				e.setValue(new PtzPreset(name, pan, tilt, zoom));
				return e.getKey();
			}
		}
		int n = presets.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		presets.put(n, new PtzPreset(name, pan, tilt, zoom));
		return n;
	}

	public synchronized boolean removePreset(String name) {
		return presets.values().removeIf(p -> p.name().equals(name));
	}

	/** Moves to a position; {@code preset} names the preset it came from, or {@code null}. */
	public synchronized void move(String preset, double pan, double tilt, int zoom, String user) {
		this.pan = pan;
		this.tilt = tilt;
		this.zoom = zoom;
		moves.add(new Move(Instant.now(clock), preset, pan, tilt, zoom, user));
	}

	public synchronized double pan() {
		return pan;
	}

	public synchronized double tilt() {
		return tilt;
	}

	public synchronized int zoom() {
		return zoom;
	}

	/** @return every move so far, oldest first */
	public synchronized List<Move> moves() {
		return List.copyOf(moves);
	}
}
