package org.palisade.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.deploy.site.Scenario;
import org.palisade.deploy.site.SiteDesign;
import org.palisade.deploy.site.SiteRehearsal;
import org.palisade.dsl.load.DesignInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade rehearse <site> [--scenario FILE] [--at TIME] [--event SPEC]... [--expect TEXT]...}:
 * deploys the site to a fresh fleet of virtual devices on a stepped clock, plays the events and
 * prints the timeline of what the devices did; exit 1 when an expectation is not met, so a site's
 * intended behaviour can be a test in CI.
 */
@Command(name = "rehearse", description = { "Deploy to fresh virtual devices on a virtual clock, play events, and show",
		"what fires when: time, device, trigger, rule, action, for how long, what the other devices did.",
		"Exit 1 when an --expect (or a scenario's expect) is not met." })
public class RehearseCommand extends CliCommand {

	@Parameters(paramLabel = "SITE", description = "the site design (a .perimeter file or its folder)")
	Path site;

	@Option(names = "--scenario", paramLabel = "FILE", description = { "steps of events and expectations, kept beside the design",
			"(lines: at [Tue] 2026-12-01 02:00 \"label\" / event ... / expect ...)" })
	Path scenarioFile;

	@Option(names = "--at", paramLabel = "TIME", description = { "when the --event/--expect step happens, in the site's time zone:",
			"[WEEKDAY] yyyy-MM-dd HH:mm[:ss][+hh:mm] (an offset picks one of a repeated hour)" })
	String at;

	@Option(names = "--event", paramLabel = "DEVICE.APP.EVENT[@TIME]", description = { "an event (repeatable): North1.PerimeterDefender.intrusion,",
			"North1.input.2[.normal]; @TIME or @+30s for later than --at" })
	List<String> events = new ArrayList<>();

	@Option(names = "--expect", paramLabel = "TEXT", description = { "what must happen in the step (repeatable):",
			"'North1 port 1 active 30s', 'North1 port 1 inactive', 'Horn clip 2', 'Horn no clip', 'nothing'" })
	List<String> expectations = new ArrayList<>();

	@Option(names = "--https", description = { "the virtual devices serve HTTPS with a self-signed certificate (pinned",
			"for the rehearsal's deploy), so the cameras' HTTPS notifications go over TLS too" })
	boolean https;

	@Option(names = "--watch", paramLabel = "SECONDS", description = { "print each virtual device's event stream URL",
			"(WebSocket, as Axis devices serve it: websocat, a browser) and wait this long before playing" })
	Integer watchSeconds;

	@Option(names = "--pace", paramLabel = "FACTOR", description = { "play at FACTOR times real time (60: a minute a second)",
			"so watchers see events as they come; default: at once, or 60 with --watch" })
	Double pace;

	@Override
	int run() throws IOException, GeneralSecurityException {
		if (watchSeconds != null && watchSeconds < 0) {
			throw usage("--watch: must be at least 0, got " + watchSeconds);
		}
		if (pace != null && (pace <= 0 || pace.isInfinite() || pace.isNaN())) {
			throw usage("--pace: must be a factor above 0, got " + pace);
		}
		if (scenarioFile == null && events.isEmpty() && expectations.isEmpty()) {
			throw usage("nothing to rehearse: give --scenario FILE, or --at TIME with --event and --expect");
		}
		if ((!events.isEmpty() || !expectations.isEmpty()) && at == null) {
			throw usage("--event and --expect need --at TIME (the step's time in the site's zone)");
		}
		if (at != null && events.isEmpty() && expectations.isEmpty()) {
			throw usage("--at needs an --event or --expect");
		}
		SiteDesign design;
		try {
			design = SiteDesign.load(Languages.designSet(), site);
		} catch (DesignInputException | IllegalArgumentException e) {
			throw usage(e.getMessage());
		} catch (SiteDesign.Invalid e) {
			e.errors().forEach(d -> err.println(d.format()));
			err.println(name() + ": " + e.getMessage());
			return Palisade.ERRORS;
		}
		ZoneId zone = SiteRehearsal.zone(design);
		Scenario scenario;
		try {
			scenario = scenarioFile != null ? read(scenarioFile, zone) : new Scenario();
			if (at != null) {
				Instant when = Scenario.time(at, zone, "--at");
				List<Scenario.Event> given = new ArrayList<>();
				for (String e : events) {
					given.add(Scenario.event(e, when, zone, "--event " + e));
				}
				List<Scenario.Expectation> wanted = new ArrayList<>();
				for (String x : expectations) {
					wanted.add(Scenario.expectation(x, "--expect"));
				}
				scenario.add("command line", when, given, wanted, "--at " + at);
			}
		} catch (Scenario.Invalid e) {
			throw usage(e.getMessage());
		}
		SiteRehearsal.Result result;
		try {
			SiteRehearsal.Options options = watchSeconds == null && pace == null
					? new SiteRehearsal.Options(https, java.time.Duration.ZERO, 0, line -> {
					})
					: new SiteRehearsal.Options(https, java.time.Duration.ofSeconds(watchSeconds == null ? 0 : watchSeconds),
							pace != null ? pace : 60, line -> {
								out.println(line);
								out.flush();
							});
			result = SiteRehearsal.run(design, scenario, line -> {
			}, options);
		} catch (IllegalArgumentException e) {
			throw usage(e.getMessage());
		}
		out.print(SiteRehearsal.report(result));
		if (!result.deployed()) {
			err.println(name() + ": the deploy to the virtual devices failed; see above");
			return Palisade.ERRORS;
		}
		List<SiteRehearsal.Check> failed = result.failures();
		if (!failed.isEmpty()) {
			for (SiteRehearsal.Check c : failed) {
				err.println(name() + ": " + c.expectation().where() + ": expect " + c.expectation().text() + ": "
						+ c.failure());
			}
			return Palisade.ERRORS;
		}
		return Palisade.OK;
	}

	private static Scenario read(Path file, ZoneId zone) throws IOException, Scenario.Invalid {
		if (!Files.isRegularFile(file)) {
			throw new Scenario.Invalid(file + ": no such scenario file");
		}
		return Scenario.read(file, zone);
	}
}
