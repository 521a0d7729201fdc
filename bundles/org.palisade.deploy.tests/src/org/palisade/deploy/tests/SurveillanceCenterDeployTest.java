package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.deploy.site.VirtualSite;
import org.palisade.model.site.Site;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.EdgeStorage;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VmsInbox;

/**
 * The surveillance center (issue #19 item 3) deployed to virtual devices over real sockets: the
 * manual's camera alerts the VMS with a TCP generic event and records the "Operator" stream on its SD
 * card; the second plan is empty, and an intrusion played on the fleet reaches the virtual VMS through
 * the address map. A camera that records to a network share (#17 item 4) gets the share added, tested,
 * bound and read back; a share whose host is not reachable fails its test and the camera is restored.
 */
class SurveillanceCenterDeployTest {

	@Test
	void alertAndRecordingAreDeployedAndAnIntrusionReachesTheVms(@TempDir Path dir) throws Exception {
		try (Harness h = new Harness(dir)) {
			List<DeviceResult> results = h.deploy();
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());
			assertTrue(results.stream().noneMatch(r -> r.device().equals("Center")), "the VMS is not deployed to: " + results);

			DeviceState camera = h.camera().state();
			DeviceState.Configuration alert = action(camera, "Alert the center");
			assertEquals("com.axis.action.fixed.notification.tcp", alert.templateToken());
			assertEquals("10.30.0.5", alert.parameters().get("host"));
			assertEquals("1234", alert.parameters().get("port"));
			assertEquals("North1 fence intrusion", alert.parameters().get("message"));
			DeviceState.Configuration record = action(camera, "Record the intrusion");
			assertEquals("com.axis.action.fixed.recording.storage", record.templateToken());
			assertEquals("streamprofile%3DOperator", record.parameters().get("stream_options"));
			assertEquals("5000", record.parameters().get("pre_duration"));
			assertEquals("30000", record.parameters().get("post_duration"));
			assertEquals("SD_DISK", record.parameters().get("storage_id"));
			assertTrue(h.plan().stream().allMatch(r -> r.outcome() == Outcome.UP_TO_DATE), "the second plan is empty");

			var runtime = h.fleet.runtime().addresses(VirtualSite.addresses(h.site, h.fleet));
			assertEquals("tcp", runtime.addresses().get("10.30.0.5:1234").getScheme(), runtime.addresses().toString());
			runtime.sync();
			runtime.applicationEvent("North1", "PerimeterDefender", "intrusion", Duration.ofSeconds(1));
			VmsInbox inbox = h.fleet.device("Center").state().inbox();
			long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (inbox.alerts().isEmpty() && System.nanoTime() < end) {
				Thread.sleep(20);
			}
			assertEquals(1, inbox.alerts().size(), runtime.timeline().entries().toString());
			assertEquals("North1 fence intrusion", inbox.alerts().get(0).text());
			assertEquals("tcp", inbox.alerts().get(0).via());
			List<EdgeStorage.Recording> recordings = camera.storage().recordings();
			assertEquals(1, recordings.size(), runtime.timeline().entries().toString());
			assertEquals("Operator", recordings.get(0).stream());
			assertEquals(Duration.ofSeconds(35), Duration.between(recordings.get(0).start(), recordings.get(0).stop()));
		}
	}

	/** The example with North1 recording to a share on the control room's host instead of its SD card. */
	private static Site shareSite(Path dir, String host) throws Exception {
		String text = Files.readString(Harness.harbourDepot())
				.replace("storage sd-card 512 GB retention 30 days",
						"storage network-share 2000 GB share \"//" + host + "/evidence\" credentials \"harbour-depot/evidence\"")
				.replace("to sd-card estimate 20 per day", "to network-share estimate 20 per day");
		Path file = dir.resolve("share.perimeter");
		Files.writeString(file, text);
		return Harness.load(file);
	}

	private static CredentialStore withShareLogin(Harness h, char[] password) {
		return CredentialStore.empty().add("virtual", CredentialStore.of(h.virtual.credentials()))
				.add("share", CredentialStore.of(Map.of("harbour-depot/evidence", new Credential("recorder", password))));
	}

	@Test
	void networkShareIsAddedTestedBoundReadBackAndPlannedEmpty(@TempDir Path dir) throws Exception {
		char[] password = "Nas-secret-4711".toCharArray();
		try (Harness h = new Harness(dir.resolve("journal"), shareSite(dir, "10.30.0.5"), d -> d)) {
			h.fleet.runtime().addresses(VirtualSite.addresses(h.site, h.fleet));
			CredentialStore store = withShareLogin(h, password);
			List<DeviceResult> results = h.engine().deploy(h.jobs(store));
			assertEquals(Outcome.DEPLOYED, Harness.result(results, "North1").outcome(), h.progress.toString());

			EdgeStorage storage = h.camera().state().storage();
			assertEquals(1, storage.shares().size());
			EdgeStorage.Share share = storage.shares().get(0);
			assertEquals("palisade-evidence", share.shareId());
			assertEquals("10.30.0.5", share.address());
			assertEquals("evidence", share.share());
			assertEquals("recorder", share.user());
			assertTrue(share.bound() && share.mounted(), share.toString());
			assertEquals("NetworkShare", action(h.camera().state(), "Record the intrusion").parameters().get("storage_id"));
			// Added, tested (and its job asked), bound: the documented order.
			List<String> calls = h.camera().requestLog().stream().map(RequestRecord::path)
					.filter(p -> p.startsWith("/axis-cgi/disks/")).toList();
			assertTrue(calls.indexOf("/axis-cgi/disks/networkshare/add.cgi") < calls.indexOf("/axis-cgi/disks/networkshare/test.cgi")
					&& calls.indexOf("/axis-cgi/disks/networkshare/test.cgi") < calls.indexOf("/axis-cgi/disks/networkshare/job.cgi")
					&& calls.indexOf("/axis-cgi/disks/networkshare/job.cgi") < calls.indexOf("/axis-cgi/disks/networkshare/bind.cgi")
					&& calls.contains("/axis-cgi/disks/networkshare/add.cgi"), calls.toString());

			List<DeviceResult> again = h.engine().plan(h.jobs(store));
			assertTrue(again.stream().allMatch(r -> r.outcome() == Outcome.UP_TO_DATE), "the second plan is empty: " + again);
			assertFalse(String.join("\n", h.progress).contains("Nas-secret-4711"), "the share's password is never printed");
			assertFalse(again.toString().contains("Nas-secret-4711"));

			// Someone removes the share by hand: the plan shows it, the deploy puts it back.
			assertTrue(storage.unmount("NetworkShare"));
			assertEquals(null, storage.unbind("palisade-evidence"));
			assertEquals(null, storage.remove("palisade-evidence"));
			assertEquals(Outcome.CHANGES_PENDING, Harness.result(h.engine().plan(h.jobs(store)), "North1").outcome());
			assertEquals(Outcome.DEPLOYED, Harness.result(h.engine().deploy(h.jobs(store)), "North1").outcome(),
					h.progress.toString());
			assertTrue(storage.shares().get(0).bound());
		}
	}

	@Test
	void shareOnAHostTheCameraCannotReachFailsItsTestAndTheCameraIsRestored(@TempDir Path dir) throws Exception {
		// 10.30.0.99 is no device of the site: not in the fleet's address map, never contacted.
		try (Harness h = new Harness(dir.resolve("journal"), shareSite(dir, "10.30.0.99"), d -> d)) {
			h.fleet.runtime().addresses(VirtualSite.addresses(h.site, h.fleet));
			CredentialStore store = withShareLogin(h, "Nas-secret-4711".toCharArray());
			DeviceState before = h.camera().state();
			int actionsBefore = before.actionConfigurations().size();
			List<DeviceResult> results = h.engine().deploy(h.jobs(store));
			DeviceResult north = Harness.result(results, "North1");
			assertEquals(Outcome.RESTORED, north.outcome(), h.progress.toString());
			assertTrue(String.valueOf(north.error()).contains("760"), "the failure names the device's error: " + north.error());
			assertEquals(List.of(), h.camera().state().storage().shares(), "no share is left on the camera");
			assertEquals(actionsBefore, h.camera().state().actionConfigurations().size(), "nothing of the deploy stays");
		}
	}

	private static DeviceState.Configuration action(DeviceState s, String rule) {
		DeviceState.ActionRule r = s.actionRules().stream().filter(x -> x.name().equals(rule + " [palisade]")).findFirst()
				.orElseThrow(() -> new AssertionError("no rule " + rule + " on the camera: " + s.actionRules()));
		return s.actionConfigurations().stream().filter(a -> a.id().equals(r.primaryAction())).findFirst().orElseThrow();
	}
}
