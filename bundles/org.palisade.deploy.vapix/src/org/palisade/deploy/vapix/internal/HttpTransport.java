package org.palisade.deploy.vapix.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.auth.BasicSchemeFactory;
import org.apache.hc.client5.http.impl.auth.DigestSchemeFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.VapixException.Kind;

/**
 * Sends VAPIX calls to one device over Apache HttpClient 5 (classic: the I/O happens on the
 * calling thread), and keeps on top of it only Palisade's policy: which failures may be retried
 * according to the call's {@link Safety}, the backoff between attempts, what a final 401 means,
 * and that nothing logged or thrown contains credentials, query strings or bodies.
 * <p>
 * HttpClient does the HTTP: persistent connections (kept while the device's {@code Keep-Alive}
 * allows, at most {@link #MAX_IDLE}), Digest SHA-256/MD5 and Basic authentication, TLS through
 * the connector's {@code SSLContext} with host names verified by the JDK (a pinned trust manager
 * decides for itself, see {@code TlsOptions}). Its own retries and redirects are off: whether a
 * call may be repeated is this class's decision.
 * <p>
 * Contract: {@link #execute(VapixRequest)} returns any authenticated response (the typed APIs
 * interpret statuses and bodies); it throws {@link VapixException} for rejected credentials,
 * TLS failures, and transport failures or retryable statuses that outlast the retry policy.
 * 401 handshakes do not consume retry attempts.
 * <p>
 * Authentication state lives in an {@link HttpClientContext}; a context is reused by the next
 * call, so a deploy answers one challenge per device rather than one per call. Calls made at the
 * same time take a context each (HttpClient's contexts are not shared between threads).
 */
public final class HttpTransport implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger("org.palisade.deploy.vapix");

	/** Reuse an idle connection at most this long (common servers close idle ones after 5 s). */
	static final TimeValue MAX_IDLE = TimeValue.ofSeconds(2);
	/** Connections (and contexts) per device; the driver makes a few calls at a time at most. */
	private static final int MAX_CONNECTIONS = 8;
	private static final int MAX_BODY = 16 << 20;
	/** Context attribute: set once the connection is up, i.e. the request may have been sent. */
	private static final String SENT = "org.palisade.vapix.sent";

	private static final Registry<AuthSchemeFactory> SCHEMES = RegistryBuilder.<AuthSchemeFactory>create()
			.register(StandardAuthScheme.DIGEST, DigestSchemeFactory.INSTANCE)
			.register(StandardAuthScheme.BASIC, BasicSchemeFactory.INSTANCE).build();
	/** Over plain HTTP Basic would send the password in clear: Digest only, unless allowed per device. */
	private static final Registry<AuthSchemeFactory> DIGEST_ONLY = RegistryBuilder.<AuthSchemeFactory>create()
			.register(StandardAuthScheme.DIGEST, DigestSchemeFactory.INSTANCE).build();

	private final String device;
	private final HttpHost host;
	private final String username;
	/** HttpClient's credentials hold this array; {@link #close()} wipes it. */
	private final char[] secret;
	private final RetryPolicy retry;
	private final CloseableHttpClient http;
	/** Idle contexts, most recently used last; guarded by itself. */
	private final ArrayDeque<HttpClientContext> contexts = new ArrayDeque<>();
	private boolean closed;
	/** Whether Basic is refused: plain HTTP and not allowed for this device. */
	private final boolean basicRefused;

	public HttpTransport(String device, URI base, Credentials credentials, HttpConnector connector,
			Duration requestTimeout, RetryPolicy retry) {
		this(device, base, credentials, connector, requestTimeout, retry, false);
	}

	/** @param allowBasicOverHttp whether Basic may be answered over plain HTTP (the password goes in clear) */
	public HttpTransport(String device, URI base, Credentials credentials, HttpConnector connector,
			Duration requestTimeout, RetryPolicy retry, boolean allowBasicOverHttp) {
		this.basicRefused = "http".equalsIgnoreCase(base.getScheme()) && !allowBasicOverHttp;
		this.device = Objects.requireNonNull(device);
		this.host = HttpHost.create(base);
		this.username = credentials.username();
		this.secret = credentials.password();
		this.retry = Objects.requireNonNull(retry);
		Timeout connect = Timeout.of(connector.connectTimeout());
		Timeout response = Timeout.of(Objects.requireNonNull(requestTimeout));
		UsernamePasswordCredentials login = new UsernamePasswordCredentials(username, secret);
		this.http = HttpClients.custom()
				.setConnectionManager(IdleCheck.connectionManager()
						// BUILTIN: the JDK checks the host name as HTTPS requires, inside the trust
						// managers, so a pinned trust manager (which ignores names) is not overruled.
						.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(connector.sslContext())
								.setHostVerificationPolicy(HostnameVerificationPolicy.BUILTIN).buildClassic())
						.setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(response).build())
						// Every reuse is checked (see IdleCheck: a non-blocking look, no wait).
						.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
								.setSocketTimeout(response).setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
								.build())
						.setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
						.setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS).build())
				.setDefaultCredentialsProvider((scope, context) -> login)
				.setDefaultAuthSchemeRegistry(basicRefused ? DIGEST_ONLY : SCHEMES)
				.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response)
						.setConnectionRequestTimeout(response).setRedirectsEnabled(false)
						.setTargetPreferredAuthSchemes(basicRefused ? List.of(StandardAuthScheme.DIGEST)
								: List.of(StandardAuthScheme.DIGEST, StandardAuthScheme.BASIC))
						.build())
				.setConnectionReuseStrategy((request, answer, context) -> keepAliveMillis(answer, context) > 0
						&& DefaultClientConnectionReuseStrategy.INSTANCE.keepAlive(request, answer, context))
				.setKeepAliveStrategy(
						(answer, context) -> TimeValue.ofMilliseconds(Math.max(1, keepAliveMillis(answer, context))))
				.addExecInterceptorAfter(ChainElement.CONNECT.name(), "palisade-sent", (request, scope, chain) -> {
					scope.clientContext.setAttribute(SENT, Boolean.TRUE);
					return chain.proceed(request, scope);
				})
				.disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
				.disableContentCompression().disableConnectionState().build();
	}

	/**
	 * How long a connection may idle before reuse: at most {@link #MAX_IDLE}, and one second less
	 * than a device's own {@code Keep-Alive: timeout}, since it counts from when it sent the answer
	 * (0 or less: do not reuse it).
	 */
	private static long keepAliveMillis(HttpResponse answer, HttpContext context) {
		long offered = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(answer, context).toMilliseconds();
		return Math.min(MAX_IDLE.toMilliseconds(), offered - 1000);
	}

	public String device() {
		return device;
	}

	/** @see HttpTransport */
	public VapixResponse execute(VapixRequest req) throws VapixException {
		String target = req.path() + (req.rawQuery() == null ? "" : "?" + req.rawQuery());
		for (int attempt = 1;; attempt++) {
			if (Thread.currentThread().isInterrupted()) {
				throw new VapixException(Kind.TRANSPORT, device, req.call(), VapixException.NO_STATUS, null, null,
						attempt, "interrupted", null);
			}
			String why;
			Duration retryAfter = null;
			IOException ioFailure = null;
			HttpClientContext context = takeContext(req, attempt);
			boolean keepContext = true;
			try {
				Answer r = send(req, target, context);
				int status = r.status();
				LOG.log(System.Logger.Level.DEBUG, () -> device + " " + req.method() + " " + req.path() + " ["
						+ req.call() + "] -> " + status);
				if (status == 401) {
					// HttpClient answered the challenges it could; a 401 left over is final.
					keepContext = false;
					throw new VapixException(Kind.AUTHENTICATION, device, req.call(), 401, null, null, attempt,
							authFailure(r.headers().allValues("WWW-Authenticate")),
							null);
				}
				if (!req.safety().retriesStatus(status)) {
					return new VapixResponse(status, r.headers(), r.body(), attempt);
				}
				why = "HTTP " + status;
				retryAfter = r.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,4}"))
						.map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
				if (attempt >= retry.maxAttempts()) {
					return new VapixResponse(status, r.headers(), r.body(), attempt);
				}
			} catch (IOException e) {
				// The context's authentication state stays good: the next attempt need not answer a new challenge.
				ioFailure = e;
				boolean sent = Boolean.TRUE.equals(context.getAttribute(SENT));
				if (!sent && e instanceof SSLException && !handshakeCutOff(e)) {
					throw new VapixException(Kind.TLS, device, req.call(), VapixException.NO_STATUS, null, null, attempt,
							Redactor.redact(tlsDetail(e), req.secrets()), e);
				}
				if (!sent) {
					// Never reached the device (refused, unreachable, handshake cut off or timed
					// out): safe to repeat whatever the call is.
					why = "connect failed";
				} else {
					why = e instanceof InterruptedIOException ? "response timed out" : "connection dropped";
					if (!req.safety().retriesUnknownOutcome()) {
						throw unknownOutcome(req, attempt, why, e);
					}
				}
			} finally {
				if (keepContext) {
					giveBack(context);
				}
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

	private record Answer(int status, HttpHeaders headers, byte[] body) {
	}

	private Answer send(VapixRequest req, String target, HttpClientContext context) throws IOException {
		BasicClassicHttpRequest request = new BasicClassicHttpRequest(req.method(), host, target);
		List<String> extra = req.headers();
		for (int i = 0; i + 1 < extra.size(); i += 2) {
			request.addHeader(extra.get(i), extra.get(i + 1));
		}
		if (req.body() != null) {
			// Repeatable, so HttpClient can send it again after a 401 challenge.
			request.setEntity(new ByteArrayEntity(req.body(),
					req.contentType() == null ? null : ContentType.parse(req.contentType())));
		}
		context.removeAttribute(SENT);
		Answer answer = http.execute(request, context, response -> new Answer(response.getCode(), headers(response),
				body(response.getEntity())));
		// HttpClient scopes an authentication to the path prefix it was asked for (RFC 7617's
		// protection space), so /vapix/services after /axis-cgi/param.cgi would be challenged
		// again. An Axis device has one realm for all its paths: the whole device is the space.
		context.getAuthExchanges().values().forEach(exchange -> {
			if (exchange.getPathPrefix() != null) {
				exchange.setPathPrefix("/");
			}
		});
		return answer;
	}

	private static HttpHeaders headers(ClassicHttpResponse response) {
		Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Header h : response.getHeaders()) {
			map.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>(1)).add(h.getValue());
		}
		return HttpHeaders.of(map, (name, value) -> true);
	}

	/** Reads the whole body; one larger than {@link #MAX_BODY} is an error, never a truncated success. */
	private static byte[] body(HttpEntity entity) throws IOException {
		if (entity == null) {
			return new byte[0];
		}
		long declared = entity.getContentLength();
		if (declared > MAX_BODY) {
			throw new IOException("answer body too large (" + declared + " bytes)");
		}
		try (InputStream in = entity.getContent()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
			byte[] buf = new byte[8192];
			for (int n; (n = in.read(buf)) >= 0;) {
				if (out.size() + n > MAX_BODY) {
					throw new IOException("answer body too large");
				}
				out.write(buf, 0, n);
			}
			return out.toByteArray();
		}
	}

	private HttpClientContext takeContext(VapixRequest req, int attempt) throws VapixException {
		synchronized (contexts) {
			if (closed) {
				throw new VapixException(Kind.TRANSPORT, device, req.call(), VapixException.NO_STATUS, null, null,
						attempt, "the client is closed", null);
			}
			HttpClientContext c = contexts.pollLast();
			return c != null ? c : HttpClientContext.create();
		}
	}

	private void giveBack(HttpClientContext c) {
		synchronized (contexts) {
			if (!closed && contexts.size() < MAX_CONNECTIONS) {
				contexts.addLast(c);
			}
		}
	}

	/** @return why a final 401 happened, in words that say what to do */
	private String authFailure(List<String> challenges) {
		if (basicRefused && offers(challenges, "basic") && !offers(challenges, "digest")) {
			return "the device offers only Basic authentication, which over plain HTTP would send the password in"
					+ " clear: refused. Use https, or allow Basic over HTTP for this device explicitly";
		}
		return offersSupportedScheme(challenges) ? "the device rejected the credentials for user '" + username + "'"
				: "the device offers no supported authentication scheme (Digest MD5/SHA-256, Basic)";
	}

	private static boolean offers(List<String> challenges, String scheme) {
		for (String c : challenges) {
			for (String part : c.trim().toLowerCase(Locale.ROOT).split(",")) {
				String p = part.trim();
				if (p.equals(scheme) || p.startsWith(scheme + " ")) {
					return true;
				}
			}
		}
		return false;
	}

	/** @return the explanation of a refused certificate if Palisade's trust managers gave one, else the JDK's */
	private static String tlsDetail(IOException e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof Certificates.Untrusted) {
				return t.getMessage();
			}
		}
		return e.getMessage();
	}

	/** @return whether a challenge names a scheme HttpClient was allowed to answer */
	private static boolean offersSupportedScheme(List<String> challenges) {
		for (String c : challenges) {
			String lower = c.trim().toLowerCase(Locale.ROOT);
			for (String part : lower.split(",")) {
				String p = part.trim();
				if (p.startsWith("digest ") || p.equals("digest") || p.startsWith("basic ") || p.equals("basic")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * @return whether a TLS handshake failed for a transport reason (the device closed or reset the
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

	/** Closes the connections and wipes the password copy; later calls fail. */
	@Override
	public void close() {
		synchronized (contexts) {
			closed = true;
			contexts.clear();
		}
		http.close(CloseMode.IMMEDIATE);
		Arrays.fill(secret, '\0');
	}
}
