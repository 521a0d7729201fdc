package org.palisade.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The pan-tilt-zoom head of a virtual PTZ camera (issue #19): its presets (preset 1 is Home, as on
 * a factory-new Axis PTZ), its position, and every move with who asked for it (the Digest user of
 * the ptz.cgi call). Thread-safe; stamped with the fleet's clock, virtual during a rehearsal.
 * <p>
 * The autoreturn (#19): after a move by a call to anywhere but Home, the head goes back to Home once
 * {@code PTZ.Various.V1.ReturnToOverview} seconds have passed (0 = stays), counted from the last
 * move, as a move by {@link #AUTORETURN}. The return is settled lazily, whenever the head is read
 * or moved, so it needs no thread of its own and is exact on a stepped clock; the fleet's runtime
 * sets a timer at {@link #returnAt()} only to put it on a rehearsal's timeline.
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
	private volatile IntSupplier returnSeconds = () -> 0;
	/** When a pending autoreturn falls due, else {@code null}. */
	private Instant returnAt;

	/** Who the head's own return to Home is recorded as. */
	public static final String AUTORETURN = "autoreturn";

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

	/** Where the autoreturn's seconds are read at each move (the device's ReturnToOverview parameter). */
	public void returnAfter(IntSupplier seconds) {
		this.returnSeconds = seconds;
	}

	/** @return when the pending return home falls due, or {@code null} when none is pending */
	public synchronized Instant returnAt() {
		settle();
		return returnAt;
	}

	/** Runs a return home that has fallen due; called on every read. */
	private void settle() {
		if (returnAt != null && !Instant.now(clock).isBefore(returnAt)) {
			PtzPreset home = presets.get(1) != null && presets.get(1).name().equals("Home") ? presets.get(1)
					: presets.values().stream().filter(p -> p.name().equals("Home")).findFirst().orElse(new PtzPreset("Home", 0, 0, 1));
			pan = home.pan();
			tilt = home.tilt();
			zoom = home.zoom();
			moves.add(new Move(returnAt, "Home", pan, tilt, zoom, AUTORETURN));
			returnAt = null;
		}
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
	public void move(String preset, double pan, double tilt, int zoom, String user) {
		// Read before the head's lock: the supplier takes the device's parameter lock (#19).
		int seconds = "Home".equals(preset) ? 0 : returnSeconds.getAsInt();
		move(preset, pan, tilt, zoom, user, seconds);
	}

	private synchronized void move(String preset, double pan, double tilt, int zoom, String user, int seconds) {
		settle();
		this.pan = pan;
		this.tilt = tilt;
		this.zoom = zoom;
		Instant now = Instant.now(clock);
		moves.add(new Move(now, preset, pan, tilt, zoom, user));
		returnAt = seconds > 0 ? now.plusSeconds(seconds) : null;
	}

	public synchronized double pan() {
		settle();
		return pan;
	}

	public synchronized double tilt() {
		settle();
		return tilt;
	}

	public synchronized int zoom() {
		settle();
		return zoom;
	}

	/** @return every move so far, oldest first, the returns home that have fallen due included */
	public synchronized List<Move> moves() {
		settle();
		return List.copyOf(moves);
	}
}
