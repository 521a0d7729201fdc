package org.palisade.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.eclipse.jetty.server.ServerConnector;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.FaultInjector;
import org.palisade.simulator.RequestRecord;

/**
 * The HTTP front of one virtual device: a connector on 127.0.0.1 of a {@link DeviceHost} (Jetty),
 * and for every request applies, in this order, latency, authentication, the fault decision, then the endpoint
 * for the path.
 * Order matters: a fault is decided only after authentication, and before the endpoint runs, so
 * a faulted call never touches the state.
 */
public final class DeviceServer {

	private static final int MAX_LOG = 50_000;
	private static final System.Logger LOG = System.getLogger("org.palisade.simulator");

	private final DeviceDescriptor descriptor;
	private final StateStore store;
	private final FaultInjector faults;
	private final DigestAuthenticator auth;
	/** The out-of-the-box state of a factory-new device, else {@code null}. */
	private final FactoryState factory;
	private final Map<String, Endpoint> routes;
	private final EventStream events;
	private final WsSessionTokens wsTokens = new WsSessionTokens(Clock.systemUTC());
	private final Deque<RequestRecord> log = new ArrayDeque<>();
	private DeviceHost host;
	private ServerConnector connector;
	/**
	 * A factory-new device with a certificate: its HTTPS port, bound from the start (so the port is
	 * known) but served only once {@code HTTPS.Enabled=yes} (issue #17); until then a connection
	 * there is closed as it opens, before the TLS handshake (one loopback port pair stands for the
	 * device's ports 80 and 443).
	 */
	private ServerConnector httpsConnector;
	/** The certificates with keys the HTTPS port may present (#17: one uploaded instead of the self-signed). */
	private final DeviceCertificates certificates = new DeviceCertificates();

	/** Whether {@link #host} was started for this device alone (and is stopped with it). */
	private boolean ownHost;

	public DeviceServer(DeviceDescriptor descriptor, StateStore store, FaultInjector faults) {
		this.descriptor = descriptor;
		this.store = store;
		this.faults = faults;
		this.factory = descriptor.factoryNew() ? new FactoryState() : null;
		char[] pw = factory != null ? FactoryState.unusablePassword() : descriptor.password();
		this.auth = new DigestAuthenticator("AXIS_" + descriptor.serial(), descriptor.authMode(),
				descriptor.nonceLifetime(), descriptor.username(), pw, Clock.systemUTC());
		java.util.Arrays.fill(pw, '\0');
		SoapEndpoint soap = new SoapEndpoint(new Event1Service(store), new Action1Service(store),
				new WebServerService(certificates, store));
		JsonApis json = new JsonApis(store);
		Map<String, Endpoint> r = new java.util.HashMap<>(Map.of(
				"/axis-cgi/param.cgi", new ParamCgiEndpoint(store, certificates),
				"/axis-cgi/apidiscovery.cgi", json::apiDiscovery,
				"/axis-cgi/basicdeviceinfo.cgi", json::basicDeviceInfo,
				"/vapix/services", soap,
				"/axis-cgi/playclip.cgi", new PlayclipEndpoint(store),
				"/axis-cgi/time.cgi", json::time,
				"/axis-cgi/pwdgrp.cgi", new PwdgrpEndpoint(store, factory, auth)));
		this.events = new EventStream(store);
		r.put("/axis-cgi/wssession.cgi", wsTokens::issue);
		r.put("/axis-cgi/streamprofile.cgi", new StreamProfileEndpoint(store));
		r.put("/axis-cgi/firmwaremanagement.cgi", new FirmwareEndpoint(store));
		r.put(SystemReadyEndpoint.PATH, new SystemReadyEndpoint(factory));
		if (descriptor.hasCertificate()) {
			r.put("/config/rest/cert/v1/certificates", new CertificateEndpoint(certificates));
		}
		if (store.ptz() != null) {
			r.put("/axis-cgi/com/ptz.cgi", new PtzEndpoint(store.ptz(), false));
			r.put("/axis-cgi/com/ptzconfig.cgi", new PtzEndpoint(store.ptz(), true));
		}
		if (store.doors() != null) {
			r.put("/vapix/doorcontrol", new DoorControlEndpoint(store.doors()));
		}
		if (store.storage() != null) {
			EdgeStorageEndpoint edge = new EdgeStorageEndpoint(store.storage());
			for (String p : EdgeStorageEndpoint.PATHS) {
				r.put(p, edge);
			}
		}
		if (descriptor.portManagementApi()) {
			r.put("/axis-cgi/io/portmanagement.cgi", new PortManagementEndpoint(store));
		}
		this.routes = Map.copyOf(r);
		this.vms = store.inbox() == null ? null : new VmsEndpoint(store.inbox());
	}

	/** A virtual VMS's event input: every path no other endpoint serves (#19). */
	private final VmsEndpoint vms;

	public DigestAuthenticator authenticator() {
		return auth;
	}

	/**
	 * A one-time token for the event stream, issued in-process by whoever runs the virtual device
	 * (a rehearsal that wants to be watched), valid longer than the 15 s of wssession.cgi so a
	 * person has time to start a client.
	 */
	public String streamToken(Duration lifetime) {
		return wsTokens.issue(lifetime);
	}

	/** @return the device's event stream (what WebSocket clients watching it receive) */
	public EventStream events() {
		return events;
	}

	/**
	 * Binds and starts serving.
	 *
	 * @param shared the server of a fleet, or {@code null} for a server of this device's own
	 */
	public synchronized void start(DeviceHost shared) throws IOException {
		SSLContext tls = descriptor.tlsKeyStore() != null ? sslContext() : null;
		boolean split = tls != null && factory != null;
		DeviceHost h = shared != null ? shared : new DeviceHost("virtual-device-" + descriptor.name(), split ? 2 : 1);
		try {
			connector = h.open(descriptor.name(), descriptor.listenPort(), split ? null : tls,
					split ? this::dispatchHttp : this::dispatch);
			if (split) {
				httpsConnector = h.open(descriptor.name() + "-https", 0, tls, this::dispatchHttps,
						() -> "yes".equals(store.parameter(NetworkParams.HTTPS_ENABLED)));
			}
		} catch (IOException e) {
			if (connector != null) {
				h.close(connector);
				connector = null;
			}
			if (shared == null) {
				h.close();
			}
			throw e;
		}
		host = h;
		ownHost = shared == null;
	}

	private SSLContext sslContext() throws IOException {
		char[] pw = descriptor.tlsKeyStorePassword();
		try (InputStream in = Files.newInputStream(descriptor.tlsKeyStore())) {
			KeyStore ks = KeyStore.getInstance("PKCS12");
			ks.load(in, pw);
			KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			kmf.init(ks, pw);
			SSLContext ctx = SSLContext.getInstance("TLS");
			ctx.init(certificates.keyManagers(kmf.getKeyManagers()), null, null);
			return ctx;
		} catch (GeneralSecurityException e) {
			throw new IOException("cannot load the device key store", e);
		} finally {
			java.util.Arrays.fill(pw, '\0');
		}
	}

	/** Stops listening at once; in-flight exchanges are abandoned. */
	public synchronized void stop() {
		if (connector != null) {
			host.close(connector);
			connector = null;
		}
		if (httpsConnector != null) {
			host.close(httpsConnector);
			httpsConnector = null;
		}
		if (ownHost && host != null) {
			host.close();
		}
		host = null;
	}

	/** @return the bound port; only valid after {@link #start(DeviceHost)} */
	public synchronized int port() {
		return connector.getLocalPort();
	}

	/** @return the HTTPS port of a factory-new device with a certificate, else -1 */
	public synchronized int httpsPort() {
		return httpsConnector == null ? -1 : httpsConnector.getLocalPort();
	}

	private DeviceHost.Answer dispatchHttps(DeviceHost.Exchange ex) {
		if (!"yes".equals(store.parameter(NetworkParams.HTTPS_ENABLED))) {
			record(Instant.now(), ex, null, RequestRecord.NO_RESPONSE, "HTTPS is off");
			return null;
		}
		return dispatch(ex);
	}

	/**
	 * The plain HTTP port of a device that also serves HTTPS: refused once the "HTTPS only" policy is
	 * set (System.BoaGroupPolicy; a real device's answer, a refusal or a redirect, is unconfirmed: 403 here).
	 */
	private DeviceHost.Answer dispatchHttp(DeviceHost.Exchange ex) {
		if (NetworkParams.httpsOnly(store)) {
			record(Instant.now(), ex, null, 403, "HTTPS only");
			return answer(Response.text(403, "403 Forbidden\nHTTPS is required (HTTPS connection policy)\n", null), List.of());
		}
		return dispatch(ex);
	}

	public List<RequestRecord> requestLog() {
		synchronized (log) {
			return List.copyOf(log);
		}
	}

	public void clearRequestLog() {
		synchronized (log) {
			log.clear();
		}
	}

	private void record(Instant at, DeviceHost.Exchange ex, String operation, int status, String fault) {
		RequestRecord r = new RequestRecord(at, ex.method(), ex.path(), operation, status, fault);
		synchronized (log) {
			if (log.size() >= MAX_LOG) {
				log.removeFirst();
			}
			log.addLast(r);
		}
		LOG.log(System.Logger.Level.DEBUG, () -> descriptor.name() + " " + r.method() + " " + r.path() + " "
				+ (operation == null ? "" : operation + " ") + "-> " + status + (fault == null ? "" : " [" + fault + "]"));
	}

	private DeviceHost.Answer dispatch(DeviceHost.Exchange ex) {
		Instant at = Instant.now();
		try {
			sleep(faults.latency());
			if (store.restarting()) {
				// Restarting after a firmware upgrade: nothing is served until the new system is up.
				record(at, ex, null, 503, "restarting");
				return answer(Response.text(503, "503 Service Unavailable (restarting)\n", null), List.of());
			}
			String uri = ex.rawPath() + (ex.rawQuery() == null ? "" : "?" + ex.rawQuery());
			boolean stream = ex.path().equals(EVENT_STREAM);
			// systemready is answered without authentication on every device (its documentation says so).
			DigestAuthenticator.Outcome outcome = factory != null && factory.anonymous(ex.path(), request(ex).query())
					|| ex.path().equals(SystemReadyEndpoint.PATH)
					|| stream && wsTokens.take(request(ex).query().get("wssession"))
							? DigestAuthenticator.Outcome.OK
							: auth.check(ex.method(), uri, ex.header("Authorization"));
			if (outcome != DigestAuthenticator.Outcome.OK) {
				List<String> challenges = auth.challenges(outcome == DigestAuthenticator.Outcome.STALE);
				List<String> headers = new ArrayList<>();
				for (String c : challenges) {
					headers.add("WWW-Authenticate");
					headers.add(c);
				}
				// Recorded before answering, so a client that got its answer always finds the record.
				record(at, ex, null, 401, null);
				return answer(Response.text(401, "401 Unauthorized\n", null), headers);
			}
			FaultInjector.Decision decision = faults.decide();
			switch (decision.kind()) {
			case DROP_CONNECTION -> {
				// No answer at all: the server closes the socket and the client sees the connection end.
				record(at, ex, null, RequestRecord.NO_RESPONSE, "dropped connection");
				return null;
			}
			case HTTP_ERROR -> {
				record(at, ex, null, decision.status(), "HTTP " + decision.status());
				return answer(Response.text(decision.status(), decision.status() + " Service fault (injected)\n", null),
						List.of());
			}
			default -> {
				// serve normally
			}
			}
			if (stream) {
				return eventStream(at, ex);
			}
			Endpoint endpoint = routes.get(ex.path());
			if (endpoint == null && vms != null) {
				endpoint = vms;
			}
			Response response;
			if (endpoint == null) {
				response = Response.text(404, "404 Not Found\n", null);
			} else {
				response = endpoint.handle(request(ex));
			}
			record(at, ex, response.operation(), response.status(), null);
			return answer(response, List.of());
		} catch (RuntimeException e) {
			LOG.log(System.Logger.Level.WARNING, descriptor.name() + ": internal error in the virtual device", e);
			record(at, ex, null, 500, "internal error");
			throw e;
		}
	}

	/** The path of the WebSocket data stream ([ESW]); it serves {@code sources=events}. */
	static final String EVENT_STREAM = "/vapix/ws-data-stream";

	private DeviceHost.Answer eventStream(Instant at, DeviceHost.Exchange ex) {
		String sources = request(ex).query().get("sources");
		String upgrade = ex.header("Upgrade");
		Response refusal = null;
		if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
			refusal = Response.text(400, "400 Bad Request\nthe data stream is a WebSocket: upgrade the request\n", null);
		} else if (sources == null || !java.util.Arrays.asList(sources.split(",")).contains("events")) {
			// Only the event source is served; video and other sources of the stream are not simulated.
			refusal = Response.text(400, "400 Bad Request\nsources must include events\n", null);
		}
		if (refusal != null) {
			record(at, ex, "ws-data-stream", refusal.status(), null);
			return answer(refusal, List.of());
		}
		record(at, ex, "ws-data-stream", 101, null);
		return new DeviceHost.Answer(101, List.of(), new byte[0], new EventStreamSocket(events));
	}

	private static Request request(DeviceHost.Exchange ex) {
		Map<String, String> query = HttpIo.parseForm(ex.rawQuery(), HttpIo.newQuery());
		String type = ex.header("Content-Type");
		String t = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
		// The CGIs read a POST body as a form whatever its Content-Type: clients written for real
		// devices send text/plain or none (issue #14); only the JSON and SOAP bodies are not forms.
		if ("POST".equals(ex.method()) && !t.contains("json") && !t.contains("xml") && !t.startsWith("multipart/")) {
			HttpIo.parseForm(new String(ex.body(), java.nio.charset.StandardCharsets.UTF_8).strip(), query);
		}
		return new Request(ex.method(), ex.path(), query, ex.body(), ex.headers());
	}

	private static DeviceHost.Answer answer(Response r, List<String> extraHeaders) {
		List<String> headers = new ArrayList<>(extraHeaders);
		headers.add("Content-Type");
		headers.add(r.contentType());
		headers.add("Server");
		headers.add("Virtual Axis device (Palisade)");
		return new DeviceHost.Answer(r.status(), headers, r.body());
	}

	private static void sleep(Duration d) {
		if (!d.isZero() && !d.isNegative()) {
			try {
				Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
