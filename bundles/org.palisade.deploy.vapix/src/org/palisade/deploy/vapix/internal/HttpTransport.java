package org.palisade.deploy.vapix.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLHandshakeException;

import org.palisade.deploy.vapix.Credentials;
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
 */
public final class HttpTransport {

	private static final System.Logger LOG = System.getLogger("org.palisade.deploy.vapix");
	private static final int MAX_AUTH_ROUNDS = 3;

	private final String device;
	private final URI base;
	private final Credentials credentials;
	private final HttpClient client;
	private final Duration requestTimeout;
	private final RetryPolicy retry;
	private final HttpAuth auth = new HttpAuth();

	/** Signals a 401 that another round cannot fix. */
	private static final class AuthFailure extends Exception {
		private static final long serialVersionUID = 1L;

		AuthFailure(String message) {
			super(message, null, false, false);
		}
	}

	public HttpTransport(String device, URI base, Credentials credentials, HttpClient client, Duration requestTimeout,
			RetryPolicy retry) {
		this.device = Objects.requireNonNull(device);
		String b = base.toString();
		this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
		this.credentials = Objects.requireNonNull(credentials);
		this.client = Objects.requireNonNull(client);
		this.requestTimeout = Objects.requireNonNull(requestTimeout);
		this.retry = Objects.requireNonNull(retry);
	}

	public String device() {
		return device;
	}

	/** @see HttpTransport */
	public VapixResponse execute(VapixRequest req) throws VapixException {
		URI uri = URI.create(base + req.path() + (req.rawQuery() == null ? "" : "?" + req.rawQuery()));
		String target = req.path() + (req.rawQuery() == null ? "" : "?" + req.rawQuery());
		for (int attempt = 1;; attempt++) {
			String why;
			Duration retryAfter = null;
			IOException ioFailure = null;
			try {
				HttpResponse<byte[]> r = sendAuthenticated(req, uri, target);
				int status = r.statusCode();
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
	private HttpResponse<byte[]> sendAuthenticated(VapixRequest req, URI uri, String target)
			throws IOException, InterruptedException, AuthFailure {
		boolean fresh = false;
		for (int round = 0;; round++) {
			HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout)
					.method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofByteArray(req.body()));
			if (req.contentType() != null) {
				b.header("Content-Type", req.contentType());
			}
			List<String> h = req.headers();
			for (int i = 0; i + 1 < h.size(); i += 2) {
				b.header(h.get(i), h.get(i + 1));
			}
			String authorization = auth.header(req.method(), target, credentials);
			if (authorization != null) {
				b.header("Authorization", authorization);
			}
			HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (r.statusCode() != 401) {
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
}
