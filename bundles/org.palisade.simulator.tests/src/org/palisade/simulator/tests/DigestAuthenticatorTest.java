package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.AuthMode;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;

class DigestAuthenticatorTest {

	private static final String PATH = "/axis-cgi/param.cgi?action=list&group=Brand";
	private VirtualDevice device;
	private TestHttp http;

	@BeforeEach
	void start() throws Exception {
		device = new VirtualDevice(DeviceDescriptor.builder("cam-1").serial("ACCC8E000001")
				.password("s3cret-Pw".toCharArray()).build()).start();
		http = new TestHttp(device.baseUri(), "root", "s3cret-Pw");
	}

	@AfterEach
	void stop() {
		device.stop();
	}

	@Test
	void challengesWithAxisDigestHeader() throws Exception {
		HttpResponse<String> r = http.sendWith("GET", PATH, null);
		assertEquals(401, r.statusCode());
		List<String> offered = r.headers().allValues("WWW-Authenticate");
		// SHA-256 first (RFC 7616: the preferred one first), MD5 for older clients
		assertEquals(2, offered.size(), offered.toString());
		assertTrue(offered.get(0).matches(
				"Digest realm=\"AXIS_ACCC8E000001\", nonce=\"[0-9a-f]{32}\", algorithm=SHA-256, qop=\"auth\""), offered.get(0));
		assertTrue(offered.get(1).matches(
				"Digest realm=\"AXIS_ACCC8E000001\", nonce=\"[0-9a-f]{32}\", algorithm=MD5, qop=\"auth\""), offered.get(1));
	}

	@Test
	void acceptsSha256AndMd5DigestsButNotOneComputedWithTheOtherAlgorithm() throws Exception {
		Map<String, String> c = TestHttp.challenge(http.sendWith("GET", PATH, null).headers().firstValue("WWW-Authenticate").orElseThrow());
		String realm = c.get("realm");
		String nonce = c.get("nonce");
		assertEquals(200, http.sendWith("GET", PATH,
				http.digestWith("SHA-256", "s3cret-Pw", "GET", PATH, realm, nonce, "00000001", "a")).statusCode());
		assertEquals(200, http.sendWith("GET", PATH,
				http.digestWith("MD5", "s3cret-Pw", "GET", PATH, realm, nonce, "00000002", "b")).statusCode());
		// an MD5 response labelled SHA-256 is a wrong digest: a plain challenge, not stale
		String mislabelled = http.digestWith("MD5", "s3cret-Pw", "GET", PATH, realm, nonce, "00000003", "c")
				.replace("algorithm=MD5", "algorithm=SHA-256");
		HttpResponse<String> r = http.sendWith("GET", PATH, mislabelled);
		assertEquals(401, r.statusCode());
		assertFalse(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("stale"));
		assertEquals(401, http.sendWith("GET", PATH,
				http.digestWith("SHA-256", "wrong-Pw", "GET", PATH, realm, nonce, "00000004", "d")).statusCode());
	}

	@Test
	void acceptsCorrectDigest() throws Exception {
		HttpResponse<String> r = http.get(PATH);
		assertEquals(200, r.statusCode());
		assertTrue(r.body().contains("Brand.Brand=AXIS\n"), r.body());
	}

	@Test
	void rejectsWrongPasswordWithoutStale() throws Exception {
		HttpResponse<String> r = new TestHttp(device.baseUri(), "root", "wrong").get(PATH);
		assertEquals(401, r.statusCode());
		assertFalse(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("stale"));
	}

	@Test
	void rejectsWrongUser() throws Exception {
		assertEquals(401, new TestHttp(device.baseUri(), "admin", "s3cret-Pw").get(PATH).statusCode());
	}

	@Test
	void expiredNonceIsStale() throws Exception {
		Map<String, String> c = TestHttp.challenge(http.sendWith("GET", PATH, null).headers().firstValue("WWW-Authenticate").orElseThrow());
		device.expireNonces();
		HttpResponse<String> r = http.sendWith("GET", PATH, http.digest("GET", PATH, c.get("realm"), c.get("nonce"), "00000001", "abc"));
		assertEquals(401, r.statusCode());
		assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("stale=true"));
	}

	@Test
	void nonceCountsMayIncreaseButNotRepeat() throws Exception {
		Map<String, String> c = TestHttp.challenge(http.sendWith("GET", PATH, null).headers().firstValue("WWW-Authenticate").orElseThrow());
		String realm = c.get("realm");
		String nonce = c.get("nonce");
		assertEquals(200, http.sendWith("GET", PATH, http.digest("GET", PATH, realm, nonce, "00000001", "a")).statusCode());
		assertEquals(200, http.sendWith("GET", PATH, http.digest("GET", PATH, realm, nonce, "00000002", "b")).statusCode());
		HttpResponse<String> replay = http.sendWith("GET", PATH, http.digest("GET", PATH, realm, nonce, "00000002", "b"));
		assertEquals(401, replay.statusCode());
	}

	@Test
	void rejectsDigestForAnotherUri() throws Exception {
		Map<String, String> c = TestHttp.challenge(http.sendWith("GET", PATH, null).headers().firstValue("WWW-Authenticate").orElseThrow());
		String auth = http.digest("GET", "/axis-cgi/other.cgi", c.get("realm"), c.get("nonce"), "00000001", "a");
		assertEquals(401, http.sendWith("GET", PATH, auth).statusCode());
	}

	@Test
	void basicIsRefusedByDigestOnlyDevice() throws Exception {
		String basic = "Basic " + Base64.getEncoder().encodeToString("root:s3cret-Pw".getBytes(StandardCharsets.UTF_8));
		assertEquals(401, http.sendWith("GET", PATH, basic).statusCode());
	}

	@Test
	void basicWorksWhenConfigured() throws Exception {
		try (VirtualDevice both = new VirtualDevice(DeviceDescriptor.builder("cam-2").authMode(AuthMode.DIGEST_OR_BASIC)
				.password("pw-basic".toCharArray()).build()).start()) {
			TestHttp h = new TestHttp(both.baseUri(), "root", "pw-basic");
			HttpResponse<String> challenge = h.sendWith("GET", PATH, null);
			List<String> offered = challenge.headers().allValues("WWW-Authenticate");
			assertEquals(3, offered.size());
			assertTrue(offered.get(0).startsWith("Digest ") && offered.get(0).contains("algorithm=SHA-256"));
			assertTrue(offered.get(1).startsWith("Digest ") && offered.get(1).contains("algorithm=MD5"));
			assertTrue(offered.get(2).startsWith("Basic realm="));
			String good = "Basic " + Base64.getEncoder().encodeToString("root:pw-basic".getBytes(StandardCharsets.UTF_8));
			String bad = "Basic " + Base64.getEncoder().encodeToString("root:nope".getBytes(StandardCharsets.UTF_8));
			assertEquals(200, h.sendWith("GET", PATH, good).statusCode());
			assertEquals(401, h.sendWith("GET", PATH, bad).statusCode());
			assertEquals(200, h.get(PATH).statusCode());
		}
	}

	@Test
	void changedPasswordLocksOutTheOldOne() throws Exception {
		device.changePassword("n3w-Pw".toCharArray());
		assertEquals(401, http.get(PATH).statusCode());
		assertEquals(200, new TestHttp(device.baseUri(), "root", "n3w-Pw").get(PATH).statusCode());
	}

	@Test
	void noSecretInRequestLogOrDescriptor() throws Exception {
		http.get(PATH + "&x=s3cret-Pw");
		new TestHttp(device.baseUri(), "root", "wrong-Pw").get(PATH);
		List<RequestRecord> log = device.requestLog();
		assertEquals(4, log.size());
		assertEquals(List.of(401, 200, 401, 401), log.stream().map(RequestRecord::status).toList());
		String all = log.toString() + device + device.descriptor();
		assertFalse(all.contains("s3cret-Pw"), all);
		assertFalse(all.contains("wrong-Pw"), all);
		assertFalse(all.toLowerCase().contains("digest username"), all);
	}
}
