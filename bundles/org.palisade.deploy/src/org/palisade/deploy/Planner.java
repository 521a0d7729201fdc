package org.palisade.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.deploy.DevicePlan.Step;
import org.palisade.deploy.DevicePlan.Step.Action;

/**
 * Computes the changes that take a device from what it has to what is wanted.
 * <p>
 * Contract:
 * <ul>
 * <li>A wanted setting that differs (or is missing) is {@link Change.Op#UPDATE}d in place; only
 * the attributes it names are compared; settings that are not wanted are not looked at.</li>
 * <li>A wanted item that Palisade has not made yet is {@link Change.Op#CREATE}d; one whose
 * attributes differ is {@link Change.Op#REPLACE}d (devices have no "modify" for them); an item of
 * Palisade's own that is no longer wanted is {@link Change.Op#DELETE}d; so is a second copy of one
 * (left by a create whose answer was lost).</li>
 * <li>Items that are not Palisade's are never changed: they are returned as hand-made (factory
 * items are not reported).</li>
 * <li>An item that refers to a replaced or deleted item is replaced as well, since the device
 * handle it refers to goes away.</li>
 * <li>Steps: deletes (dependents first, kinds in reverse {@code kindOrder}), then settings, then
 * creates (kinds in {@code kindOrder}, dependencies first).</li>
 * </ul>
 * Applying the steps and reading the device again yields an empty plan.
 */
public final class Planner {

	private final List<String> kindOrder;

	/** @param kindOrder the kinds in creation order, e.g. port, param, schedule, recipient, action, rule */
	public Planner(List<String> kindOrder) {
		this.kindOrder = List.copyOf(kindOrder);
	}

	public DevicePlan plan(String device, List<ManagedObject> desired, List<ManagedObject> current) {
		Map<String, ManagedObject> have = new LinkedHashMap<>();
		List<ManagedObject> duplicates = new ArrayList<>();
		List<ManagedObject> handMade = new ArrayList<>();
		for (ManagedObject c : current) {
			if (c.nature() == ManagedObject.Nature.ITEM && !c.owned()) {
				if (c.origin() == ManagedObject.Origin.HAND_MADE) {
					handMade.add(c);
				}
				continue;
			}
			if (have.putIfAbsent(c.id(), c) != null) {
				duplicates.add(c);
			}
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		Map<String, ManagedObject> want = new LinkedHashMap<>();
		for (ManagedObject d : desired) {
			want.put(d.id(), d);
			ManagedObject c = have.get(d.id());
			if (c == null) {
				changes.put(d.id(), new Change(d.nature() == ManagedObject.Nature.SETTING ? Change.Op.UPDATE
						: Change.Op.CREATE, null, d));
			} else if (d.nature() == ManagedObject.Nature.SETTING ? !covers(c, d) : !c.sameContent(d)) {
				changes.put(d.id(), new Change(d.nature() == ManagedObject.Nature.SETTING ? Change.Op.UPDATE
						: Change.Op.REPLACE, c, d));
			}
		}
		for (ManagedObject c : have.values()) {
			if (c.nature() == ManagedObject.Nature.ITEM && !want.containsKey(c.id())) {
				changes.put(c.id(), new Change(Change.Op.DELETE, c, null));
			}
		}
		// Dependents of a replaced or deleted item lose their reference: re-create them too.
		boolean grew = true;
		while (grew) {
			grew = false;
			for (ManagedObject c : have.values()) {
				if (changes.containsKey(c.id()) || !want.containsKey(c.id())) {
					continue;
				}
				for (String dep : c.dependsOn()) {
					Change dc = changes.get(dep);
					if (dc != null && (dc.op() == Change.Op.REPLACE || dc.op() == Change.Op.DELETE)) {
						changes.put(c.id(), new Change(Change.Op.REPLACE, c, want.get(c.id())));
						grew = true;
						break;
					}
				}
			}
		}
		List<Step> deletes = new ArrayList<>();
		List<Step> sets = new ArrayList<>();
		List<Step> creates = new ArrayList<>();
		for (ManagedObject dup : duplicates) {
			deletes.add(new Step(Action.DELETE, dup));
		}
		for (Change ch : changes.values()) {
			switch (ch.op()) {
			case UPDATE -> sets.add(new Step(Action.SET, ch.after()));
			case CREATE -> creates.add(new Step(Action.CREATE, ch.after()));
			case DELETE -> deletes.add(new Step(Action.DELETE, ch.before()));
			case REPLACE -> {
				deletes.add(new Step(Action.DELETE, ch.before()));
				creates.add(new Step(Action.CREATE, ch.after()));
			}
			}
		}
		deletes.sort(Comparator.comparingInt((Step s) -> rank(s.object())).reversed());
		sets.sort(Comparator.comparingInt(s -> rank(s.object())));
		List<Step> orderedCreates = topological(creates);
		List<Step> steps = new ArrayList<>(deletes);
		steps.addAll(sets);
		steps.addAll(orderedCreates);
		List<Change> ordered = new ArrayList<>(changes.values());
		ordered.sort(Comparator.comparingInt((Change c) -> rank(c.object())));
		for (ManagedObject dup : duplicates) {
			ordered.add(new Change(Change.Op.DELETE, dup, null));
		}
		return new DevicePlan(device, ordered, steps, handMade);
	}

	/**
	 * A setting matches when every attribute the wanted object names has that value; attributes it
	 * does not name (a driver may read more, to restore exactly) are not looked at.
	 */
	private static boolean covers(ManagedObject current, ManagedObject wanted) {
		for (Map.Entry<String, String> e : wanted.attributes().entrySet()) {
			if (!e.getValue().equals(current.attributes().get(e.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private int rank(ManagedObject o) {
		int i = kindOrder.indexOf(o.kind());
		return i < 0 ? kindOrder.size() : i;
	}

	/** Kind order first, then any dependency among the creates themselves. */
	private List<Step> topological(List<Step> creates) {
		creates.sort(Comparator.comparingInt(s -> rank(s.object())));
		Map<String, Step> byId = new LinkedHashMap<>();
		creates.forEach(s -> byId.put(s.object().id(), s));
		Set<String> done = new LinkedHashSet<>();
		List<Step> out = new ArrayList<>();
		for (Step s : creates) {
			visit(s, byId, done, new LinkedHashSet<>(), out);
		}
		return out;
	}

	private static void visit(Step s, Map<String, Step> byId, Set<String> done, Set<String> path, List<Step> out) {
		String id = s.object().id();
		if (done.contains(id) || !path.add(id)) {
			return;
		}
		for (String dep : s.object().dependsOn()) {
			Step d = byId.get(dep);
			if (d != null) {
				visit(d, byId, done, path, out);
			}
		}
		done.add(id);
		out.add(s);
	}
}
