package org.palisade.deploy.vapix.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One persistent HTTP/1.1 connection to a device, used by one thread at a time: the request is
 * written and the answer read on the calling thread.
 * <p>
 * Why not {@code java.net.http.HttpClient}: a VAPIX client makes one call at a time per device,
 * and the JDK client passes every exchange between the caller, its selector thread and its
 * executor; with hundreds of devices deployed in parallel those hand-offs cost more CPU than
 * the calls themselves.
 * <p>
 * HTTPS verifies the certificate with the connector's trust managers and the host name as
 * HTTPS requires (endpoint identification {@code HTTPS}), as the JDK client does; a pinned
 * trust manager decides for itself (see {@code TlsOptions}). Answers may be delimited by
 * Content-Length, chunked, or the end of the connection; 1xx interim answers are skipped.
 * <p>
 * Reuse: a request written into a connection the device has already closed fails with an
 * unknown outcome, which a non-idempotent call may not retry. So a connection is reused only
 * while both sides announced keep-alive, it idled less than {@link #MAX_IDLE} (devices close
 * idle connections after a few seconds) and a non-blocking look at the socket shows neither an
 * end of stream nor unsolicited bytes.
 */
public final class Http1Connection implements Closeable {

	/** An answer as read. */
	public record Answer(int status, HttpHeaders headers, byte[] body) {
	}

	/** Reuse a connection only if it idled less than this (common servers close after 5 s). */
	static final long MAX_IDLE = Duration.ofSeconds(2).toNanos();
	private static final int MAX_HEAD = 64 * 1024;
	private static final int MAX_BODY = 16 << 20;
	private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,18}");

	private final SocketChannel channel;
	private final Socket socket;
	private final String hostHeader;
	private final InputStream in;
	private final OutputStream out;
	private final byte[] buf = new byte[8192];
	private int pos;
	private int lim;
	private boolean reusable = true;
	private long idleSince = System.nanoTime();
	private long keepAliveNanos = MAX_IDLE;

	private Http1Connection(SocketChannel channel, Socket socket, String hostHeader) throws IOException {
		this.channel = channel;
		this.socket = socket;
		this.hostHeader = hostHeader;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	/**
	 * Connects (and for https, completes the TLS handshake).
	 * <p>
	 * Whatever fails here fails before the request is written, and says so by its type: a
	 * connection or TLS handshake that did not complete for a transport reason (refused, closed or
	 * reset by the device during the handshake) is a {@link ConnectException}, one that took
	 * longer than the connect timeout (the handshake included) a {@link HttpConnectTimeoutException};
	 * only the device's certificate or its TLS parameters being refused is an {@link SSLException}.
	 *
	 * @throws HttpConnectTimeoutException if the connect timeout passed
	 * @throws ConnectException            if the device refused the connection or cut off the handshake
	 * @throws javax.net.ssl.SSLHandshakeException if the server is not trusted
	 */
	public static Http1Connection open(URI base, SSLContext tls, Duration connectTimeout) throws IOException {
		boolean https = "https".equalsIgnoreCase(base.getScheme());
		String host = base.getHost();
		if (host == null) {
			throw new IOException("no host in " + base);
		}
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		int port = base.getPort() >= 0 ? base.getPort() : https ? 443 : 80;
		// A channel underneath, so that reusable() can look at the socket without blocking.
		SocketChannel channel = SocketChannel.open();
		Socket plain = channel.socket();
		try {
			plain.setTcpNoDelay(true);
			plain.connect(new InetSocketAddress(bare, port), (int) Math.max(1, connectTimeout.toMillis()));
		} catch (SocketTimeoutException e) {
			channel.close();
			HttpConnectTimeoutException t = new HttpConnectTimeoutException("connect timed out");
			t.initCause(e);
			throw t;
		} catch (ConnectException | RuntimeException e) {
			channel.close();
			throw e;
		} catch (IOException e) {
			// No route, unknown host, network down...: the request was not sent either.
			channel.close();
			ConnectException c = new ConnectException("cannot connect (" + e + ")");
			c.initCause(e);
			throw c;
		}
		Socket s = plain;
		try {
			if (https) {
				SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, bare, port, true);
				SSLParameters p = ssl.getSSLParameters();
				p.setEndpointIdentificationAlgorithm("HTTPS");
				ssl.setSSLParameters(p);
				s = ssl;
				ssl.setSoTimeout((int) Math.max(1, connectTimeout.toMillis()));
				ssl.startHandshake();
			}
			boolean defaultPort = base.getPort() < 0 || port == (https ? 443 : 80);
			return new Http1Connection(channel, s, defaultPort ? host : host + ":" + port);
		} catch (IOException | RuntimeException e) {
			s.close();
			channel.close();
			if (e instanceof IOException io && handshakeCutOff(io)) {
				// Nothing was sent yet: like a refused connection, not a TLS verdict and not an unknown outcome.
				IOException notSent = io instanceof SocketTimeoutException
						? new HttpConnectTimeoutException("the TLS handshake timed out")
						: new ConnectException("the device ended the TLS handshake (" + io.getMessage() + ")");
				notSent.initCause(io);
				throw notSent;
			}
			throw e;
		}
	}

	/**
	 * @return whether a handshake failed for a transport reason (the device closed or reset the
	 *         connection, or did not answer), as opposed to a verdict on certificates or TLS parameters
	 */
	private static boolean handshakeCutOff(IOException e) {
		boolean transport = !(e instanceof SSLException);
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof CertificateException) {
				return false;
			}
			if (t != e && t instanceof IOException && !(t instanceof SSLException)) {
				transport = true;
			}
		}
		return transport;
	}

	/** @return whether the connection may carry another request now (see the class comment) */
	public boolean reusable() {
		return reusable && !socket.isClosed() && System.nanoTime() - idleSince < keepAliveNanos && pos >= lim
				&& peerSilent();
	}

	/** @return whether the device has neither closed the connection nor sent anything since the last answer */
	private boolean peerSilent() {
		try {
			channel.configureBlocking(false);
			try {
				return channel.read(ByteBuffer.allocate(1)) == 0;
			} finally {
				channel.configureBlocking(true);
			}
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}

	/**
	 * Sends one request and reads its answer.
	 *
	 * @param target  path and query as on the request line
	 * @param headers extra name/value pairs, flattened (Host, Content-Length are added here)
	 * @param body    the body, or {@code null} for none
	 * @param timeout the time the answer may take, from now
	 * @throws HttpTimeoutException if the answer did not arrive in time
	 * @throws IOException          if the connection failed or the answer is not HTTP; the connection
	 *                              is then unusable and should be closed
	 */
	public Answer exchange(String method, String target, List<String> headers, byte[] body, Duration timeout)
			throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		reusable = false; // until a complete, keep-alive answer has been read
		StringBuilder h = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
				.append(hostHeader).append("\r\n");
		for (int i = 0; i + 1 < headers.size(); i += 2) {
			h.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
		}
		if (body != null || method.equals("POST") || method.equals("PUT")) {
			h.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
		}
		h.append("\r\n");
		byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
		byte[] request = body == null ? head : Arrays.copyOf(head, head.length + body.length);
		if (body != null) {
			System.arraycopy(body, 0, request, head.length, body.length);
		}
		// One write: with TCP_NODELAY, a split head and body would go out as two segments.
		out.write(request);
		out.flush();

		String statusLine;
		int status;
		Map<String, List<String>> fields;
		do {
			statusLine = readLine(deadline);
			if (statusLine == null) {
				throw new EOFException("the device closed the connection without answering");
			}
			status = parseStatus(statusLine);
			fields = readHeaders(deadline);
		} while (status >= 100 && status < 200); // interim answers (100 Continue) precede the real one
		HttpHeaders answerHeaders;
		try {
			answerHeaders = HttpHeaders.of(fields, (k, v) -> true);
		} catch (IllegalArgumentException e) {
			throw new IOException("invalid header in the answer", e); // never an unchecked exception to callers
		}
		boolean http10 = statusLine.startsWith("HTTP/1.0");
		String connection = String.join(",", fields.getOrDefault("Connection", List.of())).toLowerCase(Locale.ROOT);
		boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");

		byte[] answerBody;
		boolean delimited = true;
		String te = String.join(",", fields.getOrDefault("Transfer-Encoding", List.of())).toLowerCase(Locale.ROOT);
		if (method.equals("HEAD") || status == 204 || status == 304) {
			answerBody = new byte[0];
		} else if (te.contains("chunked")) {
			answerBody = readChunked(deadline);
		} else if (fields.containsKey("Content-Length")) {
			long n = contentLength(fields.get("Content-Length"));
			if (n > MAX_BODY) {
				throw new IOException("answer body too large: " + n + " bytes");
			}
			answerBody = new byte[(int) n];
			readFully(answerBody, 0, answerBody.length, deadline);
		} else {
			answerBody = readToEnd(deadline);
			delimited = false;
		}
		keepAliveNanos = keepAliveTimeout(fields.get("Keep-Alive"));
		reusable = keepAlive && delimited;
		idleSince = System.nanoTime();
		return new Answer(status, answerHeaders, answerBody);
	}

	/**
	 * The length of the body: every value of every Content-Length field, which repeats the same
	 * number when a server or proxy duplicated the field ({@code 42, 42}, RFC 9110 §8.6). Differing
	 * values leave the body's end unknown, which RFC 9112 §6.3 makes an unrecoverable error: taking
	 * the first would misframe this answer and every later one on the connection.
	 */
	private static long contentLength(List<String> values) throws IOException {
		long n = -1;
		for (String v : values) {
			for (String part : v.split(",", -1)) {
				String digits = part.trim();
				if (!DIGITS.matcher(digits).matches()) {
					throw new IOException("invalid Content-Length in the answer");
				}
				long m = Long.parseLong(digits);
				if (n >= 0 && m != n) {
					throw new IOException("conflicting Content-Length values in the answer");
				}
				n = m;
			}
		}
		return n;
	}

	/** A device's {@code Keep-Alive: timeout=N} shortens how long an idle connection is reused. */
	private static long keepAliveTimeout(List<String> values) {
		long limit = MAX_IDLE;
		if (values != null) {
			for (String v : values) {
				for (String part : v.split(",")) {
					String p = part.trim().toLowerCase(Locale.ROOT);
					if (p.startsWith("timeout=")) {
						try {
							// One second of margin: the device counts from when it sent the answer.
							long seconds = Long.parseLong(p.substring(8).trim()) - 1;
							limit = Math.min(limit, Duration.ofSeconds(Math.max(0, seconds)).toNanos());
						} catch (NumberFormatException e) {
							// ignore a malformed hint
						}
					}
				}
			}
		}
		return limit;
	}

	private static int parseStatus(String line) throws IOException {
		if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
			throw new IOException("not an HTTP/1.x answer");
		}
		try {
			return Integer.parseInt(line.substring(9, 12));
		} catch (NumberFormatException e) {
			throw new IOException("not an HTTP/1.x answer");
		}
	}

	/**
	 * Reads header lines up to the empty line. A line starting with a space or tab continues the
	 * previous field's value (obsolete line folding, which RFC 9112 §5.2 asks a client to accept
	 * by replacing the fold with a space); a line without a colon or with an empty name carries
	 * nothing usable and is skipped.
	 */
	private Map<String, List<String>> readHeaders(long deadline) throws IOException {
		Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		int size = 0;
		List<String> lastValues = null;
		while (true) {
			String line = readLine(deadline);
			if (line == null) {
				throw new EOFException("the connection ended in the answer's headers");
			}
			if (line.isEmpty()) {
				return fields;
			}
			size += line.length();
			if (size > MAX_HEAD) {
				throw new IOException("answer headers too large");
			}
			char first = line.charAt(0);
			if (first == ' ' || first == '\t') {
				if (lastValues != null) {
					int last = lastValues.size() - 1;
					String folded = line.trim();
					if (!folded.isEmpty()) {
						lastValues.set(last, lastValues.get(last).isEmpty() ? folded : lastValues.get(last) + " " + folded);
					}
				}
				continue;
			}
			int colon = line.indexOf(':');
			String name = colon > 0 ? line.substring(0, colon).trim() : "";
			if (name.isEmpty()) {
				lastValues = null;
				continue;
			}
			lastValues = fields.computeIfAbsent(name, k -> new ArrayList<>());
			lastValues.add(line.substring(colon + 1).trim());
		}
	}

	private byte[] readChunked(long deadline) throws IOException {
		Body body = new Body();
		while (true) {
			String sizeLine = readLine(deadline);
			if (sizeLine == null) {
				throw new EOFException("the connection ended in a chunked answer");
			}
			int semi = sizeLine.indexOf(';');
			int n;
			try {
				n = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
			} catch (NumberFormatException e) {
				throw new IOException("invalid chunk size in the answer");
			}
			if (n == 0) {
				String trailer;
				do {
					trailer = readLine(deadline);
				} while (trailer != null && !trailer.isEmpty());
				return body.toArray();
			}
			if (n < 0) {
				throw new IOException("invalid chunk size in the answer");
			}
			int at = body.reserve(n);
			readFully(body.bytes, at, n, deadline);
			readLine(deadline); // CRLF after the chunk
		}
	}

	private byte[] readToEnd(long deadline) throws IOException {
		Body body = new Body();
		while (true) {
			if (pos >= lim && !fill(deadline)) {
				return body.toArray();
			}
			int n = lim - pos;
			int at = body.reserve(n);
			System.arraycopy(buf, pos, body.bytes, at, n);
			pos = lim;
		}
	}

	/**
	 * A body of unknown length as it grows: the array doubles, so that a body of n bytes costs
	 * O(n) copying however small its chunks or reads (growing by each piece was quadratic).
	 */
	private static final class Body {
		byte[] bytes = new byte[1024];
		int length;

		/** @return where the next {@code n} bytes go; they count as written */
		int reserve(int n) throws IOException {
			if (length + (long) n > MAX_BODY) {
				throw new IOException("answer body too large");
			}
			int at = length;
			length += n;
			if (length > bytes.length) {
				bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BODY, Math.max(length, 2L * bytes.length)));
			}
			return at;
		}

		byte[] toArray() {
			return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
		}
	}

	private boolean fill(long deadline) throws IOException {
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			throw new HttpTimeoutException("request timed out");
		}
		socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
		int n;
		try {
			n = in.read(buf, 0, buf.length);
		} catch (SocketTimeoutException e) {
			throw new HttpTimeoutException("request timed out");
		}
		if (n <= 0) {
			return false;
		}
		pos = 0;
		lim = n;
		return true;
	}

	/** @return the line without CRLF, or {@code null} if the stream ended before any byte of it */
	private String readLine(long deadline) throws IOException {
		StringBuilder b = null;
		while (true) {
			if (pos >= lim && !fill(deadline)) {
				if (b == null) {
					return null;
				}
				throw new EOFException("the connection ended mid-line");
			}
			int start = pos;
			while (pos < lim && buf[pos] != '\n') {
				pos++;
			}
			boolean complete = pos < lim;
			if (b == null) {
				b = new StringBuilder(Math.max(16, pos - start));
			}
			b.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
			if (b.length() > MAX_HEAD) {
				throw new IOException("answer line too long");
			}
			if (complete) {
				pos++;
				int n = b.length();
				if (n > 0 && b.charAt(n - 1) == '\r') {
					b.setLength(n - 1);
				}
				return b.toString();
			}
		}
	}

	private void readFully(byte[] into, int off, int len, long deadline) throws IOException {
		while (len > 0) {
			if (pos >= lim && !fill(deadline)) {
				throw new EOFException("the connection ended in the answer's body");
			}
			int n = Math.min(len, lim - pos);
			System.arraycopy(buf, pos, into, off, n);
			pos += n;
			off += n;
			len -= n;
		}
	}

	@Override
	public void close() {
		reusable = false;
		try {
			socket.close();
			channel.close();
		} catch (IOException e) {
			// closing anyway
		}
	}
}
