package org.palisade.deploy.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.Journal;
import org.palisade.deploy.SiteState;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.rules.FleetRuntime;
import org.palisade.simulator.rules.Timeline;
import org.palisade.simulator.rules.VirtualClock;

/**
 * A rehearsal of a site's behaviour: the design deployed to a fresh fleet of virtual devices on
 * a stepped clock, the scenario's events played at their times, and each step's expectations
 * checked against what the devices then did (what the deploy left on them, not the design). The
 * journal and pins of the deploy live in a temporary folder, so the design's folder stays clean.
 */
public final class SiteRehearsal {

	/** How long after its last event a step is watched, unless the next step comes first. */
	public static final Duration WINDOW = Duration.ofMinutes(10);
	/** How long an injected application event stays active (a short detection). */
	public static final Duration HOLD = Duration.ofSeconds(1);

	/**
	 * How to play. The devices serve HTTPS (each with the fleet's one self-signed certificate,
	 * pinned for the run's deploy, and trusted by the devices for their notifications to each
	 * other) or plain HTTP. For someone watching the devices' event streams: first print each
	 * device's stream URL and wait {@code delay}, then play each step at {@code pace} times real
	 * time (and go from one step to the next at once).
	 *
	 * @param pace virtual seconds per real second (60: a minute a second); 0 plays at once
	 * @param out  where the stream URLs go
	 */
	public record Options(boolean https, Duration delay, double pace, Consumer<String> out) {
		/** Over HTTP, at once, not watched: what a test of the design in CI wants. */
		public static final Options DEFAULT = new Options(false, Duration.ZERO, 0, line -> {
		});

		public Options {
			if (pace < 0 || delay.isNegative()) {
				throw new IllegalArgumentException("pace and delay must not be negative");
			}
		}
	}

	/** One expectation's outcome; {@code failure} is {@code null} when met. */
	public record Check(Scenario.Expectation expectation, String failure) {
	}

	/** A step as played: its window and its checks. */
	public record PlayedStep(Scenario.Step step, Instant from, Instant to, List<Check> checks) {
	}

	/**
	 * @param deploy   the deploy's result per device
	 * @param deployed whether every device was deployed and verified (else no event was played)
	 */
	public record Result(ZoneId zone, List<DeviceResult> deploy, boolean deployed, List<PlayedStep> steps,
			List<Timeline.Entry> timeline) {

		/** @return the failed checks */
		public List<Check> failures() {
			List<Check> out = new ArrayList<>();
			steps.forEach(s -> s.checks().stream().filter(c -> c.failure() != null).forEach(out::add));
			return out;
		}

		public int expectations() {
			return steps.stream().mapToInt(s -> s.checks().size()).sum();
		}
	}

	private SiteRehearsal() {
	}

	/** @return the site's time zone (the devices' zone after a deploy), UTC when it names none */
	public static ZoneId zone(SiteDesign design) {
		return zone(design.site());
	}

	/** @return the site's time zone, UTC when it names none */
	public static ZoneId zone(org.palisade.model.site.Site site) {
		String tz = site.getTimezone();
		return tz == null ? ZoneId.of("UTC") : ZoneId.of(tz);
	}

	/**
	 * @param progress the deploy's progress lines
	 * @throws IllegalArgumentException naming an event's or expectation's device that is not a
	 *                                  virtual device of the site (nothing is started then)
	 */
	public static Result run(SiteDesign design, Scenario scenario, Consumer<String> progress)
			throws IOException, GeneralSecurityException {
		return run(design, scenario, progress, Options.DEFAULT);
	}

	/**
	 * @param watch HTTPS or HTTP, and printing the devices' event stream URLs and pacing the clock for watchers
	 * @see #run(SiteDesign, Scenario, Consumer)
	 */
	public static Result run(SiteDesign design, Scenario scenario, Consumer<String> progress, Options watch)
			throws IOException, GeneralSecurityException {
		ZoneId zone = zone(design);
		List<Scenario.Step> steps = scenario.steps();
		Set<String> names = new HashSet<>();
		VirtualSite.of(design.site()).descriptors().forEach(d -> names.add(d.name()));
		for (Scenario.Step s : steps) {
			for (Scenario.Event e : s.events()) {
				need(names, e.device(), e.where(), design);
			}
			for (Scenario.Expectation x : s.expectations()) {
				String device = Expectations.device(x.text());
				if (device != null) {
					need(names, device, x.where(), design);
				}
			}
		}
		// The clock starts a minute early, so a schedule already active shows on the timeline.
		VirtualClock clock = VirtualClock.stepped(steps.get(0).at().minus(Duration.ofMinutes(1)));
		Path work = Files.createTempDirectory("palisade-rehearse");
		try (Rehearsal fleet = Rehearsal.start(design.site(), List.of(), watch.https(), clock)) {
			SiteState state = new SiteState(work, design.config().site(), true);
			SiteJobs site = new SiteJobs(design.config(), state, fleet.credentials()).virtual(fleet.uris());
			if (fleet.https()) {
				site.pin(fleet.fingerprint()); // the fleet's own certificate, made for this run
			}
			List<DeployEngine.Job> jobs = site.jobs(List.of());
			List<DeviceResult> deployed = new DeployEngine(new Journal(work.resolve("journal")), 4,
					(device, message) -> progress.accept("[" + device + "] " + message)).deploy(jobs);
			FleetRuntime runtime = fleet.fleet().runtime();
			if (deployed.stream().anyMatch(r -> r.outcome().isFailure())) {
				return new Result(zone, deployed, false, List.of(), runtime.timeline().entries());
			}
			runtime.sync();
			watchers(fleet, steps, watch);
			List<PlayedStep> played = new ArrayList<>();
			for (int i = 0; i < steps.size(); i++) {
				Scenario.Step s = steps.get(i);
				// Between steps (often days apart) at once: a watcher sees the steps, not the nights between them.
				clock.advanceTo(s.at());
				List<Scenario.Event> events = new ArrayList<>(s.events());
				events.sort(Comparator.comparing(Scenario.Event::at));
				Instant last = s.at();
				for (Scenario.Event e : events) {
					advance(clock, e.at(), watch);
					try {
						if (e.application() != null) {
							runtime.applicationEvent(e.device(), e.application(), e.event(), HOLD);
						} else if (e.door() != null) {
							runtime.doorAlarm(e.device(), e.door(), e.event(), HOLD);
						} else {
							runtime.input(e.device(), e.inputPort(), e.active());
						}
					} catch (IllegalArgumentException x) {
						throw new IllegalArgumentException(e.where() + ": " + x.getMessage(), x);
					}
					last = e.at();
				}
				Instant end = last.plus(WINDOW);
				if (i + 1 < steps.size() && steps.get(i + 1).at().isBefore(end)) {
					end = steps.get(i + 1).at();
				}
				advance(clock, end, watch);
				List<Timeline.Entry> entries = runtime.timeline().entries();
				List<Check> checks = new ArrayList<>();
				for (Scenario.Expectation x : s.expectations()) {
					checks.add(new Check(x, Expectations.check(x.text(), entries, s.at(), end, zone)));
				}
				played.add(new PlayedStep(s, s.at(), end, checks));
			}
			return new Result(zone, deployed, true, played, runtime.timeline().entries());
		} finally {
			try (Stream<Path> files = Files.walk(work)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/** Prints each device's event stream URL (a one-time token, valid for the whole run) and waits. */
	private static void watchers(Rehearsal fleet, List<Scenario.Step> steps, Options watch) {
		if (watch.pace() == 0 && watch.delay().isZero()) {
			return;
		}
		Duration played = WINDOW.multipliedBy(steps.size()); // the most a step is watched for
		Duration lifetime = watch.delay().plus(watch.pace() == 0 ? Duration.ZERO
				: Duration.ofMillis((long) (played.toMillis() / watch.pace()))).plus(Duration.ofMinutes(1));
		for (VirtualDevice d : fleet.fleet().devices()) {
			watch.out().accept(d.name() + " events: " + d.eventStreamUri(lifetime));
		}
		watch.out().accept("(send {\"apiVersion\":\"1.0\",\"method\":\"events:configure\",\"params\":{\"eventFilterList\":"
				+ "[{\"topicFilter\":\"tns1:Device//.\"},{\"topicFilter\":\"tnsaxis:CameraApplicationPlatform//.\"}]}}; "
				+ "each URL opens one stream; playing in " + watch.delay().toSeconds() + " s)");
		sleep(watch.delay());
	}

	/** Advances the clock to {@code to}: at once, or in real-time slices of 100 ms at the watch's pace. */
	private static void advance(VirtualClock clock, Instant to, Options watch) {
		if (watch.pace() == 0) {
			clock.advanceTo(to);
			return;
		}
		Duration slice = Duration.ofMillis((long) Math.max(1, 100 * watch.pace()));
		while (clock.instant().isBefore(to)) {
			Instant next = clock.instant().plus(slice);
			sleep(Duration.ofMillis(100));
			clock.advanceTo(next.isAfter(to) ? to : next);
		}
	}

	private static void sleep(Duration d) {
		try {
			Thread.sleep(d.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("rehearsal interrupted", e);
		}
	}

	private static void need(Set<String> names, String device, String where, SiteDesign design) {
		if (!names.contains(device)) {
			throw new IllegalArgumentException(where + ": no camera or speaker named '" + device + "' in "
					+ design.config().site() + " (" + String.join(", ", names) + ")");
		}
	}

	/** @return the timeline as text, a header per step, each entry one line; then the checks */
	public static String report(Result r) {
		return RehearsalReport.text(r);
	}

	/** @return one timeline entry as the report words it (the rule, the action, for how long, on what) */
	public static String describe(Timeline.Entry e) {
		return RehearsalReport.line(e);
	}

	/** @return a time as the report shows it: weekday, date, time and the zone's abbreviation */
	public static String time(Instant at, ZoneId zone) {
		return Expectations.TIME.format(at.atZone(zone));
	}
}
