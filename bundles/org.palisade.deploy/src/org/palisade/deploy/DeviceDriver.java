package org.palisade.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The protocol side of a deployment to one device (VAPIX for Axis devices). The engine decides
 * what to do; a driver reads the device and performs single steps.
 * <p>
 * Contract: {@link #read} returns every item on the device (Palisade's own marked
 * {@link ManagedObject.Origin#PALISADE}, with their device handles) and the settings named by
 * {@code settings}; a value the driver wrote from a placeholder is returned as that placeholder.
 * Each step either takes effect or throws; a step whose outcome is unknown throws too (the engine
 * reads the device again before it decides anything). Drivers need not be thread-safe: the engine
 * uses one driver from one thread.
 */
public interface DeviceDriver extends AutoCloseable {

	/** @return the kinds in the order they must be created (settings first) */
	List<String> kindOrder();

	/** @param settings the settings to read (their kind and key matter), usually the wanted ones */
	List<ManagedObject> read(Collection<ManagedObject> settings) throws DeviceException;

	/**
	 * Reads only the objects of these kinds (items and the named settings), as {@link #read}
	 * would return them: the check after a deploy reads again only what it touched (#16, fewer
	 * calls per device). The default reads everything and keeps those kinds; a driver that can
	 * leave out the requests of other kinds does.
	 */
	default List<ManagedObject> read(Collection<ManagedObject> settings, Set<String> kinds) throws DeviceException {
		List<ManagedObject> out = new ArrayList<>();
		for (ManagedObject o : read(settings)) {
			if (kinds.contains(o.kind())) {
				out.add(o);
			}
		}
		return out;
	}

	/** Sets a setting to the object's attributes. */
	void set(ManagedObject setting) throws DeviceException;

	/**
	 * Sets several settings, in this order; a driver may combine them into fewer requests (one
	 * param.cgi update for all parameters). It throws when any of them may not have taken effect;
	 * some may have, so the engine reads the device again before it decides anything, as after a
	 * single failed step. The default sets them one by one.
	 */
	default void setAll(List<ManagedObject> settings) throws DeviceException {
		for (ManagedObject s : settings) {
			set(s);
		}
	}

	/** Creates an item; references to other items are resolved against what the driver has read or created. */
	void create(ManagedObject item) throws DeviceException;

	/**
	 * Creates several items, in this order (dependencies come first); a driver may combine some
	 * into one request (a device API that creates several at once). It throws when any of them may
	 * not have taken effect; the engine then reads the device again. The default creates them one by one.
	 */
	default void createAll(List<ManagedObject> items) throws DeviceException {
		for (ManagedObject i : items) {
			create(i);
		}
	}

	/** Deletes an item read from the device (it carries its device handle). */
	void delete(ManagedObject item) throws DeviceException;

	/** Releases connections and wipes credentials. */
	@Override
	void close();
}
