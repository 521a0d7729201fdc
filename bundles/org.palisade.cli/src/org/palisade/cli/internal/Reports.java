package org.palisade.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.palisade.deploy.Change;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.ManagedObject;

/** Plan and deployment results as text (for people) and JSON (for tools). */
final class Reports {

	private Reports() {
	}

	static void planText(List<DeviceResult> results, PrintStream out) {
		int changed = 0;
		int failed = 0;
		for (DeviceResult r : results) {
			out.println(head(r));
			if (r.plan() != null) {
				r.plan().describe().forEach(l -> out.println("    " + l));
				handMade(r, out);
			}
			if (r.outcome() == DeviceResult.Outcome.CHANGES_PENDING) {
				changed++;
			}
			if (r.outcome().isFailure()) {
				failed++;
			}
		}
		out.println(changed == 0 && failed == 0 ? "No changes: every device matches the design."
				: "Plan: " + changed + " device(s) with changes, " + (results.size() - changed - failed)
						+ " up to date, " + failed + " failed.");
	}

	static void deployText(List<DeviceResult> results, PrintStream out) {
		out.println("Summary:");
		for (DeviceResult r : results) {
			out.println("  " + r.device() + ": " + r.outcome().text() + (r.interrupted() ? " (an interrupted run was found)" : "")
					+ (r.error() == null ? "" : " - " + r.error()) + " [" + r.calls() + " device operation(s), "
					+ r.elapsed().toMillis() + " ms]");
			handMade(r, out);
		}
		long failed = results.stream().filter(r -> r.outcome().isFailure()).count();
		out.println(failed == 0 ? "Deployed: " + results.size() + " device(s) verified." : failed + " device(s) failed.");
	}

	private static String head(DeviceResult r) {
		String s = r.device() + ": " + r.outcome().text();
		if (r.plan() != null && !r.plan().isEmpty()) {
			s += " (" + r.plan().summary() + ")";
		}
		if (r.interrupted() && r.outcome() != DeviceResult.Outcome.JOURNAL_UNUSABLE && r.error() == null) {
			s += " [INTERRUPTED: an earlier deploy did not finish; deploy completes it]";
		}
		if (r.error() != null) {
			s += " - " + r.error();
		}
		return s;
	}

	private static void handMade(DeviceResult r, PrintStream out) {
		for (ManagedObject o : r.handMade()) {
			out.println("    = " + o.label() + " (hand-made, left alone)");
		}
	}

	static String json(String site, List<DeviceResult> results) {
		StringBuilder b = new StringBuilder("{\"site\":").append(Json.string(site)).append(",\"devices\":[");
		int changes = 0;
		int errors = 0;
		for (int i = 0; i < results.size(); i++) {
			DeviceResult r = results.get(i);
			if (i > 0) {
				b.append(',');
			}
			b.append("{\"device\":").append(Json.string(r.device())).append(",\"outcome\":")
					.append(Json.string(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')))
					.append(",\"interrupted\":").append(r.interrupted()).append(",\"error\":")
					.append(r.error() == null ? "null" : Json.string(r.error())).append(",\"changes\":[");
			if (r.plan() != null) {
				List<Change> cs = r.plan().changes();
				changes += cs.size();
				for (int j = 0; j < cs.size(); j++) {
					Change c = cs.get(j);
					b.append(j > 0 ? "," : "").append("{\"op\":").append(Json.string(c.op().name().toLowerCase(Locale.ROOT)))
							.append(",\"kind\":").append(Json.string(c.object().kind())).append(",\"key\":")
							.append(Json.string(c.object().key())).append(",\"before\":").append(attributes(c.before()))
							.append(",\"after\":").append(attributes(c.after())).append('}');
				}
			}
			b.append("],\"handMade\":[");
			List<ManagedObject> hm = r.handMade();
			for (int j = 0; j < hm.size(); j++) {
				b.append(j > 0 ? "," : "").append("{\"kind\":").append(Json.string(hm.get(j).kind())).append(",\"name\":")
						.append(Json.string(hm.get(j).key())).append(",\"id\":")
						.append(Json.string(String.valueOf(hm.get(j).deviceId()))).append('}');
			}
			b.append("]}");
			if (r.outcome().isFailure()) {
				errors++;
			}
		}
		return b.append("],\"changes\":").append(changes).append(",\"errors\":").append(errors).append('}').toString();
	}

	private static String attributes(ManagedObject o) {
		if (o == null) {
			return "null";
		}
		StringBuilder b = new StringBuilder("{");
		o.attributes().forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(Json.string(k)).append(':')
				.append(Json.string(v)));
		return b.append('}').toString();
	}
}
