package org.palisade.deploy.vapix.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

/**
 * A scripted HTTP server for client tests: it accepts on loopback (plain or TLS), and each
 * connection runs the script on its own thread, which reads requests and writes exact bytes.
 * Requests seen are recorded with the index of the connection they came on, so tests can tell
 * reuse from reconnection. Failures of the script (an assertion about a request, say) are kept
 * and rethrown by {@link #close()}.
 */
final class RawServer implements AutoCloseable {

	/** What the server does with one accepted connection; {@code index} counts from 0. */
	@FunctionalInterface
	interface Script {
		void serve(int index, Conn conn) throws Exception;
	}

	/** A request as read: request line parts, headers (case-insensitive, first value) and body. */
	record Req(int connection, String method, String target, String version, Map<String, String> headers,
			byte[] body) {
		String header(String name) {
			return headers.get(name);
		}

		String bodyText() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	/** One accepted connection. */
	final class Conn {
		final int index;
		final Socket socket;
		private final InputStream in;
		private final OutputStream out;

		Conn(int index, Socket socket) throws IOException {
			this.index = index;
			this.socket = socket;
			this.in = socket.getInputStream();
			this.out = socket.getOutputStream();
		}

		/** @return the next request, or {@code null} if the client closed the connection first */
		Req read() throws IOException {
			String line = line(true);
			if (line == null) {
				return null;
			}
			String[] parts = line.split(" ");
			if (parts.length != 3) {
				throw new IOException("bad request line: " + line);
			}
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String h = line(false); h != null && !h.isEmpty(); h = line(false)) {
				int colon = h.indexOf(':');
				headers.putIfAbsent(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
			}
			int n = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
			byte[] body = in.readNBytes(n);
			Req r = new Req(index, parts[0], parts[1], parts[2], Collections.unmodifiableMap(headers), body);
			requests.add(r);
			return r;
		}

		private String line(boolean requestLine) throws IOException {
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			int c;
			while ((c = readByte(requestLine && b.size() == 0)) >= 0) {
				if (c == '\n') {
					String s = b.toString(StandardCharsets.ISO_8859_1);
					return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
				}
				b.write(c);
			}
			return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
		}

		/** A reset between requests (the client closed with unread bytes) counts as the end. */
		private int readByte(boolean betweenRequests) throws IOException {
			try {
				return in.read();
			} catch (java.net.SocketException e) {
				if (betweenRequests && "Connection reset".equals(e.getMessage())) {
					return -1;
				}
				throw e;
			}
		}

		/** Writes the text (CRLFs included by the caller) as ISO-8859-1 in one write. */
		Conn write(String text) throws IOException {
			return write(text.getBytes(StandardCharsets.ISO_8859_1));
		}

		Conn write(byte[] bytes) throws IOException {
			out.write(bytes);
			out.flush();
			return this;
		}

		/** Writes the text in pieces of {@code size} bytes with a pause between them. */
		Conn dribble(String text, int size, long pauseMillis) throws IOException, InterruptedException {
			byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
			for (int i = 0; i < b.length; i += size) {
				out.write(b, i, Math.min(size, b.length - i));
				out.flush();
				Thread.sleep(pauseMillis);
			}
			return this;
		}

		/** A complete answer with Content-Length. */
		Conn answer(int status, String body, String... headerLines) throws IOException {
			StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
			for (String l : headerLines) {
				h.append(l).append("\r\n");
			}
			byte[] b = body.getBytes(StandardCharsets.UTF_8);
			h.append("Content-Length: ").append(b.length).append("\r\n\r\n");
			byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
			byte[] all = new byte[head.length + b.length];
			System.arraycopy(head, 0, all, 0, head.length);
			System.arraycopy(b, 0, all, head.length, b.length);
			return write(all);
		}

		/** @return whether the client closed its end (reads end of stream) within the time */
		boolean clientClosed(long millis) throws IOException {
			socket.setSoTimeout((int) millis);
			try {
				return in.read() < 0;
			} catch (java.net.SocketTimeoutException e) {
				return false;
			} catch (java.net.SocketException e) {
				return true; // reset
			}
		}

		/** Closes with a TCP reset instead of a FIN. */
		void reset() throws IOException {
			socket.setSoLinger(true, 0);
			socket.close();
		}

		void close() throws IOException {
			socket.close();
		}
	}

	private final ServerSocket listener;
	private final Script script;
	private final boolean tls;
	private final AtomicInteger accepted = new AtomicInteger();
	private final List<Req> requests = new CopyOnWriteArrayList<>();
	private final List<Throwable> failures = new CopyOnWriteArrayList<>();
	private final List<Socket> sockets = new CopyOnWriteArrayList<>();
	private final List<Thread> threads = new CopyOnWriteArrayList<>();
	private final CountDownLatch done = new CountDownLatch(1);

	private RawServer(ServerSocket listener, Script script, boolean tls) {
		this.listener = listener;
		this.script = script;
		this.tls = tls;
		Thread t = new Thread(this::acceptLoop, "raw-server-accept");
		t.setDaemon(true);
		t.start();
	}

	static RawServer start(Script script) throws IOException {
		ServerSocket s = new ServerSocket();
		s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		return new RawServer(s, script, false);
	}

	/** A plain server on the IPv6 loopback address {@code ::1}; see {@link #uri()}. */
	static RawServer startIpv6(Script script) throws IOException {
		ServerSocket s = new ServerSocket();
		s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
		return new RawServer(s, script, false);
	}

	/** @param protocols the TLS versions the server accepts, or none for the context's defaults */
	static RawServer startTls(SSLContext context, Script script, String... protocols) throws IOException {
		ServerSocket s = context.getServerSocketFactory().createServerSocket();
		if (protocols.length > 0) {
			((javax.net.ssl.SSLServerSocket) s).setEnabledProtocols(protocols);
		}
		s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		return new RawServer(s, script, true);
	}

	private void acceptLoop() {
		try {
			while (true) {
				Socket c = listener.accept();
				int index = accepted.getAndIncrement();
				sockets.add(c);
				Thread t = new Thread(() -> {
					int before = requests.size();
					try {
						script.serve(index, new Conn(index, c));
					} catch (Throwable e) {
						boolean refusedBeforeAnyRequest = tls && e instanceof IOException
								&& requests.stream().skip(before).noneMatch(r -> r.connection() == index);
						// (a client that refuses the certificate ends the handshake: what trust tests expect)
						if (!listener.isClosed() && !refusedBeforeAnyRequest) {
							failures.add(e);
						}
					}
				}, "raw-server-conn-" + index);
				t.setDaemon(true);
				threads.add(t);
				t.start();
			}
		} catch (IOException closed) {
			done.countDown();
		}
	}

	URI uri() {
		String host = listener.getInetAddress() instanceof java.net.Inet6Address ? "[::1]" : "127.0.0.1";
		return URI.create((tls ? "https" : "http") + "://" + host + ":" + listener.getLocalPort());
	}

	int port() {
		return listener.getLocalPort();
	}

	/** @return how many connections were accepted so far */
	int connections() {
		return accepted.get();
	}

	List<Req> requests() {
		return new ArrayList<>(requests);
	}

	/** @return the connection index of each request, in order */
	List<Integer> connectionOfEachRequest() {
		return requests.stream().map(Req::connection).toList();
	}

	/** Waits for the scripts of all accepted connections to end. */
	void awaitScripts(long millis) throws InterruptedException {
		long end = System.currentTimeMillis() + millis;
		for (Thread t : threads) {
			t.join(Math.max(1, end - System.currentTimeMillis()));
		}
	}

	/** @return the failures of the scripts so far, for assertion messages */
	List<Throwable> failures() {
		return List.copyOf(failures);
	}

	@Override
	public void close() throws Exception {
		listener.close();
		done.await(5, TimeUnit.SECONDS);
		for (Socket s : sockets) {
			s.close();
		}
		threads.forEach(Thread::interrupt);
		awaitScripts(5_000);
		if (!failures.isEmpty()) {
			AssertionError e = new AssertionError("the scripted server failed: " + failures.get(0));
			failures.forEach(e::addSuppressed);
			throw e;
		}
	}
}
