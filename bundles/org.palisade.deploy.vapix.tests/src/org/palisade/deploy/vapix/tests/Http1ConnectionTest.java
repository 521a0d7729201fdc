package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
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
import org.palisade.deploy.vapix.internal.Http1Connection;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

/**
 * {@link Http1Connection} and the connection handling of {@link HttpTransport} against a scripted
 * server on a real loopback socket, which writes exactly the bytes of each case: the framings an
 * HTTP/1.x answer may use, persistence and its end, answers that break off, slow servers and the
 * limits.
 */
class Http1ConnectionTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);
	private static final String PASSWORD = "Raw-Pa55word";

	@Test
	void anIpv6AddressIsBracketedInTheHostHeader() throws Exception {
		try (RawServer server = RawServer.startIpv6(loop(r -> ok("host " + r.header("host"))));
				Http1Connection c = open(server)) {
			Http1Connection.Answer a = get(c, "/axis-cgi/basicdeviceinfo.cgi");
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

	private static Http1Connection open(RawServer server) throws IOException {
		return Http1Connection.open(server.uri(), null, Duration.ofSeconds(2));
	}

	private static Http1Connection.Answer get(Http1Connection c, String target) throws IOException {
		return c.exchange("GET", target, List.of(), null, TIMEOUT);
	}

	private static String text(Http1Connection.Answer a) {
		return new String(a.body(), StandardCharsets.UTF_8);
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

	// ---- framing -------------------------------------------------------------------------------

	@Test
	void contentLengthAnswersShareOneConnection() throws Exception {
		try (RawServer server = RawServer.start(loop(r -> ok("answer to " + r.method() + " " + r.target())));
				HttpTransport t = transport(server, RetryPolicy.none())) {
			assertEquals("answer to GET /a?x=1", text(t.execute(VapixRequest.get("/a", "x=1", Safety.READ, "a"))));
			assertEquals("answer to POST /b", text(t.execute(add("/b", "k=v&é"))));
			assertEquals("answer to GET /c", text(t.execute(read("/c"))));
			assertEquals(1, server.connections());
			assertEquals(List.of(0, 0, 0), server.connectionOfEachRequest());
			List<RawServer.Req> seen = server.requests();
			assertEquals("127.0.0.1:" + server.port(), seen.get(0).header("Host"));
			assertEquals("HTTP/1.1", seen.get(0).version());
			assertNull(seen.get(0).header("Content-Length"), "a GET without body announces none");
			assertEquals("k=v&é", seen.get(1).bodyText());
			assertEquals(String.valueOf("k=v&é".getBytes(StandardCharsets.UTF_8).length), seen.get(1).header("Content-Length"));
			assertEquals("text/plain", seen.get(1).header("Content-Type"));
		}
	}

	@Test
	void chunkedAnswerWithExtensionsAndTrailers() throws Exception {
		String chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "5;name=value\r\nHello\r\n" + "1\r\n,\r\n" + "A ; ext=\"quoted;still\"\r\n brave new\r\n"
				+ "1a\r\n" + " world, in twenty-six bytes" .substring(0, 26) + "\r\n"
				+ "0\r\nX-Checksum: abc\r\nX-More: 1\r\n\r\n";
		try (RawServer server = RawServer.start(loop(r -> r.target().equals("/chunked") ? chunked : ok("next")));
				Http1Connection c = open(server)) {
			Http1Connection.Answer a = get(c, "/chunked");
			assertEquals(200, a.status());
			assertEquals("Hello, brave new world, in twenty-six byte", text(a));
			assertTrue(c.reusable(), "the trailers were consumed, the connection is clean");
			assertEquals("next", text(get(c, "/next")));
			assertEquals(1, server.connections());
		}
	}

	@Test
	void bodyDelimitedByTheEndOfTheConnection() throws Exception {
		RawServer.Script script = (index, conn) -> {
			conn.read();
			conn.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\npart one, ");
			Thread.sleep(50);
			conn.write("part two");
			conn.close();
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			try (Http1Connection c = open(server)) {
				assertEquals("part one, part two", text(get(c, "/")));
				assertFalse(c.reusable());
			}
			assertEquals("part one, part two", text(t.execute(read("/1"))));
			assertEquals("part one, part two", text(t.execute(add("/2", "x"))));
			assertEquals(3, server.connections());
		}
	}

	@Test
	void http11AnswerWithoutLengthIsReadToTheEndAndNotReused() throws Exception {
		RawServer.Script script = (index, conn) -> {
			conn.read();
			conn.write("HTTP/1.1 200 OK\r\n\r\nno length, no close header");
			conn.close();
		};
		try (RawServer server = RawServer.start(script); Http1Connection c = open(server)) {
			assertEquals("no length, no close header", text(get(c, "/")));
			assertFalse(c.reusable());
		}
	}

	@Test
	void http10Answers() throws Exception {
		RawServer.Script script = (index, conn) -> {
			for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
				switch (r.target()) {
				case "/plain" -> conn.write("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nplain");
				case "/keep" -> conn.write("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nKeep-Alive: timeout=15\r\n"
						+ "Content-Length: 4\r\n\r\nkept");
				default -> {
					conn.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nto the end");
					conn.close();
					return;
				}
				}
			}
		};
		try (RawServer server = RawServer.start(script); HttpTransport t = transport(server, RetryPolicy.none())) {
			// HTTP/1.0 is not persistent unless the answer says keep-alive, even if the server kept it open
			assertEquals("plain", text(t.execute(read("/plain"))));
			assertEquals("plain", text(t.execute(read("/plain"))));
			assertEquals(2, server.connections());
			assertEquals("kept", text(t.execute(read("/keep"))));
			assertEquals("kept", text(t.execute(read("/keep"))));
			assertEquals(3, server.connections());
			assertEquals("to the end", text(t.execute(read("/close"))));
			assertEquals(List.of(0, 1, 2, 2, 2), server.connectionOfEachRequest());
			assertEquals(3, server.connections());
		}
	}

	@Test
	void headAnd204And304CarryNoBody() throws Exception {
		RawServer.Script script = loop(r -> switch (r.target()) {
		case "/head" -> "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1234\r\n\r\n";
		case "/204" -> "HTTP/1.1 204 No Content\r\nX-A: 1\r\n\r\n";
		case "/304" -> "HTTP/1.1 304 Not Modified\r\nContent-Length: 500\r\n\r\n";
		default -> ok("after");
		});
		try (RawServer server = RawServer.start(script); Http1Connection c = open(server)) {
			Http1Connection.Answer head = c.exchange("HEAD", "/head", List.of(), null, TIMEOUT);
			assertEquals(200, head.status());
			assertEquals(0, head.body().length);
			assertEquals("1234", head.headers().firstValue("content-length").orElseThrow());
			assertTrue(c.reusable());
			assertEquals(204, get(c, "/204").status());
			assertTrue(c.reusable());
			Http1Connection.Answer notModified = get(c, "/304");
			assertEquals(304, notModified.status());
			assertEquals(0, notModified.body().length);
			assertEquals("after", text(get(c, "/after")));
			assertEquals(1, server.connections());
		}
	}

	@Test
	void interimAnswersAreSkipped() throws Exception {
		try (RawServer server = RawServer.start(loop(r -> "HTTP/1.1 100 Continue\r\n\r\n"
				+ "HTTP/1.1 102 Processing\r\nX-Progress: 1\r\n\r\n" + ok("done", "X-Final: yes")));
				Http1Connection c = open(server)) {
			Http1Connection.Answer a = c.exchange("POST", "/upload", List.of(), new byte[] { 1, 2, 3 }, TIMEOUT);
			assertEquals(200, a.status());
			assertEquals("done", text(a));
			assertEquals("yes", a.headers().firstValue("X-Final").orElseThrow());
			assertTrue(a.headers().firstValue("X-Progress").isEmpty(), "headers of the interim answer are not mixed in");
			assertEquals("done", text(get(c, "/again")));
		}
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
				// reusing the connection would read the stray CRLF as the next status line
				assertEquals("ok", text(t.execute(add("/2", "x"))));
				assertEquals(List.of(0, 1), server.connectionOfEachRequest(), "later=" + later);
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

	private static String md5(String s) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
	}

	/** Checks a Digest Authorization as RFC 7616 computes it, independently of the client's code. */
	private static boolean digestValid(RawServer.Req r, String realm, String nonce) throws Exception {
		String h = r.header("Authorization");
		if (h == null || !h.startsWith("Digest ")) {
			return false;
		}
		Map<String, String> p = new java.util.HashMap<>();
		Matcher m = PARAM.matcher(h.substring(7));
		while (m.find()) {
			p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
		}
		String ha1 = md5("root:" + realm + ":" + PASSWORD);
		String ha2 = md5(r.method() + ":" + r.target());
		String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
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

	// ---- answers that break off, slow servers ------------------------------------------------

	private static void answersThenCloses(String bytes, Class<? extends IOException> expected) throws Exception {
		RawServer.Script script = (index, conn) -> {
			conn.read();
			conn.write(bytes);
			conn.close();
		};
		try (RawServer server = RawServer.start(script); Http1Connection c = open(server)) {
			assertThrows(expected, () -> get(c, "/"), bytes);
		}
	}

	@Test
	void answerEndingMidBodyIsAnErrorNeverATruncatedSuccess() throws Exception {
		answersThenCloses("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly forty bytes of a hundred...........",
				IOException.class);
		answersThenCloses("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nhalf a", IOException.class);
		answersThenCloses("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n", IOException.class);
		answersThenCloses("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n0", IOException.class);
		answersThenCloses("HTTP/1.1 200 OK\r\nContent-Le", IOException.class);
		answersThenCloses("HTTP/1.1 20", IOException.class);
		answersThenCloses("", IOException.class);

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

	@Test
	void answerSplitAcrossManySmallWrites() throws Exception {
		String plain = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Long-Header: " + "v".repeat(300)
				+ "\r\nContent-Length: 11\r\n\r\nhello world";
		String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4;x=y\r\ndefg\r\n0\r\nT: 1\r\n\r\n";
		RawServer.Script script = (index, conn) -> {
			conn.read();
			conn.dribble(plain, 1, 1); // every byte its own segment, CR and LF apart
			conn.read();
			conn.dribble(chunked, 2, 3);
			conn.read();
			conn.dribble(plain, 7, 2);
		};
		try (RawServer server = RawServer.start(script); Http1Connection c = open(server)) {
			Http1Connection.Answer a = get(c, "/1");
			assertEquals("hello world", text(a));
			assertEquals("v".repeat(300), a.headers().firstValue("x-long-header").orElseThrow());
			assertEquals("abcdefg", text(get(c, "/2")));
			assertEquals("hello world", text(get(c, "/3")));
			assertEquals(1, server.connections());
		}
	}

	@Test
	void theTimeoutBoundsTheWholeAnswer() throws Exception {
		RawServer.Script script = (index, conn) -> {
			conn.read();
			if (index == 0) {
				conn.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"); // then nothing
				Thread.sleep(3_000);
			} else {
				// a byte every 100 ms: each read is quick, the answer as a whole is not
				conn.dribble("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n" + "x".repeat(40), 1, 100);
			}
		};
		try (RawServer server = RawServer.start(script)) {
			try (Http1Connection c = open(server)) {
				long t0 = System.nanoTime();
				assertThrows(HttpTimeoutException.class,
						() -> c.exchange("GET", "/", List.of(), null, Duration.ofMillis(300)));
				assertTrue(System.nanoTime() - t0 < 2_500_000_000L);
			}
			try (Http1Connection c = open(server)) {
				long t0 = System.nanoTime();
				assertThrows(HttpTimeoutException.class,
						() -> c.exchange("GET", "/", List.of(), null, Duration.ofMillis(800)));
				long took = (System.nanoTime() - t0) / 1_000_000;
				assertTrue(took >= 750 && took < 2_500, took + " ms");
			}
		}
	}

	// ---- malformed answers and limits -----------------------------------------------------------

	@Test
	void malformedAnswersAreIOExceptions() throws Exception {
		for (String answer : List.of("SSH-2.0-OpenSSH_9.2\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
				"HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n",
				"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n0\r\n\r\n")) {
			RawServer.Script script = (index, conn) -> {
				conn.read();
				conn.write(answer);
				Thread.sleep(200);
			};
			try (RawServer server = RawServer.start(script); Http1Connection c = open(server)) {
				assertThrows(IOException.class, () -> get(c, "/"), answer);
			}
		}
	}

	@Test
	void duplicatedContentLengthIsAcceptedOnlyWhenTheValuesAgree() throws Exception {
		RawServer.Script script = loop(r -> switch (r.target()) {
		case "/list" -> "HTTP/1.1 200 OK\r\nContent-Length: 4, 4\r\n\r\nlist";
		case "/twice" -> "HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\ntwice";
		default -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 12\r\n\r\nconflicting!";
		});
		try (RawServer server = RawServer.start(script); Http1Connection c = open(server)) {
			assertEquals("list", text(get(c, "/list")));
			assertEquals("twice", text(get(c, "/twice")));
			assertTrue(c.reusable());
			IOException e = assertThrows(IOException.class, () -> get(c, "/conflict"));
			assertTrue(e.getMessage().contains("conflicting Content-Length"), e.getMessage());
			assertEquals(1, server.connections());
		}
	}

	@Test
	void foldedAndNamelessHeaderLinesAreToleratedNotACrash() throws Exception {
		// A line with an empty name once escaped as IllegalArgumentException from HttpHeaders.of,
		// past every catch of IOException, out of VapixClient.
		String answer = "HTTP/1.1 200 OK\r\n\t: folded onto nothing\r\nX-Folded: first\r\n  second\r\n\tthird\r\n"
				+ ": empty name\r\nno colon at all\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
		try (RawServer server = RawServer.start(loop(r -> answer)); HttpTransport t = transport(server, RetryPolicy.none())) {
			VapixResponse r = t.execute(read("/"));
			assertEquals("ok", text(r));
			assertEquals(List.of("first second third"), r.headers().allValues("x-folded"));
			assertEquals("text/plain", r.headers().firstValue("content-type").orElseThrow());
			assertEquals(3, r.headers().map().size(), r.headers().map().toString());
			assertEquals("ok", text(t.execute(read("/again"))));
			assertEquals(1, server.connections());
		}
	}

	@Test
	void headerAndBodyLimits() throws Exception {
		String hugeLine = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(70_000) + "\r\nContent-Length: 0\r\n\r\n";
		String manyLines = "HTTP/1.1 200 OK\r\n" + ("X-Many: " + "b".repeat(90) + "\r\n").repeat(800)
				+ "Content-Length: 0\r\n\r\n";
		String tooLong = "HTTP/1.1 200 OK\r\nContent-Length: " + ((16 << 20) + 1) + "\r\n\r\n";
		String chunkTooLong = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000001\r\n";
		for (String answer : List.of(hugeLine, manyLines, tooLong, chunkTooLong)) {
			RawServer.Script script = (index, conn) -> {
				conn.read();
				conn.write(answer);
				Thread.sleep(300); // keeps the connection open: the limit, not the end, must stop the read
			};
			try (RawServer server = RawServer.start(script); Http1Connection c = open(server)) {
				IOException e = assertThrows(IOException.class, () -> get(c, "/"));
				assertFalse(e instanceof HttpTimeoutException, e.toString());
				assertTrue(e.getMessage().contains("too large") || e.getMessage().contains("too long"), e.getMessage());
			}
		}
	}

	@Test
	void bodiesUpToTheLimitAreReadWhicheverTheFraming() throws Exception {
		int limit = 16 << 20;
		byte[] big = new byte[limit];
		for (int i = 0; i < big.length; i++) {
			big[i] = (byte) ('a' + i % 26);
		}
		RawServer.Script script = (index, conn) -> {
			RawServer.Req r = conn.read();
			switch (r.target()) {
			case "/length" -> {
				conn.write("HTTP/1.1 200 OK\r\nContent-Length: " + limit + "\r\n\r\n");
				conn.write(big);
			}
			case "/close" -> {
				conn.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
				conn.write(big);
				conn.close();
			}
			case "/close-over" -> {
				conn.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
				try {
					conn.write(big);
					conn.write("one byte too many");
				} catch (IOException clientGaveUp) {
					// expected: the client stops reading at its limit
				}
				conn.close();
			}
			default -> { // many small chunks
				StringBuilder b = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
				for (int at = 0; at < (1 << 20); at += 100) {
					b.append("64\r\n").append(new String(big, at, 100, StandardCharsets.ISO_8859_1)).append("\r\n");
				}
				conn.write(b.append("0\r\n\r\n").toString());
			}
			}
			Thread.sleep(500);
		};
		try (RawServer server = RawServer.start(script)) {
			for (String target : List.of("/length", "/close")) {
				try (Http1Connection c = open(server)) {
					long t0 = System.nanoTime();
					byte[] body = c.exchange("GET", target, List.of(), null, Duration.ofSeconds(20)).body();
					assertTrue(Arrays.equals(big, body), target);
					assertTrue(System.nanoTime() - t0 < 10_000_000_000L, target + " took too long");
				}
			}
			try (Http1Connection c = open(server)) {
				byte[] body = c.exchange("GET", "/chunks", List.of(), null, Duration.ofSeconds(20)).body();
				assertArrayEquals(Arrays.copyOf(big, 10486 * 100), body);
			}
			try (Http1Connection c = open(server)) {
				IOException e = assertThrows(IOException.class,
						() -> c.exchange("GET", "/close-over", List.of(), null, Duration.ofSeconds(20)));
				assertTrue(e.getMessage().contains("too large"), e.getMessage());
			}
		}
	}
}
