package org.palisade.diagram;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.palisade.diagram.ScheduleWeek.RuleRow;
import org.palisade.model.site.Device;
import org.palisade.model.site.NotifyAction;
import org.palisade.model.site.OutputAction;
import org.palisade.model.site.PtzAction;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.ScheduleCondition;

/**
 * When the rules of a design can fire, for the schedule editor's rule rows: a rule's schedule
 * conditions intersected, and the times another rule drives the same output, speaker or
 * recipient.
 */
public final class ScheduleRules {

	private ScheduleRules() {
	}

	/** The rules of the design that have a condition on the schedule, with their overlaps. */
	static List<RuleRow> rows(Schedule schedule) {
		Notifier scope = schedule.eResource() == null ? EcoreUtil.getRootContainer(schedule)
				: schedule.eResource().getResourceSet() != null ? schedule.eResource().getResourceSet() : schedule.eResource();
		List<Rule> all = new ArrayList<>();
		for (Iterator<Object> it = EcoreUtil.getAllContents(java.util.Collections.singleton(scope), true); it.hasNext();) {
			Object o = it.next();
			if (o instanceof Rule r && !r.isDisabled()) {
				all.add(r);
			}
		}
		// Only rules that drive the same thing can overlap: group them first, so a site of a
		// thousand cameras compares a handful of rules per row, not every pair.
		Map<String, List<Rule>> byTarget = new LinkedHashMap<>();
		for (Rule r : all) {
			String key = target(r, true);
			if (key != null) {
				byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
			}
		}
		Map<Rule, BitSet> when = new java.util.HashMap<>();
		List<RuleRow> rows = new ArrayList<>();
		for (Rule r : all) {
			if (r.getConditions().stream().noneMatch(c -> c instanceof ScheduleCondition s && s.getSchedule() == schedule)) {
				continue;
			}
			String key = target(r, true);
			BitSet overlap = new BitSet(ScheduleWeek.WEEK);
			List<String> with = new ArrayList<>();
			for (Rule other : key == null ? List.<Rule>of() : byTarget.get(key)) {
				when.computeIfAbsent(r, ScheduleRules::when);
				when.computeIfAbsent(other, ScheduleRules::when);
				if (other != r) {
					BitSet both = (BitSet) when.get(r).clone();
					both.and(when.get(other));
					if (!both.isEmpty()) {
						overlap.or(both);
						with.add(other.getName() + " (" + camera(other) + ")");
					}
				}
			}
			when.computeIfAbsent(r, ScheduleRules::when);
			rows.add(new RuleRow(camera(r), r.getName(), target(r, false), ScheduleWeek.describe(when.get(r)), ScheduleWeek.spans(when.get(r)),
					ScheduleWeek.spans(overlap), with));
		}
		return rows;
	}

	/** @return when a rule can fire: every schedule condition's minutes intersected; no condition is always */
	public static BitSet when(Rule rule) {
		BitSet all = new BitSet(ScheduleWeek.WEEK);
		all.set(0, ScheduleWeek.WEEK);
		for (var c : rule.getConditions()) {
			if (c instanceof ScheduleCondition s && s.getSchedule() != null && !s.getSchedule().eIsProxy()) {
				all.and(ScheduleWeek.minutes(s.getSchedule()));
			}
		}
		return all;
	}

	/** @return what the rule drives; as a key, the same output port or speaker or recipient compares equal */
	private static String target(Rule r, boolean key) {
		if (r.getAction() instanceof OutputAction o && o.getPort() != null) {
			return key ? camera(r) + "/port " + o.getPort().getPort()
					: "output \"" + (o.getPort().getName() != null ? o.getPort().getName() : "port " + o.getPort().getPort())
							+ "\"";
		}
		if (r.getAction() instanceof NotifyAction n && n.getRecipient() != null) {
			if (key) {
				return n.getRecipient().getSpeaker() != null ? "speaker " + n.getRecipient().getSpeaker().getName()
						: "recipient " + n.getRecipient().getName();
			}
			return "notify " + n.getRecipient().getName();
		}
		if (r.getAction() instanceof PtzAction p && p.getPtz() != null) {
			// Two rules moving one PTZ at the same time fight over where it looks.
			return key ? "ptz " + p.getPtz().getName() : "move " + p.getPtz().getName() + " to preset " + p.getPreset();
		}
		if (r.getAction() instanceof org.palisade.model.site.DoorAction d && d.getController() != null) {
			// Two rules commanding one door at the same time fight over its mode (#19).
			return key ? "door " + d.getController().getName() + "." + d.getDoor()
					: d.getCommand().getLiteral() + " " + d.getController().getName() + "." + d.getDoor();
		}
		if (r.getAction() instanceof org.palisade.model.site.AlertAction a && a.getVms() != null) {
			// Alerts to one VMS never fight: each is a message of its own (#19).
			return key ? null : "alert " + a.getVms().getName();
		}
		if (r.getAction() instanceof org.palisade.model.site.RecordAction rec) {
			return key ? null : "record \"" + rec.getStream() + "\" to " + rec.getTarget().getLiteral();
		}
		return key ? null : "no action";
	}

	private static String camera(Rule r) {
		return r.eContainer() instanceof Device d ? d.getName() : "";
	}

}
