package org.palisade.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The doors of a virtual door controller (issue #19): each with the token the controller gave it,
 * its door control fields (Name, AccessTime, OpenTooLongTime, ...) and configuration keys
 * (Lock.Type, DoorMonitor.*), its mode ({@code Locked}, {@code Unlocked}, {@code Accessed},
 * {@code LockedDown}) and its alarm ({@code Normal}, {@code DoorForcedOpen}, {@code DoorOpenTooLong}).
 * Every door command is recorded with who asked (the Digest user of the call). A door in lockdown
 * refuses every command but another lockdown and its release, as the door control service
 * documents LockDownDoor. Thread-safe; stamped with the fleet's clock, virtual during a rehearsal.
 */
public final class DoorBank {

	/** One door command: the door's name, the operation ({@code tdc:LockDownDoor}), the mode after it, who asked. */
	public record Command(Instant at, String door, String operation, String mode, String user) {
	}

	/** A door as it is now. */
	public record Door(String token, String name, String mode, String alarm, Map<String, String> fields,
			Map<String, String> configuration) {
	}

	private static final class State {
		final String token;
		final Map<String, String> fields = new LinkedHashMap<>();
		final Map<String, String> configuration = new LinkedHashMap<>();
		String mode = "Locked";
		String alarm = "Normal";

		State(String token) {
			this.token = token;
		}
	}

	private final List<State> doors = new ArrayList<>();
	private final List<Command> commands = new ArrayList<>();
	private volatile Clock clock = Clock.systemUTC();

	/**
	 * @param serial the controller's serial number, which its tokens carry
	 * @param count  how many doors its hardware configuration has (an A1601: up to two)
	 */
	public DoorBank(String serial, int count) {
		for (int i = 1; i <= count; i++) {
			State s = new State("Axis-" + serial.toLowerCase(Locale.ROOT) + ":door" + i);
			// As a factory door of the hardware configuration; the timers are the documented defaults' shape.
			s.fields.put("Name", "Door " + i);
			s.fields.put("Description", "");
			s.fields.put("AccessTime", "PT7S");
			s.fields.put("OpenTooLongTime", "PT15S");
			s.fields.put("PreAlarmTime", "PT10S");
			s.fields.put("ExtendedAccessTime", "PT15S");
			s.fields.put("ExtendedOpenTooLongTime", "PT15S");
			s.configuration.put("Lock.Type", i == 2 ? "Relay" : "Standard");
			s.configuration.put("DoorMonitor.ValueWhenOpen", "Input Open");
			s.configuration.put("DoorMonitor.ValueWhenClosed", "Input Ground");
			doors.add(s);
		}
	}

	/** @return whether a model is a door controller, by the same reading as the virtual device's API list */
	public static boolean isDoorControllerModel(String model) {
		String lower = model == null ? "" : model.toLowerCase(Locale.ROOT);
		return lower.contains("a1601") || lower.contains("a1001") || lower.contains("door");
	}

	public void clock(Clock value) {
		this.clock = value;
	}

	/** @return the doors in the controller's order */
	public synchronized List<Door> doors() {
		List<Door> out = new ArrayList<>();
		for (State s : doors) {
			out.add(view(s));
		}
		return out;
	}

	/** @return the door with that token or name, or {@code null} */
	public synchronized Door door(String tokenOrName) {
		State s = find(tokenOrName);
		return s == null ? null : view(s);
	}

	private State find(String tokenOrName) {
		for (State s : doors) {
			if (s.token.equals(tokenOrName) || tokenOrName.equals(s.fields.get("Name"))) {
				return s;
			}
		}
		return null;
	}

	private static Door view(State s) {
		return new Door(s.token, s.fields.get("Name"), s.mode, s.alarm, Map.copyOf(s.fields), Map.copyOf(s.configuration));
	}

	/** axtdc:SetDoor: @return {@code false} when no door has the token */
	public synchronized boolean setDoor(String token, Map<String, String> fields) {
		State s = byToken(token);
		if (s == null) {
			return false;
		}
		s.fields.putAll(fields);
		return true;
	}

	/** axtdc:SetDoorConfiguration: @return {@code false} when no door has the token */
	public synchronized boolean setConfiguration(String token, Map<String, String> values) {
		State s = byToken(token);
		if (s == null) {
			return false;
		}
		s.configuration.putAll(values);
		return true;
	}

	private State byToken(String token) {
		return doors.stream().filter(s -> s.token.equals(token)).findFirst().orElse(null);
	}

	/**
	 * A door command ({@code tdc:LockDoor}, {@code tdc:UnlockDoor}, {@code tdc:AccessDoor},
	 * {@code tdc:LockDownDoor}, {@code tdc:LockDownReleaseDoor}).
	 *
	 * @return {@code null} when done, else why it was refused
	 */
	public synchronized String command(String token, String operation, String user) {
		State s = byToken(token);
		if (s == null) {
			return "no door has the token " + token;
		}
		String next = switch (operation) {
		case "tdc:LockDoor" -> "Locked";
		case "tdc:UnlockDoor" -> "Unlocked";
		case "tdc:AccessDoor" -> "Accessed";
		case "tdc:LockDownDoor" -> "LockedDown";
		case "tdc:LockDownReleaseDoor" -> "Locked";
		default -> null;
		};
		if (next == null) {
			return "the virtual door controller does not run " + operation;
		}
		if (s.mode.equals("LockedDown") && !operation.equals("tdc:LockDownDoor") && !operation.equals("tdc:LockDownReleaseDoor")) {
			return "door " + s.fields.get("Name") + " is in lockdown: " + operation + " is refused until LockDownReleaseDoor";
		}
		if (operation.equals("tdc:LockDownReleaseDoor") && !s.mode.equals("LockedDown")) {
			next = s.mode; // nothing to release
		}
		s.mode = next;
		commands.add(new Command(Instant.now(clock), s.fields.get("Name"), operation, next, user));
		return null;
	}

	/**
	 * The door's alarm changes (a rehearsal's "door forced open"): @return the door's token
	 *
	 * @throws IllegalArgumentException when no door has that name
	 */
	public synchronized String alarm(String name, String alarm) {
		State s = find(name);
		if (s == null) {
			List<String> names = doors.stream().map(d -> d.fields.get("Name")).toList();
			throw new IllegalArgumentException("no door " + name + " (its doors: " + String.join(", ", names) + ")");
		}
		s.alarm = alarm;
		return s.token;
	}

	/** @return every door command so far, oldest first */
	public synchronized List<Command> commands() {
		return List.copyOf(commands);
	}
}
