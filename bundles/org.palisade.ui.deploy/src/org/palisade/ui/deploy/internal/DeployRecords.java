package org.palisade.ui.deploy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.palisade.deploy.DeviceResult;
import org.palisade.generator.DeviceConfiguration;

/**
 * What the Studio last learnt about each device of the sites it planned or deployed this session,
 * for the Deploy view: the state, why (a failure's reason), and when the device was last read.
 * Updated from the jobs' threads; listeners hear every change.
 */
public final class DeployRecords {

	/** A device's last known state. */
	public enum State {
		UNKNOWN("not read yet"), READING("reading"), DEPLOYING("deploying"), UP_TO_DATE("up to date"),
		CHANGES_PENDING("changes pending"), DEPLOYED("deployed"), RESTORED("restored"), FAILED("failed"),
		INTERRUPTED("interrupted"), NOT_STARTED("not started (cancelled)");

		private final String text;

		State(String text) {
			this.text = text;
		}

		public String text() {
			return text;
		}
	}

	/** One device's row. */
	public record Row(String device, String role, String address, State state, String detail, Instant lastRead) {
	}

	private static final DeployRecords INSTANCE = new DeployRecords();

	private final Map<String, Map<String, Row>> sites = new LinkedHashMap<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	private volatile SiteTarget current;

	public static DeployRecords get() {
		return INSTANCE;
	}

	public void listen(Runnable l) {
		listeners.add(l);
	}

	public void unlisten(Runnable l) {
		listeners.remove(l);
	}

	private void changed() {
		listeners.forEach(Runnable::run);
	}

	/** @return the site the view shows: the one last planned or deployed */
	public SiteTarget current() {
		return current;
	}

	/** Shows a site: its devices as in the design, with what is known of them. */
	public void show(SiteTarget target) {
		synchronized (this) {
			current = target;
			Map<String, Row> old = sites.getOrDefault(target.key() + target.rehearse(), Map.of());
			Map<String, Row> rows = new LinkedHashMap<>();
			for (DeviceConfiguration d : target.devices()) {
				Row was = old.get(d.name());
				rows.put(d.name(), new Row(d.name(), d.role() + ", " + d.model(), target.address(d),
						was == null ? State.UNKNOWN : was.state(), was == null ? "" : was.detail(),
						was == null ? null : was.lastRead()));
			}
			sites.put(target.key() + target.rehearse(), rows);
		}
		changed();
	}

	/** @return the rows of the site shown, in design order */
	public synchronized List<Row> rows() {
		SiteTarget t = current;
		return t == null ? List.of() : new ArrayList<>(sites.getOrDefault(t.key() + t.rehearse(), Map.of()).values());
	}

	/** @return a device's row of a site, or {@code null} */
	public synchronized Row row(SiteTarget target, String device) {
		return sites.getOrDefault(target.key() + target.rehearse(), Map.of()).get(device);
	}

	/** A device is being worked on: what is happening now. */
	public void progress(SiteTarget target, String device, State state, String message) {
		update(target, device, state, message, false);
	}

	/** A device is done: its outcome. */
	public void result(SiteTarget target, DeviceResult r) {
		State state = switch (r.outcome()) {
		case UP_TO_DATE, UNCHANGED -> State.UP_TO_DATE;
		case CHANGES_PENDING -> r.interrupted() ? State.INTERRUPTED : State.CHANGES_PENDING;
		case DEPLOYED -> State.DEPLOYED;
		case RESTORED -> State.RESTORED;
		case FAILED_UNCHANGED, JOURNAL_UNUSABLE -> State.FAILED;
		case FAILED_JOURNALED -> State.INTERRUPTED;
		case NOT_STARTED -> State.NOT_STARTED;
		};
		String detail = r.error() != null ? r.error()
				: r.plan() != null && !r.plan().isEmpty() && r.outcome() == DeviceResult.Outcome.CHANGES_PENDING
						? r.plan().summary()
						: r.outcome().text();
		if (r.interrupted() && r.outcome() != DeviceResult.Outcome.DEPLOYED) {
			detail = "an earlier deploy did not finish; deploy completes it. " + detail;
		}
		update(target, r.device(), state, detail, r.plan() != null);
	}

	private void update(SiteTarget target, String device, State state, String detail, boolean read) {
		synchronized (this) {
			Map<String, Row> rows = sites.computeIfAbsent(target.key() + target.rehearse(), k -> new LinkedHashMap<>());
			Row was = rows.get(device);
			if (was == null) {
				return;
			}
			rows.put(device, new Row(device, was.role(), was.address(), state, detail,
					read ? Instant.now() : was.lastRead()));
		}
		changed();
	}
}
