package org.palisade.deploy.vapix;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.SoapClient;

/**
 * Entry point for talking VAPIX to one Axis device: typed APIs over one authenticated transport.
 * <p>
 * Transport contract:
 * <ul>
 * <li>Authentication follows the device's {@code WWW-Authenticate} challenge (Digest SHA-256 or
 * MD5 with qop=auth and nonce counting, else Basic), pre-emptively after the first challenge; a
 * {@code stale=true} challenge is answered with the new nonce; rejected credentials end in
 * {@link VapixException.Kind#AUTHENTICATION}. Over plain HTTP, Basic is refused (it would send
 * the password in clear) unless {@link Builder#allowBasicOverHttp} says otherwise.</li>
 * <li>HTTPS verifies certificates by default ({@link TlsOptions}); there is no way to turn that off.</li>
 * <li>Connect timeout and per-request response timeout from the builder.</li>
 * <li>Retries with exponential backoff and jitter ({@link RetryPolicy}) on transient faults only.
 * Reads retry on connect failures, dropped connections/timeouts and HTTP 500/502/503/504.
 * Idempotent writes (param.cgi update, setPorts, Remove*) retry on the same except 500, since a
 * 500 may follow a partly applied write. Non-idempotent writes (Add*, playclip,
 * setStateSequence) retry only when the request surely was not processed: connect failure or
 * 503; a dropped connection or timeout is reported with its outcome unknown.</li>
 * <li>Credentials are copied at build time, never logged and never in exceptions; {@link #close()}
 * wipes the copy.</li>
 * </ul>
 * Thread-safe: one client may serve concurrent calls to its device.
 */
public final class VapixClient implements AutoCloseable {

	private final String device;
	private final URI baseUri;
	private final Credentials credentials;
	private final ParamCgi paramCgi;
	private final PortManagement portManagement;
	private final Event1 event1;
	private final Action1 action1;
	private final ApiDiscovery apiDiscovery;
	private final BasicDeviceInfo basicDeviceInfo;
	private final UserAccounts userAccounts;
	private final Playclip playclip;
	private final Ptz ptz;
	private final DoorControl doorControl;
	private final TimeApi time;
	private final StreamProfiles streamProfiles;
	private final FirmwareManagement firmware;
	private final CertificateManagement certificates;
	private final SystemReady systemReady;
	private final NetworkShares networkShares;
	private final HttpTransport transport;

	private VapixClient(Builder b, HttpConnector connector) {
		this.device = b.device;
		this.baseUri = b.baseUri;
		this.credentials = b.credentials.copy();
		this.transport = new HttpTransport(device, baseUri, credentials, connector, b.requestTimeout, b.retry,
				b.allowBasicOverHttp);
		JsonRpcClient rpc = new JsonRpcClient(transport);
		SoapClient soap = new SoapClient(transport);
		this.paramCgi = new ParamCgi(transport);
		this.portManagement = new PortManagement(rpc);
		this.event1 = new Event1(soap);
		this.action1 = new Action1(soap);
		this.apiDiscovery = new ApiDiscovery(rpc);
		this.basicDeviceInfo = new BasicDeviceInfo(rpc);
		this.playclip = new Playclip(transport);
		this.ptz = new Ptz(transport);
		this.doorControl = new DoorControl(transport);
		this.time = new TimeApi(rpc);
		this.streamProfiles = new StreamProfiles(rpc);
		this.firmware = new FirmwareManagement(rpc, transport);
		this.userAccounts = new UserAccounts(transport);
		this.certificates = new CertificateManagement(transport);
		this.systemReady = new SystemReady(rpc);
		this.networkShares = new NetworkShares(transport);
	}

	/**
	 * @param device  a name used in logs and errors (e.g. the design's device name)
	 * @param baseUri {@code http://host[:port]} or {@code https://host[:port]}
	 */
	public static Builder builder(String device, URI baseUri) {
		return new Builder(device, baseUri);
	}

	/**
	 * A connector (TLS trust and connect timeout) that any number of {@link VapixClient}s with the
	 * same TLS choice may share, so that trust material is loaded once for a whole site.
	 */
	public static HttpConnector newConnector(TlsOptions tls, Duration connectTimeout)
			throws GeneralSecurityException, IOException {
		return HttpConnector.create(tls, connectTimeout);
	}

	public String device() { return device; }
	/** The account this client logs in with (never its password). */
	public String user() { return credentials.username(); }
	public URI baseUri() { return baseUri; }
	public ParamCgi paramCgi() { return paramCgi; }
	public PortManagement portManagement() { return portManagement; }
	public Event1 event1() { return event1; }
	public Action1 action1() { return action1; }
	public ApiDiscovery apiDiscovery() { return apiDiscovery; }
	public BasicDeviceInfo basicDeviceInfo() { return basicDeviceInfo; }
	public Playclip playclip() { return playclip; }
	/** The PTZ API (ptz.cgi) of a PTZ camera. */
	public Ptz ptz() { return ptz; }
	/** The door control service of a door controller (issue #19). */
	public DoorControl doorControl() { return doorControl; }
	public TimeApi time() { return time; }
	/** streamprofile.cgi: the named stream profiles (#17). */
	public StreamProfiles streamProfiles() { return streamProfiles; }
	/** firmwaremanagement.cgi: the running firmware and upgrades (#17). */
	public FirmwareManagement firmware() { return firmware; }
	/** disks/networkshare/*.cgi: the Edge storage API's network shares (#17, #19). */
	public NetworkShares networkShares() { return networkShares; }
	/** pwdgrp.cgi: a factory-new device's root account and password changes. */
	public UserAccounts userAccounts() { return userAccounts; }
	/** The certificate management API: a certificate with its key, installed instead of the self-signed one (#17). */
	public CertificateManagement certificates() { return certificates; }
	/** systemready.cgi, without authentication: whether a device is factory-new (needs setup, #17). */
	public SystemReady systemReady() { return systemReady; }

	/** Closes the connections to the device and wipes this client's copy of the password; later calls fail. */
	@Override
	public void close() {
		transport.close();
		credentials.clear();
	}

	@Override
	public String toString() {
		return "VapixClient[" + device + ", " + baseUri + ", user=" + credentials.username() + "]";
	}

	/** Builder; defaults: system TLS trust, connect timeout 5 s, request timeout 15 s, {@link RetryPolicy#defaults()}. */
	public static final class Builder {
		private final String device;
		private final URI baseUri;
		private Credentials credentials;
		private TlsOptions tls = TlsOptions.systemDefault();
		private Duration connectTimeout = Duration.ofSeconds(5);
		private Duration requestTimeout = Duration.ofSeconds(15);
		private RetryPolicy retry = RetryPolicy.defaults();
		private HttpConnector connector;
		private boolean allowBasicOverHttp;

		private Builder(String device, URI baseUri) {
			this.device = Objects.requireNonNull(device, "device");
			this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
			String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new IllegalArgumentException("base URI must be http or https: " + baseUri);
			}
			if (baseUri.getRawUserInfo() != null) {
				throw new IllegalArgumentException("put credentials in Credentials, not in the URI");
			}
		}

		/** Copied at {@link #build()}; the caller keeps ownership of its object. */
		public Builder credentials(Credentials value) { this.credentials = Objects.requireNonNull(value); return this; }
		public Builder tls(TlsOptions value) { this.tls = Objects.requireNonNull(value); return this; }
		public Builder connectTimeout(Duration value) { this.connectTimeout = Objects.requireNonNull(value); return this; }
		public Builder requestTimeout(Duration value) { this.requestTimeout = Objects.requireNonNull(value); return this; }
		public Builder retryPolicy(RetryPolicy value) { this.retry = Objects.requireNonNull(value); return this; }

		/**
		 * Lets the client answer a Basic challenge over plain HTTP, which sends the password in
		 * clear; off by default (Digest only over HTTP, Basic over HTTPS).
		 */
		public Builder allowBasicOverHttp(boolean value) { this.allowBasicOverHttp = value; return this; }

		/** Use a shared connector (see {@link VapixClient#newConnector}); its TLS and connect timeout then apply. */
		public Builder connector(HttpConnector value) { this.connector = Objects.requireNonNull(value); return this; }

		/**
		 * @throws GeneralSecurityException if the TLS trust material is invalid
		 * @throws IOException              if a trust store file cannot be read
		 */
		public VapixClient build() throws GeneralSecurityException, IOException {
			if (credentials == null) {
				throw new IllegalStateException("credentials are required");
			}
			HttpConnector c = connector != null ? connector : newConnector(tls, connectTimeout);
			return new VapixClient(this, c);
		}
	}
}
