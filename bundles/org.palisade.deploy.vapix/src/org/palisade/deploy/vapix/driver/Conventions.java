package org.palisade.deploy.vapix.driver;

import java.util.List;
import java.util.Map;

/**
 * How Palisade's objects look on an Axis device, shared by the generator (which writes them) and
 * the driver (which recognises them).
 * <p>
 * Ownership: every scheduled event, recipient, action configuration and action rule Palisade
 * creates carries the visible name tag {@value #TAG} after its design name; scheduled events also
 * get an EventID starting with {@value #EVENT_ID_PREFIX}. Anything else on the device is not
 * Palisade's: it is never changed, only reported.
 * <p>
 * Kinds and their attributes (declared once, typed, in {@link DeviceObjects}):
 * <ul>
 * <li>{@code time} (setting, key {@code zone}): {@code timeZone}, the IANA zone the device's
 * schedules run in;</li>
 * <li>{@code port} (setting, key = web-page port number from 1): {@code direction}, {@code name},
 * {@code normalState};</li>
 * <li>{@code param} (setting, key = parameter name without {@code root.}): {@code value};</li>
 * <li>{@code preset} (setting, key = a PTZ camera's preset name; {@code pan}, {@code tilt}, {@code zoom} when the design gives a position): a preset the design's
 * rules move to, which must exist on the device ({@link PtzPresets});</li>
 * <li>{@code door} (setting, key = a door controller's door name): {@code index} (the controller's
 * door number from 1), the door control service's SetDoor fields and {@code config.<key>}
 * configuration keys ({@link DoorSettings});</li>
 * <li>{@code firmware} (setting, key {@code active}): {@code version}, optional {@code file}
 * ({@link DeviceObjects.Firmware});</li>
 * <li>{@code streamprofile} (item, key = profile name): {@code description} (tagged),
 * {@code parameters};</li>
 * <li>{@code share} (item, key = {@code //host/share}): {@code shareId}, {@code address}, {@code share},
 * {@code user}, {@code credentials} (a reference), {@code disk} ({@link ShareItems});</li>
 * <li>{@code schedule} (item, key = design label): {@code eventId}, {@code ical};</li>
 * <li>{@code recipient}, {@code action} (items): {@code template}, {@code param.<name>};</li>
 * <li>{@code rule} (item): {@code enabled}, {@code start.topic}, {@code start.content},
 * {@code condition.<n>.topic}, {@code condition.<n>.content}, {@code primaryAction} (a
 * {@code ${ref:action/<key>}} reference), optional {@code activationTimeout}.</li>
 * </ul>
 * Placeholders: {@code ${event:<application>/<scenario>}} (an application's event topic, as the
 * device declares it in GetEventInstances; the driver resolves it, since the topic's spelling is
 * the device's and AXIS Perimeter Defender's is not documented), {@code ${credential.user:<ref>}}, {@code ${credential.password:<ref>}} (resolved
 * from the credential store when written), {@code ${ref:<kind>/<key>}} (the device handle of
 * another item).
 */
public final class Conventions {

	/** The visible tag that marks Palisade's objects. */
	public static final String TAG = " [palisade]";
	/** The prefix of the EventIDs Palisade requests for its scheduled events. */
	public static final String EVENT_ID_PREFIX = "palisade.";

	/** The running firmware (#17): upgraded first, since an upgrade may change what the rest reads. */
	public static final String FIRMWARE = "firmware";
	public static final String TIME = "time";
	public static final String PORT = "port";
	public static final String PARAM = "param";
	public static final String PRESET = "preset";
	public static final String DOOR = "door";
	public static final String SCHEDULE = "schedule";
	public static final String RECIPIENT = "recipient";
	public static final String ACTION = "action";
	public static final String RULE = "rule";
	/** A stream profile (#17): an item, since profiles are created and removed by name. */
	public static final String STREAM_PROFILE = "streamprofile";
	/**
	 * A network share (#17, #19; {@link ShareItems}): an item, key = the design's {@code //host/share};
	 * made before the actions that record to it.
	 */
	public static final String SHARE = "share";

	/**
	 * A PTZ camera's autoreturn (#19): seconds after a move at which the PTZ goes back to its home
	 * preset, 0 = off; a {@code param} setting of the PTZ (vapix-notes.md section 19).
	 */
	public static final String PTZ_RETURN_HOME = "PTZ.Various.V1.ReturnToOverview";

	/**
	 * The PTZ's autoreturn as read back, in the form Palisade writes it (whole seconds): no recording
	 * shows how a Q6075-E spells the value, so a decimal ({@code 60.0}), a unit ({@code 60 s}) or
	 * spaces are taken as the same figure (vapix-notes.md section 19); anything else is kept as read,
	 * so plan shows it as a change.
	 */
	public static String returnHome(String value) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,9})(?:\\.0*)?\\s*(?:s|sec|seconds)?\\s*")
				.matcher(value);
		return m.matches() ? Long.toString(Long.parseLong(m.group(1))) : value;
	}

	/**
	 * A preset's position as the {@code preset} setting's attributes {@code pan}, {@code tilt} (degrees,
	 * to a tenth: a device's stored figure may differ in the last digits) and, when given,
	 * {@code zoom} (ptz.cgi's 1..9999), in one spelling for the design and the device's read-back.
	 */
	public static Map<String, String> presetPosition(double pan, double tilt, Integer zoom) {
		Map<String, String> out = new java.util.LinkedHashMap<>();
		out.put("pan", degrees(pan));
		out.put("tilt", degrees(tilt));
		if (zoom != null) {
			out.put("zoom", Integer.toString(zoom));
		}
		return out;
	}

	private static String degrees(double value) {
		String s = new java.math.BigDecimal(value).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
				.toPlainString();
		return s.equals("-0") ? "0" : s;
	}

	/** Creation order. */
	public static final List<String> KINDS = List.of(FIRMWARE, TIME, PORT, PARAM, PRESET, DOOR, STREAM_PROFILE, SHARE, SCHEDULE,
			RECIPIENT, ACTION, RULE);

	private Conventions() {
	}

	/** The topic every recorded ACAP application's events sit under. */
	public static final String APPLICATION_TOPIC_ROOT = "tnsaxis:CameraApplicationPlatform";

	/** @return the placeholder of an application scenario's event topic, resolved against the device */
	public static String applicationEvent(String application, String scenario) {
		return "${event:" + application + "/" + scenario + "}";
	}

	/** @return {@code [application, scenario]} of an event placeholder, or {@code null} if it is none */
	public static String[] applicationEvent(String topic) {
		if (topic == null || !topic.startsWith("${event:") || !topic.endsWith("}")) {
			return null;
		}
		String body = topic.substring(8, topic.length() - 1);
		int slash = body.indexOf('/');
		return slash < 0 ? null : new String[] { body.substring(0, slash), body.substring(slash + 1) };
	}

	/** @return the placeholder of a credential's user name */
	public static String user(String ref) {
		return "${credential.user:" + ref + "}";
	}

	/** @return the placeholder of a credential's password */
	public static String password(String ref) {
		return "${credential.password:" + ref + "}";
	}

	/**
	 * @return the placeholder of a door controller's door token, which only the controller knows:
	 *         {@code ${door.token:<credentials ref>@<address>/<door number>}}, resolved when deploying
	 *         by asking the controller ({@code axtdc:GetDoorList}) with those credentials (#19)
	 */
	public static String doorToken(String credentialsRef, String address, int door) {
		return "${door.token:" + credentialsRef + "@" + address + "/" + door + "}";
	}

	/** @return the placeholder of another item's device handle */
	public static String ref(String kind, String key) {
		return "${ref:" + kind + "/" + key + "}";
	}

	/** @return a stable EventID for a schedule label: {@code palisade.after-hours} */
	public static String eventId(String label) {
		String slug = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return EVENT_ID_PREFIX + (slug.isEmpty() ? "schedule" : slug);
	}

	/** @return the name the device shows for a Palisade object */
	public static String tagged(String key) {
		return key + TAG;
	}

	/** @return whether a device name carries the tag */
	public static boolean isTagged(String name) {
		return name != null && name.endsWith(TAG);
	}

	/** @return the design key of a tagged device name */
	public static String untagged(String name) {
		return isTagged(name) ? name.substring(0, name.length() - TAG.length()) : name;
	}
}
