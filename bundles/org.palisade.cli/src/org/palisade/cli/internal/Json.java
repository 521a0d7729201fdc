package org.palisade.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.palisade.deploy.Change;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.ManagedObject;
import org.palisade.dsl.load.DesignDiagnostic;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The JSON forms of command results, through Gson. The records below are the shapes tools read:
 * their component names are the JSON field names, in this order.
 */
final class Json {

	/** Nulls written (a device without an error says so), no HTML escaping: '<' stays '<'. */
	private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

	private Json() {
	}

	record Diagnostic(String file, int line, int column, String severity, String code, String message) {
	}

	record Diagnostics(List<Diagnostic> diagnostics, long errors, long warnings) {
	}

	record ChangeJson(String op, String kind, String key, Map<String, String> before, Map<String, String> after) {
	}

	record HandMade(String kind, String name, String id) {
	}

	record Device(String device, String outcome, boolean interrupted, String error, List<ChangeJson> changes,
			List<HandMade> handMade) {
	}

	record Site(String site, List<Device> devices, int changes, int errors) {
	}

	static String diagnostics(List<DesignDiagnostic> diagnostics) {
		List<Diagnostic> list = diagnostics.stream().map(d -> new Diagnostic(d.file().toString(), d.line(), d.column(),
				d.severity().label(), d.code(), d.message())).toList();
		long errors = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).count();
		long warnings = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.WARNING).count();
		return GSON.toJson(new Diagnostics(list, errors, warnings));
	}

	/** A plan or a deployment: per device its outcome, changes and hand-made objects. */
	static String results(String site, List<DeviceResult> results) {
		int changes = 0;
		int errors = 0;
		List<Device> devices = new java.util.ArrayList<>();
		for (DeviceResult r : results) {
			List<ChangeJson> cs = r.plan() == null ? List.of()
					: r.plan().changes().stream().map(Json::change).toList();
			changes += cs.size();
			if (r.outcome().isFailure()) {
				errors++;
			}
			devices.add(new Device(r.device(), r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
					r.interrupted(), r.error(), cs, r.handMade().stream()
							.map(o -> new HandMade(o.kind(), o.key(), String.valueOf(o.deviceId()))).toList()));
		}
		return GSON.toJson(new Site(site, devices, changes, errors));
	}

	private static ChangeJson change(Change c) {
		return new ChangeJson(c.op().name().toLowerCase(Locale.ROOT), c.object().kind(), c.object().key(),
				attributes(c.before()), attributes(c.after()));
	}

	private static Map<String, String> attributes(ManagedObject o) {
		return o == null ? null : o.attributes();
	}
}
