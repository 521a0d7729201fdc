package org.palisade.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.palisade.simulator.DeviceKind;

/**
 * The action and recipient templates a device offers (GetActionTemplates,
 * GetRecipientTemplates). Tokens and parameter names come from recorded device answers
 * (dtrammer/AxisActionEventLib docs, vapix.md §4). Which parameters a device insists on is
 * unconfirmed (the Axis guide says "all parameters must be specified"); this device requires only
 * the ones without which the action cannot work, and rejects unknown names to catch typos.
 */
final class ActionTemplates {

	/** One template; {@code recipient} is the recipient template token or {@code null}. */
	record Template(String token, String recipient, List<String> parameters, Set<String> required) {
	}

	private static final Template HTTP = new Template("com.axis.recipient.http", null,
			List.of("upload_url", "login", "password", "proxy_host", "proxy_port", "proxy_login", "proxy_password", "qos"),
			Set.of("upload_url"));
	private static final Template HTTPS = new Template("com.axis.recipient.https", null,
			List.of("upload_url", "login", "password", "proxy_host", "proxy_port", "proxy_login", "proxy_password",
					"validate_server_cert", "qos"),
			Set.of("upload_url"));
	private static final Template TCP = new Template("com.axis.recipient.tcp", null, List.of("host", "port", "qos"),
			Set.of("host", "port"));

	private final Map<String, Template> actions = new LinkedHashMap<>();
	private final Map<String, Template> recipients = new LinkedHashMap<>();

	ActionTemplates(DeviceKind kind, int ioPorts) {
		for (Template r : List.of(HTTP, HTTPS, TCP)) {
			recipients.put(r.token(), r);
		}
		if (ioPorts > 0) {
			add("com.axis.action.fixed.io.toggle", null, List.of("port", "state", "duration"),
					Set.of("port", "state", "duration"));
			add("com.axis.action.unlimited.io.toggle", null, List.of("port", "state"), Set.of("port", "state"));
		}
		add("com.axis.action.fixed.notification.http", HTTP.token(), List.of("parameters", "message"), Set.of());
		add("com.axis.action.fixed.notification.https", HTTPS.token(), List.of("parameters", "message"), Set.of());
		add("com.axis.action.unlimited.notification.tcp", TCP.token(), List.of("message", "period"), Set.of());
		if (kind == DeviceKind.CAMERA) {
			add("com.axis.action.unlimited.recording.storage", null,
					List.of("stream_options", "pre_duration", "post_duration", "storage_id"), Set.of());
			add("com.axis.action.fixed.send_images.http", HTTP.token(), List.of("stream_options", "pre_duration",
					"post_duration", "max_images", "create_folder", "filename", "max_sequence_number", "custom_params"),
					Set.of());
		} else {
			add("com.axis.action.fixed.play.audioclip", null, List.of("location", "audiooutput", "repeat", "volume"),
					Set.of("location"));
		}
	}

	private void add(String token, String recipient, List<String> params, Set<String> required) {
		actions.put(token, new Template(token, recipient, params, required));
	}

	Template action(String token) {
		return actions.get(token);
	}

	Template recipient(String token) {
		return recipients.get(token);
	}

	/** @return the action's own parameters followed by its recipient template's */
	List<String> allParameters(Template action) {
		List<String> all = new ArrayList<>(action.parameters());
		if (action.recipient() != null) {
			all.addAll(recipients.get(action.recipient()).parameters());
		}
		return all;
	}

	Set<String> allRequired(Template action) {
		Set<String> req = new java.util.HashSet<>(action.required());
		if (action.recipient() != null) {
			req.addAll(recipients.get(action.recipient()).required());
		}
		return req;
	}

	String render(boolean recipientTemplates) {
		StringBuilder b = new StringBuilder();
		String tag = recipientTemplates ? "RecipientTemplate" : "ActionTemplate";
		b.append("<aa:Get").append(tag).append("sResponse><aa:").append(tag).append('s').append('>');
		for (Template t : (recipientTemplates ? recipients : actions).values()) {
			b.append("<aa:").append(tag).append('>');
			Xml.leaf(b, "aa:TemplateToken", t.token());
			if (t.recipient() != null) {
				Xml.leaf(b, "aa:RecipientTemplate", t.recipient());
			}
			b.append("<aa:Parameters>");
			for (String p : t.parameters()) {
				b.append("<aa:Parameter Type=\"string\" Name=\"").append(p).append("\"></aa:Parameter>");
			}
			b.append("</aa:Parameters></aa:").append(tag).append('>');
		}
		return b.append("</aa:").append(tag).append("s></aa:Get").append(tag).append("sResponse>").toString();
	}
}
