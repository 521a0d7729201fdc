package org.palisade.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;

/**
 * The action and recipient templates a model offers (GetActionTemplates, GetRecipientTemplates),
 * with their parameter names: the table of vapix-notes.md section 5, from developer.axis.com's
 * event and action services page (GetActionTemplates itself was not recorded on the catalog's
 * models). A device wants every parameter of an action template (recorded: leaving out {@code led}
 * gives "Configuration parameter missing: led" with {@code aa:ParametersMissmatchFault}); the
 * recipient's parameters a client puts into the action inline need only the recipient's required
 * ones, as for a recipient configuration.
 */
final class ActionTemplates {

	/** One template; {@code recipient} is the recipient template token or {@code null}. */
	record Template(String token, String recipient, List<String> parameters, Set<String> required) {
	}

	/** The destinations send_images and send_videoclip exist for, each with its recipient template. */
	private static final List<String> DESTINATIONS = List.of("http", "https", "smtp", "ftp", "sftp", "networkshare");

	private final Map<String, Template> actions = new LinkedHashMap<>();
	private final Map<String, Template> recipients = new LinkedHashMap<>();

	ActionTemplates(DeviceDescriptor d, int ioPorts) {
		List<String> proxy = List.of("proxy_host", "proxy_port", "proxy_login", "proxy_password");
		recipient("http", join(List.of("upload_url", "login", "password"), proxy, List.of("qos")), "upload_url");
		recipient("https", join(List.of("upload_url", "login", "password"), proxy, List.of("validate_server_cert", "qos")),
				"upload_url");
		recipient("ftp", List.of("host", "upload_path", "port", "login", "password", "passive", "temporary", "qos"),
				"host");
		recipient("sftp", List.of("host", "upload_path", "port", "login", "password", "ssh_host_pub_key_md5",
				"ssh_host_pub_key_sha256", "ssh_auth_type", "ssh_public_key", "ssh_private_key",
				"ssh_private_key_passphrase", "temporary", "qos"), "host");
		recipient("smtp", List.of("email_to", "email_from", "host", "port", "login", "password", "pop_host", "pop_port",
				"pop_login", "pop_password", "qos", "encryption", "validate_server_cert"), "email_to");
		recipient("tcp", List.of("host", "port", "qos"), "host");
		recipient("networkshare", List.of("upload_path", "share_id", "qos"), "share_id");

		boolean camera = d.kind() == DeviceKind.CAMERA;
		if (ioPorts > 0) {
			action("com.axis.action.fixed.io.toggle", null, "port", "state", "duration");
			action("com.axis.action.unlimited.io.toggle", null, "port", "state");
		}
		for (String r : List.of("http", "https")) {
			action("com.axis.action.fixed.notification." + r, "com.axis.recipient." + r, "message", "parameters",
					"method", "http_headers", "body");
		}
		action("com.axis.action.fixed.notification.smtp", "com.axis.recipient.smtp", "message", "subject");
		action("com.axis.action.fixed.notification.tcp", "com.axis.recipient.tcp", "message");
		action("com.axis.action.unlimited.notification.tcp", "com.axis.recipient.tcp", "message", "period");
		if (camera) {
			for (String span : List.of("fixed", "unlimited")) {
				for (String r : DESTINATIONS) {
					action("com.axis.action." + span + ".send_images." + r, "com.axis.recipient." + r, "stream_options",
							"pre_duration", "post_duration", "create_folder", "filename", "max_sequence_number",
							"max_images", "images_per_mail", "custom_params", "subject", "message");
				}
			}
			for (String span : List.of("fixed", "unlimited")) {
				for (String r : DESTINATIONS) {
					action("com.axis.action." + span + ".send_videoclip." + r, "com.axis.recipient." + r,
							"stream_options", "pre_duration", "post_duration", "create_folder", "filename",
							"max_file_size", "max_duration", "custom_params", "subject", "message");
				}
			}
			action("com.axis.action.fixed.recording.storage", null, "stream_options", "pre_duration", "post_duration",
					"storage_id");
			action("com.axis.action.unlimited.recording.storage", null, "stream_options", "pre_duration",
					"post_duration", "storage_id");
		}
		action("com.axis.action.fixed.play.audioclip", null, "location", "audiodeviceid", "audiooutputid", "repeat",
				"volume");
		action("com.axis.action.unlimited.play.audioclip", null, "location", "audiodeviceid", "audiooutputid",
				"repeat", "volume");
		action("com.axis.action.fixed.stop.audioclip", null);
		action("com.axis.action.fixed.ledcontrol", null, "led", "color", "duration", "interval");
		action("com.axis.action.unlimited.ledcontrol", null, "led", "color", "interval");
		String model = d.model().toLowerCase(Locale.ROOT);
		if (camera && (model.contains("q6075") || model.contains("ptz"))) {
			action("com.axis.action.fixed.goto.preset", null, "channel", "preset_name", "home_timeout");
			action("com.axis.action.unlimited.goto.preset", null, "channel", "preset_name", "home_timeout");
			action("com.axis.action.fixed.guardtour", null, "tour_id", "goto_home", "channel");
			action("com.axis.action.unlimited.guardtour", null, "tour_id", "goto_home", "channel");
		}
	}

	@SafeVarargs
	private static List<String> join(List<String>... parts) {
		List<String> out = new ArrayList<>();
		for (List<String> p : parts) {
			out.addAll(p);
		}
		return out;
	}

	private void recipient(String type, List<String> params, String required) {
		String token = "com.axis.recipient." + type;
		recipients.put(token, new Template(token, null, List.copyOf(params), Set.of(required)));
	}

	private void action(String token, String recipient, String... params) {
		// In template order, so the first parameter missing is the one named in the fault.
		actions.put(token, new Template(token, recipient, List.of(params),
				java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(params)))));
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

	/** The action's own parameters; of the recipient's, the required ones when any recipient parameter is given inline. */
	Set<String> allRequired(Template action, Set<String> given) {
		Set<String> req = new java.util.LinkedHashSet<>(action.required());
		if (action.recipient() != null) {
			Template r = recipients.get(action.recipient());
			if (r.parameters().stream().anyMatch(given::contains)) {
				req.addAll(r.required());
			}
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
