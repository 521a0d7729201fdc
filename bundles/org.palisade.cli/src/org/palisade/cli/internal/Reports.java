package org.palisade.cli.internal;

import java.io.PrintStream;
import java.util.List;

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
		if (r.interrupted()) {
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
}
