package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

/**
 * The connection handling of {@link HttpTransport} (HttpClient underneath) against a scripted
 * server on a real loopback socket, which writes exactly the bytes of each case: what Palisade
 * relies on for never replaying a call that may have been applied. A connection the device
 * closed is not reused, a request lost on a reused connection is reported with its outcome
 * unknown, a late or stray answer is never taken for the next one, keep-alive hints are
 * honoured, and an answer that breaks off is an error, never a truncated success.
 */
class HttpTransportConnectionTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);
	private static final String PASSWORD = "Raw-Pa55word";

	@Test
	void anIpv6AddressIsBracketedInTheHostHeader() throws Exception {
		try (RawServer server = RawServer.startIpv6(loop(r -> ok("host " + r.header("host"))));
				HttpTransport t = transport(server, RetryPolicy.none())) {
			VapixResponse a = t.execute(read("/axis-cgi/basicdeviceinfo.cgi"));
			assertEquals(200, a.status());
			// RFC 9112 §3.2: an IP-literal host keeps its brackets, and the port follows them.
			assertEquals("host [::1]:" + server.port(), text(a));
		}
	}

	// ---- helpers -------------------------------------------------------------------------------

	/** A script answering every request on every connection with {@code answer.apply(request)}. */
	private static RawServer.Script loop(Function<RawServer.Req, String> answer) {
		return (index, conn) -> {
			for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
				conn.write(answer.apply(r));
			}
		};
	}

	private static String ok(String body, String... headerLines) {
		StringBuilder b = new StringBuilder("HTTP/1.1 200 OK\r\n");
		for (String h : headerLines) {
			b.append(h).append("\r\n");
		}
		return b.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
				.append(body).toString();
	}

	private static HttpTransport transport(RawServer server, RetryPolicy retry) throws Exception {
		return transport(server, retry, TIMEOUT);
	}

	private static HttpTransport transport(RawServer server, RetryPolicy retry, Duration requestTimeout)
			throws Exception {
		return new HttpTransport("raw-cam", server.uri(), new Credentials("root", PASSWORD.toCharArray()),
				VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2)), requestTimeout, retry);
	}

	private static VapixRequest read(String target) {
		return VapixRequest.get(target, null, Safety.READ, "test read");
	}

	private static VapixRequest add(String target, String body) {
		return VapixRequest.post(target, body.getBytes(StandardCharsets.UTF_8), "text/plain", Safety.NON_IDEMPOTENT,
				"test add");
	}

	private static String text(VapixResponse r) {
		return new String(r.body(), StandardCharsets.UTF_8);
	}

	// ---- persistence ---------------------------------------------------------------------------

	@Test
	void connectionCloseOnANormalAnswerEndsTheConnection() throws Exception {
		CountDownLatch firstClosedByClient = new CountDownLatch(1);
		RawServer.Script script = (index, conn) -> {
			conn.read();
			conn.write(ok("bye", "Connection: close"));
			// the server keeps its end open: the client must not send another request on it
			if (conn.clientClosed(5_000)) {
				firstClosedByClient.countDown();
			}
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			assertEquals("bye", text(t.execute(read("/1"))));
			assertTrue(firstClosedByClient.await(5, TimeUnit.SECONDS), "the client closed the connection");
			assertEquals("bye", text(t.execute(add("/2", "x"))));
			assertEquals(2, server.connections());
			assertEquals(List.of(0, 1), server.connectionOfEachRequest());
		}
	}

	/** The server closes an idle persistent connection (as devices do after a few seconds). */
	private enum IdleEnd { FIN, RESET, UNSOLICITED_408 }

	private void idleCloseByServer(IdleEnd how) throws Exception {
		CountDownLatch closed = new CountDownLatch(1);
		RawServer.Script script = (index, conn) -> {
			RawServer.Req r = conn.read();
			conn.answer(200, "served on " + index + ": " + r.method());
			Thread.sleep(50);
			switch (how) {
			case RESET -> conn.reset();
			case FIN -> conn.close();
			case UNSOLICITED_408 -> {
				// some servers announce the idle timeout with a 408 before closing, here a while later
				conn.write("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
				closed.countDown();
				Thread.sleep(2_000);
				conn.close();
				return;
			}
			}
			closed.countDown();
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			assertEquals("served on 0: GET", text(t.execute(read("/first"))));
			assertTrue(closed.await(5, TimeUnit.SECONDS));
			Thread.sleep(100); // the FIN (or RST) has arrived; the connection is still within its keep-alive time
			// Without retries, a non-idempotent call written into the dead connection would fail with
			// an unknown outcome; the transport must notice the close and use a new connection.
			assertEquals("served on 1: POST", text(t.execute(add("/add", "once"))));
			assertEquals(2, server.connections());
			assertEquals(1, server.requests().stream().filter(r -> r.method().equals("POST")).count());
			Thread.sleep(200);
			assertEquals("served on 2: GET", text(t.execute(read("/again"))));
			assertEquals(List.of(0, 1, 2), server.connectionOfEachRequest());
		}
	}

	@Test
	void idleConnectionClosedByTheServerIsNotReused() throws Exception {
		idleCloseByServer(IdleEnd.FIN);
	}

	@Test
	void idleConnectionResetByTheServerIsNotReused() throws Exception {
		idleCloseByServer(IdleEnd.RESET);
	}

	@Test
	void idleConnectionWithAnUnsolicited408IsNotReused() throws Exception {
		// the 408 must not be taken for the answer to the next request
		idleCloseByServer(IdleEnd.UNSOLICITED_408);
	}

	@Test
	void requestLostOnAReusedConnection() throws Exception {
		// The server reads the second request on the connection, then closes without answering: the
		// race an idle check cannot exclude. The outcome is unknown, which the transport must say.
		RawServer.Script script = (index, conn) -> {
			if (index == 0) {
				conn.read();
				conn.answer(200, "first");
				conn.read();
				conn.close();
				return;
			}
			for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
				conn.answer(200, "fresh " + r.method());
			}
		};
		try (RawServer server = RawServer.start(script);
				HttpTransport t = transport(server, RetryPolicy.none())) {
			assertEquals("first", text(t.execute(read("/first"))));
			VapixException e = assertThrows(VapixException.class, () -> t.execute(add("/add", "once")));
			assertEquals(VapixException.Kind.TRANSPORT, e.kind());
			assertEquals(1, e.attempts());
			assertTrue(e.getMessage().contains("not retried because the call is not idempotent"), e.getMessage());
			assertEquals(1, server.requests().stream().filter(r -> r.method().equals("POST")).count());
			assertEquals(1, server.connections(), "no second attempt on another connection");
			// the failed connection is dropped: the next call goes on a new one
			assertEquals("fresh POST", text(t.execute(add("/add", "twice"))));
			assertEquals(2, server.connections());
		}
		try (RawServer server = RawServer.start(script); HttpTransport patient = transport(server, Fixture.FAST)) {
			assertEquals("first", text(patient.execute(read("/first"))));
			VapixResponse r = patient.execute(read("/second"));
			assertEquals("fresh GET", text(r));
			assertEquals(2, r.attempts(), "a read is repeated on a new connection");
		}
	}

	@Test
	void aLateAnswerIsNeverTakenForTheNextRequest() throws Exception {
		RawServer.Script script = (index, conn) -> {
			for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
				if (index == 0) {
					Thread.sleep(600); // answers after the client gave up
					try {
						conn.answer(200, "late answer to " + r.target());
					} catch (IOException closedByTheClient) {
						return;
					}
					continue;
				}
				conn.answer(200, "answer " + index + " to " + r.target());
			}
		};
		try (RawServer server = RawServer.start(script);
				HttpTransport t = transport(server, new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 1, 0),
						Duration.ofMillis(200))) {
			VapixResponse r = t.execute(read("/first"));
			assertEquals("answer 1 to /first", text(r), "the retry went on a new connection");
			assertEquals(2, r.attempts());
			Thread.sleep(600); // the late answer has arrived on the first connection by now
			assertEquals("answer 1 to /second", text(t.execute(read("/second"))));
			assertEquals(List.of(0, 1, 1), server.connectionOfEachRequest());
		}
	}

	@Test
	void bytesAfterTheAnswerEndReuse() throws Exception {
		// A body longer than its Content-Length (firmware that counts without the final CRLF): the
		// extra bytes come in the same segment, or a moment later.
		for (boolean later : List.of(false, true)) {
			RawServer.Script script = (index, conn) -> {
				for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
					if (later) {
						conn.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
						Thread.sleep(50);
						conn.write("\r\n");
					} else {
						conn.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok\r\n");
					}
				}
			};
			try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
				assertEquals("ok", text(t.execute(read("/1"))));
				Thread.sleep(150);
				// The stray CRLF is never read as the next status line: a CRLF already read with the
				// answer is skipped by HttpClient's parser, one arriving later makes the connection stale.
				assertEquals("ok", text(t.execute(add("/2", "x"))), "later=" + later);
				assertEquals(1, server.requests().stream().filter(r -> r.method().equals("POST")).count());
				if (later) {
					assertEquals(List.of(0, 1), server.connectionOfEachRequest());
				}
			}
		}
	}

	@Test
	void challengeThatClosesTheConnection() throws Exception {
		String realm = "AXIS_ACCC8E000001";
		String nonce = "abcdef0123";
		RawServer.Script script = (index, conn) -> {
			for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
				if (digestValid(r, realm, nonce)) {
					conn.answer(200, "authorized on " + index);
				} else {
					conn.answer(401, "", "WWW-Authenticate: Digest realm=\"" + realm + "\", nonce=\"" + nonce
							+ "\", qop=\"auth\"", "Connection: close");
					conn.close();
					return;
				}
			}
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			assertEquals("authorized on 1", text(t.execute(add("/axis-cgi/playclip.cgi", "clip=1"))));
			assertEquals("authorized on 1", text(t.execute(read("/axis-cgi/param.cgi"))));
			assertEquals(List.of(0, 1, 1), server.connectionOfEachRequest());
		}
	}

	@Test
	void keepAliveTimeoutIsHonoured() throws Exception {
		try (RawServer server = RawServer.start(loop(r -> switch (r.target()) {
		case "/hint2" -> ok("h", "Keep-Alive: timeout=2, max=100");
		case "/hint1" -> ok("h", "Keep-Alive: timeout=1");
		default -> ok("p");
		})); HttpTransport t = transport(server, RetryPolicy.none())) {
			t.execute(read("/hint2"));
			Thread.sleep(1_100); // beyond the hint less its second of margin, within the default idle limit
			t.execute(read("/plain"));
			assertEquals(2, server.connections(), "timeout=2 ended reuse after 1 s");
			Thread.sleep(1_100); // the same pause without a hint: the connection is reused
			t.execute(read("/plain"));
			assertEquals(2, server.connections(), "without a hint an idle connection is reused up to 2 s");
			t.execute(read("/hint1"));
			t.execute(read("/plain"));
			assertEquals(3, server.connections(), "timeout=1 leaves no time to reuse the connection");
			assertEquals(List.of(0, 1, 1, 1, 2), server.connectionOfEachRequest());
		}
	}

	// ---- authentication ------------------------------------------------------------------------

	private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

	private static String hash(String algorithm, String s) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
	}

	/** Checks a Digest Authorization as RFC 7616 computes it, independently of the client's code. */
	private static boolean digestValid(RawServer.Req r, String realm, String nonce) throws Exception {
		return digestValid(r, realm, nonce, "MD5");
	}

	private static boolean digestValid(RawServer.Req r, String realm, String nonce, String algorithm) throws Exception {
		String h = r.header("Authorization");
		if (h == null || !h.startsWith("Digest ")) {
			return false;
		}
		Map<String, String> p = new java.util.HashMap<>();
		Matcher m = PARAM.matcher(h.substring(7));
		while (m.find()) {
			p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
		}
		String ha1 = hash(algorithm, "root:" + realm + ":" + PASSWORD);
		String ha2 = hash(algorithm, r.method() + ":" + r.target());
		String expected = hash(algorithm, ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
		return nonce.equals(p.get("nonce")) && r.target().equals(p.get("uri")) && expected.equals(p.get("response"))
				&& "auth".equals(p.get("qop"));
	}

	@Test
	void digestChallengeThenSuccessOnTheSameConnection() throws Exception {
		String realm = "AXIS_ACCC8E012345";
		String nonce = "0000c0ffee";
		RawServer.Script script = (index, conn) -> {
			for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
				if (digestValid(r, realm, nonce)) {
					conn.answer(200, "authorized " + r.method());
				} else {
					conn.answer(401, "401 Unauthorized\n", "WWW-Authenticate: Digest realm=\"" + realm + "\", nonce=\""
							+ nonce + "\", algorithm=MD5, qop=\"auth\"", "Content-Type: text/plain");
				}
			}
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			VapixResponse r = t.execute(VapixRequest.get("/axis-cgi/param.cgi", "action=list&group=Brand", Safety.READ,
					"param.cgi list"));
			assertEquals("authorized GET", text(r));
			assertEquals("authorized POST", text(t.execute(add("/axis-cgi/playclip.cgi", "clip=2"))));
			List<RawServer.Req> seen = server.requests();
			assertEquals(3, seen.size(), "one challenge, then pre-emptive authentication");
			assertNull(seen.get(0).header("Authorization"));
			assertEquals(List.of(0, 0, 0), server.connectionOfEachRequest(), "the 401 did not cost a connection");
			assertEquals(1, server.connections());
		}
	}

	@Test
	void digestSha256ChallengeIsAnsweredWithSha256() throws Exception {
		String realm = "AXIS_ACCC8E0ABCDE";
		String nonce = "5ha256n0nce";
		RawServer.Script script = (index, conn) -> {
			for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
				if (digestValid(r, realm, nonce, "SHA-256")) {
					conn.answer(200, "authorized " + r.method());
				} else {
					// SHA-256 offered first, MD5 second: the client must take the stronger one
					conn.answer(401, "", "WWW-Authenticate: Digest realm=\"" + realm + "\", nonce=\"" + nonce
							+ "\", algorithm=SHA-256, qop=\"auth\"", "WWW-Authenticate: Digest realm=\"" + realm
									+ "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"");
				}
			}
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			assertEquals("authorized GET", text(t.execute(read("/axis-cgi/param.cgi"))));
			assertEquals("authorized POST", text(t.execute(add("/vapix/services", "x"))));
			assertEquals(3, server.requests().size(), "one challenge for both paths of the device");
			assertTrue(server.requests().get(1).header("Authorization").contains("algorithm=SHA-256"));
		}
	}

	// ---- answers that break off ----------------------------------------------------------------

	@Test
	void answerEndingMidBodyIsAnErrorNeverATruncatedSuccess() throws Exception {
		for (String bytes : List.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly forty bytes of a hundred...........",
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nhalf a",
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n",
				"HTTP/1.1 200 OK\r\nContent-Le", "HTTP/1.1 20", "")) {
			RawServer.Script script = (index, conn) -> {
				conn.read();
				conn.write(bytes);
				conn.close();
			};
			try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
				VapixException e = assertThrows(VapixException.class, () -> t.execute(read("/read")), bytes);
				assertEquals(VapixException.Kind.TRANSPORT, e.kind(), bytes);
			}
		}

		RawServer.Script script = (index, conn) -> {
			conn.read();
			conn.write("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"apiVersion\":\"1.0\",");
			conn.close();
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			VapixException read = assertThrows(VapixException.class, () -> t.execute(read("/read")));
			assertEquals(VapixException.Kind.TRANSPORT, read.kind());
			assertTrue(read.getMessage().contains("connection dropped"), read.getMessage());
			VapixException write = assertThrows(VapixException.class, () -> t.execute(add("/add", "x")));
			assertTrue(write.getMessage().contains("not retried"), write.getMessage());
		}
	}

}
