package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;

/**
 * A client that trickles a request head (a slowloris) loses its connection once the head
 * deadline passes, while a kept-alive connection that is merely quiet keeps it.
 */
class RequestHeadDeadlineTest {

	private static final long HEAD_MILLIS = 1_000;

	private static VirtualDevice device;

	@BeforeAll
	static void start() throws Exception {
		System.setProperty("palisade.simulator.requestHeadMillis", Long.toString(HEAD_MILLIS));
		device = new VirtualDevice(DeviceDescriptor.builder("cam").password("pw".toCharArray()).build()).start();
	}

	@AfterAll
	static void stop() throws Exception {
		device.stop();
		System.clearProperty("palisade.simulator.requestHeadMillis");
	}

	private static Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", device.baseUri().getPort());
		socket.setSoTimeout(10_000);
		return socket;
	}

	@Test
	void aHeadSentOneByteAtATimeIsCutOffAtTheDeadline() throws Exception {
		byte[] head = "GET /axis-cgi/param.cgi?action=list HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII);
		long started = System.nanoTime();
		int sent = 0;
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			try {
				// One byte every 100 ms: far inside the idle timeout, far too slow for a head.
				for (; sent < head.length; sent++) {
					out.write(head[sent]);
					out.flush();
					Thread.sleep(100);
					if (socket.getInputStream().available() > 0) {
						break;
					}
				}
				assertEquals(-1, in.read(), "the device closes the connection without an answer");
			} catch (IOException closed) {
				// A write into a closed connection: cut off as well.
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertTrue(sent < head.length, "cut off before the head was complete: " + sent + " of " + head.length + " bytes");
		assertTrue(millis >= HEAD_MILLIS && millis < 3 * HEAD_MILLIS + 1_000, "cut off after " + millis + " ms, deadline " + HEAD_MILLIS);
	}

	@Test
	void aQuietKeptAliveConnectionStaysOpenPastTheDeadline() throws Exception {
		byte[] request = "GET /axis-cgi/param.cgi?action=list HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = connect()) {
			socket.getOutputStream().write(request);
			assertTrue(statusLine(socket.getInputStream()).startsWith("HTTP/1.1 401"), "asks for credentials");
			Thread.sleep(3 * HEAD_MILLIS);
			socket.getOutputStream().write(request);
			assertTrue(statusLine(socket.getInputStream()).startsWith("HTTP/1.1 401"), "the same connection still answers");
		}
	}

	/** Reads one answer's status line and skips the rest of that answer (headers and a short body). */
	private static String statusLine(InputStream in) throws IOException {
		StringBuilder text = new StringBuilder();
		int contentLength = 0;
		String line;
		String status = null;
		while (!(line = readLine(in)).isEmpty()) {
			if (status == null) {
				status = line;
			}
			if (line.toLowerCase().startsWith("content-length:")) {
				contentLength = Integer.parseInt(line.substring(15).trim());
			}
			text.append(line).append('\n');
		}
		in.readNBytes(contentLength);
		return status;
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c; (c = in.read()) != -1 && c != '\n';) {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}
}
