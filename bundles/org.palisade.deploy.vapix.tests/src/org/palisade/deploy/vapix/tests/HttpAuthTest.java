package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.internal.HttpAuth;

class HttpAuthTest {

	private static final Credentials CREDS = new Credentials("root", "pass".toCharArray());

	@Test
	void parsesSeveralChallengesInOneOrManyHeaders() {
		List<HttpAuth.Challenge> one = HttpAuth.parse(List.of(
				"Digest realm=\"AXIS_1, x\", nonce=\"abc\", algorithm=MD5, qop=\"auth,auth-int\", Basic realm=\"AXIS_1\""));
		assertEquals(2, one.size());
		assertEquals("digest", one.get(0).scheme());
		assertEquals("AXIS_1, x", one.get(0).params().get("realm"));
		assertEquals("auth,auth-int", one.get(0).params().get("qop"));
		assertEquals("basic", one.get(1).scheme());
		List<HttpAuth.Challenge> two = HttpAuth.parse(List.of("Basic realm=\"r\"", "Digest realm=\"r\", nonce=\"n\", stale=TRUE"));
		assertEquals("digest", HttpAuth.choose(two).scheme());
		assertTrue(HttpAuth.choose(two).stale());
	}

	@Test
	void choosesTheStrongestSupportedScheme() {
		assertEquals("SHA-256", HttpAuth.choose(HttpAuth.parse(List.of("Digest realm=\"r\", nonce=\"1\", algorithm=MD5, qop=\"auth\"",
				"Digest realm=\"r\", nonce=\"2\", algorithm=SHA-256, qop=\"auth\""))).params().get("algorithm"));
		assertEquals("basic", HttpAuth.choose(HttpAuth.parse(List.of("Digest realm=\"r\", nonce=\"1\", qop=\"auth-int\"",
				"Basic realm=\"r\""))).scheme());
		assertNull(HttpAuth.choose(HttpAuth.parse(List.of("Negotiate", "Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess"))));
	}

	@Test
	void digestResponseFollowsRfc7616AndCountsNonces() throws Exception {
		HttpAuth auth = new HttpAuth();
		assertNull(auth.header("GET", "/x", CREDS));
		auth.install(HttpAuth.choose(HttpAuth.parse(List.of("Digest realm=\"AXIS_R\", nonce=\"n1\", algorithm=MD5, qop=\"auth\", opaque=\"o\""))));
		String h1 = auth.header("GET", "/axis-cgi/param.cgi?action=list", CREDS);
		String h2 = auth.header("GET", "/axis-cgi/param.cgi?action=list", CREDS);
		assertTrue(h1.contains("nc=00000001") && h2.contains("nc=00000002"), h1 + "\n" + h2);
		assertTrue(h1.contains("opaque=\"o\"") && h1.contains("uri=\"/axis-cgi/param.cgi?action=list\""));
		Matcher cn = Pattern.compile("cnonce=\"([0-9a-f]+)\"").matcher(h1);
		assertTrue(cn.find());
		String ha1 = md5("root:AXIS_R:pass");
		String ha2 = md5("GET:/axis-cgi/param.cgi?action=list");
		String expected = md5(ha1 + ":n1:00000001:" + cn.group(1) + ":auth:" + ha2);
		assertTrue(h1.contains("response=\"" + expected + "\""), h1);
		assertFalse(h1.contains("pass\""));
		auth.install(HttpAuth.choose(HttpAuth.parse(List.of("Digest realm=\"AXIS_R\", nonce=\"n2\", qop=\"auth\""))));
		assertTrue(auth.header("GET", "/x", CREDS).contains("nc=00000001"));
	}

	@Test
	void basicHeader() {
		HttpAuth auth = new HttpAuth();
		auth.install(HttpAuth.choose(HttpAuth.parse(List.of("Basic realm=\"r\""))));
		assertEquals("Basic cm9vdDpwYXNz", auth.header("GET", "/", CREDS));
	}

	private static String md5(String s) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
	}
}
