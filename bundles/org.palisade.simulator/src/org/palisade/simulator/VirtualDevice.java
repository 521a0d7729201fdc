package org.palisade.simulator;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.palisade.simulator.internal.DeviceHost;
import org.palisade.simulator.internal.DeviceServer;
import org.palisade.simulator.internal.StateStore;

/**
 * One virtual Axis device: a real HTTP(S) server on 127.0.0.1 answering the VAPIX calls a deployer
 * makes (param.cgi, port management, API discovery, basic device info, event1/action1 SOAP,
 * playclip.cgi) behind Digest (or Basic) authentication, with inspectable state
 * ({@link #state()}), a request log ({@link #requestLog()}) and fault injection
 * ({@link #faults()}).
 * <p>
 * Lifecycle: {@link #start()} binds (port 0 = ephemeral), {@link #stop()} / {@link #close()}
 * releases the socket. State survives a stop/start cycle of the same instance.
 */
public final class VirtualDevice implements AutoCloseable {

	private final DeviceDescriptor descriptor;
	private final StateStore store;
	private final DeviceState state;
	private final FaultInjector faults = new FaultInjector();
	private final DeviceServer server;
	private volatile boolean running;
	/** A virtual VMS's generic-event input (#19), else {@code null}. */
	private final org.palisade.simulator.internal.TcpReceiver tcp;

	public VirtualDevice(DeviceDescriptor descriptor) {
		this.descriptor = Objects.requireNonNull(descriptor);
		this.store = new StateStore(descriptor);
		this.state = new DeviceState(store);
		this.server = new DeviceServer(descriptor, store, faults);
		this.tcp = store.inbox() == null ? null : new org.palisade.simulator.internal.TcpReceiver(store.inbox(), descriptor.name());
	}

	/** Starts on a server of its own. */
	public VirtualDevice start() throws IOException {
		return start(null);
	}

	/**
	 * Starts serving.
	 *
	 * @param host the server shared by a fleet, or {@code null} for a server of its own
	 * @throws IOException if the port cannot be bound
	 */
	synchronized VirtualDevice start(DeviceHost host) throws IOException {
		if (!running) {
			server.start(host);
			if (tcp != null) {
				try {
					tcp.start();
				} catch (IOException e) {
					server.stop();
					throw e;
				}
			}
			running = true;
		}
		return this;
	}

	/** Stops serving at once; idempotent. */
	public synchronized void stop() {
		if (running) {
			server.stop();
			if (tcp != null) {
				tcp.close();
			}
			running = false;
		}
	}

	@Override
	public void close() {
		stop();
	}

	public boolean isRunning() {
		return running;
	}

	public DeviceDescriptor descriptor() {
		return descriptor;
	}

	public String name() {
		return descriptor.name();
	}

	/** @return the bound port; the device must be running */
	public int port() {
		if (!running) {
			throw new IllegalStateException("device " + name() + " is not running");
		}
		return server.port();
	}

	/** @return a virtual VMS's TCP port for generic events (#19), or -1 when it has none or is stopped */
	public int tcpPort() {
		return tcp == null ? -1 : tcp.port();
	}

	/** @return {@code http://127.0.0.1:<port>} (or https), without a trailing slash */
	public URI baseUri() {
		boolean https = descriptor.tlsKeyStore() != null && !descriptor.factoryNew();
		return URI.create((https ? "https" : "http") + "://127.0.0.1:" + port());
	}

	/**
	 * @return where the device serves HTTPS: a factory-new device with a certificate has a port of its
	 *         own for it (answered once HTTPS is turned on), another device its base URI when it serves
	 *         HTTPS; {@code null} when it has no certificate
	 */
	public URI httpsUri() {
		if (!descriptor.hasCertificate()) {
			return null;
		}
		int https = server.httpsPort();
		return https < 0 ? baseUri() : URI.create("https://127.0.0.1:" + https);
	}

	/** Stamps what the device records (clips played) with this clock: its fleet's, during a rehearsal. */
	public void clock(java.time.Clock clock) {
		store.clock(clock);
	}

	public DeviceState state() {
		return state;
	}

	/**
	 * Sends an event to the clients watching this device's event stream (WebSocket,
	 * {@code /vapix/ws-data-stream?sources=events}); the rules runtime calls it for every event
	 * the device sees.
	 *
	 * @param at the event's time on the device's clock
	 */
	public void publish(org.palisade.simulator.rules.DeviceEvent event, java.time.Instant at) {
		server.events().publish(event, at);
	}

	/**
	 * @return the URL of this device's event stream with a one-time token valid for
	 *         {@code lifetime}, for any WebSocket client ({@code websocat}, a browser) to watch the
	 *         device without its password; the device must be running
	 */
	public URI eventStreamUri(java.time.Duration lifetime) {
		return URI.create((descriptor.tlsKeyStore() != null ? "wss" : "ws") + "://127.0.0.1:" + port()
				+ "/vapix/ws-data-stream?sources=events&wssession=" + server.streamToken(lifetime));
	}

	/**
	 * @param listener told when a deploy (or anyone) changes the device's scheduled events or time
	 *                 zone; it runs under the device's state lock, so it must hand the work off
	 */
	public void onSchedulesChanged(Runnable listener) {
		store.onSchedulesChanged(listener);
	}

	/** @return how many clients watch this device's event stream now */
	public int eventStreamClients() {
		return server.events().clients();
	}

	public FaultInjector faults() {
		return faults;
	}

	/** @return the requests seen so far (oldest first; capped at the newest 50,000) */
	public List<RequestRecord> requestLog() {
		return server.requestLog();
	}

	public void clearRequestLog() {
		server.clearRequestLog();
	}

	/**
	 * Simulates someone changing the device password: from now on only {@code newPassword} is
	 * accepted. The array is copied; the caller may clear it.
	 */
	public void changePassword(char[] newPassword) {
		server.authenticator().changePassword(newPassword);
	}

	/** Forgets all Digest nonces, so the next request with an old nonce is answered {@code stale=true}. */
	public void expireNonces() {
		server.authenticator().expireNonces();
	}

	@Override
	public String toString() {
		return "VirtualDevice[" + descriptor + (running ? ", port " + server.port() : ", stopped") + "]";
	}
}
