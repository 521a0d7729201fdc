package org.palisade.deploy.vapix.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLHandshakeException;

import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.VapixException.Kind;

/**
 * Sends VAPIX calls to one device: authentication (see {@link HttpAuth}), timeouts, and retries
 * with backoff on transient faults according to the call's {@link Safety}.
 * <p>
 * Contract: {@link #execute(VapixRequest)} returns any authenticated response (the typed APIs
 * interpret statuses and bodies); it throws {@link VapixException} for rejected credentials,
 * TLS failures, and transport failures or retryable statuses that outlast the retry policy.
 * 401 handshakes do not consume retry attempts. Nothing logged or thrown contains credentials,
 * query strings or bodies.
 * <p>
 * Connections: persistent HTTP/1.1 connections to the device ({@link Http1Connection}), kept
 * between calls; calls made at the same time use one connection each. A connection that failed
 * is closed, never reused.
 */
public final class HttpTransport implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger("org.palisade.deploy.vapix");
	private static final int MAX_AUTH_ROUNDS = 3;

	private final String device;
	private final URI base;
	private final Credentials credentials;
	private final HttpConnector connector;
	private final Duration requestTimeout;
	private final RetryPolicy retry;
	private final HttpAuth auth = new HttpAuth();
	/** Idle connections, most recently used last; guarded by itself. */
	private final ArrayDeque<Http1Connection> idle = new ArrayDeque<>();
	private boolean closed;

	/** Signals a 401 that another round cannot fix. */
	private static final class AuthFailure extends Exception {
		private static final long serialVersionUID = 1L;

		AuthFailure(String message) {
			super(message, null, false, false);
		}
	}

	public HttpTransport(String device, URI base, Credentials credentials, HttpConnector connector,
			Duration requestTimeout, RetryPolicy retry) {
		this.device = Objects.requireNonNull(device);
		String b = base.toString();
		this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
		this.credentials = Objects.requireNonNull(credentials);
		this.connector = Objects.requireNonNull(connector);
		this.requestTimeout = Objects.requireNonNull(requestTimeout);
		this.retry = Objects.requireNonNull(retry);
	}

	public String device() {
		return device;
	}

	/** @see HttpTransport */
	public VapixResponse execute(VapixRequest req) throws VapixException {
		String target = req.path() + (req.rawQuery() == null ? "" : "?" + req.rawQuery());
		for (int attempt = 1;; attempt++) {
			String why;
			Duration retryAfter = null;
			IOException ioFailure = null;
			try {
				Http1Connection.Answer r = sendAuthenticated(req, target);
				int status = r.status();
				LOG.log(System.Logger.Level.DEBUG, () -> device + " " + req.method() + " " + req.path() + " ["
						+ req.call() + "] -> " + status);
				if (!req.safety().retriesStatus(status)) {
					return new VapixResponse(status, r.headers(), r.body(), attempt);
				}
				why = "HTTP " + status;
				retryAfter = r.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,4}"))
						.map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
				if (attempt >= retry.maxAttempts()) {
					return new VapixResponse(status, r.headers(), r.body(), attempt);
				}
			} catch (AuthFailure e) {
				throw new VapixException(Kind.AUTHENTICATION, device, req.call(), 401, null, null, attempt,
						e.getMessage(), null);
			} catch (SSLHandshakeException e) {
				throw new VapixException(Kind.TLS, device, req.call(), VapixException.NO_STATUS, null, null, attempt,
						Redactor.redact(e.getMessage(), req.secrets()), e);
			} catch (HttpConnectTimeoutException | ConnectException e) {
				// Never reached the device: safe to repeat whatever the call is.
				ioFailure = e;
				why = "connect failed";
			} catch (HttpTimeoutException e) {
				ioFailure = e;
				why = "response timed out";
				if (!req.safety().retriesUnknownOutcome()) {
					throw unknownOutcome(req, attempt, why, e);
				}
			} catch (IOException e) {
				ioFailure = e;
				why = "connection dropped";
				if (!req.safety().retriesUnknownOutcome()) {
					throw unknownOutcome(req, attempt, why, e);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new VapixException(Kind.TRANSPORT, device, req.call(), VapixException.NO_STATUS, null, null,
						attempt, "interrupted", e);
			}
			if (attempt >= retry.maxAttempts()) {
				throw new VapixException(Kind.TRANSPORT, device, req.call(), VapixException.NO_STATUS, null, null,
						attempt, why + describe(ioFailure), ioFailure);
			}
			Duration wait = retry.backoff(attempt, retryAfter);
			int failed = attempt;
			String reason = why;
			LOG.log(System.Logger.Level.INFO, () -> device + " " + req.call() + ": " + reason + ", retrying in "
					+ wait.toMillis() + " ms (attempt " + failed + " of " + retry.maxAttempts() + ")");
			try {
				Thread.sleep(wait.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new VapixException(Kind.TRANSPORT, device, req.call(), VapixException.NO_STATUS, null, null,
						attempt, "interrupted while waiting to retry", e);
			}
		}
	}

	private VapixException unknownOutcome(VapixRequest req, int attempt, String what, IOException e) {
		return new VapixException(Kind.TRANSPORT, device, req.call(), VapixException.NO_STATUS, null, null, attempt,
				what + describe(e) + "; not retried because the call is not idempotent and may have been applied", e);
	}

	private static String describe(IOException e) {
		if (e == null || e.getMessage() == null) {
			return e == null ? "" : " (" + e.getClass().getSimpleName() + ")";
		}
		return " (" + e.getClass().getSimpleName() + ": " + Redactor.firstLine(e.getMessage()) + ")";
	}

	/** Sends once, answering 401 challenges: at most {@value #MAX_AUTH_ROUNDS} rounds. */
	private Http1Connection.Answer sendAuthenticated(VapixRequest req, String target)
			throws IOException, InterruptedException, AuthFailure {
		boolean fresh = false;
		for (int round = 0;; round++) {
			List<String> headers = new ArrayList<>(8);
			if (req.contentType() != null) {
				headers.add("Content-Type");
				headers.add(req.contentType());
			}
			headers.addAll(req.headers());
			String authorization = auth.header(req.method(), target, credentials);
			if (authorization != null) {
				headers.add("Authorization");
				headers.add(authorization);
			}
			Http1Connection.Answer r = send(req.method(), target, headers, req.body());
			if (r.status() != 401) {
				return r;
			}
			HttpAuth.Challenge c = HttpAuth.choose(HttpAuth.parse(r.headers().allValues("WWW-Authenticate")));
			if (c == null) {
				throw new AuthFailure("the device offers no supported authentication scheme (Digest MD5/SHA-256, Basic)");
			}
			// A plain (non-stale) challenge in answer to credentials computed from a fresh
			// challenge means the credentials are wrong; a stale one only needs the new nonce.
			if ((fresh && !c.stale()) || round >= MAX_AUTH_ROUNDS) {
				throw new AuthFailure("the device rejected the credentials for user '" + credentials.username() + "'");
			}
			auth.install(c);
			fresh = true;
		}
	}

	/** One exchange on an idle connection, or on a new one. */
	private Http1Connection.Answer send(String method, String target, List<String> headers, byte[] body)
			throws IOException, InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		Http1Connection c = null;
		synchronized (idle) {
			if (closed) {
				throw new IOException("the client is closed");
			}
			while (c == null && !idle.isEmpty()) {
				Http1Connection candidate = idle.pollLast();
				if (candidate.reusable()) {
					c = candidate;
				} else {
					candidate.close();
				}
			}
		}
		if (c == null) {
			c = Http1Connection.open(base, connector.sslContext(), connector.connectTimeout());
		}
		Http1Connection.Answer a;
		try {
			a = c.exchange(method, target, headers, body, requestTimeout);
		} catch (IOException | RuntimeException e) {
			c.close();
			throw e;
		}
		boolean kept = false;
		synchronized (idle) {
			if (!closed && c.reusable()) {
				idle.addLast(c);
				kept = true;
			}
		}
		if (!kept) {
			c.close();
		}
		return a;
	}

	/** Closes the idle connections; later calls fail. */
	@Override
	public void close() {
		synchronized (idle) {
			closed = true;
			idle.forEach(Http1Connection::close);
			idle.clear();
		}
	}
}
