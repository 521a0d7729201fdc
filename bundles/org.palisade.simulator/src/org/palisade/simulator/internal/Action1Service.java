package org.palisade.simulator.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.simulator.DeviceState.ActionRule;
import org.palisade.simulator.DeviceState.Configuration;
import org.palisade.simulator.DeviceState.EventFilter;
import org.w3c.dom.Element;

/**
 * action1 SOAP service (vapix.md §4): templates, recipient configurations, action configurations
 * and action rules. IDs are device-assigned decimal numbers, one sequence per kind.
 * <p>
 * Faults are those recorded from devices, reason and detail (vapix-notes.md section 3): an unknown
 * template (ActionTemplateNotFoundFault), a template parameter left out (ParametersMissmatchFault),
 * an unknown primary action (ActionConfigurationNotFoundFault), unknown IDs on removal, removing a
 * configuration a rule uses (ActionConfigurationIsInUseFault with the rules), a topic expression
 * that does not parse (wsnt:InvalidTopicExpressionFault), a message content that is not XPath
 * (wsnt:InvalidMessageContentExpressionFault), a condition on an undeclared or stateless topic
 * (InvalidConditionFilterFault) and an empty Conditions (ter:InvalidArgs). Those not recorded are
 * marked where they are raised.
 */
final class Action1Service implements SoapEndpoint.Service {

	private static final Set<String> BOOLEAN = Set.of("true", "false", "1", "0");

	private final StateStore store;
	private final ActionTemplates templates;
	private final TopicCatalog topics;

	Action1Service(StateStore store) {
		this.store = store;
		this.templates = new ActionTemplates(store.descriptor(), store.portCount());
		this.topics = new TopicCatalog(store);
	}

	@Override
	public String handle(String operation, Element request) {
		return switch (operation) {
		case "GetActionTemplates" -> templates.render(false);
		case "GetRecipientTemplates" -> templates.render(true);
		case "GetRecipientConfigurations" -> configurations("Recipient", store.recipients());
		case "GetActionConfigurations" -> configurations("Action", store.actionConfigurations());
		case "AddRecipientConfiguration" -> addRecipient(request);
		case "AddActionConfiguration" -> addAction(request);
		case "RemoveRecipientConfiguration" -> remove(request, "RemoveRecipientConfiguration", "ConfigurationID");
		case "RemoveActionConfiguration" -> remove(request, "RemoveActionConfiguration", "ConfigurationID");
		case "GetActionRules" -> rules();
		case "AddActionRule" -> addRule(request);
		case "RemoveActionRule" -> remove(request, "RemoveActionRule", "RuleID");
		default -> throw SoapFault.sender("Operation not supported: " + operation);
		};
	}

	private static String configurations(String kind, List<Configuration> list) {
		StringBuilder b = new StringBuilder("<aa:Get" + kind + "ConfigurationsResponse><aa:" + kind + "Configurations>");
		for (Configuration c : list) {
			b.append("<aa:").append(kind).append("Configuration>");
			Xml.leaf(b, "aa:ConfigurationID", c.id());
			Xml.leaf(b, "aa:Name", c.name());
			Xml.leaf(b, "aa:TemplateToken", c.templateToken());
			b.append("<aa:Parameters>");
			// Sorted for a stable answer; the order of Parameter elements carries no meaning.
			new java.util.TreeMap<>(c.parameters()).forEach((k, v) -> b.append("<aa:Parameter Name=\"")
					.append(Xml.escape(k)).append("\" Value=\"").append(Xml.escape(v)).append("\"></aa:Parameter>"));
			b.append("</aa:Parameters></aa:").append(kind).append("Configuration>");
		}
		return b.append("</aa:").append(kind).append("Configurations></aa:Get").append(kind)
				.append("ConfigurationsResponse>").toString();
	}

	/** Reads {@code Parameters/Parameter@Name@Value}; a missing Value is the empty string. */
	private static Map<String, String> parameters(Element config) {
		Map<String, String> out = new LinkedHashMap<>();
		Element params = Xml.child(config, "Parameters");
		if (params == null) {
			return out;
		}
		for (Element p : Xml.childrenNamed(params, "Parameter")) {
			String name = p.getAttribute("Name");
			if (name.isEmpty()) {
				throw SoapFault.sender("Parameter without Name");
			}
			if (out.put(name, p.getAttribute("Value")) != null) {
				throw SoapFault.sender("Duplicate parameter: " + name);
			}
		}
		return out;
	}

	/**
	 * Every parameter of the template must be given (empty when unused); a missing one is refused as
	 * recorded ("Configuration parameter missing: led", {@code aa:ParametersMissmatchFault}). An
	 * unknown extra parameter is refused the same way (unconfirmed: only a missing one is recorded).
	 */
	private static void checkParameters(String token, Map<String, String> given, List<String> known,
			Set<String> present, Set<String> nonEmpty) {
		for (String name : given.keySet()) {
			if (!known.contains(name)) {
				throw SoapFault.sender("Unknown configuration parameter: " + name, "aa:ParametersMissmatchFault");
			}
		}
		for (String name : present) {
			if (!given.containsKey(name)) {
				throw SoapFault.sender("Configuration parameter missing: " + name, "aa:ParametersMissmatchFault");
			}
		}
		for (String name : nonEmpty) {
			String v = given.get(name);
			if (v == null || v.isEmpty()) {
				throw SoapFault.sender("Configuration parameter missing: " + name, "aa:ParametersMissmatchFault");
			}
		}
		String url = given.get("upload_url");
		if (url != null && !url.isEmpty()) {
			try {
				URI u = new URI(url);
				if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
					throw SoapFault.sender("Invalid upload_url", "aa:InvalidActionConfigurationFault");
				}
			} catch (URISyntaxException e) {
				throw SoapFault.sender("Invalid upload_url", "aa:InvalidActionConfigurationFault");
			}
		}
	}

	private String addRecipient(Element request) {
		Element n = Xml.child(request, "NewRecipientConfiguration");
		if (n == null) {
			throw SoapFault.missing("NewRecipientConfiguration");
		}
		String token = Xml.childText(n, "TemplateToken");
		if (token == null || token.isEmpty()) {
			throw SoapFault.missing("TemplateToken");
		}
		ActionTemplates.Template t = templates.recipient(token);
		if (t == null) {
			throw SoapFault.sender("recipient template with id '" + token + "' not found",
					"aa:RecipientTemplateNotFoundFault");
		}
		Map<String, String> params = parameters(n);
		checkParameters(token, params, t.parameters(), Set.of(), t.required());
		String name = orEmpty(Xml.childText(n, "Name"));
		String id = store.addRecipient(name, token, params);
		return "<aa:AddRecipientConfigurationResponse>" + Xml.leaf(new StringBuilder(), "aa:ConfigurationID", id)
				+ "</aa:AddRecipientConfigurationResponse>";
	}

	private String addAction(Element request) {
		Element n = Xml.child(request, "NewActionConfiguration");
		if (n == null) {
			throw SoapFault.missing("NewActionConfiguration");
		}
		String token = Xml.childText(n, "TemplateToken");
		if (token == null || token.isEmpty()) {
			throw SoapFault.missing("TemplateToken");
		}
		ActionTemplates.Template t = templates.action(token);
		if (t == null) {
			// Recorded reason and detail (vapix-notes.md section 3).
			throw SoapFault.sender("action template with id '" + token + "' not found", "aa:ActionTemplateNotFoundFault");
		}
		Map<String, String> params = parameters(n);
		Set<String> required = templates.allRequired(t, params.keySet());
		Set<String> recipientRequired = new java.util.HashSet<>(required);
		recipientRequired.removeAll(t.required());
		checkParameters(token, params, templates.allParameters(t), t.required(), recipientRequired);
		if (token.contains(".io.toggle")) {
			String port = params.get("port");
			if (!port.matches("\\d{1,2}") || Integer.parseInt(port) >= store.portCount()) {
				throw SoapFault.sender("Invalid port '" + port + "'", "aa:InvalidActionConfigurationFault");
			}
			if (!params.get("state").matches("high|low")) {
				throw SoapFault.sender("Invalid state '" + params.get("state") + "'; expected high or low",
						"aa:InvalidActionConfigurationFault");
			}
			String duration = params.get("duration");
			if (duration != null && !duration.matches("\\d{1,6}")) {
				throw SoapFault.sender("Invalid duration '" + duration + "'", "aa:InvalidActionConfigurationFault");
			}
		}
		String name = orEmpty(Xml.childText(n, "Name"));
		String id = store.addActionConfiguration(name, token, params);
		return "<aa:AddActionConfigurationResponse>" + Xml.leaf(new StringBuilder(), "aa:ConfigurationID", id)
				+ "</aa:AddActionConfigurationResponse>";
	}

	/** Faults as recorded for unknown IDs and for a configuration a rule still uses (vapix-notes.md section 3). */
	private String remove(Element request, String operation, String idElement) {
		String id = Xml.childText(request, idElement);
		if (id == null || id.isEmpty()) {
			throw SoapFault.missing(idElement);
		}
		store.atomically(() -> {
			switch (operation) {
			case "RemoveRecipientConfiguration" -> {
				if (!store.removeRecipient(id)) {
					// Not recorded; by analogy with the action configuration's fault.
					throw SoapFault.sender("", "aa:RecipientConfigurationNotFoundFault");
				}
			}
			case "RemoveActionConfiguration" -> {
				if (store.actionConfiguration(id) == null) {
					throw SoapFault.sender("", "aa:ActionConfigurationNotFoundFault");
				}
				List<String> users = store.rulesUsing(id);
				if (!users.isEmpty()) {
					StringBuilder d = new StringBuilder("<aa:ActionConfigurationIsInUseFault><aa:UsedByActionRules>");
					for (ActionRule r : store.actionRules()) {
						if (users.contains(r.id())) {
							d.append("<aa:ActionRule>");
							Xml.leaf(d, "aa:ActionRuleID", r.id());
							Xml.leaf(d, "aa:ActionRuleName", r.name());
							d.append("</aa:ActionRule>");
						}
					}
					d.append("</aa:UsedByActionRules></aa:ActionConfigurationIsInUseFault>");
					throw SoapFault.senderWithDetail("action configuration is in use", d.toString());
				}
				store.removeActionConfiguration(id);
			}
			default -> {
				if (!store.removeActionRule(id)) {
					throw SoapFault.sender("No action rule with id '" + id + "' exists", "aa:ActionRuleNotFoundFault");
				}
			}
			}
			return null;
		});
		return "<aa:" + operation + "Response></aa:" + operation + "Response>";
	}

	private String rules() {
		StringBuilder b = new StringBuilder("<aa:GetActionRulesResponse><aa:ActionRules>");
		for (ActionRule r : store.actionRules()) {
			b.append("<aa:ActionRule>");
			Xml.leaf(b, "aa:RuleID", r.id());
			Xml.leaf(b, "aa:Name", r.name());
			Xml.leaf(b, "aa:Enabled", Boolean.toString(r.enabled()));
			if (r.startEvent() != null) {
				filter(b, "aa:StartEvent", r.startEvent());
			}
			if (!r.conditions().isEmpty()) {
				b.append("<aa:Conditions>");
				r.conditions().forEach(c -> filter(b, "aa:Condition", c));
				b.append("</aa:Conditions>");
			}
			if (r.activationTimeout() != null) {
				Xml.leaf(b, "aa:ActivationTimeout", r.activationTimeout().toString());
			}
			Xml.leaf(b, "aa:PrimaryAction", r.primaryAction());
			b.append("</aa:ActionRule>");
		}
		return b.append("</aa:ActionRules></aa:GetActionRulesResponse>").toString();
	}

	private static void filter(StringBuilder b, String tag, EventFilter f) {
		b.append('<').append(tag).append("><wsnt:TopicExpression Dialect=\"").append(Xml.CONCRETE).append("\">")
				.append(Xml.escape(f.topicExpression())).append("</wsnt:TopicExpression>");
		if (f.messageContent() != null) {
			b.append("<wsnt:MessageContent Dialect=\"").append(Xml.ITEM_FILTER).append("\">")
					.append(Xml.escape(f.messageContent())).append("</wsnt:MessageContent>");
		}
		b.append("</").append(tag).append('>');
	}

	private String addRule(Element request) {
		Element n = Xml.child(request, "NewActionRule");
		if (n == null) {
			throw SoapFault.missing("NewActionRule");
		}
		String name = Xml.childText(n, "Name");
		if (name == null || name.isEmpty()) {
			throw SoapFault.missing("Name");
		}
		String enabled = Xml.childText(n, "Enabled");
		if (enabled == null || !BOOLEAN.contains(enabled)) {
			if (enabled == null) {
				throw SoapFault.missing("Enabled");
			}
			throw SoapFault.invalidArgs("Validation constraint violation: invalid value in element Enabled");
		}
		String primary = Xml.childText(n, "PrimaryAction");
		if (primary == null || primary.isEmpty()) {
			throw SoapFault.missing("PrimaryAction");
		}
		String timeoutText = Xml.childText(n, "ActivationTimeout");
		if (timeoutText != null && !timeoutText.matches("\\d{1,6}")) {
			throw SoapFault.sender("Invalid ActivationTimeout", "aa:InvalidActivationTimeoutFault");
		}
		Element startElement = Xml.child(n, "StartEvent");
		Element conditionsElement = Xml.child(n, "Conditions");
		List<Element> conditionElements = conditionsElement == null ? List.of()
				: Xml.childrenNamed(conditionsElement, "Condition");
		if (conditionsElement != null && conditionElements.isEmpty()) {
			// Recorded: an empty Conditions is a schema violation, refused before any rule logic.
			throw SoapFault.invalidArgs("Validation constraint violation: occurrence violation in element Conditions");
		}
		String id = store.atomically(() -> {
			var action = store.actionConfiguration(primary);
			if (action == null) {
				throw SoapFault.sender("Unknown action configuration '" + primary + "' specified for primary action",
						"aa:ActionConfigurationNotFoundFault");
			}
			EventFilter start = startElement == null ? null : filter(startElement, false);
			List<EventFilter> conditions = new ArrayList<>();
			for (Element c : conditionElements) {
				conditions.add(filter(c, true));
			}
			if (start == null && conditions.isEmpty()) {
				// Unconfirmed: which fault a rule with neither gets; the WSDL names this one.
				throw SoapFault.sender("An action rule needs a start event or at least one condition",
						"aa:InsufficientActivationRuleFault");
			}
			if (action.templateToken().contains(".unlimited.") && conditions.isEmpty()) {
				throw SoapFault.sender("An unlimited action needs at least one condition",
						"aa:InsufficientActivationRuleFault");
			}
			Integer timeout = timeoutText == null ? null : Integer.valueOf(timeoutText);
			boolean on = enabled.equals("true") || enabled.equals("1");
			return store.addActionRule(new ActionRule(null, name, on, start, conditions, timeout, primary));
		});
		return "<aa:AddActionRuleResponse>" + Xml.leaf(new StringBuilder(), "aa:RuleID", id)
				+ "</aa:AddActionRuleResponse>";
	}

	/**
	 * Checks one filter in the order a device does (vapix-notes.md section 3): the topic expression
	 * must parse ({@code wsnt:InvalidTopicExpressionFault}), the message content must be an XPath
	 * ({@code wsnt:InvalidMessageContentExpressionFault}), then the topic must be declared, spelled
	 * as the device declares it ({@code aa:InvalidConditionFilterFault} for a condition). The
	 * expression is kept as sent: GetActionRules echoes it (recorded).
	 */
	private EventFilter filter(Element e, boolean condition) {
		Element topicElement = Xml.child(e, "TopicExpression");
		if (topicElement == null || topicElement.getTextContent().isBlank()) {
			throw SoapFault.missing((condition ? "Condition" : "StartEvent") + "/TopicExpression");
		}
		String expression = topicElement.getTextContent().trim();
		String content = Xml.childText(e, "MessageContent");
		List<TopicCatalog.Segment> path = topics.parse(expression, topicElement);
		if (path == null) {
			throw SoapFault.baseFault("failed to parse topic expression '" + expression + "'",
					"wsnt:InvalidTopicExpressionFault");
		}
		if (content != null && !content.isEmpty() && !TopicCatalog.isXPath(content)) {
			// The device's reason is its XPath parser's ("around character 1: syntax error, unexpected [,
			// expecting (" for "not[valid[xpath"); this parser's differs, the fault element is the same.
			throw SoapFault.baseFault("syntax error in message content expression '" + content + "'",
					"wsnt:InvalidMessageContentExpressionFault");
		}
		TopicCatalog.Topic topic = topics.match(path);
		if (topic == null || (condition && !topic.stateful())) {
			// A StartEvent on an undeclared topic is not recorded; the WSDL's InvalidFilterFault is a guess.
			throw SoapFault.sender(condition ? "could not match any property events" : "could not match any events",
					condition ? "aa:InvalidConditionFilterFault" : "aa:InvalidFilterFault");
		}
		String problem = TopicCatalog.checkContent(topic, content, condition);
		if (problem != null) {
			throw SoapFault.sender((condition ? "could not match any property events: " : "could not match any events: ")
					+ problem, condition ? "aa:InvalidConditionFilterFault" : "aa:InvalidFilterFault");
		}
		return new EventFilter(expression, content == null || content.isEmpty() ? null : content);
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}
}
