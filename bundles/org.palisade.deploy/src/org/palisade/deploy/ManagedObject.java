package org.palisade.deploy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One piece of a device's configuration, protocol-neutral: an I/O port or a parameter (a
 * {@link Nature#SETTING}, which always exists and is only ever changed in place), or a scheduled
 * event, recipient, action or rule (an {@link Nature#ITEM}, which is created and deleted).
 * <p>
 * Identity is {@link #id()} = {@code kind/key}. Two objects describe the same configuration when
 * their attributes are equal; {@link #deviceId()} (the handle the device assigned) and
 * {@link #dependsOn()} (ordering only) never take part in comparisons.
 * <p>
 * Attribute values never hold secrets: a secret is a placeholder such as
 * {@code ${credential.password:site/horn}} that a driver resolves at the moment it writes to a
 * device, and that it puts back when it reads the same value from the device.
 *
 * @param kind       e.g. {@code port}, {@code param}, {@code schedule}, {@code rule}
 * @param key        unique within the kind on one device, e.g. {@code 1} or {@code After hours}
 * @param nature     setting or item
 * @param origin     who made it ({@link Origin#PALISADE} for everything desired)
 * @param attributes the comparable content, sorted by name
 * @param dependsOn  ids of the items this one refers to (it must be created after them)
 * @param deviceId   the device's own handle, or {@code null} when not (yet) on a device
 */
public record ManagedObject(String kind, String key, Nature nature, Origin origin, Map<String, String> attributes,
		List<String> dependsOn, String deviceId) {

	/** Settings exist on every device and are set in place; items are created and deleted. */
	public enum Nature {
		SETTING, ITEM
	}

	/** Who made an item: Palisade (recognisable by its tag), a person, or the factory. */
	public enum Origin {
		PALISADE, HAND_MADE, FACTORY
	}

	public ManagedObject {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(nature, "nature");
		Objects.requireNonNull(origin, "origin");
		attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
		dependsOn = List.copyOf(dependsOn);
	}

	/** A desired setting. */
	public static ManagedObject setting(String kind, String key, Map<String, String> attributes) {
		return new ManagedObject(kind, key, Nature.SETTING, Origin.PALISADE, attributes, List.of(), null);
	}

	/** A desired item of Palisade's own. */
	public static ManagedObject item(String kind, String key, Map<String, String> attributes, List<String> dependsOn) {
		return new ManagedObject(kind, key, Nature.ITEM, Origin.PALISADE, attributes, dependsOn, null);
	}

	/** @return {@code kind/key} */
	public String id() {
		return id(kind, key);
	}

	public static String id(String kind, String key) {
		return kind + "/" + key;
	}

	public boolean owned() {
		return origin == Origin.PALISADE;
	}

	/** @return whether both describe the same configuration (attributes equal) */
	public boolean sameContent(ManagedObject other) {
		return other != null && attributes.equals(other.attributes);
	}

	public ManagedObject withDeviceId(String value) {
		return new ManagedObject(kind, key, nature, origin, attributes, dependsOn, value);
	}

	public ManagedObject withAttributes(Map<String, String> value) {
		return new ManagedObject(kind, key, nature, origin, value, dependsOn, deviceId);
	}

	/** @return e.g. {@code rule "Flashing beacon"} or {@code port 1} */
	public String label() {
		return kind + (key.matches("[A-Za-z0-9_.-]+") ? " " + key : " \"" + key + "\"");
	}
}
