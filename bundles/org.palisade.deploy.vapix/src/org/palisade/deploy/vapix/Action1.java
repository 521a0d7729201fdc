package org.palisade.deploy.vapix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.palisade.deploy.vapix.internal.Redactor;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.SoapClient;
import org.palisade.deploy.vapix.internal.XmlSupport;
import org.w3c.dom.Element;

/**
 * Action service {@code action1} over SOAP (vapix.md §4): templates, recipient configurations,
 * action configurations and action rules. IDs are assigned by the device.
 * <p>
 * Retry classes: Get* are reads; Add* are not idempotent (a repeat would create a duplicate), so
 * an unknown outcome is reported instead of retried; Remove* are retried and, if a retry meets
 * "no such ID", succeed once a read confirms the object is gone.
 */
public final class Action1 {

	private static final String NS = XmlSupport.ACTION1;

	/** A recipient or action configuration. Secret-looking parameter values are masked in {@link #toString()}. */
	public record Configuration(String id, String name, String templateToken, Map<String, String> parameters) {
		public Configuration {
			parameters = Map.copyOf(parameters);
		}

		@Override
		public String toString() {
			Map<String, String> shown = new TreeMap<>();
			parameters.forEach((k, v) -> shown.put(k, Redactor.isSecretName(k) && !v.isEmpty() ? "***" : v));
			return "Configuration[" + id + ", " + name + ", " + templateToken + ", " + shown + "]";
		}
	}

	/**
	 * A topic filter: a Concrete topic expression using the {@code tns1}/{@code tnsaxis} prefixes
	 * and an optional ItemFilter message content ({@code null} for none).
	 */
	public record EventFilter(String topicExpression, String messageContent) {
	}

	/**
	 * An action rule. For {@code addActionRule}, {@code id} is ignored; {@code startEvent} and
	 * {@code activationTimeout} may be {@code null}.
	 */
	public record ActionRule(String id, String name, boolean enabled, EventFilter startEvent,
			List<EventFilter> conditions, Integer activationTimeout, String primaryAction) {
		public ActionRule {
			conditions = List.copyOf(conditions);
		}
	}

	/** An action or recipient template; {@code recipientTemplate} is {@code null} when there is none. */
	public record Template(String token, String recipientTemplate, List<String> parameters) {
	}

	private final SoapClient soap;

	Action1(SoapClient soap) {
		this.soap = soap;
	}

	public List<Template> getActionTemplates() throws VapixException {
		return templates("ActionTemplate");
	}

	public List<Template> getRecipientTemplates() throws VapixException {
		return templates("RecipientTemplate");
	}

	private List<Template> templates(String kind) throws VapixException {
		Element r = soap.call(NS, "aa", "Get" + kind + "s", "", Safety.READ, List.of());
		List<Template> out = new ArrayList<>();
		for (Element t : XmlSupport.childrenNamed(XmlSupport.child(r, kind + "s"), kind)) {
			List<String> params = new ArrayList<>();
			XmlSupport.childrenNamed(XmlSupport.child(t, "Parameters"), "Parameter")
					.forEach(p -> params.add(p.getAttribute("Name")));
			out.add(new Template(XmlSupport.childText(t, "TemplateToken"), XmlSupport.childText(t, "RecipientTemplate"),
					List.copyOf(params)));
		}
		return out;
	}

	public List<Configuration> getRecipientConfigurations() throws VapixException {
		return configurations("Recipient");
	}

	public List<Configuration> getActionConfigurations() throws VapixException {
		return configurations("Action");
	}

	private List<Configuration> configurations(String kind) throws VapixException {
		Element r = soap.call(NS, "aa", "Get" + kind + "Configurations", "", Safety.READ, List.of());
		List<Configuration> out = new ArrayList<>();
		for (Element c : XmlSupport.childrenNamed(XmlSupport.child(r, kind + "Configurations"), kind + "Configuration")) {
			Map<String, String> params = new LinkedHashMap<>();
			XmlSupport.childrenNamed(XmlSupport.child(c, "Parameters"), "Parameter")
					.forEach(p -> params.put(p.getAttribute("Name"), p.getAttribute("Value")));
			String name = XmlSupport.childText(c, "Name");
			out.add(new Configuration(XmlSupport.childText(c, "ConfigurationID"), name == null ? "" : name,
					XmlSupport.childText(c, "TemplateToken"), params));
		}
		return out;
	}

	/** @return the new recipient configuration's ID */
	public String addRecipientConfiguration(String name, String templateToken, Map<String, String> parameters)
			throws VapixException {
		return add("Recipient", name, templateToken, parameters);
	}

	/** @return the new action configuration's ID */
	public String addActionConfiguration(String name, String templateToken, Map<String, String> parameters)
			throws VapixException {
		return add("Action", name, templateToken, parameters);
	}

	private String add(String kind, String name, String token, Map<String, String> parameters) throws VapixException {
		StringBuilder b = new StringBuilder("<aa:New").append(kind).append("Configuration>");
		XmlSupport.leaf(b, "aa:Name", name);
		XmlSupport.leaf(b, "aa:TemplateToken", token);
		b.append("<aa:Parameters>");
		List<String> secrets = new ArrayList<>();
		parameters.forEach((k, v) -> {
			b.append("<aa:Parameter Name=\"").append(XmlSupport.escape(k)).append("\" Value=\"")
					.append(XmlSupport.escape(v)).append("\"/>");
			if (Redactor.isSecretName(k)) {
				secrets.add(v);
			}
		});
		b.append("</aa:Parameters></aa:New").append(kind).append("Configuration>");
		Element r = soap.call(NS, "aa", "Add" + kind + "Configuration", b.toString(), Safety.NON_IDEMPOTENT, secrets);
		return XmlSupport.childText(r, "ConfigurationID");
	}

	public void removeRecipientConfiguration(String id) throws VapixException {
		remove("RemoveRecipientConfiguration", "ConfigurationID", id, () -> getRecipientConfigurations().stream()
				.noneMatch(c -> id.equals(c.id())));
	}

	public void removeActionConfiguration(String id) throws VapixException {
		remove("RemoveActionConfiguration", "ConfigurationID", id, () -> getActionConfigurations().stream()
				.noneMatch(c -> id.equals(c.id())));
	}

	public void removeActionRule(String id) throws VapixException {
		remove("RemoveActionRule", "RuleID", id, () -> getActionRules().stream().noneMatch(r -> id.equals(r.id())));
	}

	@FunctionalInterface
	private interface Check {
		boolean gone() throws VapixException;
	}

	private void remove(String op, String element, String id, Check gone) throws VapixException {
		try {
			soap.callWithoutResult(NS, "aa", op, XmlSupport.leaf(new StringBuilder(), "aa:" + element, id).toString(),
					Safety.IDEMPOTENT_WRITE);
		} catch (VapixException e) {
			// Only after a retry: the first attempt may have removed it before its answer was lost.
			if (e.kind() == VapixException.Kind.DEVICE_ERROR && e.attempts() > 1 && gone.gone()) {
				return;
			}
			throw e;
		}
	}

	public List<ActionRule> getActionRules() throws VapixException {
		Element r = soap.call(NS, "aa", "GetActionRules", "", Safety.READ, List.of());
		List<ActionRule> out = new ArrayList<>();
		for (Element e : XmlSupport.childrenNamed(XmlSupport.child(r, "ActionRules"), "ActionRule")) {
			Element start = XmlSupport.child(e, "StartEvent");
			List<EventFilter> conditions = new ArrayList<>();
			XmlSupport.childrenNamed(XmlSupport.child(e, "Conditions"), "Condition").forEach(c -> conditions.add(filter(c)));
			String timeout = XmlSupport.childText(e, "ActivationTimeout");
			String enabled = XmlSupport.childText(e, "Enabled");
			out.add(new ActionRule(XmlSupport.childText(e, "RuleID"), XmlSupport.childText(e, "Name"),
					"true".equals(enabled) || "1".equals(enabled), start == null ? null : filter(start), conditions,
					timeout == null || timeout.isEmpty() ? null : Integer.valueOf(timeout),
					XmlSupport.childText(e, "PrimaryAction")));
		}
		return out;
	}

	private static EventFilter filter(Element e) {
		String content = XmlSupport.childText(e, "MessageContent");
		return new EventFilter(XmlSupport.childText(e, "TopicExpression"),
				content == null || content.isEmpty() ? null : content);
	}

	/** Element order follows the WSDL: Name, Enabled, StartEvent, Conditions, ActivationTimeout, PrimaryAction. @return the rule ID */
	public String addActionRule(ActionRule rule) throws VapixException {
		StringBuilder b = new StringBuilder("<aa:NewActionRule>");
		XmlSupport.leaf(b, "aa:Name", rule.name());
		XmlSupport.leaf(b, "aa:Enabled", Boolean.toString(rule.enabled()));
		if (rule.startEvent() != null) {
			filter(b, "aa:StartEvent", rule.startEvent());
		}
		if (!rule.conditions().isEmpty()) {
			b.append("<aa:Conditions>");
			rule.conditions().forEach(c -> filter(b, "aa:Condition", c));
			b.append("</aa:Conditions>");
		}
		if (rule.activationTimeout() != null) {
			XmlSupport.leaf(b, "aa:ActivationTimeout", rule.activationTimeout().toString());
		}
		XmlSupport.leaf(b, "aa:PrimaryAction", rule.primaryAction());
		b.append("</aa:NewActionRule>");
		Element r = soap.call(NS, "aa", "AddActionRule", b.toString(), Safety.NON_IDEMPOTENT, List.of());
		return XmlSupport.childText(r, "RuleID");
	}

	private static void filter(StringBuilder b, String tag, EventFilter f) {
		b.append('<').append(tag).append("><wsnt:TopicExpression Dialect=\"").append(XmlSupport.CONCRETE).append("\">")
				.append(XmlSupport.escape(f.topicExpression())).append("</wsnt:TopicExpression>");
		if (f.messageContent() != null) {
			b.append("<wsnt:MessageContent Dialect=\"").append(XmlSupport.ITEM_FILTER).append("\">")
					.append(XmlSupport.escape(f.messageContent())).append("</wsnt:MessageContent>");
		}
		b.append("</").append(tag).append('>');
	}
}
