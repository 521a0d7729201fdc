package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceException;
import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * Makes {@link DeployEngine.Job}s for Axis devices: a {@link VapixDriver} over a {@link VapixClient}
 * with the device's credentials resolved from the store when the job starts.
 * <p>
 * Before a camera is touched, the credentials of each of its recipients that points at another
 * device of the site ({@link #peers}) are tried against that device (a read): a speaker that
 * rejects them fails the camera before anything is written, rather than after the camera holds a
 * password that can never work. A peer that cannot be reached is not a verdict: the camera goes on.
 * Each reference is tried once per {@code VapixTargets}.
 */
public final class VapixTargets {

	/** A device other devices point at: its design name, and how Palisade reaches it. */
	public record Peer(String device, URI uri) {
	}

	private static final Pattern PASSWORD_REF = Pattern.compile("\\$\\{credential\\.password:([^}]+)\\}");

	private final CredentialStore store;
	private final HttpConnector connector;
	private final RetryPolicy retry;
	private final Duration timeout;
	private Map<String, HttpConnector> perDevice = Map.of();
	private Set<String> basicOverHttp = Set.of();
	private Map<String, Peer> peers = Map.of();
	private boolean checkLogins = true;
	private Duration restartTimeout = FirmwareUpgrade.DEFAULT_TIMEOUT;
	private Duration restartPoll = FirmwareUpgrade.DEFAULT_POLL;
	/** Per credentials reference: {@code ""} accepted (or not checkable), else why it was rejected. */
	private final Map<String, String> peerVerdicts = new ConcurrentHashMap<>();
	/** Per controller address and credentials reference: its door tokens in door order. */
	private final Map<String, List<String>> doorTokens = new ConcurrentHashMap<>();

	/**
	 * @param connector TLS trust and connect timeout shared by the devices (see
	 *                  {@link VapixClient#newConnector}); each device's client keeps its own connection
	 * @param retry     the retry policy of every call
	 * @param timeout   per-request response timeout
	 */
	public VapixTargets(CredentialStore store, HttpConnector connector, RetryPolicy retry, Duration timeout) {
		this.store = store;
		this.connector = connector;
		this.retry = retry;
		this.timeout = timeout;
	}

	/** Connectors of their own for some devices (a device's pinned certificate); the others share the default. */
	public VapixTargets connectors(Map<String, HttpConnector> byDevice) {
		this.perDevice = Map.copyOf(byDevice);
		return this;
	}

	/** Devices that may be answered with Basic over plain HTTP (the password in clear); see {@link VapixClient.Builder#allowBasicOverHttp}. */
	public VapixTargets basicOverHttp(Set<String> devices) {
		this.basicOverHttp = Set.copyOf(devices);
		return this;
	}

	/**
	 * Whether a recipient's credentials are tried against the device it points at before the
	 * camera is touched (default); the peers still answer door token questions without it.
	 */
	public VapixTargets checkLogins(boolean value) {
		this.checkLogins = value;
		return this;
	}

	/**
	 * How long a firmware upgrade may keep a device away, and how often its status is asked
	 * meanwhile (default 15 min, every 5 s: flashing and the first start take minutes).
	 */
	public VapixTargets restartWait(Duration timeout, Duration poll) {
		this.restartTimeout = timeout;
		this.restartPoll = poll;
		return this;
	}

	/** @param byHost the site's devices by their design address (the host of a recipient's URL) */
	public VapixTargets peers(Map<String, Peer> byHost) {
		this.peers = Map.copyOf(byHost);
		return this;
	}

	/**
	 * @param device         the design's name
	 * @param desired        what the device should hold
	 * @param baseUri        {@code https://10.20.0.11} or a virtual device's loopback URI
	 * @param credentialsRef the design's credentials reference of the device
	 */
	public DeployEngine.Job job(String device, List<ManagedObject> desired, URI baseUri, String credentialsRef) {
		return job(device, desired, baseUri, credentialsRef, null, null);
	}

	/**
	 * @param expected which device the design means (model, serial, MAC): the job reads the device's
	 *                 identity first and refuses another device before anything is changed (#17);
	 *                 {@code null} does not check
	 * @param address  the design's address of the device, for messages, or {@code null}
	 */
	public DeployEngine.Job job(String device, List<ManagedObject> desired, URI baseUri, String credentialsRef,
			DeviceIdentity expected, String address) {
		return new DeployEngine.Job(device, desired,
				() -> open(device, desired, baseUri, credentialsRef, expected, address),
				baseUri.getScheme() + "://" + baseUri.getAuthority());
	}

	private HttpConnector connectorOf(String device) {
		return perDevice.getOrDefault(device, connector);
	}

	private VapixDriver open(String device, List<ManagedObject> desired, URI baseUri, String ref,
			DeviceIdentity expected, String address) throws DeviceException {
		if (ref == null) {
			throw new DeviceException(device + ": the design gives no credentials reference for it", null);
		}
		Credential c = credential(device, ref);
		if (checkLogins) {
			checkPeers(device, desired);
		}
		char[] pw = c.password();
		try {
			VapixClient client = client(device, baseUri, new Credentials(c.username(), pw));
			return new VapixDriver(client, new Placeholders(store, this::doorToken), desired, expected, address)
					.restartWait(restartTimeout, restartPoll);
		} catch (java.security.GeneralSecurityException | IOException e) {
			throw new DeviceException(device + ": cannot set up the connection: " + e.getMessage(), e);
		} finally {
			Arrays.fill(pw, '\0');
		}
	}

	private VapixClient client(String device, URI uri, Credentials credentials)
			throws java.security.GeneralSecurityException, IOException {
		return VapixClient.builder(device, uri).credentials(credentials).connector(connectorOf(device))
				.retryPolicy(retry).requestTimeout(timeout).allowBasicOverHttp(basicOverHttp.contains(device)).build();
	}

	private Credential credential(String device, String ref) throws DeviceException {
		try {
			return store.resolve(ref).orElseThrow(() -> new DeviceException(device + ": no credentials for '" + ref
					+ "' (looked in: " + store.describe() + "; e.g. set " + CredentialStore.variable(ref)
					+ "=user:password)", null));
		} catch (IOException e) {
			throw new DeviceException(device + ": credentials '" + ref + "': " + e.getMessage(), e);
		}
	}

	/** Fails the device when a recipient's credentials are rejected by the device it points at. */
	private void checkPeers(String device, List<ManagedObject> desired) throws DeviceException {
		for (ManagedObject o : desired) {
			if (!Conventions.RECIPIENT.equals(o.kind())) {
				continue;
			}
			Map<String, String> params = DeviceObjects.Configuration.of(o.attributes()).params();
			String url = params.get("upload_url");
			String pw = params.get("password");
			Matcher m = pw == null ? null : PASSWORD_REF.matcher(pw);
			if (url == null || m == null || !m.matches()) {
				continue;
			}
			Peer peer = peers.get(host(url));
			if (peer == null || peer.device().equals(device)) {
				continue;
			}
			String ref = m.group(1);
			String verdict = peerVerdicts.computeIfAbsent(ref, r -> tryLogin(peer, r));
			if (!verdict.isEmpty()) {
				throw new DeviceException(device + ": recipient '" + o.key() + "' calls " + peer.device() + " with the"
						+ " credentials '" + ref + "', and " + peer.device() + " " + verdict + "; nothing was written to "
						+ device + ": correct the credentials of '" + ref + "' first", null, true);
			}
		}
	}

	/**
	 * A door's token, asked of the door controller of the site at that design address (#19): a rule
	 * that commands or waits for a door names it by the controller's token, which only the
	 * controller knows. Asked once per controller and credentials per {@code VapixTargets}.
	 */
	private String doorToken(String address, int door, String ref) throws IOException {
		List<String> list = doorTokens.get(address + " " + ref);
		if (list == null) {
			Peer peer = peers.get(address);
			if (peer == null) {
				throw new IOException("the door controller at " + address + " is not a device of the site being deployed");
			}
			Credential c = store.resolve(ref).orElseThrow(() -> new IOException("no credentials for '" + ref
					+ "' to ask " + peer.device() + " for its doors (looked in: " + store.describe() + ")"));
			char[] pw = c.password();
			try (VapixClient probe = client(peer.device(), peer.uri(), new Credentials(c.username(), pw))) {
				list = new java.util.ArrayList<>();
				for (org.palisade.deploy.vapix.DoorControl.Door d : probe.doorControl().doors()) {
					list.add(d.token());
				}
			} catch (VapixException | java.security.GeneralSecurityException e) {
				throw new IOException("asking " + peer.device() + " for its doors: " + e.getMessage(), e);
			} finally {
				Arrays.fill(pw, '\0');
			}
			doorTokens.put(address + " " + ref, list);
		}
		if (door < 1 || door > list.size()) {
			throw new IOException("the door controller at " + address + " has " + list.size() + " doors, not door " + door);
		}
		return list.get(door - 1);
	}

	/** @return {@code ""} when the peer accepts the credentials or cannot be asked, else what it said */
	private String tryLogin(Peer peer, String ref) {
		Credential c;
		try {
			c = store.resolve(ref).orElse(null);
		} catch (IOException e) {
			return "";
		}
		if (c == null) {
			return ""; // the camera's own run reports the missing reference when it resolves it
		}
		char[] pw = c.password();
		try (VapixClient probe = client(peer.device(), peer.uri(), new Credentials(c.username(), pw))) {
			probe.paramCgi().list("Brand");
			return "";
		} catch (VapixException e) {
			return e.kind() == VapixException.Kind.AUTHENTICATION && e.getMessage().contains("rejected the credentials")
					? "rejects them (user '" + c.username() + "', HTTP " + e.httpStatus() + ")"
					: "";
		} catch (java.security.GeneralSecurityException | IOException | RuntimeException e) {
			return "";
		} finally {
			Arrays.fill(pw, '\0');
		}
	}

	private static String host(String url) {
		try {
			URI u = URI.create(url);
			String h = u.getHost();
			if (h == null) {
				return null;
			}
			return u.getPort() < 0 ? h : h + ":" + u.getPort();
		} catch (IllegalArgumentException e) {
			return null;
		}
	}
}
