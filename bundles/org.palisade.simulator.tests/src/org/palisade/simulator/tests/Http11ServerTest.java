package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.AuthMode;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.RequestRecord;
import org.palisade.simulator.VirtualDevice;

/**
 * The virtual device's HTTP/1.1 server (Http11Server) on the wire: a raw socket writes exact
 * request bytes and reads the answers byte by byte, so framing, persistence and the error answers
 * are seen as a client sees them.
 */
class Http11ServerTest {

	private static final String LIST = "/axis-cgi/param.cgi?action=list&group=IOPort.I0.Direction";
	private static final String LISTED = "root.IOPort.I0.Direction=input\n";
	private VirtualDevice device;
	private String auth;

	@BeforeEach
	void start() throws Exception {
		device = new VirtualDevice(DeviceDescriptor.builder("cam-raw").authMode(AuthMode.BASIC)
				.password("raw-pw".toCharArray()).build()).start();
		auth = "Authorization: Basic " + Base64.getEncoder().encodeToString("root:raw-pw".getBytes(StandardCharsets.UTF_8));
	}

	@AfterEach
	void stop() {
		device.stop();
	}

	/** An answer as read off the wire. */
	private record Answer(String statusLine, Map<String, String> headers, String body) {
		int status() {
			return Integer.parseInt(statusLine.substring(9, 12));
		}

		String header(String name) {
			return headers.get(name);
		}
	}

	/** A raw connection: writes bytes as given, reads answers with their Content-Length. */
	private final class Raw implements AutoCloseable {
		final Socket socket;
		final InputStream in;
		final OutputStream out;

		Raw() throws IOException {
			socket = new Socket("127.0.0.1", device.port());
			socket.setSoTimeout(5_000);
			in = socket.getInputStream();
			out = socket.getOutputStream();
		}

		Raw send(String text) throws IOException {
			out.write(text.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return this;
		}

		String line() throws IOException {
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			for (int c = in.read(); c >= 0; c = in.read()) {
				if (c == '\n') {
					String s = b.toString(StandardCharsets.ISO_8859_1);
					return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
				}
				b.write(c);
			}
			throw new IOException("end of stream in a line: " + b.toString(StandardCharsets.ISO_8859_1));
		}

		/** Reads the status line and headers only. */
		Answer head() throws IOException {
			String status = line();
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String h = line(); !h.isEmpty(); h = line()) {
				int colon = h.indexOf(':');
				headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
			}
			return new Answer(status, headers, null);
		}

		Answer read() throws IOException {
			Answer h = head();
			String length = h.header("Content-Length");
			assertTrue(length != null, "every answer has a Content-Length: " + h);
			byte[] body = in.readNBytes(Integer.parseInt(length));
			return new Answer(h.statusLine(), h.headers(), new String(body, StandardCharsets.UTF_8));
		}

		/** @return whether the server closed the connection (end of stream or reset) within 3 s */
		boolean closedByServer() throws IOException {
			return closedByServer(3_000);
		}

		boolean closedByServer(int millis) throws IOException {
			socket.setSoTimeout(millis);
			try {
				return in.read() < 0;
			} catch (SocketTimeoutException e) {
				return false;
			} catch (SocketException e) {
				return true;
			}
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}

	private String get(String target, String... extra) {
		StringBuilder b = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
				.append(auth).append("\r\n");
		for (String h : extra) {
			b.append(h).append("\r\n");
		}
		return b.append("\r\n").toString();
	}

	private String postForm(String body) {
		return "POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	private List<Integer> loggedStatuses() {
		return device.requestLog().stream().map(RequestRecord::status).toList();
	}

	// ---- persistence and pipelining --------------------------------------------------------

	@Test
	void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
		try (Raw c = new Raw()) {
			// three requests in one write, before any answer
			c.send(get(LIST) + postForm("action=update&IOPort.I0.Direction=output") + get(LIST));
			Answer first = c.read();
			Answer update = c.read();
			Answer third = c.read();
			assertEquals(200, first.status());
			assertEquals(LISTED, first.body());
			assertEquals("OK\n", update.body());
			assertEquals("root.IOPort.I0.Direction=output\n", third.body());
			assertNull(third.header("Connection"), "still persistent");
			c.send(get(LIST));
			assertEquals(200, c.read().status());
		}
		assertEquals(List.of(200, 200, 200, 200), loggedStatuses());
	}

	@Test
	void strayEmptyLinesBetweenRequestsAndTheAbsoluteFormAreAccepted() throws Exception {
		try (Raw c = new Raw()) {
			c.send("\r\n\r\n" + get(LIST));
			assertEquals(LISTED, c.read().body());
			c.send(get("http://127.0.0.1:" + device.port() + LIST));
			assertEquals(LISTED, c.read().body());
		}
	}

	@Test
	void connectionCloseIsHonoured() throws Exception {
		try (Raw c = new Raw()) {
			c.send(get(LIST, "Connection: close"));
			Answer a = c.read();
			assertEquals(LISTED, a.body());
			assertEquals("close", a.header("Connection"));
			assertTrue(c.closedByServer());
		}
	}

	@Test
	void http10ClientWithoutKeepAliveGetsOneAnswerThenTheEnd() throws Exception {
		try (Raw c = new Raw()) {
			c.send(get(LIST).replace("HTTP/1.1", "HTTP/1.0"));
			Answer a = c.read();
			assertEquals(LISTED, a.body());
			assertEquals("close", a.header("Connection").toLowerCase(Locale.ROOT));
			assertTrue(c.closedByServer());
		}
	}

	@Test
	void http10ClientWithKeepAliveIsToldTheConnectionPersists() throws Exception {
		try (Raw c = new Raw()) {
			for (int i = 0; i < 3; i++) {
				c.send(get(LIST, "Connection: keep-alive").replace("HTTP/1.1", "HTTP/1.0"));
				Answer a = c.read();
				assertEquals(LISTED, a.body());
				// An HTTP/1.0 client treats an answer without this as the last one on the connection.
				assertEquals("keep-alive", a.header("Connection").toLowerCase(Locale.ROOT), a.toString());
			}
			assertFalse(c.closedByServer(300));
		}
	}

	@Test
	void headAnswersTheLengthButNoBody() throws Exception {
		try (Raw c = new Raw()) {
			c.send(get(LIST));
			Answer full = c.read();
			c.send(get(LIST).replaceFirst("^GET", "HEAD"));
			Answer head = c.head();
			assertEquals(200, head.status());
			assertEquals(full.header("Content-Length"), head.header("Content-Length"));
			// the next answer starts right after the head's empty line: no body was sent
			c.send(get(LIST));
			assertEquals(LISTED, c.read().body());
		}
	}

	// ---- bodies ------------------------------------------------------------------------------

	@Test
	void chunkedRequestBodyWithExtensionsAndTrailers() throws Exception {
		try (Raw c = new Raw()) {
			c.send("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
					+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "7;ext=1\r\naction=\r\n" + "6\r\nupdate\r\n" + "19\r\n&IOPort.I0.Direction=outp\r\n" + "2\r\nut\r\n"
					+ "0\r\nX-Trailer: t\r\n\r\n");
			Answer a = c.read();
			assertEquals(200, a.status());
			assertEquals("OK\n", a.body());
			c.send(get(LIST));
			assertEquals("root.IOPort.I0.Direction=output\n", c.read().body());
		}
	}

	@Test
	void expect100ContinueIsAnsweredBeforeTheBody() throws Exception {
		String body = "action=update&IOPort.I0.Direction=output";
		try (Raw c = new Raw()) {
			c.send(postForm(body).replace("\r\n\r\n" + body, "\r\nExpect: 100-continue\r\n\r\n"));
			Answer interim = c.head();
			assertEquals("HTTP/1.1 100 Continue", interim.statusLine());
			c.send(body);
			Answer a = c.read();
			assertEquals(200, a.status());
			assertEquals("OK\n", a.body());
		}
	}

	@Test
	void http10ClientIsNotSent100Continue() throws Exception {
		String body = "action=update&IOPort.I0.Direction=output";
		try (Raw c = new Raw()) {
			c.send(postForm(body).replace("HTTP/1.1", "HTTP/1.0").replace("\r\n\r\n" + body,
					"\r\nExpect: 100-continue\r\n\r\n" + body));
			Answer a = c.read();
			assertEquals(200, a.status(), "RFC 9110 §10.1.1: no 100 (Continue) to an HTTP/1.0 client");
			assertEquals("OK\n", a.body());
		}
	}

	@Test
	void tooLargeBodyIs413WithoutContinue() throws Exception {
		try (Raw c = new Raw()) {
			c.send("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: x\r\n" + auth
					+ "\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n");
			Answer a = c.read();
			assertEquals(413, a.status(), "refused before the client sends 2 MB");
			assertEquals("close", a.header("Connection"));
			assertTrue(c.closedByServer());
		}
	}

	// ---- malformed and oversized requests -----------------------------------------------------

	private void answeredThenClosed(String request, int status) throws IOException {
		try (Raw c = new Raw()) {
			c.send(request);
			Answer a = c.read();
			assertEquals(status, a.status(), request.length() > 200 ? request.substring(0, 200) : request);
			assertEquals("close", a.header("Connection"));
			assertTrue(c.closedByServer());
		}
	}

	@Test
	void malformedRequestLinesAre400() throws Exception {
		answeredThenClosed("GARBAGE\r\n\r\n", 400);
		answeredThenClosed("GET /axis-cgi/param.cgi\r\n\r\n", 400);
		answeredThenClosed("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400);
		answeredThenClosed("GET /axis-cgi/param.cgi HTTP/2.0\r\nHost: x\r\n\r\n", 400);
		answeredThenClosed("GET /axis-cgi/%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n\r\n", 400);
		answeredThenClosed("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n", 400);
		assertEquals(List.of(), device.requestLog(), "no handler saw any of them");
	}

	@Test
	void malformedFramingIs400() throws Exception {
		answeredThenClosed("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: x\r\n" + auth + "\r\nContent-Length: ten\r\n\r\n",
				400);
		answeredThenClosed("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: x\r\n" + auth
				+ "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400);
		answeredThenClosed("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: x\r\n" + auth
				+ "\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n0\r\n\r\n", 400);
		assertEquals(List.of(), device.requestLog());
	}

	@Test
	void oversizeHeadsAre431Or414() throws Exception {
		StringBuilder many = new StringBuilder("GET " + LIST + " HTTP/1.1\r\nHost: x\r\n");
		for (int i = 0; i < 800; i++) {
			many.append("X-Filler-").append(i).append(": ").append("f".repeat(90)).append("\r\n");
		}
		answeredThenClosed(many.append("\r\n").toString(), 431);
		answeredThenClosed("GET " + LIST + " HTTP/1.1\r\nHost: x\r\nX-Huge: " + "h".repeat(70_000) + "\r\n\r\n", 431);
		answeredThenClosed("GET " + LIST + "&pad=" + "p".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
		assertEquals(List.of(), device.requestLog());
	}

	@Test
	void foldedHeadersAndConflictingLengthsAre400() throws Exception {
		answeredThenClosed("GET " + LIST + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\nX-A: one\r\n  folded\r\n\r\n", 400);
		answeredThenClosed("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: x\r\n" + auth
				+ "\r\nContent-Length: 2\r\nContent-Length: 12\r\n\r\nconflicting!", 400);
		assertEquals(List.of(), device.requestLog());
	}

	@Test
	void chunkedWithContentLengthIsReadAsChunkedThenTheConnectionCloses() throws Exception {
		try (Raw c = new Raw()) {
			c.send("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
					+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n28\r\naction=update&IOPort.I0.Direction=output\r\n0\r\n\r\n");
			Answer a = c.read();
			assertEquals("OK\n", a.body());
			assertEquals("close", a.header("Connection"));
			assertTrue(c.closedByServer());
		}
		assertEquals("output", device.state().ioPorts().get(0).direction());
	}

	@Test
	void aBodyInManyTinyChunks() throws Exception {
		String form = "action=update&IOPort.I0.Direction=output&usergroup=" + "x".repeat(200_000);
		StringBuilder chunks = new StringBuilder();
		for (char ch : form.toCharArray()) {
			chunks.append("1\r\n").append(ch).append("\r\n");
		}
		try (Raw c = new Raw()) {
			long t0 = System.nanoTime();
			c.send("POST /axis-cgi/param.cgi HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
					+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ chunks + "0\r\n\r\n");
			Answer a = c.read();
			long millis = (System.nanoTime() - t0) / 1_000_000;
			assertEquals("OK\n", a.body());
			// one copy of the body per chunk made this take many seconds
			assertTrue(millis < 3_000, millis + " ms");
		}
		assertEquals("output", device.state().ioPorts().get(0).direction());
	}

	// ---- clients going away ----------------------------------------------------------------

	@Test
	void clientClosingMidRequestLeavesNoTraceAndTheServerServesOn() throws Exception {
		String body = "action=update&IOPort.I0.Direction=output";
		String full = postForm(body);
		for (String cut : List.of(full.substring(0, 20), full.substring(0, full.indexOf("\r\n\r\n") + 2),
				full.substring(0, full.length() - 10))) {
			try (Raw c = new Raw()) {
				c.send(cut);
				Thread.sleep(50);
			}
			try (Raw c = new Raw()) {
				c.send(get(LIST));
				c.socket.shutdownOutput(); // a half-close after a whole request is still answered
				assertEquals(LISTED, c.read().body());
			}
		}
		assertEquals(List.of(200, 200, 200), loggedStatuses(), "the cut requests never reached a handler");
		assertEquals("input", device.state().ioPorts().get(0).direction());
	}

	@Test
	void clientResettingMidAnswerDoesNotDisturbOthers() throws Exception {
		try (Raw other = new Raw()) {
			other.send(get(LIST));
			assertEquals(LISTED, other.read().body());
			for (int i = 0; i < 5; i++) {
				try (Raw c = new Raw()) {
					c.socket.setSoLinger(true, 0);
					c.send(get("/axis-cgi/param.cgi?action=list"));
				}
			}
			other.send(get(LIST));
			assertEquals(LISTED, other.read().body());
		}
	}
}
