package org.palisade.simulator.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The HTTP server virtual devices run in: one Jetty server (core handlers, no servlets) with one
 * connector per device on its own loopback port, all sharing one thread pool, so a fleet of a
 * thousand devices is one server in one process. A request is routed to its device by the
 * connector it arrived on.
 * <p>
 * Each connector accepts through its selector (no acceptor thread) and leases one pool thread for
 * it, which also handles the device's requests (see the handler); the pool is sized for that.
 */
public final class DeviceHost implements AutoCloseable {

	/** Idle time after which a persistent connection is closed (as before with the hand-written server). */
	static final int IDLE_MILLIS = 30_000;

	/**
	 * How long a client may take to send a request head (10 s; tests shorten it with the
	 * system property {@code palisade.simulator.requestHeadMillis}). The idle timeout only
	 * bounds the gap between two bytes: a client sending one byte every few seconds (a
	 * slowloris) would hold a connection, and with it the device's one thread, forever.
	 */
	private final long headMillis = Long.getLong("palisade.simulator.requestHeadMillis", 10_000);
	/** Threads beyond the one selector thread per device (scheduler, TLS, spare). */
	private static final int WORKERS = 32;

	/** A request as read; header names are lower case, the first value of each is kept. */
	public record Exchange(String method, String rawPath, String rawQuery, String path, Map<String, String> headers,
			byte[] body) {
		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * An answer; {@code headers} are name/value pairs, flattened. Content-Length is added by Jetty.
	 *
	 * @param upgrade the WebSocket to hand the connection to, or {@code null} for a plain answer
	 */
	public record Answer(int status, List<String> headers, byte[] body, FrameHandler upgrade) {
		public Answer(int status, List<String> headers, byte[] body) {
			this(status, headers, body, null);
		}
	}

	/** Handles one request; returns {@code null} to close the connection without any answer. */
	public interface Device {
		Answer handle(Exchange exchange);
	}

	private final Server server;
	private final HttpConfiguration config = new HttpConfiguration();
	private final Map<Connector, Device> devices = new ConcurrentHashMap<>();
	/** Jetty's WebSocket handshake (RFC 6455), used without path mappings: the device decides. */
	private final WebSocketMappings websockets;

	/**
	 * Starts a server with no device yet.
	 *
	 * @param devices how many devices it will serve at most at a time (sizes the thread pool)
	 */
	public DeviceHost(String name, int devices) throws IOException {
		QueuedThreadPool pool = new QueuedThreadPool(Math.max(1, devices) + WORKERS, 4);
		pool.setName(name);
		pool.setDaemon(true);
		server = new Server(pool);
		websockets = new WebSocketMappings(WebSocketServerComponents.ensureWebSocketComponents(server));
		// Virtual devices answer as Axis firmware does: no Server version, no Date header to format.
		config.setSendServerVersion(false);
		config.setSendXPoweredBy(false);
		config.setSendDateHeader(false);
		// No per-connection cache of parsed header fields: a deploy opens many short-lived
		// connections, and filling and clearing each cache cost more than it saved (profiled).
		config.setHeaderCacheSize(0);
		// Non-blocking as Jetty sees it, so a request is handled on its connector's selector thread
		// with no hand-off to another thread: one thread per device, as a device's calls come one
		// after another. The device's simulated latency sleeps there, which delays only that device.
		server.setHandler(new Handler.Abstract.NonBlocking() {
			@Override
			public boolean handle(Request request, Response response, Callback callback) {
				Device device = DeviceHost.this.devices.get(request.getConnectionMetaData().getConnector());
				if (device == null) {
					return false;
				}
				if (request.getHeaders().contains(HttpHeader.UPGRADE, "websocket")) {
					// A handshake has no body, and the connection is to change hands: no read first.
					serve(device, request, new byte[0], response, callback);
					return true;
				}
				// The body without blocking: a blocking read on the selector thread could wait forever.
				Content.Source.asByteArrayAsync(request, HttpIo.MAX_BODY).whenComplete((body, failure) -> {
					if (failure != null) {
						callback.failed(failure);
						return;
					}
					try {
						serve(device, request, body, response, callback);
					} catch (RuntimeException e) {
						callback.failed(e); // Jetty answers 500; the device has logged it
					}
				});
				return true;
			}
		});
		try {
			server.start();
		} catch (Exception e) {
			throw new IOException("cannot start the virtual device server: " + e.getMessage(), e);
		}
	}

	/**
	 * Opens a connector for one device on 127.0.0.1.
	 *
	 * @param port 0 for an ephemeral port
	 * @param tls  the device's key material, or {@code null} for plain HTTP
	 * @return the connector, to pass to {@link #close(ServerConnector)}
	 */
	public ServerConnector open(String name, int port, SSLContext tls, Device device) throws IOException {
		return open(name, port, tls, device, null);
	}

	/**
	 * @param accepting whether a new connection is served; when it says no, the connection is closed as
	 *                  soon as it opens, before any TLS handshake (a port that does not serve yet), or
	 *                  {@code null} for always
	 */
	public ServerConnector open(String name, int port, SSLContext tls, Device device,
			java.util.function.BooleanSupplier accepting) throws IOException {
		HttpConnectionFactory http = new HttpConnectionFactory(config);
		ServerConnector connector;
		if (tls == null) {
			connector = new ServerConnector(server, 0, 1, http);
		} else {
			SslContextFactory.Server ssl = new SslContextFactory.Server();
			ssl.setSslContext(tls);
			connector = new ServerConnector(server, 0, 1, new SslConnectionFactory(ssl, http.getProtocol()), http);
		}
		connector.setName(name);
		connector.setHost("127.0.0.1");
		connector.setPort(port);
		connector.setIdleTimeout(IDLE_MILLIS);
		connector.addEventListener(new HeadDeadline(connector));
		if (accepting != null) {
			connector.addEventListener(new org.eclipse.jetty.io.Connection.Listener() {
				@Override
				public void onOpened(org.eclipse.jetty.io.Connection connection) {
					if (!accepting.getAsBoolean()) {
						connection.getEndPoint().close();
					}
				}
			});
		}
		devices.put(connector, device);
		try {
			server.addConnector(connector);
			connector.start();
		} catch (Exception e) {
			close(connector);
			throw e instanceof IOException io ? io : new IOException("cannot open port " + port + ": " + e.getMessage(), e);
		}
		return connector;
	}

	/**
	 * Closes a connection whose client trickles bytes without completing a request: checked
	 * every {@link #headMillis}, a connection that received bytes but no new request since
	 * the last check is closed. One that sends nothing is left to the idle timeout.
	 */
	private final class HeadDeadline implements org.eclipse.jetty.io.Connection.Listener {

		private final ServerConnector connector;

		HeadDeadline(ServerConnector connector) {
			this.connector = connector;
		}

		@Override
		public void onOpened(org.eclipse.jetty.io.Connection connection) {
			check(connection, 0, 0);
		}

		private void check(org.eclipse.jetty.io.Connection connection, long messages, long bytes) {
			connector.getScheduler().schedule(() -> {
				if (!connection.getEndPoint().isOpen()) {
					return;
				}
				long m = connection.getMessagesIn();
				long b = connection.getBytesIn();
				if (m == messages && b > bytes) {
					connection.getEndPoint().close();
					return;
				}
				check(connection, m, b);
			}, headMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
		}
	}

	/** Closes one device's connector at once; in-flight exchanges are abandoned. */
	public void close(ServerConnector connector) {
		devices.remove(connector);
		try {
			connector.stop();
		} catch (Exception e) {
			// stopping anyway
		}
		server.removeConnector(connector);
	}

	/** Stops the server and every connector. */
	@Override
	public void close() {
		try {
			server.stop();
		} catch (Exception e) {
			// stopping anyway
		}
	}

	private void serve(Device device, Request request, byte[] body, Response response, Callback callback) {
		Answer a = device.handle(exchange(request, body));
		if (a == null) {
			// No answer at all: the client sees the connection end.
			request.getConnectionMetaData().getConnection().getEndPoint().close();
			callback.failed(new IOException("connection dropped (injected fault)"));
			return;
		}
		if (a.upgrade() != null) {
			FrameHandler socket = a.upgrade();
			WebSocketNegotiator negotiator = (upgradeRequest, upgradeResponse, cb) -> socket;
			try {
				if (websockets.upgrade(negotiator, request, response, callback, null)) {
					return;
				}
			} catch (org.eclipse.jetty.websocket.core.exception.WebSocketException e) {
				// answered below as a request that is not a valid handshake
			}
			a = new Answer(400, List.of("Content-Type", "text/plain"),
					"400 Bad Request\nnot a WebSocket handshake\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}
		response.setStatus(a.status());
		List<String> h = a.headers();
		for (int i = 0; i + 1 < h.size(); i += 2) {
			response.getHeaders().add(h.get(i), h.get(i + 1));
		}
		response.write(true, ByteBuffer.wrap(a.body()), callback);
	}

	private static Exchange exchange(Request request, byte[] body) {
		Map<String, String> headers = new HashMap<>();
		for (HttpField f : request.getHeaders()) {
			headers.putIfAbsent(f.getLowerCaseName(), f.getValue());
		}
		HttpURI uri = request.getHttpURI();
		return new Exchange(request.getMethod(), uri.getPath(), uri.getQuery(), uri.getDecodedPath(), headers, body);
	}
}
