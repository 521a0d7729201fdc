package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary between the generator, which writes what a device should hold, and the driver,
 * which reads it back and sends it: one record per kind of {@link org.palisade.deploy.ManagedObject},
 * and the only place its attribute names are spelled. A change to what a camera receives is a change
 * to one of these records, and the compiler finds every place that writes or reads it.
 * <p>
 * {@link #attributes()} gives the flat map a {@code ManagedObject} carries (what plans compare and
 * journals keep); each record's {@code of} reads that map back.
 */
public final class DeviceObjects {

	/** The prefix of a configuration's template parameters and of a port's extra IOPort parameters. */
	private static final String PARAM = "param.";

	private DeviceObjects() {
	}

	/** What every kind's record offers. */
	public sealed interface Attributes permits TimeZone, Port, Param, Schedule, Configuration, Rule, Firmware, StreamProfile, Door {
		/** @return the attributes of the managed object, by name */
		Map<String, String> attributes();
	}

	/** {@code time}, key {@link #KEY}: the IANA zone the device's schedules run in. */
	public record TimeZone(String zone) implements Attributes {
		public static final String KEY = "zone";
		private static final String TIME_ZONE = "timeZone";

		@Override
		public Map<String, String> attributes() {
			return Map.of(TIME_ZONE, zone == null ? "" : zone);
		}

		public static TimeZone of(Map<String, String> a) {
			return new TimeZone(a.get(TIME_ZONE));
		}
	}

	/**
	 * {@code port}, key = the web page's port number from 1.
	 *
	 * @param ioParams other IOPort parameters read from the device ({@code Output.Name}...), written
	 *                 back on a restore so that it is exact
	 */
	public record Port(String direction, String name, String normalState, Map<String, String> ioParams)
			implements Attributes {
		private static final String DIRECTION = "direction";
		private static final String NAME = "name";
		private static final String NORMAL_STATE = "normalState";

		@Override
		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put(DIRECTION, direction == null ? "" : direction);
			a.put(NAME, name == null ? "" : name);
			a.put(NORMAL_STATE, normalState == null ? "" : normalState);
			ioParams.forEach((k, v) -> a.put(PARAM + k, v));
			return a;
		}

		public static Port of(Map<String, String> a) {
			return new Port(a.get(DIRECTION), a.get(NAME), a.get(NORMAL_STATE), DeviceObjects.params(a));
		}
	}

	/** {@code param}, key = the parameter's name without {@code root.}. */
	public record Param(String value) implements Attributes {
		private static final String VALUE = "value";

		@Override
		public Map<String, String> attributes() {
			return Map.of(VALUE, value);
		}

		public static Param of(Map<String, String> a) {
			return new Param(a.get(VALUE));
		}
	}

	/**
	 * {@code firmware}, key {@link #KEY}: the version the device runs (the design's "11.11" stands
	 * for any 11.11.x, {@link #matches}), and the file a deploy upgrades with. A device that runs a
	 * matching version reads back with the design's file, so that only a version drift is a change.
	 *
	 * @param file absolute path of the firmware file, or {@code null}: a drift is then reported, not mended
	 */
	public record Firmware(String version, String file) implements Attributes {
		public static final String KEY = "active";
		private static final String VERSION = "version";
		private static final String FILE = "file";

		@Override
		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put(VERSION, version == null ? "" : version);
			if (file != null) {
				a.put(FILE, file);
			}
			return a;
		}

		public static Firmware of(Map<String, String> a) {
			return new Firmware(a.get(VERSION), a.get(FILE));
		}

		/** @return whether the running version is the wanted one, or a release of it (11.11.73 of 11.11) */
		public static boolean matches(String running, String wanted) {
			return running != null && wanted != null && (running.equals(wanted) || running.startsWith(wanted + "."));
		}
	}

	/**
	 * {@code streamprofile}, key = the profile's name (the design's stream name, what viewers ask for):
	 * its description (Palisade's carry {@link Conventions#TAG}) and its stream parameters as a query.
	 */
	public record StreamProfile(String description, String parameters) implements Attributes {
		private static final String DESCRIPTION = "description";
		private static final String PARAMETERS = "parameters";

		@Override
		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put(DESCRIPTION, description == null ? "" : description);
			a.put(PARAMETERS, parameters == null ? "" : parameters);
			return a;
		}

		public static StreamProfile of(Map<String, String> a) {
			return new StreamProfile(a.get(DESCRIPTION), a.get(PARAMETERS));
		}
	}

	/**
	 * {@code door}, key = the design's door name (issue #19): the controller's {@code index}-th door
	 * (from 1) in {@code axtdc:GetDoorList}, the {@code axtdc:SetDoor} fields the design sets
	 * ({@code Name}, {@code Description}, {@code AccessTime}, {@code OpenTooLongTime} as xs:duration)
	 * and the {@code axtdc:SetDoorConfiguration} keys ({@code Lock.Type}, {@code DoorMonitor.ValueWhenOpen}...).
	 */
	public record Door(int index, Map<String, String> fields, Map<String, String> config) implements Attributes {
		private static final String INDEX = "index";
		private static final String CONFIG = "config.";

		@Override
		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put(INDEX, Integer.toString(index));
			a.putAll(fields);
			config.forEach((k, v) -> a.put(CONFIG + k, v));
			return a;
		}

		public static Door of(Map<String, String> a) {
			Map<String, String> fields = new LinkedHashMap<>();
			Map<String, String> config = new LinkedHashMap<>();
			a.forEach((k, v) -> {
				if (k.startsWith(CONFIG)) {
					config.put(k.substring(CONFIG.length()), v);
				} else if (!k.equals(INDEX)) {
					fields.put(k, v);
				}
			});
			return new Door(Integer.parseInt(a.get(INDEX)), fields, config);
		}
	}

	/** {@code schedule}, key = the design's label; {@code eventId} is Palisade's only where it owns it. */
	public record Schedule(String eventId, String ical) implements Attributes {
		private static final String EVENT_ID = "eventId";
		private static final String ICAL = "ical";

		@Override
		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			if (eventId != null) {
				a.put(EVENT_ID, eventId);
			}
			a.put(ICAL, ical == null ? "" : ical);
			return a;
		}

		public static Schedule of(Map<String, String> a) {
			return new Schedule(a.get(EVENT_ID), a.get(ICAL));
		}
	}

	/** {@code recipient} and {@code action}: a template and its parameters. */
	public record Configuration(String template, Map<String, String> params) implements Attributes {
		private static final String TEMPLATE = "template";

		@Override
		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put(TEMPLATE, template);
			params.forEach((k, v) -> a.put(PARAM + k, v));
			return a;
		}

		public static Configuration of(Map<String, String> a) {
			return new Configuration(a.get(TEMPLATE), DeviceObjects.params(a));
		}
	}

	/** An event filter of a rule: topic expression and message content ("" for none). */
	public record Filter(String topic, String content) {
	}

	/**
	 * {@code rule}.
	 *
	 * @param start             the start event, or null (a rule that runs while its conditions hold)
	 * @param primaryAction     {@code ${ref:action/<key>}} for Palisade's actions, {@code id:<n>} otherwise
	 * @param activationTimeout seconds, or null
	 */
	public record Rule(boolean enabled, Filter start, List<Filter> conditions, String primaryAction,
			Integer activationTimeout) implements Attributes {
		private static final String ENABLED = "enabled";
		private static final String START_TOPIC = "start.topic";
		private static final String START_CONTENT = "start.content";
		private static final String PRIMARY_ACTION = "primaryAction";
		private static final String ACTIVATION_TIMEOUT = "activationTimeout";

		@Override
		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put(ENABLED, Boolean.toString(enabled));
			if (start != null) {
				a.put(START_TOPIC, start.topic());
				a.put(START_CONTENT, start.content() == null ? "" : start.content());
			}
			for (int n = 1; n <= conditions.size(); n++) {
				Filter f = conditions.get(n - 1);
				a.put(conditionTopic(n), f.topic());
				a.put(conditionContent(n), f.content() == null ? "" : f.content());
			}
			if (activationTimeout != null) {
				a.put(ACTIVATION_TIMEOUT, activationTimeout.toString());
			}
			a.put(PRIMARY_ACTION, primaryAction);
			return a;
		}

		public static Rule of(Map<String, String> a) {
			Filter start = a.containsKey(START_TOPIC) ? new Filter(a.get(START_TOPIC), a.get(START_CONTENT)) : null;
			List<Filter> conditions = new ArrayList<>();
			for (int n = 1; a.containsKey(conditionTopic(n)); n++) {
				conditions.add(new Filter(a.get(conditionTopic(n)), a.get(conditionContent(n))));
			}
			String timeout = a.get(ACTIVATION_TIMEOUT);
			return new Rule(Boolean.parseBoolean(a.getOrDefault(ENABLED, "true")), start, conditions,
					a.get(PRIMARY_ACTION), timeout == null ? null : Integer.valueOf(timeout));
		}

		private static String conditionTopic(int n) {
			return "condition." + n + ".topic";
		}

		private static String conditionContent(int n) {
			return "condition." + n + ".content";
		}
	}

	private static Map<String, String> params(Map<String, String> a) {
		Map<String, String> p = new LinkedHashMap<>();
		a.forEach((k, v) -> {
			if (k.startsWith(PARAM)) {
				p.put(k.substring(PARAM.length()), v);
			}
		});
		return p;
	}
}
