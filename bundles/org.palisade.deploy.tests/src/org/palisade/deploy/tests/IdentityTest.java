package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.DeviceResult.Outcome;
import org.palisade.model.site.Site;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;

/**
 * Issue #17 item 1: plan and deploy ask a device which it is before anything else, and refuse one
 * that is not the design's (another serial number, MAC or model at the design's address, as after a
 * swapped cable), naming both; nothing is written to it. Real sockets: the virtual devices count
 * what they were sent.
 */
class IdentityTest {

	static final String SERIAL = "ACCC8E012345";
	static final String OTHER = "ACCC8E0000FF";

	@TempDir
	Path dir;

	/** The manual's site with North1's serial number (and MAC) as its label gives them. */
	private Site site(String identity) throws Exception {
		String text = Files.readString(Harness.harbourDepot()).replace("at 10.20.0.11 on yard",
				"at 10.20.0.11 " + identity + " on yard");
		Path file = Files.createDirectories(dir.resolve("design")).resolve("harbour-depot.perimeter");
		Files.writeString(file, text);
		return Harness.load(file);
	}

	private static UnaryOperator<DeviceDescriptor> north1(UnaryOperator<DeviceDescriptor.Builder> change) {
		return d -> d.name().equals("North1") ? change.apply(d.toBuilder()).build() : d;
	}

	@Test
	void anotherSerialAtTheAddressIsRefusedAndNothingIsWritten() throws Exception {
		try (Harness h = new Harness(dir.resolve("journal"), site("serial \"" + SERIAL + "\""),
				north1(b -> b.serial(OTHER).mac("AC:CC:8E:00:00:FF")))) {
			VirtualDevice north1 = h.camera();
			DeviceState.Snapshot before = north1.state().snapshot();
			List<DeviceResult> results = h.deploy();
			DeviceResult r = Harness.result(results, "North1");
			assertEquals(Outcome.FAILED_UNCHANGED, r.outcome(), r.toString());
			String expected = "North1 at 10.20.0.11 (reached at " + north1.baseUri().getAuthority()
					+ ") is AXIS Q1961-TE serial " + OTHER + ", the design expects AXIS Q1961-TE serial " + SERIAL
					+ "; nothing was changed on it";
			assertTrue(r.error().contains(expected), r.error());
			List<RequestRecord> log = north1.requestLog();
			List<RequestRecord> writes = log.stream().filter(q -> !read(q)).toList();
			assertEquals(List.of(), writes, "no write request reached the other device");
			// Its model, serial and firmware come in the first read's param.cgi list (#16), then it is refused.
			assertEquals(List.of("list"), log.stream().filter(q -> q.status() != 401).map(RequestRecord::operation).toList(),
					"only its identity (and the parameters of that list) was asked: " + log);
			assertEquals(before, north1.state().snapshot());
			assertTrue(Files.notExists(dir.resolve("journal").resolve("North1.json")), "nothing journaled");
			// The speaker, which is what the design says, is not held up by the camera.
			assertEquals(Outcome.UNCHANGED, Harness.result(results, "Horn").outcome());
			System.out.println("identity refused: " + r.error() + "\n  North1 received " + log.size()
					+ " request(s), " + writes.size() + " write(s): " + log.stream().map(q -> q.path() + " " + q.operation()
							+ " " + q.status()).toList());
		}
	}

	@Test
	void planRefusesAnotherModelNamingBoth() throws Exception {
		try (Harness h = new Harness(dir.resolve("journal"), site("serial \"" + SERIAL + "\""),
				north1(b -> b.model("AXIS Q6075-E").serial(OTHER)))) {
			DeviceResult r = Harness.result(h.plan(), "North1");
			assertEquals(Outcome.FAILED_UNCHANGED, r.outcome());
			assertTrue(r.error().contains("is AXIS Q6075-E serial " + OTHER + ", the design expects AXIS Q1961-TE serial "
					+ SERIAL), r.error());
			assertTrue(h.camera().requestLog().stream().allMatch(IdentityTest::read), h.camera().requestLog().toString());
		}
	}

	/**
	 * A device that lacks one of the parameters the first param.cgi list asks answers that list with
	 * an error; it is then asked who it is on its own (basic device info) and refused as what it is,
	 * not reported as a camera with a missing parameter (#16).
	 */
	@Test
	void aSpeakerWhereTheCameraShouldBeIsRefusedAsTheSpeaker() throws Exception {
		try (Harness h = new Harness(dir.resolve("journal"), site("serial \"" + SERIAL + "\""),
				north1(b -> b.kind(org.palisade.simulator.DeviceKind.SPEAKER).model("AXIS C1310-E").serial(OTHER)))) {
			DeviceState.Snapshot before = h.camera().state().snapshot();
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.FAILED_UNCHANGED, r.outcome());
			assertTrue(r.error().contains("is AXIS C1310-E serial " + OTHER + ", the design expects AXIS Q1961-TE serial "
					+ SERIAL), r.error());
			List<RequestRecord> log = h.camera().requestLog();
			assertEquals(List.of("/axis-cgi/param.cgi", "/axis-cgi/basicdeviceinfo.cgi"),
					log.stream().filter(q -> q.status() != 401).map(RequestRecord::path).toList(), log.toString());
			assertTrue(log.stream().allMatch(IdentityTest::read), log.toString());
			assertEquals(before, h.camera().state().snapshot());
		}
	}

	@Test
	void anotherMacIsRefusedWhenTheDesignGivesOne() throws Exception {
		try (Harness h = new Harness(dir.resolve("journal"), site("mac \"ac-cc-8e-01-23-45\""),
				north1(b -> b.mac("AC:CC:8E:01:23:46")))) {
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.FAILED_UNCHANGED, r.outcome());
			assertTrue(r.error().contains(" MAC AC:CC:8E:01:23:46, the design expects AXIS Q1961-TE MAC AC:CC:8E:01:23:45"),
					r.error());
			assertEquals(0, h.camera().requestLog().stream().filter(q -> !read(q)).count());
		}
	}

	@Test
	void theDesignsDeviceIsDeployed() throws Exception {
		// The virtual devices take the design's serial and MAC: the right device at the address.
		try (Harness h = new Harness(dir.resolve("journal"), site("serial \"" + SERIAL.toLowerCase()
				+ "\" mac \"AC:CC:8E:01:23:45\""), d -> d)) {
			assertEquals(SERIAL, h.camera().descriptor().serial());
			DeviceResult r = Harness.result(h.deploy(), "North1");
			assertEquals(Outcome.DEPLOYED, r.outcome(), String.valueOf(r.error()));
			assertTrue(Harness.result(h.plan(), "North1").plan().isEmpty());
		}
	}

	/**
	 * Reads: basic device info, param.cgi list, and the get/Get operations of the JSON and SOAP APIs;
	 * and a request answered with a Digest challenge, which the device did not carry out.
	 */
	static boolean read(RequestRecord q) {
		String op = q.operation() == null ? "" : q.operation();
		return q.status() == 401 || q.path().endsWith("basicdeviceinfo.cgi") || op.equals("list") || op.startsWith("get") || op.startsWith("Get");
	}
}
