package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.deploy.DeviceException;
import org.palisade.deploy.DeviceUnsuitableException;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.Action1;
import org.palisade.deploy.vapix.Event1;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.driver.DeviceObjects.Configuration;
import org.palisade.deploy.vapix.driver.DeviceObjects.Filter;

/**
 * What a device says it offers, asked once per deploy before anything is planned: the event
 * topics it declares (GetEventInstances), its action templates (GetActionTemplates) and, when the
 * action templates do not name them, its recipient templates (GetRecipientTemplates). Issue #14:
 * the deploy takes an application's event topic and the templates from the device rather than
 * assuming them, and a design that needs what the device lacks fails before any change, naming
 * the device, its model and what is missing.
 * <p>
 * Only what the design needs is asked: no rule, no GetEventInstances; no action or recipient, no
 * templates. Templates must be given every parameter (a device refuses a missing one with
 * ParametersMissmatchFault, recorded), so {@link #complete} adds the template's parameters the
 * design leaves unset as empty strings, as developer.axis.com asks.
 */
final class DeviceCapabilities {

	private final String device;
	private final String model;
	private List<Event1.EventTopic> topics;
	private Map<String, Action1.Template> actionTemplates;
	private Map<String, Action1.Template> recipientTemplates;
	/** Recipient template tokens the action templates name (known even without GetRecipientTemplates). */
	private final Set<String> namedRecipients = new LinkedHashSet<>();
	/** The device's spelling of each application event placeholder, and back. */
	private final Map<String, String> resolved = new LinkedHashMap<>();
	private final Map<String, String> placeholders = new LinkedHashMap<>();

	private DeviceCapabilities(String device, String model) {
		this.device = device;
		this.model = model;
	}

	/** @return whether {@code desired} needs anything a device may lack (rules, actions, recipients) */
	static boolean needed(Collection<ManagedObject> desired) {
		return desired.stream().anyMatch(o -> o.kind().equals(Conventions.RULE) || o.kind().equals(Conventions.ACTION)
				|| o.kind().equals(Conventions.RECIPIENT));
	}

	/**
	 * Asks the device what {@code desired} needs and checks it.
	 *
	 * @param model the model and firmware as the device reports them, for messages
	 * @throws DeviceException naming everything the device lacks
	 */
	static DeviceCapabilities discover(VapixClient client, Collection<ManagedObject> desired, String model)
			throws VapixException, DeviceException {
		DeviceCapabilities c = new DeviceCapabilities(client.device(), model);
		boolean rules = desired.stream().anyMatch(o -> o.kind().equals(Conventions.RULE));
		boolean configurations = desired.stream()
				.anyMatch(o -> o.kind().equals(Conventions.ACTION) || o.kind().equals(Conventions.RECIPIENT));
		if (rules) {
			c.topics = client.event1().getEventInstances();
		}
		if (configurations) {
			c.actionTemplates = byToken(client.action1().getActionTemplates());
			c.actionTemplates.values().forEach(t -> {
				if (t.recipientTemplate() != null) {
					c.namedRecipients.add(t.recipientTemplate());
				}
			});
			boolean unnamed = desired.stream().filter(o -> o.kind().equals(Conventions.RECIPIENT))
					.anyMatch(o -> !c.namedRecipients.contains(Configuration.of(o.attributes()).template()));
			if (unnamed) {
				c.recipientTemplates = byToken(client.action1().getRecipientTemplates());
			}
		}
		c.check(desired);
		return c;
	}

	private static Map<String, Action1.Template> byToken(List<Action1.Template> list) {
		Map<String, Action1.Template> m = new LinkedHashMap<>();
		list.forEach(t -> m.put(t.token(), t));
		return m;
	}

	private void check(Collection<ManagedObject> desired) throws DeviceException {
		List<String> missing = new ArrayList<>();
		// A topic several rules trigger on is named once, with all of them.
		Map<String, List<String>> rulesByTopic = new LinkedHashMap<>();
		for (ManagedObject o : desired) {
			switch (o.kind()) {
			case Conventions.RULE -> {
				DeviceObjects.Rule r = DeviceObjects.Rule.of(o.attributes());
				List<Filter> filters = new ArrayList<>(r.conditions());
				if (r.start() != null) {
					filters.add(0, r.start());
				}
				for (Filter f : filters) {
					String problem = topic(f.topic());
					if (problem != null) {
						List<String> rules = rulesByTopic.computeIfAbsent(problem, k -> new ArrayList<>());
						if (!rules.contains("\"" + o.key() + "\"")) {
							rules.add("\"" + o.key() + "\"");
						}
					}
				}
			}
			case Conventions.ACTION -> {
				Configuration c = Configuration.of(o.attributes());
				Action1.Template t = actionTemplates.get(c.template());
				if (t == null) {
					missing.add("action \"" + o.key() + "\" uses the action template " + c.template()
							+ ", which the device does not offer");
				} else {
					Set<String> known = new LinkedHashSet<>(t.parameters());
					Action1.Template r = t.recipientTemplate() == null || recipientTemplates == null ? null
							: recipientTemplates.get(t.recipientTemplate());
					if (t.recipientTemplate() == null || r != null) {
						if (r != null) {
							known.addAll(r.parameters());
						}
						for (String p : c.params().keySet()) {
							if (!known.contains(p)) {
								missing.add("action \"" + o.key() + "\" sets " + p + ", which the device's template "
										+ c.template() + " does not have (it has " + String.join(", ", known) + ")");
							}
						}
					}
				}
			}
			case Conventions.RECIPIENT -> {
				String token = Configuration.of(o.attributes()).template();
				boolean offered = recipientTemplates != null ? recipientTemplates.containsKey(token)
						: namedRecipients.contains(token);
				if (!offered) {
					missing.add("recipient \"" + o.key() + "\" uses the recipient template " + token
							+ ", which the device does not offer");
				}
			}
			default -> {
				// settings are checked by the device when set
			}
			}
		}
		List<String> all = new ArrayList<>();
		// Named in a stable order, whatever order the device's objects came in.
		rulesByTopic.values().forEach(java.util.Collections::sort);
		rulesByTopic.forEach((problem, rules) -> all.add((rules.size() == 1 ? "rule " + rules.get(0) + " triggers on "
				: "rules " + String.join(", ", rules) + " trigger on ") + problem));
		all.addAll(missing);
		if (!all.isEmpty()) {
			throw new DeviceUnsuitableException(device + " (" + model + ") lacks what the design needs: " + String.join("; ", all));
		}
	}

	/** Resolves or checks one topic; @return what is missing, or {@code null} */
	private String topic(String topic) {
		String[] app = Conventions.applicationEvent(topic);
		if (app == null) {
			for (Event1.EventTopic t : topics) {
				if (t.expression().equals(topic)) {
					return null;
				}
			}
			return "the event topic " + topic + ", which the device does not declare";
		}
		List<String> offered = new ArrayList<>();
		for (Event1.EventTopic t : topics) {
			String[] levels = t.expression().split("/");
			if (levels.length != 3 || !levels[0].equals(Conventions.APPLICATION_TOPIC_ROOT)) {
				continue;
			}
			String application = local(levels[1]);
			String scenario = local(levels[2]);
			if (application.equals(app[0]) && scenario.equals(app[1])) {
				resolved.put(topic, t.expression());
				placeholders.put(t.expression(), topic);
				return null;
			}
			offered.add(application + "/" + scenario);
		}
		return "the " + app[0] + " scenario " + app[1] + ", whose event topic (" + Conventions.APPLICATION_TOPIC_ROOT
				+ "/" + app[0] + "/" + app[1] + ") the device does not declare; its application events: "
				+ (offered.isEmpty() ? "none" : String.join(", ", offered))
				+ " (install and configure the application with that scenario, or change the design)";
	}

	private static String local(String level) {
		return level.substring(level.indexOf(':') + 1);
	}

	/** @return the device's topic for a placeholder (the topic itself otherwise) */
	String resolve(String topic) {
		return resolved.getOrDefault(topic, topic);
	}

	/** @return the design's placeholder for a device topic it was resolved to (the topic itself otherwise) */
	String placeholderOf(String deviceTopic) {
		return placeholders.getOrDefault(deviceTopic, deviceTopic);
	}

	/** @return the action's parameters with the template's unset ones added as empty strings */
	Map<String, String> complete(String template, Map<String, String> params) {
		Action1.Template t = actionTemplates == null ? null : actionTemplates.get(template);
		if (t == null) {
			return params;
		}
		Map<String, String> all = new LinkedHashMap<>(params);
		t.parameters().forEach(p -> all.putIfAbsent(p, ""));
		return all;
	}
}
