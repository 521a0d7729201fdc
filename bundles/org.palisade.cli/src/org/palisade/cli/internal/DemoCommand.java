package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.deploy.site.SiteCommissioning;
import org.palisade.deploy.site.VirtualSite;
import org.palisade.deploy.SiteState;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.driver.CommissionJournal;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.deploy.vapix.driver.PasswordVault;
import org.palisade.validation.PasswordPolicy;
import java.util.Map;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.Journal;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.VapixTargets;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VirtualFleet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade demo [design]}: the whole loop on the bundled example, with no hardware and no
 * network beyond loopback: validate, start one virtual Axis device per camera and speaker,
 * factory-new, commission them (#17), plan and deploy over HTTPS with the certificates pinned while
 * commissioning, verify by reading the devices back, plan again (empty), stop. Exit 0 only when the
 * deployment was verified and the second plan is empty. The journal goes to a temporary folder, so
 * the example's folder stays clean.
 */
@Command(name = "demo", description = { "The whole loop on virtual devices, loopback only: validate, generate, start",
		"the devices factory-new, commission them, plan, deploy, verify, plan again (empty), stop.",
		"Exit 0 when all of it worked." })
public class DemoCommand extends CliCommand {

	@Parameters(arity = "0..1", paramLabel = "DESIGN", description = "a site design (default: the bundled example)")
	Path given;

	@Override
	int run() throws IOException, GeneralSecurityException {
		Path design = given == null ? example() : given;
		out.println("Palisade demo: " + design + " on virtual Axis devices (loopback only, no hardware).");
		out.println();
		out.println("1. Validate");
		SiteInput input;
		try {
			input = SiteInput.load(design, err);
		} catch (SiteInput.Invalid e) {
			err.println("palisade demo: " + e.getMessage());
			return Palisade.ERRORS;
		}
		out.println("   " + design + ": no errors, " + input.warnings().size() + " warning(s)");
		input.warnings().forEach(w -> out.println("   " + w.format()));
		out.println("2. Generate");
		for (DeviceConfiguration d : input.config().devices()) {
			out.println("   " + d.name() + " (" + d.role() + ", " + d.model() + "): " + d.objects().size()
					+ " object(s)" + (d.wiring() != null ? ", wiring sheet of " + d.wiring().rows().size() + " wire(s)" : ""));
		}
		VirtualSite.Devices virtual = VirtualSite.of(input.site());
		Path work = Files.createTempDirectory("palisade-demo");
		out.println("3. Start virtual devices, factory-new: no root password, HTTP only, a self-signed certificate each");
		List<org.palisade.simulator.DeviceDescriptor> descriptors;
		try {
			descriptors = SiteCommissioning.factoryNew(virtual.descriptors(), work);
		} catch (IOException | InterruptedException e) {
			delete(work);
			err.println("palisade demo: cannot make the virtual devices' certificates: " + e.getMessage());
			return Palisade.ERRORS;
		}
		try (VirtualFleet fleet = VirtualFleet.start(descriptors)) {
			// A camera's share test and alerts reach only the fleet's own devices (#19).
			fleet.runtime().addresses(VirtualSite.addresses(input.site(), fleet));
			for (VirtualDevice d : fleet.devices()) {
				if (input.config().device(d.name()) == null) {
					// The site's VMS (#19): not deployed to; it receives the cameras' alerts on loopback.
					out.println("   " + d.name() + " (" + d.descriptor().model() + "): receives alerts at " + d.baseUri()
							+ (d.tcpPort() > 0 ? " and tcp://127.0.0.1:" + d.tcpPort() : "") + ", not deployed to");
					continue;
				}
				out.println("   " + d.name() + " (" + d.descriptor().model() + ") at " + d.baseUri() + " (HTTPS "
						+ d.httpsUri() + " once turned on), for its factory and design addresses "
						+ input.config().device(d.name()).address());
			}
			// The journal, pins and the passwords commissioning sets go to the temporary folder: the
			// example's folder stays clean, and nothing is printed but where they are.
			SiteState state = new SiteState(work, input.config().site(), true);
			Path passwords = work.resolve("credentials");
			CommissionJournal journal = new CommissionJournal(SiteCommissioning.journalFile(state));
			Commissioner commissioner = new Commissioner(VapixClient.newConnector(TlsOptions.systemDefault(),
					Duration.ofSeconds(2)), RetryPolicy.defaults(), Duration.ofSeconds(5), PasswordVault.file(passwords),
					() -> PasswordPolicy.generate(20), journal, Pins.load(state.pinsFile()), SiteCommissioning.reach(fleet))
					.listener((device, step) -> out.println("   [" + device + "] " + step));
			List<Commissioner.Target> targets = SiteCommissioning.targets(input.site(), input.config(), List.of(), Map.of());
			out.println("4. Commission (one device at a time: factory-new devices share the factory address)");
			CommissionCommand.printPlan(input.config().site(), targets, commissioner, journal, indented());
			boolean commissioned = true;
			for (Commissioner.Target t : targets) {
				Commissioner.Result r = commissioner.commission(t);
				commissioned &= r.failure() == null;
				out.println("   " + t.device() + ": " + (r.failure() == null ? "commissioned at " + t.address() : "failed - " + r.failure()));
			}
			Pins pins = Pins.load(state.pinsFile());
			CredentialStore store = CredentialStore.empty().add("commissioned", CredentialStore.file(passwords, null));
			Map<String, org.palisade.deploy.vapix.HttpConnector> pinned = new java.util.HashMap<>();
			for (VirtualDevice d : fleet.devices()) {
				if (pins.of(d.name()) != null) {
					pinned.put(d.name(), VapixClient.newConnector(TlsOptions.pinnedSha256(pins.of(d.name())), Duration.ofSeconds(2)));
				}
			}
			VapixTargets targetsOverHttps = new VapixTargets(store, VapixClient.newConnector(TlsOptions.systemDefault(),
					Duration.ofSeconds(2)), RetryPolicy.defaults(), Duration.ofSeconds(5)).connectors(pinned);
			// The site's devices by design address, as deploy has them: a camera's door command names a
			// door by the door controller's token, which is asked of the controller (#19).
			java.util.Map<String, VapixTargets.Peer> peers = new java.util.LinkedHashMap<>();
			for (DeviceConfiguration d : input.config().devices()) {
				if (d.address() != null) {
					peers.put(d.address(), new VapixTargets.Peer(d.name(), fleet.device(d.name()).baseUri()));
				}
			}
			targetsOverHttps.peers(peers);
			List<DeployEngine.Job> jobs = new ArrayList<>();
			for (DeviceConfiguration d : input.config().devices()) {
				jobs.add(targetsOverHttps.job(d.name(), d.objects(), fleet.device(d.name()).httpsUri(), d.credentials(),
						d.identity(), d.address()));
			}
			DeployEngine engine = new DeployEngine(new Journal(work.resolve("journal")), 4,
					(device, message) -> out.println("   [" + device + "] " + message));
			out.println("5. Plan (over HTTPS, each device's pinned certificate)");
			List<DeviceResult> plan = engine.plan(jobs);
			Reports.planText(plan, indented());
			out.println("6. Deploy");
			List<DeviceResult> deployed = engine.deploy(jobs);
			Reports.deployText(deployed, indented());
			out.println("7. Verify: what the virtual devices now hold");
			for (VirtualDevice d : fleet.devices()) {
				show(d);
			}
			out.println("8. Plan again");
			List<DeviceResult> again = engine.plan(jobs);
			Reports.planText(again, indented());
			out.println("9. Commission again");
			boolean recommission = CommissionCommand.printPlan(input.config().site(), targets, commissioner, journal, indented());
			out.println("   " + (recommission ? "steps pending: see above" : "nothing to commission"));
			out.println("10. Stop the virtual devices");
			boolean ok = commissioned && !recommission && deployed.stream().noneMatch(r -> r.outcome().isFailure())
					&& again.stream().allMatch(r -> r.outcome() == DeviceResult.Outcome.UP_TO_DATE);
			out.println();
			out.println(ok ? "Demo complete: commissioned, deployed, verified, and the second plan is empty."
					: "Demo FAILED: see above.");
			return ok ? Palisade.OK : Palisade.ERRORS;
		} finally {
			delete(work);
		}
	}

	private static void delete(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private PrintStream indented() {
		return new PrintStream(new java.io.OutputStream() {
			private boolean lineStart = true;

			@Override
			public void write(int b) {
				if (lineStart) {
					out.print("   ");
				}
				out.write(b);
				lineStart = b == '\n';
			}
		}, true);
	}

	private void show(VirtualDevice d) {
		DeviceState s = d.state();
		out.println("   " + d.name() + ":");
		if (s.inbox() != null) {
			out.println("     VMS: " + s.inbox().alerts().size() + " alert(s) received so far");
			return;
		}
		out.println("     time zone: " + s.timeZone() + ", NTP " + s.parameter("Time.NTP.Server"));
		// What commissioning left (#17): the design's address, gateway and name server, HTTPS on.
		out.println("     network: " + s.parameter("Network.IPAddress") + " mask " + s.parameter("Network.SubnetMask")
				+ " gateway " + s.parameter("Network.DefaultRouter") + " DNS " + s.parameter("Network.Resolver.NameServer1")
				+ " (" + s.parameter("Network.BootProto") + "), HTTPS " + s.parameter("HTTPS.Enabled"));
		for (DeviceState.IoPort p : s.ioPorts()) {
			out.println("     I/O port " + (Integer.parseInt(p.port()) + 1) + ": " + p.direction() + " \"" + p.name()
					+ "\", normally " + p.normalState());
		}
		s.scheduledEvents().stream().filter(e -> !e.id().startsWith("com.axis.schedules.")).forEach(e -> out.println(
				"     schedule \"" + e.name() + "\" (" + e.id() + "): " + e.icalendar().replace("\n", " ")));
		s.recipientConfigurations().forEach(c -> out.println("     recipient \"" + c.name() + "\": " + c.templateToken()
				+ " " + c.parameters().get("upload_url")));
		for (DeviceState.ActionRule r : s.actionRules()) {
			DeviceState.Configuration a = s.actionConfigurations().stream().filter(c -> c.id().equals(r.primaryAction()))
					.findFirst().orElse(null);
			String action = a == null ? "?" : a.templateToken() + describe(a);
			String during = r.conditions().isEmpty() ? "" : " during " + r.conditions().get(0).messageContent()
					.replaceAll(".*@Name=\"id\" and @Value=\"([^\"]+)\".*", "$1");
			out.println("     rule \"" + r.name() + "\": when " + (r.startEvent() == null ? "?" : r.startEvent().topicExpression())
					+ during + " do " + action);
		}
		if (d.descriptor().clips().size() > 0) {
			out.println("     media clips: " + d.descriptor().clips());
		}
		if (s.ptz() != null) {
			// What the deploy checked on the PTZ (#19): the presets it holds, where the head points.
			out.println("     PTZ presets: " + s.ptz().presets().values().stream().map(p -> p.name()).toList()
					+ String.format(java.util.Locale.ROOT, "; position pan %.1f tilt %.1f zoom %d", s.ptz().pan(),
							s.ptz().tilt(), s.ptz().zoom())
					+ "; autoreturn " + s.parameter("PTZ.Various.V1.ReturnToOverview") + " s (PTZ.Various.V1.ReturnToOverview)");
		}
		if (s.doors() != null) {
			// What the deploy wrote on the door controller (#19): each door's name, timers and lock.
			for (org.palisade.simulator.DoorBank.Door door : s.doors().doors()) {
				out.println("     door " + door.name() + " (" + door.token() + "): " + door.mode() + ", access "
						+ door.fields().get("AccessTime") + ", open too long " + door.fields().get("OpenTooLongTime")
						+ ", lock " + door.configuration().get("Lock.Type"));
			}
		}
	}

	private static String describe(DeviceState.Configuration a) {
		if (a.templateToken().contains("io.toggle")) {
			return " (port " + (Integer.parseInt(a.parameters().get("port")) + 1) + " " + a.parameters().get("state")
					+ (a.parameters().containsKey("duration") ? " for " + a.parameters().get("duration") + " s" : "") + ")";
		}
		if (a.templateToken().contains("notification.tcp")) {
			return " (" + a.parameters().get("host") + ":" + a.parameters().get("port") + " \"" + a.parameters().get("message") + "\")";
		}
		if (a.templateToken().contains("recording.storage")) {
			return " (" + a.parameters().get("stream_options") + " pre " + a.parameters().get("pre_duration") + " ms post "
					+ a.parameters().get("post_duration") + " ms to " + a.parameters().get("storage_id") + ")";
		}
		return a.parameters().containsKey("upload_url") ? " (" + a.parameters().get("upload_url") + ")" : "";
	}

	/** The bundled example: $PALISADE_EXAMPLES (set by the ./palisade script), else ./examples. */
	private static Path example() {
		List<Path> candidates = new ArrayList<>();
		String env = System.getenv("PALISADE_EXAMPLES");
		if (env != null) {
			candidates.add(Path.of(env, "harbour-depot", "harbour-depot.perimeter"));
		}
		candidates.add(Path.of("examples", "harbour-depot", "harbour-depot.perimeter"));
		for (Path p : candidates) {
			if (Files.isRegularFile(p)) {
				return p;
			}
		}
		throw new UsageException("cannot find the bundled example (examples/harbour-depot); name a design: palisade demo <design>");
	}
}
