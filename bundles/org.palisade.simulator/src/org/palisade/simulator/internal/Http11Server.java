package org.palisade.simulator.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLContext;

/**
 * A small blocking HTTP/1.1 server for one virtual device: one thread accepts, and each connection
 * is served by one thread of the executor for as long as it stays open, so a request is read,
 * handled and answered on the thread that owns its connection.
 * <p>
 * Why not {@code com.sun.net.httpserver}: its dispatcher thread hands every request to a handler
 * thread and takes the connection back afterwards (two thread wake-ups and a selector
 * re-registration per request), and it formats a Date header for every answer. With a thousand
 * devices and their client in one process, that was a large share of the CPU per call.
 * <p>
 * Supported: request bodies by Content-Length or chunked; {@code Expect: 100-continue};
 * persistent connections (the HTTP/1.1 default; HTTP/1.0 only with {@code Connection:
 * keep-alive}) and {@code Connection: close}; HTTPS with the given {@link SSLContext}; requests
 * in origin form ({@code /path?query}) or absolute form. Answers always carry Content-Length; an
 * HTTP/1.0 client that asked for keep-alive is answered {@code Connection: keep-alive}. A
 * connection idle for {@value #IDLE_MILLIS} ms is closed, as the JDK server does. Limits: request
 * line and headers {@value #MAX_HEAD} bytes, body {@value HttpIo#MAX_BODY} bytes; beyond them the
 * answer is 414 (request line), 431 (headers) or 413 (body, refused before any 100 Continue). A
 * malformed request line, Content-Length or chunk size, a folded header line or Content-Length
 * fields that disagree are answered 400; a request with both Transfer-Encoding and Content-Length
 * is read as chunked and its connection closed after the answer. Every refusal (4xx, 500) closes
 * the connection after the answer, gracefully: the server stops sending, then reads and discards
 * what the client still sends for a moment, so that the client reads the answer instead of a reset.
 */
final class Http11Server {

	/** Idle time after which a persistent connection is closed (the JDK server's default too). */
	static final int IDLE_MILLIS = 30_000;
	static final int MAX_HEAD = 64 * 1024;
	/** How long a refused client's remaining bytes are read and discarded before closing. */
	static final int LINGER_MILLIS = 1_000;
	private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,18}");
	/** A chunk size that fits an int (beyond it, surely beyond the body limit). */
	private static final java.util.regex.Pattern CHUNK_SIZE = java.util.regex.Pattern.compile("0*[0-9a-fA-F]{1,7}");
	private static final java.util.regex.Pattern LONG_HEX = java.util.regex.Pattern.compile("0*[0-9a-fA-F]{1,16}");

	/** A request as read from the wire; header names are lower case, the first value of each is kept. */
	record Exchange(String method, String rawPath, String rawQuery, String path, Map<String, String> headers,
			byte[] body) {
		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * An answer; {@code headers} are name/value pairs, flattened. Content-Length and the connection
	 * handling are added by the server.
	 */
	record Answer(int status, List<String> headers, byte[] body) {
	}

	/** Handles one request; returns {@code null} to close the connection without any answer. */
	interface Handler {
		Answer handle(Exchange exchange) throws IOException;
	}

	private static final System.Logger LOG = System.getLogger("org.palisade.simulator");

	private final String name;
	private final Handler handler;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private ServerSocket listener;
	private Thread acceptor;
	private volatile boolean stopped;

	/** @param name used in thread names and log lines */
	Http11Server(String name, Handler handler) {
		this.name = name;
		this.handler = handler;
	}

	/**
	 * Binds and starts accepting.
	 *
	 * @param tls      the TLS context, or {@code null} for plain HTTP
	 * @param executor runs one task per open connection
	 */
	synchronized void start(InetSocketAddress address, SSLContext tls, Executor executor) throws IOException {
		ServerSocket s = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
		try {
			s.setReuseAddress(true);
			s.bind(address, 128);
		} catch (IOException e) {
			s.close();
			throw e;
		}
		listener = s;
		acceptor = new Thread(() -> accept(s, executor), "virtual-device-" + name + "-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	synchronized int port() {
		return listener.getLocalPort();
	}

	/** Stops listening and closes every open connection at once; in-flight exchanges are abandoned. */
	synchronized void stop() {
		stopped = true;
		if (listener != null) {
			closeQuietly(listener);
		}
		for (Socket s : open) {
			closeQuietly(s);
		}
		// A socket closed while another thread is blocked in accept() is released only when that
		// thread has returned; callers expect the port to be free once stop() returns.
		if (acceptor != null && acceptor != Thread.currentThread()) {
			try {
				acceptor.join(5_000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void accept(ServerSocket s, Executor executor) {
		while (!stopped) {
			Socket c;
			try {
				c = s.accept();
			} catch (IOException e) {
				if (!stopped && !s.isClosed()) {
					LOG.log(System.Logger.Level.WARNING, name + ": accept failed", e);
					continue;
				}
				return;
			}
			open.add(c);
			if (stopped) { // stop() may have run between accept and add
				closeQuietly(c);
				open.remove(c);
				return;
			}
			try {
				executor.execute(() -> serve(c));
			} catch (RejectedExecutionException e) {
				closeQuietly(c);
				open.remove(c);
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			// Headers and body go out in one write; without TCP_NODELAY a small answer could still
			// wait for the client's delayed ACK.
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(IDLE_MILLIS);
			Input in = new Input(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			boolean keepAlive = true;
			while (keepAlive && !stopped) {
				String requestLine;
				try {
					requestLine = in.readLine();
				} catch (SocketTimeoutException | EOFException idleOrClosed) {
					return;
				} catch (LineTooLong e) {
					refuse(socket, in, out, 414);
					return;
				}
				if (requestLine == null) {
					return; // the client closed the connection
				}
				if (requestLine.isEmpty()) {
					continue; // a stray CRLF between requests is allowed (RFC 9112 §2.2)
				}
				String[] parts = requestLine.split(" ");
				if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
					refuse(socket, in, out, 400);
					return;
				}
				Map<String, String> headers = new HashMap<>();
				try {
					if (!readHeaders(in, headers)) {
						refuse(socket, in, out, 431);
						return;
					}
				} catch (LineTooLong e) {
					refuse(socket, in, out, 431);
					return;
				} catch (BadRequest e) {
					refuse(socket, in, out, 400);
					return;
				}
				boolean http10 = parts[2].equals("HTTP/1.0");
				String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
				keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
				if (headers.containsKey("transfer-encoding") && headers.containsKey("content-length")) {
					keepAlive = false; // read as chunked, but RFC 9112 §6.1: close after answering such a request
				}
				byte[] body;
				try {
					body = readBody(in, out, headers, !http10 && "100-continue".equalsIgnoreCase(headers.get("expect")));
				} catch (TooLarge e) {
					refuse(socket, in, out, 413);
					return;
				} catch (BadRequest | LineTooLong e) {
					refuse(socket, in, out, 400);
					return;
				}
				Exchange ex;
				try {
					ex = exchange(parts[0], parts[1], headers, body);
				} catch (URISyntaxException e) {
					refuse(socket, in, out, 400);
					return;
				}
				Answer answer;
				try {
					answer = handler.handle(ex);
				} catch (RuntimeException e) {
					// The handler logged it; the client gets a plain 500 and a fresh connection next time.
					refuse(socket, in, out, 500);
					return;
				}
				if (answer == null) {
					return; // closing without an answer: the client sees the connection end
				}
				write(out, answer, keepAlive, http10 && keepAlive, ex.method().equals("HEAD"));
			}
		} catch (IOException e) {
			// The peer went away or the device was stopped: nothing to answer.
		} finally {
			open.remove(socket);
		}
	}

	private static Exchange exchange(String method, String target, Map<String, String> headers, byte[] body)
			throws URISyntaxException {
		String originForm = target;
		if (!target.startsWith("/")) {
			URI u = new URI(target); // absolute form: http://host:port/path?query
			if (u.getRawPath() == null || u.getRawPath().isEmpty()) {
				throw new URISyntaxException(target, "no path");
			}
			originForm = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
		}
		int q = originForm.indexOf('?');
		String rawPath = q < 0 ? originForm : originForm.substring(0, q);
		String rawQuery = q < 0 ? null : originForm.substring(q + 1);
		String path = rawPath.indexOf('%') < 0 ? rawPath : new URI(rawPath).getPath();
		return new Exchange(method, rawPath, rawQuery, path, headers, body);
	}

	/** @return {@code false} when the head is too large */
	/**
	 * @return {@code false} when the head is too large
	 * @throws BadRequest for a folded header line (RFC 9112 §5.2 lets a server reject obsolete line
	 *                    folding) or Content-Length fields that disagree (§6.3: the end of the
	 *                    body would be unknown)
	 */
	private static boolean readHeaders(Input in, Map<String, String> into) throws IOException, BadRequest {
		int size = 0;
		while (true) {
			String line = in.readLine();
			if (line == null) {
				throw new EOFException("connection closed in the request head");
			}
			if (line.isEmpty()) {
				return true;
			}
			size += line.length() + 2;
			if (size > MAX_HEAD) {
				return false;
			}
			if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
				throw new BadRequest();
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = line.substring(colon + 1).trim();
				String earlier = into.putIfAbsent(name, value);
				if (earlier != null && name.equals("content-length") && !earlier.equals(value)) {
					throw new BadRequest();
				}
			}
		}
	}

	private static final class TooLarge extends Exception {
		private static final long serialVersionUID = 1L;

		TooLarge() {
			super(null, null, false, false);
		}
	}

	/** A request whose framing cannot be understood (Content-Length, chunk size). */
	private static final class BadRequest extends Exception {
		private static final long serialVersionUID = 1L;

		BadRequest() {
			super(null, null, false, false);
		}
	}

	/** A line longer than {@link #MAX_HEAD}. */
	private static final class LineTooLong extends IOException {
		private static final long serialVersionUID = 1L;

		LineTooLong() {
			super("line too long");
		}
	}

	/**
	 * @param expectContinue whether the client waits for {@code 100 Continue} before the body; it is
	 *                       sent only once the announced length was found acceptable
	 */
	private static byte[] readBody(Input in, OutputStream out, Map<String, String> headers, boolean expectContinue)
			throws IOException, TooLarge, BadRequest {
		String te = headers.get("transfer-encoding");
		boolean chunked = te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
		String length = headers.get("content-length");
		long declared = -1;
		if (!chunked && length != null) {
			if (!DIGITS.matcher(length.trim()).matches()) {
				throw new BadRequest();
			}
			declared = Long.parseLong(length.trim());
			if (declared > HttpIo.MAX_BODY) {
				throw new TooLarge();
			}
		}
		if (expectContinue && (chunked || declared > 0)) {
			out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}
		if (chunked) {
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			byte[] chunk = new byte[8192];
			while (true) {
				String sizeLine = in.readLine();
				if (sizeLine == null) {
					throw new EOFException("connection closed in a chunked body");
				}
				int semi = sizeLine.indexOf(';');
				String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
				if (!CHUNK_SIZE.matcher(hex).matches()) {
					if (LONG_HEX.matcher(hex).matches()) {
						throw new TooLarge(); // a well-formed size beyond any body accepted
					}
					throw new BadRequest();
				}
				int n = Integer.parseInt(hex, 16);
				if (n == 0) {
					while (true) { // trailers, up to the empty line
						String t = in.readLine();
						if (t == null || t.isEmpty()) {
							return body.toByteArray();
						}
					}
				}
				if (body.size() + (long) n > HttpIo.MAX_BODY) {
					throw new TooLarge();
				}
				// Through a buffer: growing the body by each chunk would copy it once per chunk.
				for (int left = n; left > 0;) {
					int piece = Math.min(left, chunk.length);
					in.readFully(chunk, 0, piece);
					body.write(chunk, 0, piece);
					left -= piece;
				}
				in.readLine(); // the CRLF after the chunk data
			}
		}
		if (declared < 0) {
			return new byte[0];
		}
		byte[] body = new byte[(int) declared];
		in.readFully(body, 0, body.length);
		return body;
	}

	/**
	 * Answers a request the server will not serve with {@code status}, then closes the connection
	 * gracefully: output is shut down first, and whatever the client still sends is read and
	 * discarded for up to {@value #LINGER_MILLIS} ms. Closing with unread bytes would make the
	 * kernel send a reset, which can destroy the answer before the client has read it.
	 */
	private static void refuse(Socket socket, Input in, OutputStream out, int status) throws IOException {
		String text = status + " " + reason(status) + "\n";
		write(out, new Answer(status, List.of(), text.getBytes(StandardCharsets.UTF_8)), false, false, false);
		if (socket instanceof javax.net.ssl.SSLSocket) {
			return; // TLS cannot half-close; the close that follows sends close_notify
		}
		socket.shutdownOutput();
		long end = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
		byte[] sink = new byte[8192];
		try {
			while (true) {
				long left = (end - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					return;
				}
				socket.setSoTimeout((int) left);
				if (!in.discard(sink)) {
					return; // the client has closed its end too
				}
			}
		} catch (IOException timedOutOrReset) {
			// closing anyway
		}
	}

	private static void write(OutputStream out, Answer a, boolean keepAlive, boolean sayKeepAlive, boolean head)
			throws IOException {
		StringBuilder h = new StringBuilder(256).append("HTTP/1.1 ").append(a.status()).append(' ')
				.append(reason(a.status())).append("\r\n");
		List<String> headers = a.headers();
		for (int i = 0; i + 1 < headers.size(); i += 2) {
			h.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
		}
		h.append("Content-Length: ").append(a.body().length).append("\r\n");
		if (!keepAlive) {
			h.append("Connection: close\r\n");
		} else if (sayKeepAlive) {
			h.append("Connection: keep-alive\r\n"); // HTTP/1.0 connections persist only if the answer says so
		}
		h.append("\r\n");
		byte[] head0 = h.toString().getBytes(StandardCharsets.ISO_8859_1);
		int bodyLength = head ? 0 : a.body().length;
		byte[] all = java.util.Arrays.copyOf(head0, head0.length + bodyLength);
		System.arraycopy(a.body(), 0, all, head0.length, bodyLength);
		out.write(all);
		out.flush();
	}

	private static String reason(int status) {
		return switch (status) {
		case 200 -> "OK";
		case 400 -> "Bad Request";
		case 401 -> "Unauthorized";
		case 403 -> "Forbidden";
		case 404 -> "Not Found";
		case 405 -> "Method Not Allowed";
		case 413 -> "Payload Too Large";
		case 414 -> "URI Too Long";
		case 431 -> "Request Header Fields Too Large";
		case 500 -> "Internal Server Error";
		case 502 -> "Bad Gateway";
		case 503 -> "Service Unavailable";
		case 504 -> "Gateway Timeout";
		default -> "Status " + status;
		};
	}

	private static void closeQuietly(java.io.Closeable c) {
		try {
			c.close();
		} catch (IOException e) {
			// closing anyway
		}
	}

	/** A buffered reader of lines and bytes; unsynchronised, since one thread owns a connection. */
	private static final class Input {
		private final InputStream in;
		private final byte[] buf = new byte[8192];
		private int pos;
		private int lim;

		Input(InputStream in) {
			this.in = in;
		}

		private boolean fill() throws IOException {
			int n;
			try {
				n = in.read(buf, 0, buf.length);
			} catch (SocketException e) {
				throw new EOFException(e.getMessage());
			}
			if (n <= 0) {
				return false;
			}
			pos = 0;
			lim = n;
			return true;
		}

		/** @return the line without CRLF (or LF), or {@code null} at end of stream before any byte */
		String readLine() throws IOException {
			StringBuilder b = null;
			while (true) {
				if (pos >= lim && !fill()) {
					if (b == null) {
						return null;
					}
					throw new EOFException("connection closed mid-line");
				}
				int start = pos;
				while (pos < lim && buf[pos] != '\n') {
					pos++;
				}
				int end = pos;
				boolean complete = pos < lim;
				if (complete) {
					pos++; // consume LF
				}
				if (b == null) {
					b = new StringBuilder(Math.max(16, end - start));
				}
				b.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
				if (b.length() > MAX_HEAD) {
					throw new LineTooLong();
				}
				if (complete) {
					int n = b.length();
					if (n > 0 && b.charAt(n - 1) == '\r') {
						b.setLength(n - 1);
					}
					return b.toString();
				}
			}
		}

		/** Drops what is buffered and what one read brings; @return {@code false} at end of stream */
		boolean discard(byte[] sink) throws IOException {
			pos = lim;
			return in.read(sink, 0, sink.length) >= 0;
		}

		void readFully(byte[] into, int off, int len) throws IOException {
			while (len > 0) {
				if (pos >= lim && !fill()) {
					throw new EOFException("connection closed in the body");
				}
				int n = Math.min(len, lim - pos);
				System.arraycopy(buf, pos, into, off, n);
				pos += n;
				off += n;
				len -= n;
			}
		}
	}
}
