package org.palisade.validation.internal;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.model.site.ApplicationInstance;
import org.palisade.model.site.ApplicationTrigger;
import org.palisade.model.site.ApplicationType;
import org.palisade.model.site.Clip;
import org.palisade.model.site.Condition;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.InputCondition;
import org.palisade.model.site.InputTrigger;
import org.palisade.model.site.NotifyAction;
import org.palisade.model.site.OutputAction;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.PortDirection;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.ScheduleCondition;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;

/**
 * Action rules: their triggers, conditions, actions and the devices these name.
 */
public final class RuleCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	private RuleCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		Map<Schedule, BitSet> weeks = new IdentityHashMap<>();
		for (Device device : section.getDevices()) {
			List<Rule> rules = device.getRules();
			for (int i = 0; i < rules.size(); i++) {
				Rule rule = rules.get(i);
				checkTrigger(device, rule, findings);
				checkInputs(device, rule, findings);
				if (rule.getAction() instanceof OutputAction output) {
					checkOutput(device, rule, output, findings);
					checkConflicts(rules, i, output, weeks, findings);
				} else if (rule.getAction() instanceof NotifyAction notify) {
					checkRecipient(notify, findings);
				}
				for (int j = 0; j < i; j++) {
					if (rule.getName() != null && rule.getName().equals(rules.get(j).getName())) {
						findings.error(Codes.NAME_DUPLICATE, rule, P.getRule_Name(), device.getName()
								+ " already has a rule \"" + rule.getName() + "\"; rule names identify them on the device");
					}
				}
			}
		}
		for (Recipient recipient : section.getRecipients()) {
			checkRecipientDefinition(recipient, findings);
		}
	}

	private static void checkTrigger(Device device, Rule rule, Findings findings) {
		if (!(rule.getTrigger() instanceof ApplicationTrigger trigger) || trigger.getApplication() == null
				|| trigger.getApplication().eIsProxy()) {
			return;
		}
		ApplicationType app = trigger.getApplication();
		DeviceType type = Devices.type(device);
		String label = app.getLabel() != null ? app.getLabel() : app.getName();
		if (type != null && !Devices.runs(type, app)) {
			findings.error(Codes.RULE_TRIGGER_APP, trigger, P.getApplicationTrigger_Application(), label
					+ " does not run on " + type.getName() + (type.getApplications().isEmpty() ? ""
							: "; it runs " + String.join(", ", type.getApplications().stream().map(ApplicationType::getName).toList())));
			return;
		}
		boolean installed = device.getApplications().stream().map(ApplicationInstance::getType).anyMatch(t -> t == app);
		if (!installed) {
			findings.error(Codes.RULE_TRIGGER_APP, trigger, P.getApplicationTrigger_Application(), "rule \""
					+ rule.getName() + "\" is triggered by " + label + ", which " + device.getName()
					+ " does not run; add: application " + app.getName());
		} else if (trigger.getEvent() != null && !app.getEvents().isEmpty() && !app.getEvents().contains(trigger.getEvent())) {
			findings.error(Codes.RULE_TRIGGER_APP, trigger, P.getApplicationTrigger_Event(), label + " has no event '"
					+ trigger.getEvent() + "'; its events are " + String.join(", ", app.getEvents()));
		}
	}

	private static void checkInputs(Device device, Rule rule, Findings findings) {
		PortConfig port = null;
		if (rule.getTrigger() instanceof InputTrigger t) {
			port = t.getPort();
		}
		for (Condition c : rule.getConditions()) {
			if (c instanceof InputCondition ic) {
				checkInputPort(ic.getPort(), ic, findings);
			}
		}
		checkInputPort(port, rule.getTrigger(), findings);
	}

	private static void checkInputPort(PortConfig port, org.eclipse.emf.ecore.EObject where, Findings findings) {
		if (port != null && !port.eIsProxy() && port.getDirection() != PortDirection.INPUT) {
			findings.error(Codes.ELEC_DIRECTION, where, null, "port \"" + port.getName() + "\" is an output; a rule can "
					+ "only wait for a port configured as input");
		}
	}

	private static void checkOutput(Device device, Rule rule, OutputAction output, Findings findings) {
		PortConfig port = output.getPort();
		if (port != null && !port.eIsProxy() && port.getDirection() != PortDirection.OUTPUT) {
			findings.error(Codes.RULE_OUTPUT_PORT, output, P.getOutputAction_Port(), "rule \"" + rule.getName()
					+ "\" drives port \"" + port.getName() + "\", which is configured as " + port.getDirection().getLiteral()
					+ "; configure port " + port.getPort() + " as output");
		}
		Integer duration = output.getDuration();
		if (duration == null) {
			return;
		}
		DeviceType type = Devices.type(device);
		Integer max = type == null ? null : type.getMaxPulse();
		if (duration <= 0) {
			findings.error(Codes.RULE_DURATION, output, P.getOutputAction_Duration(), "a pulse of " + duration
					+ " s does nothing; give a duration above 0 s, or leave 'for' out to keep the output active while the rule is");
		} else if (max != null && duration > max) {
			findings.error(Codes.RULE_DURATION, output, P.getOutputAction_Duration(), "a pulse of " + duration
					+ " s is longer than " + type.getName() + " allows (" + max + " s)");
		}
	}

	private static void checkConflicts(List<Rule> rules, int index, OutputAction output, Map<Schedule, BitSet> weeks,
			Findings findings) {
		PortConfig port = output.getPort();
		if (port == null || port.eIsProxy()) {
			return;
		}
		BitSet mine = null;
		for (int j = 0; j < index; j++) {
			Rule other = rules.get(j);
			if (other.getAction() instanceof OutputAction o && o.getPort() == port) {
				// A week of minutes is only worth computing once two rules drive the same port.
				if (mine == null) {
					mine = window(rules.get(index), weeks);
				}
				BitSet common = (BitSet) mine.clone();
				common.and(window(other, weeks));
				if (!common.isEmpty()) {
					findings.warning(Codes.RULE_OUTPUT_CONFLICT, output, P.getOutputAction_Port(), "rules \""
							+ other.getName() + "\" and \"" + rules.get(index).getName() + "\" both drive \"" + port.getName()
							+ "\" from " + WeeklyTime.label(common.nextSetBit(0)) + "; the later one cuts the earlier one short");
					return;
				}
			}
		}
	}

	/** @return the minutes of the week in which the rule's schedule conditions all hold */
	private static BitSet window(Rule rule, Map<Schedule, BitSet> weeks) {
		BitSet window = new BitSet(WeeklyTime.MINUTES_PER_WEEK);
		window.set(0, WeeklyTime.MINUTES_PER_WEEK);
		for (Condition c : rule.getConditions()) {
			if (c instanceof ScheduleCondition sc && sc.getSchedule() != null && !sc.getSchedule().eIsProxy()) {
				Schedule s = sc.getSchedule();
				window.and(weeks.computeIfAbsent(s, WeeklyTime::of));
			}
		}
		return window;
	}

	private static void checkRecipient(NotifyAction notify, Findings findings) {
		Recipient r = notify.getRecipient();
		if (r == null || r.eIsProxy()) {
			return;
		}
		if (r.getUrl() == null && r.getSpeaker() == null) {
			findings.error(Codes.RULE_RECIPIENT, notify, P.getNotifyAction_Recipient(), "recipient " + r.getName()
					+ " has neither a URL nor a speaker to play on");
		}
	}

	private static void checkRecipientDefinition(Recipient r, Findings findings) {
		Device speaker = r.getSpeaker();
		if (speaker == null || speaker.eIsProxy()) {
			return;
		}
		DeviceType type = Devices.type(speaker);
		if (type != null && type.getClipSlots() == null) {
			findings.error(Codes.RULE_RECIPIENT, r, P.getRecipient_Speaker(), speaker.getName() + " (" + type.getName()
					+ ") plays no clips; a 'play' recipient needs a network speaker");
			return;
		}
		if (speaker.getAddress() == null) {
			findings.error(Codes.RULE_RECIPIENT, r, P.getRecipient_Speaker(), speaker.getName()
					+ " has no address, so the camera cannot call it; add: at <address>");
		}
		Integer clip = r.getClip();
		boolean exists = clip != null && speaker.getClips().stream().map(Clip::getNumber).anyMatch(n -> n == clip);
		if (clip != null && !exists) {
			String clips = String.join(", ", speaker.getClips().stream().map(c -> String.valueOf(c.getNumber())).toList());
			findings.error(Codes.RULE_RECIPIENT, r, P.getRecipient_Clip(), speaker.getName() + " has no clip " + clip
					+ (clips.isEmpty() ? "; declare it: clip " + clip + " \"<name>\" (the n of MediaClip.M<n> in param.cgi?action=list)"
							: "; its clips are " + clips));
		} else if (clip != null && type != null && type.getClipSlots() != null && clip >= type.getClipSlots()) {
			findings.error(Codes.RULE_RECIPIENT, r, P.getRecipient_Clip(), "clip " + clip + " is beyond the "
					+ type.getClipSlots() + " clip slots of " + type.getName() + " (0 to " + (type.getClipSlots() - 1) + ")");
		}
	}
}
