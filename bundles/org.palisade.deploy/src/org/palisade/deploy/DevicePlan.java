package org.palisade.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a deployment would do to one device: the changes, the ordered steps that make them, and
 * the objects that someone else made, which are left alone and reported.
 *
 * @param device   the design's name of the device
 * @param changes  one per differing object, in step order
 * @param steps    the device operations, in the order they are applied
 * @param handMade items on the device that are not Palisade's (never touched)
 */
public record DevicePlan(String device, List<Change> changes, List<Step> steps, List<ManagedObject> handMade) {

	/** One device operation. */
	public record Step(Action action, ManagedObject object) {
		/** Set a setting, delete an item, create an item. */
		public enum Action {
			SET, DELETE, CREATE
		}
	}

	public DevicePlan {
		changes = List.copyOf(changes);
		steps = List.copyOf(steps);
		handMade = List.copyOf(handMade);
	}

	public boolean isEmpty() {
		return changes.isEmpty();
	}

	/** @return the readable diff, one line per change plus attribute lines */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		for (Change c : changes) {
			lines.addAll(c.describe());
		}
		return lines;
	}

	/** @return counts like {@code 2 to create, 1 to update, 0 to delete} */
	public String summary() {
		long create = changes.stream().filter(c -> c.op() == Change.Op.CREATE).count();
		long update = changes.stream().filter(c -> c.op() == Change.Op.UPDATE || c.op() == Change.Op.REPLACE).count();
		long delete = changes.stream().filter(c -> c.op() == Change.Op.DELETE).count();
		return create + " to create, " + update + " to update, " + delete + " to delete";
	}
}
