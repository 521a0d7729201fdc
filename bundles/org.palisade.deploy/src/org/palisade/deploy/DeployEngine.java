package org.palisade.deploy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.palisade.deploy.DevicePlan.Step;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.internal.CountingDriver;

/**
 * Plans and deploys device configurations, protocol-neutral.
 * <p>
 * Per device, {@link #deploy}: read the device, plan; if the plan is empty the device is
 * {@link Outcome#UNCHANGED}; otherwise journal the state read (see {@link Journal}), apply the steps,
 * read back and verify that nothing is left to do and that no hand-made item was touched, then delete
 * the journal ({@link Outcome#DEPLOYED}). On any failure after the journal was written, the engine
 * reads the device and puts back the journaled state, verifying it by reading once more
 * ({@link Outcome#RESTORED}); when that is impossible the journal stays
 * ({@link Outcome#FAILED_JOURNALED}).
 * <p>
 * A journal found at the start means an earlier run was killed while changing the device: the device
 * is reported as interrupted and deployed to completion, keeping the journaled state as the restore
 * point, so that after this run the device is either fully deployed or as it was before the killed
 * run.
 * <p>
 * Devices run in parallel on at most {@code parallelism} threads; a failing device never stops the
 * others; results come back in job order.
 */
public final class DeployEngine {

	/** Receives one line of progress per event, possibly from several threads at once. */
	@FunctionalInterface
	public interface Progress {
		void report(String device, String message);
	}

	/** Opens a driver for one device (connects lazily or eagerly, as the protocol likes). */
	@FunctionalInterface
	public interface DriverFactory {
		DeviceDriver open() throws DeviceException;
	}

	/**
	 * One device to plan or deploy: its design name, what it should have, how to reach it.
	 *
	 * @param identity how the device is reached (e.g. {@code 10.20.0.11:443}), recorded in its
	 *                 journal entry: an entry written for another identity is not used; may be {@code null}
	 */
	public record Job(String device, List<ManagedObject> desired, DriverFactory driver, String identity) {
		public Job {
			desired = List.copyOf(desired);
		}

		public Job(String device, List<ManagedObject> desired, DriverFactory driver) {
			this(device, desired, driver, null);
		}
	}

	/** What to do about a journal entry that cannot be used, for messages. */
	private static final String JOURNAL_WAY_OUT = "see what it holds with 'palisade journal show %1$s --device %2$s';"
			+ " once the device is checked, 'palisade journal discard %1$s --device %2$s' removes it";

	private static final int RESTORE_ATTEMPTS = 3;

	private final Journal journal;
	private final int parallelism;
	private final Progress progress;
	private String design = "<design>";
	private BooleanSupplier cancelled = () -> false;
	private java.util.function.Consumer<DeviceResult> finished = r -> { };

	public DeployEngine(Journal journal, int parallelism, Progress progress) {
		if (parallelism < 1) {
			throw new IllegalArgumentException("parallelism must be >= 1");
		}
		this.journal = journal;
		this.parallelism = parallelism;
		this.progress = progress == null ? (d, m) -> { } : progress;
	}

	/** @param label how messages name the design in the commands they suggest (e.g. its path) */
	public DeployEngine designLabel(String label) {
		this.design = label;
		return this;
	}

	/**
	 * Lets a run be cancelled: once {@code cancelled} says so, no further device is started (each
	 * is reported {@link Outcome#NOT_STARTED}, untouched); a device already started finishes, or is
	 * restored, as it would have, so that no device is left half-configured.
	 */
	public DeployEngine cancelWhen(BooleanSupplier value) {
		this.cancelled = value;
		return this;
	}

	/** Hears each device's result as soon as the device is done (from the device's thread), e.g. for progress. */
	public DeployEngine onFinished(java.util.function.Consumer<DeviceResult> value) {
		this.finished = value;
		return this;
	}

	private String wayOut(String device) {
		return String.format(JOURNAL_WAY_OUT, design, device);
	}

	/** Reads every device and plans; changes nothing. */
	public List<DeviceResult> plan(List<Job> jobs) {
		return run(jobs, this::planOne);
	}

	/** Deploys every device; see the class comment for what happens per device. */
	public List<DeviceResult> deploy(List<Job> jobs) {
		return run(jobs, this::deployOne);
	}

	private interface Worker {
		DeviceResult run(Job job);
	}

	private List<DeviceResult> run(List<Job> jobs, Worker worker) {
		if (jobs.isEmpty()) {
			return List.of();
		}
		AtomicInteger n = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, jobs.size()), r -> {
			Thread t = new Thread(r, "palisade-deploy-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<DeviceResult>> futures = new ArrayList<>();
			for (Job job : jobs) {
				futures.add(pool.submit(() -> {
					DeviceResult r = worker.run(job);
					finished.accept(r);
					return r;
				}));
			}
			List<DeviceResult> results = new ArrayList<>();
			for (int i = 0; i < jobs.size(); i++) {
				try {
					results.add(futures.get(i).get());
				} catch (ExecutionException e) {
					// A bug in a driver must not hide the other devices' results.
					results.add(new DeviceResult(jobs.get(i).device(), Outcome.FAILED_JOURNALED, null, false,
							"internal error: " + e.getCause(), 0, Duration.ZERO));
				}
			}
			return results;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		} finally {
			pool.shutdownNow();
		}
	}

	private DeviceResult planOne(Job job) {
		Instant start = Instant.now();
		if (cancelled.getAsBoolean()) {
			return notStarted(job, start);
		}
		Journal.Found found = journal.find(job.device());
		String unusable = unusable(found, job);
		boolean interrupted = found != null;
		if (unusable != null) {
			progress.report(job.device(), unusable);
		} else if (interrupted) {
			progress.report(job.device(), "INTERRUPTED: a deploy started " + found.entry().startedAt()
					+ " did not finish on this device (journal " + found.file() + "); deploy completes it");
		}
		try (CountingDriver driver = new CountingDriver(job.driver().open())) {
			progress.report(job.device(), "reading the device");
			List<ManagedObject> current = driver.read(settings(job.desired(), List.of()));
			DevicePlan plan = new Planner(driver.kindOrder()).plan(job.device(), job.desired(), current);
			Outcome o = plan.isEmpty() ? Outcome.UP_TO_DATE : Outcome.CHANGES_PENDING;
			progress.report(job.device(), plan.isEmpty() ? "up to date" : plan.summary());
			return new DeviceResult(job.device(), o, plan, interrupted, unusable, driver.calls(), since(start));
		} catch (DeviceException e) {
			progress.report(job.device(), readFailure(e));
			return new DeviceResult(job.device(), Outcome.FAILED_UNCHANGED, null, interrupted, e.getMessage(), 0,
					since(start));
		}
	}

	private DeviceResult deployOne(Job job) {
		Instant start = Instant.now();
		if (cancelled.getAsBoolean()) {
			return notStarted(job, start);
		}
		String device = job.device();
		Journal.Found found = journal.find(device);
		String unusable = unusable(found, job);
		if (unusable != null) {
			progress.report(device, unusable);
			return new DeviceResult(device, Outcome.JOURNAL_UNUSABLE, null, true, unusable, 0, since(start));
		}
		Journal.Entry journaled = found == null ? null : found.entry();
		boolean interrupted = journaled != null;
		Outcome notReached = interrupted ? Outcome.FAILED_JOURNALED : Outcome.FAILED_UNCHANGED;
		if (interrupted) {
			progress.report(device, "INTERRUPTED: a deploy started " + journaled.startedAt()
					+ " did not finish; completing it (the state before it is kept as the restore point)");
		}
		CountingDriver driver;
		try {
			driver = new CountingDriver(job.driver().open());
		} catch (DeviceException e) {
			progress.report(device, "cannot connect: " + e.getMessage());
			return new DeviceResult(device, notReached, null, interrupted, e.getMessage(), 0, since(start));
		}
		try (driver) {
			Planner planner = new Planner(driver.kindOrder());
			List<ManagedObject> interest = settings(job.desired(), interrupted ? journaled.preState() : List.of());
			DevicePlan plan;
			List<ManagedObject> current;
			try {
				progress.report(device, "reading the device");
				current = driver.read(interest);
				plan = planner.plan(device, job.desired(), current);
			} catch (DeviceException e) {
				progress.report(device, readFailure(e));
				return new DeviceResult(device, notReached, null, interrupted, e.getMessage(), driver.calls(),
						since(start));
			}
			List<ManagedObject> pre = interrupted ? journaled.preState() : preState(current, interest);
			if (plan.isEmpty()) {
				if (interrupted && !clearJournal(device)) {
					return new DeviceResult(device, Outcome.FAILED_JOURNALED, plan, true, "cannot delete the journal",
							driver.calls(), since(start));
				}
				progress.report(device, interrupted ? "already complete; journal cleared" : "unchanged");
				return new DeviceResult(device, interrupted ? Outcome.DEPLOYED : Outcome.UNCHANGED, plan, interrupted,
						null, driver.calls(), since(start));
			}
			if (!interrupted) {
				try {
					journal.write(new Journal.Entry(device, Instant.now(), pre, journal.site(), job.identity()));
				} catch (IOException e) {
					progress.report(device, "cannot write the journal, nothing changed: " + e.getMessage());
					return new DeviceResult(device, Outcome.FAILED_UNCHANGED, plan, false,
							"cannot write the journal: " + e.getMessage(), driver.calls(), since(start));
				}
			}
			progress.report(device, "applying " + plan.steps().size() + " step(s): " + plan.summary());
			String failure = applyAndVerify(driver, planner, job, plan, interest, current);
			if (failure == null) {
				if (!clearJournal(device)) {
					return new DeviceResult(device, Outcome.FAILED_JOURNALED, plan, interrupted,
							"deployed, but the journal cannot be deleted", driver.calls(), since(start));
				}
				progress.report(device, "deployed and verified");
				return new DeviceResult(device, Outcome.DEPLOYED, plan, interrupted, null, driver.calls(), since(start));
			}
			progress.report(device, "FAILED: " + failure + "; restoring the previous state");
			String restoreFailure = restore(driver, planner, device, pre, interest);
			if (restoreFailure == null && clearJournal(device)) {
				progress.report(device, "restored to its previous state (verified)");
				return new DeviceResult(device, Outcome.RESTORED, plan, interrupted, failure, driver.calls(),
						since(start));
			}
			progress.report(device, "could NOT be restored: " + restoreFailure + "; journal kept in " + journal.dir());
			return new DeviceResult(device, Outcome.FAILED_JOURNALED, plan, interrupted,
					failure + "; restore failed: " + restoreFailure, driver.calls(), since(start));
		}
	}

	private DeviceResult notStarted(Job job, Instant start) {
		progress.report(job.device(), "not started: the run was cancelled");
		return new DeviceResult(job.device(), Outcome.NOT_STARTED, null, journal.find(job.device()) != null, null, 0,
				since(start));
	}

	/**
	 * @return why a device's journal entry cannot be used (damaged, of another site, of a device
	 *         reached elsewhere), with the way out; {@code null} when there is none or it is usable
	 */
	private String unusable(Journal.Found found, Job job) {
		if (found == null) {
			return null;
		}
		String problem = found.problem();
		if (problem == null && found.entry().identity() != null && job.identity() != null
				&& !found.entry().identity().equals(job.identity())) {
			problem = "foreign journal entry: written for the device at " + found.entry().identity() + ", but "
					+ job.device() + " is now at " + job.identity();
		}
		if (problem == null) {
			return null;
		}
		return found.file() + ": " + problem + "; the device is left alone: " + wayOut(job.device());
	}

	/**
	 * The journal entries of the site that the run does not take care of, one line each, so that
	 * a plan or a partial deploy names every interrupted device: devices of the design outside the
	 * run, devices no longer in the design (renamed or removed), and damaged or foreign entries.
	 *
	 * @param inDesign the devices of the design
	 * @param inRun    the devices of this run
	 */
	public List<String> journalNotes(Set<String> inDesign, Set<String> inRun) throws IOException {
		List<String> notes = new ArrayList<>();
		for (Journal.Found f : journal.scan()) {
			String way = wayOut(f.device());
			if (f.problem() != null) {
				if (!inRun.contains(f.device())) {
					notes.add(f.file() + ": " + f.problem() + "; " + way);
				}
			} else if (!inDesign.contains(f.device())) {
				notes.add("INTERRUPTED: " + f.device() + " is not in the design (renamed or removed?), but a deploy to it"
						+ " started " + f.entry().startedAt() + " did not finish (" + f.file() + "); " + way);
			} else if (!inRun.contains(f.device())) {
				notes.add("INTERRUPTED: " + f.device() + ": a deploy started " + f.entry().startedAt()
						+ " did not finish (" + f.file() + "); 'palisade deploy' with this device completes it");
			}
		}
		return notes;
	}

	/** @return {@code null} on success, else why it failed */
	private String applyAndVerify(DeviceDriver driver, Planner planner, Job job, DevicePlan plan,
			List<ManagedObject> interest, List<ManagedObject> current) {
		try {
			apply(driver, plan.steps());
			// Read again what the steps touched, and what refers to it (the device may change a rule
			// when its schedule goes); the other kinds are as they were just read (#16).
			Set<String> touched = touchedKinds(plan, job.desired(), current);
			List<ManagedObject> after = new ArrayList<>();
			for (ManagedObject o : current) {
				if (!touched.contains(o.kind())) {
					after.add(o);
				}
			}
			after.addAll(driver.read(interest, touched));
			DevicePlan left = planner.plan(job.device(), job.desired(), after);
			if (!left.isEmpty()) {
				return "verification: the device does not hold what was written: " + String.join("; ", left.describe());
			}
			if (!sameItems(plan.handMade(), left.handMade())) {
				return "verification: hand-made items changed during the deployment";
			}
			return null;
		} catch (DeviceException e) {
			return e.getMessage();
		}
	}

	private String restore(DeviceDriver driver, Planner planner, String device, List<ManagedObject> pre,
			List<ManagedObject> interest) {
		String last = null;
		for (int attempt = 1; attempt <= RESTORE_ATTEMPTS; attempt++) {
			try {
				List<ManagedObject> current = driver.read(interest);
				DevicePlan back = planner.plan(device, pre, current);
				apply(driver, back.steps());
				DevicePlan left = planner.plan(device, pre, driver.read(interest));
				if (left.isEmpty()) {
					return null;
				}
				last = "still differs: " + String.join("; ", left.describe());
			} catch (DeviceException e) {
				last = e.getMessage();
			}
			sleep(attempt * 300L);
		}
		return last;
	}

	/**
	 * Runs the steps in order; settings next to each other go to the driver together, and so do
	 * creates next to each other, so it can batch them (#17: one request for a camera's stream
	 * profiles).
	 */
	private static void apply(DeviceDriver driver, List<Step> steps) throws DeviceException {
		List<ManagedObject> settings = new ArrayList<>();
		List<ManagedObject> creates = new ArrayList<>();
		for (Step s : steps) {
			if (s.action() == Step.Action.SET) {
				createAll(driver, creates);
				settings.add(s.object());
				continue;
			}
			setAll(driver, settings);
			if (s.action() == Step.Action.CREATE) {
				creates.add(s.object());
				continue;
			}
			createAll(driver, creates);
			switch (s.action()) {
			case DELETE -> driver.delete(s.object());
			default -> throw new IllegalStateException(s.action().toString());
			}
		}
		setAll(driver, settings);
		createAll(driver, creates);
	}

	private static void createAll(DeviceDriver driver, List<ManagedObject> items) throws DeviceException {
		if (!items.isEmpty()) {
			driver.createAll(List.copyOf(items));
			items.clear();
		}
	}

	private static void setAll(DeviceDriver driver, List<ManagedObject> settings) throws DeviceException {
		if (!settings.isEmpty()) {
			driver.setAll(List.copyOf(settings));
			settings.clear();
		}
	}

	private boolean clearJournal(String device) {
		try {
			journal.delete(device);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	/**
	 * The kinds a plan's steps change, and every kind with an object that depends on an object of
	 * one of those (wanted or on the device), until no kind is added.
	 */
	static Set<String> touchedKinds(DevicePlan plan, List<ManagedObject> desired, List<ManagedObject> current) {
		Set<String> kinds = new HashSet<>();
		plan.steps().forEach(c -> kinds.add(c.object().kind()));
		List<ManagedObject> all = new ArrayList<>(desired);
		all.addAll(current);
		Map<String, String> kindOf = new HashMap<>();
		all.forEach(o -> kindOf.putIfAbsent(o.id(), o.kind()));
		for (boolean grew = true; grew;) {
			grew = false;
			for (ManagedObject o : all) {
				if (!kinds.contains(o.kind())
						&& o.dependsOn().stream().anyMatch(d -> kinds.contains(kindOf.get(d)))) {
					kinds.add(o.kind());
					grew = true;
				}
			}
		}
		return kinds;
	}

	/** The settings to read: the wanted ones and those of a restore point. */
	private static List<ManagedObject> settings(List<ManagedObject> desired, List<ManagedObject> pre) {
		Map<String, ManagedObject> out = new LinkedHashMap<>();
		for (ManagedObject o : desired) {
			if (o.nature() == ManagedObject.Nature.SETTING) {
				out.putIfAbsent(o.id(), o);
			}
		}
		for (ManagedObject o : pre) {
			if (o.nature() == ManagedObject.Nature.SETTING) {
				out.putIfAbsent(o.id(), o);
			}
		}
		return new ArrayList<>(out.values());
	}

	/** The restore point: Palisade's items and the settings about to be touched, as read. */
	private static List<ManagedObject> preState(List<ManagedObject> current, List<ManagedObject> interest) {
		Set<String> wanted = new HashSet<>();
		interest.forEach(o -> wanted.add(o.id()));
		List<ManagedObject> pre = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ManagedObject o : current) {
			boolean keep = o.nature() == ManagedObject.Nature.SETTING ? wanted.contains(o.id()) : o.owned();
			// A second copy of an item is not part of the state to restore: the first one is.
			if (keep && seen.add(o.id())) {
				pre.add(o.nature() == ManagedObject.Nature.SETTING
						? new ManagedObject(o.kind(), o.key(), o.nature(), ManagedObject.Origin.PALISADE, o.attributes(),
								o.dependsOn(), o.deviceId())
						: o);
			}
		}
		return pre;
	}

	private static boolean sameItems(List<ManagedObject> a, List<ManagedObject> b) {
		return key(a).equals(key(b));
	}

	private static Set<String> key(List<ManagedObject> items) {
		Set<String> s = new HashSet<>();
		items.forEach(o -> s.add(o.id() + "#" + o.deviceId() + "#" + o.attributes()));
		return s;
	}

	private static Duration since(Instant start) {
		return Duration.between(start, Instant.now());
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** @return how a failed read is reported: a device that is not what the design needs was read fine */
	private static String readFailure(DeviceException e) {
		return e instanceof DeviceUnsuitableException ? e.getMessage() : "cannot be read: " + e.getMessage();
	}
}
