package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.palisade.deploy.Credential;
import org.palisade.deploy.DeviceException;
import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * Takes a factory-new device from its factory (or DHCP) address to where the normal deploy reaches
 * it (issue #17 item 2), in the manual's order: who it is (refused, untouched, when it is not the
 * design's device), the initial root password (over HTTP: a factory-new device has nothing else),
 * HTTPS turned on and the device's self-signed certificate pinned on first sight, the password
 * changed over HTTPS ("Axis devices send the initially set password in clear text"), the static
 * address, gateway and name servers of the design's network, time zone and NTP.
 * <p>
 * Nothing is left unrecorded by a run killed at any moment: every password is in the
 * {@link PasswordVault} before the device is given it (a new one under {@code <ref>.next} until the
 * device has it), and every step is in the site's {@link CommissionJournal} before it is sent (the
 * address) or once it is confirmed. The next run reads both, finds the device where the journal
 * says it may be, tries the recorded and the pending password, and goes on from there; a device
 * with a root account that neither opens is never touched further. No message, journal line or
 * listener call carries a password.
 */
public final class Commissioner {

	/** Called after each step (for progress, and for the tests that kill a run between steps). */
	public interface StepListener {
		void done(String device, String step);
	}

	/** The steps taken in one run, in order; {@code failure} is {@code null} when the device is commissioned. */
	public record Result(String device, List<String> steps, String failure) {
	}

	/** One step of a device's commissioning plan: done already, or still to do, with what it sets. */
	public record Step(String name, boolean done, String detail) {
	}

	/**
	 * A device as the design wants it after commissioning.
	 *
	 * @param factoryAddress where it answers now (its factory or DHCP address)
	 * @param address        the design's static address, {@code prefix} its network's prefix length
	 * @param gateway        the network's gateway, or {@code null}
	 * @param timeZone       IANA zone, or {@code null}
	 */
	public record Target(String device, DeviceIdentity expected, String ref, String factoryAddress, String address,
			int prefix, String gateway, List<String> dns, String timeZone, List<String> ntp, boolean httpsOnly,
			Certificate certificate) {

		/** A target with the device's own self-signed certificate and plain HTTP left open. */
		public Target(String device, DeviceIdentity expected, String ref, String factoryAddress, String address, int prefix,
				String gateway, List<String> dns, String timeZone, List<String> ntp) {
			this(device, expected, ref, factoryAddress, address, prefix, gateway, dns, timeZone, ntp, false, null);
		}

		/** @return this target with the design's HTTPS policy and certificate */
		public Target withSecurity(boolean onlyHttps, Certificate cert) {
			return new Target(device, expected, ref, factoryAddress, address, prefix, gateway, dns, timeZone, ntp, onlyHttps,
					cert);
		}
	}

	/**
	 * A certificate the design installs instead of the device's self-signed one.
	 *
	 * @param file   the PEM certificate (no key), resolved against the design's folder
	 * @param keyRef the reference of its private key in the vault (PEM), never the key itself
	 */
	public record Certificate(java.nio.file.Path file, String keyRef) {
	}

	/** Where Palisade reaches an address of a device: real devices at the address, virtual ones on loopback. */
	public interface Reach {
		URI http(String device, String address);

		URI https(String device, String address);

		static Reach direct() {
			return new Reach() {
				@Override
				public URI http(String device, String address) {
					return URI.create("http://" + address);
				}

				@Override
				public URI https(String device, String address) {
					return URI.create("https://" + address);
				}
			};
		}
	}

	public static final String IDENTITY = "identity";
	public static final String PASSWORD_RECORDED = "password recorded";
	public static final String ROOT_CREATED = "root account created";
	public static final String ROOT_PRESENT = "root account present";
	public static final String HTTPS_ON = "HTTPS turned on";
	public static final String CERT_PINNED = "certificate pinned";
	public static final String NEW_PASSWORD_RECORDED = "new password recorded";
	/** The device took the new password; it is still only under {@code <ref>.next}, promoted next. */
	public static final String PASSWORD_ACCEPTED = "new password accepted";
	public static final String PASSWORD_CHANGED = "password changed over HTTPS";
	public static final String ADDRESS_RECORDED = "address recorded";
	/** The network settings were sent; the device is read back at its new address next. */
	public static final String ADDRESS_SENT = "address sent";
	public static final String NETWORK = "static address set";
	public static final String TIME_ZONE = "time zone";
	public static final String NTP = "NTP";
	/** The design's certificate was installed and is what the device presents; pinned. */
	public static final String CERT_INSTALLED = "certificate installed";
	/** The "HTTPS only" policy: the device refuses plain HTTP (read back). */
	public static final String HTTPS_ONLY = "HTTPS only";
	public static final String COMMISSIONED = "commissioned";

	/** The suffix of the reference that holds a new password until the device has it. */
	public static final String PENDING = ".next";

	private final HttpConnector connector;
	private final RetryPolicy retry;
	private final Duration timeout;
	private final PasswordVault vault;
	private final Supplier<char[]> passwords;
	private final CommissionJournal journal;
	private final Pins pins;
	private final Reach reach;
	private StepListener listener = (d, s) -> {
	};

	/**
	 * @param connector for plain HTTP (the factory-new device's only protocol)
	 * @param passwords a new password per call (SEC-PASSWORD-POLICY); the arrays are cleared after use
	 * @param pins      where the certificates are pinned on first sight (the site's pins file)
	 */
	public Commissioner(HttpConnector connector, RetryPolicy retry, Duration timeout, PasswordVault vault,
			Supplier<char[]> passwords, CommissionJournal journal, Pins pins, Reach reach) {
		this.connector = connector;
		this.retry = retry;
		this.timeout = timeout;
		this.vault = vault;
		this.passwords = passwords;
		this.journal = journal;
		this.pins = pins;
		this.reach = reach;
	}

	public Commissioner listener(StepListener value) {
		this.listener = value;
		return this;
	}

	/** @return the steps of the device's commissioning, those done (journaled, and read back when complete) and those to do */
	public List<Step> plan(Target t) {
		List<Step> plan = new ArrayList<>();
		String net = t.address() + "/" + t.prefix() + (t.gateway() == null ? "" : ", gateway " + t.gateway())
				+ (t.dns().isEmpty() ? "" : ", DNS " + String.join(" ", t.dns()));
		String time = (t.timeZone() == null ? "" : "zone " + t.timeZone())
				+ (t.ntp().isEmpty() ? "" : (t.timeZone() == null ? "" : ", ") + "NTP " + String.join(" ", t.ntp()));
		try {
			boolean complete = journal.last(t.device(), COMMISSIONED, "done") != null && upToDate(t);
			plan.add(new Step("root password", complete || done(t, ROOT_CREATED, ROOT_PRESENT),
					"generated (SEC-PASSWORD-POLICY), recorded in " + vault.describe() + " before it is sent"));
			plan.add(new Step("HTTPS", complete || done(t, CERT_PINNED),
					"turned on; the device's self-signed certificate pinned (SHA-256) in " + pins.file().getFileName()));
			plan.add(new Step("password over HTTPS", complete || done(t, PASSWORD_CHANGED),
					"a new one, recorded before it is sent"));
			plan.add(new Step("network", complete || done(t, NETWORK), "static " + net));
			plan.add(new Step("time", complete || done(t, NTP), time.isEmpty() ? "as the device has it" : time));
			if (t.certificate() != null) {
				plan.add(new Step("certificate", complete || done(t, CERT_INSTALLED), t.certificate().file().getFileName()
						+ " installed instead of the self-signed one (its key from " + vault.describe() + " as '"
						+ t.certificate().keyRef() + "'), then pinned"));
			}
			if (t.httpsOnly()) {
				plan.add(new Step("HTTPS only", complete || done(t, HTTPS_ONLY),
						"plain HTTP refused for every user group (System.BoaGroupPolicy)"));
			}
		} catch (IOException e) {
			plan.add(new Step("journal", false, "cannot be read: " + e.getMessage()));
		}
		return plan;
	}

	private boolean done(Target t, String... steps) throws IOException {
		for (String s : steps) {
			if (journal.last(t.device(), s, "done") != null) {
				return true;
			}
		}
		return false;
	}

	/** @return whether the device, reached at its design address over pinned HTTPS, holds what the design says */
	private boolean upToDate(Target t) {
		String pin = pins.of(t.device());
		Credential c = null;
		try {
			c = vault.find(t.ref());
			if (pin == null || c == null) {
				return false;
			}
			char[] pw = c.password();
			try (VapixClient client = https(t, t.address(), pin, pw)) {
				Map<String, String> p = client.paramCgi().list(t.httpsOnly() ? new String[] { "Network", "Time",
						CommissionSecurity.POLICY } : new String[] { "Network", "Time" });
				if (t.httpsOnly() && !differences(p, CommissionSecurity.httpsOnly()).isEmpty()
						|| t.certificate() != null && !CommissionSecurity.sameFingerprint(pin,
								CommissionSecurity.read(t.device(), t.certificate().file()).fingerprint())) {
					return false;
				}
				return differences(p, network(t)).isEmpty() && differences(p, ntp(t)).isEmpty()
						&& (t.timeZone() == null || t.timeZone().equals(client.time().getTimeZone()));
			} finally {
				Arrays.fill(pw, '\0');
			}
		} catch (IOException | GeneralSecurityException | VapixException | DeviceException | RuntimeException e) {
			return false;
		} finally {
			if (c != null) {
				c.clear();
			}
		}
	}

	/** Commissions one device; see the class comment for what a run killed in between leaves. */
	public Result commission(Target t) {
		List<String> steps = new ArrayList<>();
		String device = t.device();
		char[] pw = null;
		try {
			if (t.certificate() != null) {
				// A certificate file that cannot be installed (or holds a key) stops the run before anything is sent.
				CommissionSecurity.read(device, t.certificate().file());
			}
			String at = locate(t, steps);
			if (at == null) {
				return new Result(device, steps, device + " does not answer at " + t.factoryAddress()
						+ (t.address().equals(t.factoryAddress()) ? "" : " nor at " + t.address())
						+ "; nothing was changed: check its cable and power, or give its address with --address "
						+ device + "=IP");
			}
			// 1. The initial root password, over HTTP: the only way into a factory-new device.
			if (!done(t, ROOT_CREATED, ROOT_PRESENT)) {
				Credential recorded = vault.find(t.ref());
				if (recorded == null) {
					pw = passwords.get();
					vault.put(t.ref(), pw);
					journal.done(device, PASSWORD_RECORDED, "in " + vault.describe() + " as '" + t.ref() + "'");
					step(device, PASSWORD_RECORDED, steps);
				} else {
					pw = recorded.password();
					recorded.clear();
				}
				String refused = createRoot(t, at, pw, steps);
				if (refused != null) {
					return new Result(device, steps, refused);
				}
			}
			// 2. HTTPS on (the password that opens it: the recorded one, or a pending one a killed run gave it).
			clear(pw);
			pw = null;
			// Once pinned, HTTPS was on: a device that refuses plain HTTP (HTTPS only) is not asked over it again.
			if (!done(t, CERT_PINNED)) {
				pw = opening(t, reach.http(device, at), null);
				if (pw == null) {
					return new Result(device, steps, notOpened(t));
				}
				try (VapixClient client = http(t, at, pw)) {
					if (t.expected().mac() != null) {
						// The first request with a password: the MAC the device itself reports (vapix-notes section 12).
						try {
							IdentityCheck.check(client, t.expected(), at);
						} catch (org.palisade.deploy.DeviceUnsuitableException e) {
							throw new DeviceException(e.getMessage().replace("nothing was changed on it", "only its root"
									+ " account was created (its password recorded as '" + t.ref() + "'), nothing else was"
									+ " changed"), e);
						}
					}
					if (!"yes".equals(client.paramCgi().list("HTTPS").get("HTTPS.Enabled"))) {
						journal.intended(device, HTTPS_ON, null);
						client.paramCgi().update(Map.of("HTTPS.Enabled", "yes"));
						journal.done(device, HTTPS_ON, null);
						step(device, HTTPS_ON, steps);
					}
				}
			}
			String pin = pinOnFirstSight(t, at, steps);
			// 3. A new password, sent over HTTPS only.
			if (!done(t, PASSWORD_CHANGED)) {
				clear(pw);
				pw = changePassword(t, at, pin, steps);
				if (pw == null) {
					return new Result(device, steps, notOpened(t));
				}
			} else {
				clear(pw);
				pw = opening(t, reach.https(device, at), pin);
				if (pw == null) {
					return new Result(device, steps, notOpened(t));
				}
			}
			// 4. The design's address: journaled before it is sent, read back where the device now is.
			at = readdress(t, at, pin, pw, steps);
			// 5. Time zone and NTP.
			try (VapixClient client = https(t, at, pin, pw)) {
				if (t.timeZone() != null && !t.timeZone().equals(client.time().getTimeZone())) {
					client.time().setTimeZone(t.timeZone());
					step(device, TIME_ZONE, steps);
				}
				Map<String, String> ntp = ntp(t);
				if (!differences(client.paramCgi().list("Time"), ntp).isEmpty()) {
					client.paramCgi().update(ntp);
					step(device, NTP, steps);
				}
			}
			journal.done(device, NTP, t.ntp().isEmpty() ? "from DHCP" : String.join(" ", t.ntp()));
			// 6. The design's certificate instead of the self-signed one, then plain HTTP refused.
			if (t.certificate() != null) {
				pin = installCertificate(t, at, pin, pw, steps);
			}
			if (t.httpsOnly()) {
				httpsOnly(t, at, pin, pw, steps);
			}
			journal.done(device, COMMISSIONED, "at " + at);
			return new Result(device, steps, null);
		} catch (DeviceException e) {
			return new Result(device, steps, e.getMessage());
		} catch (VapixException e) {
			return new Result(device, steps, e.getMessage());
		} catch (IOException | GeneralSecurityException e) {
			return new Result(device, steps, device + ": " + e.getMessage());
		} finally {
			clear(pw);
		}
	}

	/**
	 * Asks which device answers, first where the journal says it may have moved to, then at the
	 * factory address; one that is not the design's device fails the run with both named.
	 *
	 * @return the address it answers at, or {@code null} when it answers nowhere
	 */
	private String locate(Target t, List<String> steps)
			throws IOException, DeviceException, GeneralSecurityException, VapixException {
		List<String> where = new ArrayList<>();
		boolean moved = journal.last(t.device(), ADDRESS_RECORDED, "intended") != null;
		where.add(moved ? t.address() : t.factoryAddress());
		where.add(moved ? t.factoryAddress() : t.address());
		// Basic device info needs no credentials (factory-new or not: anonymous access is on by default);
		// the client wants some for a challenge, and gets one nobody knows (Digest never sends it).
		char[] nobody = java.util.UUID.randomUUID().toString().toCharArray();
		// Without a password only basic device info answers: the MAC is checked against the serial there
		// (an Axis device's label serial is its MAC), and read from the device once a password opens it.
		DeviceIdentity anonymous = new DeviceIdentity(t.expected().model(), t.expected().serial(), null);
		String pin = pins.of(t.device());
		for (String a : where.stream().distinct().toList()) {
			for (URI uri : pin == null ? List.of(reach.http(t.device(), a))
					: List.of(reach.http(t.device(), a), reach.https(t.device(), a))) {
				VapixClient.Builder b = VapixClient.builder(t.device(), uri).credentials(new Credentials("root", nobody))
						.retryPolicy(retry).requestTimeout(timeout);
				if ("https".equals(uri.getScheme())) {
					b.tls(TlsOptions.pinnedSha256(pin)).connectTimeout(timeout);
				} else {
					b.connector(connector);
				}
				try (VapixClient client = b.build()) {
					IdentityCheck.Reported r = IdentityCheck.check(client, anonymous, a);
					checkLabelMac(t, r, a, client);
					journal.done(t.device(), IDENTITY, "at " + a);
					step(t.device(), IDENTITY, steps);
					return a;
				} catch (VapixException e) {
					// Not there (try the other address), or refusing plain HTTP (HTTPS only: ask over pinned HTTPS).
					boolean refusedHttp = "http".equals(uri.getScheme()) && pin != null
							&& (e.httpStatus() == 403 || e.kind() == VapixException.Kind.HTTP_STATUS);
					if (e.kind() != VapixException.Kind.TRANSPORT && !refusedHttp) {
						throw e;
					}
				}
			}
		}
		return null;
	}

	/** A design MAC against the one the device's serial spells; nothing has been sent but reads. */
	private static void checkLabelMac(Target t, IdentityCheck.Reported r, String at, VapixClient client)
			throws org.palisade.deploy.DeviceUnsuitableException {
		String mac = CommissionSecurity.macOfSerial(r.identity().serial());
		if (t.expected().mac() != null && mac != null && !t.expected().mac().equals(mac)) {
			String reached = client.baseUri().getAuthority().equals(at) ? "" : " (reached at " + client.baseUri().getAuthority() + ")";
			throw new org.palisade.deploy.DeviceUnsuitableException(t.device() + " at " + at + reached + " is "
					+ (r.identity().model() == null ? "a device of unknown model" : r.identity().model()) + " serial "
					+ r.identity().serial() + " MAC " + mac + " (an Axis serial number is its MAC address), the design expects "
					+ t.expected().describe() + "; nothing was changed on it: check which device is cabled to that address,"
					+ " or correct the design");
		}
	}

	/** @return why the device is refused, or {@code null} when root has the recorded password */
	private String createRoot(Target t, String at, char[] pw, List<String> steps)
			throws IOException, GeneralSecurityException, VapixException {
		try (VapixClient client = http(t, at, pw)) {
			try {
				client.userAccounts().createRoot(pw);
				journal.done(t.device(), ROOT_CREATED, null);
				step(t.device(), ROOT_CREATED, steps);
				return null;
			} catch (VapixException e) {
				if (e.kind() == VapixException.Kind.AUTHENTICATION) {
					// Only a device with an account challenges this request, and it refused the password.
					return t.device() + " is not factory-new: it has a root account, and the password recorded for '"
							+ t.ref() + "' in " + vault.describe() + " is not its password; nothing was changed on it:"
							+ " record its password there, or reset it to factory defaults";
				}
				if (e.kind() != VapixException.Kind.DEVICE_ERROR || !e.getMessage().contains("already exists")) {
					throw e;
				}
			}
			// Created by an earlier run (or by someone): the recorded password must be its password.
			if (!opens(client)) {
				return t.device() + " already has a root account whose password is not the one recorded for '" + t.ref()
						+ "' in " + vault.describe() + "; nothing more was changed: record its password there, or"
						+ " reset the device to factory defaults";
			}
			journal.done(t.device(), ROOT_PRESENT, null);
			step(t.device(), ROOT_PRESENT, steps);
			return null;
		}
	}

	/** Reads the certificate at the device's HTTPS port and pins it, unless a pin is there: then it must match. */
	private String pinOnFirstSight(Target t, String at, List<String> steps) throws IOException, DeviceException {
		String seen = Pins.fingerprint(Pins.fetch(reach.https(t.device(), at), timeout));
		String pinned = pins.of(t.device());
		if (pinned == null) {
			pins.put(t.device(), seen);
			journal.done(t.device(), CERT_PINNED, "SHA-256 " + seen + " in " + pins.file());
			step(t.device(), CERT_PINNED, steps);
			return seen;
		}
		if (!normal(pinned).equals(normal(seen)) && t.certificate() != null
				&& CommissionSecurity.sameFingerprint(seen, CommissionSecurity.read(t.device(), t.certificate().file()).fingerprint())) {
			// A run killed after the design's certificate was installed: the device presents the design's own.
			pins.put(t.device(), seen);
			journal.done(t.device(), CERT_PINNED, "SHA-256 " + seen + " (the design's certificate) in " + pins.file());
			return seen;
		}
		if (!normal(pinned).equals(normal(seen))) {
			throw new DeviceException(t.device() + " at " + at + " presents the certificate SHA-256 " + seen
					+ ", but the one pinned for it in " + pins.file() + " is " + pinned + "; nothing more was changed:"
					+ " if the device's certificate was renewed, check it on its web page and pin it: palisade trust", null);
		}
		if (!done(t, CERT_PINNED)) {
			journal.done(t.device(), CERT_PINNED, "SHA-256 " + seen + " (pinned before)");
		}
		return pinned;
	}

	/** @return the password the device holds once changed over HTTPS, or {@code null} when none recorded opens it */
	private char[] changePassword(Target t, String at, String pin, List<String> steps)
			throws IOException, GeneralSecurityException, VapixException {
		String device = t.device();
		char[] current = opening(t, reach.https(device, at), pin);
		if (current == null) {
			return null;
		}
		if (done(t, PASSWORD_CHANGED)) {
			return current; // a killed run's pending password opened it: promoted by opening()
		}
		Credential pending = vault.find(t.ref() + PENDING);
		char[] next;
		if (pending != null) {
			next = pending.password();
			pending.clear();
		} else {
			next = passwords.get();
			vault.put(t.ref() + PENDING, next);
			journal.done(device, NEW_PASSWORD_RECORDED, "in " + vault.describe() + " as '" + t.ref() + PENDING + "'");
			step(device, NEW_PASSWORD_RECORDED, steps);
		}
		try (VapixClient client = https(t, at, pin, current)) {
			journal.intended(device, PASSWORD_CHANGED, null);
			client.userAccounts().changePassword("root", next);
		} finally {
			clear(current);
		}
		step(device, PASSWORD_ACCEPTED, steps);
		promote(t, next);
		step(device, PASSWORD_CHANGED, steps);
		return next;
	}

	/**
	 * @return the password that opens the device: the recorded one, else a pending one (which then
	 *         becomes the recorded one), else {@code null}
	 */
	private char[] opening(Target t, URI uri, String pin) throws IOException, GeneralSecurityException, VapixException {
		for (String ref : new String[] { t.ref(), t.ref() + PENDING }) {
			Credential c = vault.find(ref);
			if (c == null) {
				continue;
			}
			char[] pw = c.password();
			c.clear();
			try (VapixClient client = client(t, uri, pin, pw)) {
				if (opens(client)) {
					if (!ref.equals(t.ref())) {
						promote(t, pw);
					}
					return pw;
				}
			}
			clear(pw);
		}
		return null;
	}

	private void promote(Target t, char[] pw) throws IOException {
		vault.put(t.ref(), pw);
		vault.remove(t.ref() + PENDING);
		journal.done(t.device(), PASSWORD_CHANGED, "recorded in " + vault.describe() + " as '" + t.ref() + "'");
	}

	private String readdress(Target t, String at, String pin, char[] pw, List<String> steps)
			throws IOException, GeneralSecurityException, VapixException, DeviceException {
		Map<String, String> desired = network(t);
		String detail = t.address() + "/" + t.prefix() + " gateway " + desired.get("Network.DefaultRouter") + " DNS "
				+ String.join(" ", t.dns());
		try (VapixClient client = https(t, at, pin, pw)) {
			if (differences(client.paramCgi().list("Network"), desired).isEmpty()) {
				if (!done(t, NETWORK)) {
					journal.done(t.device(), NETWORK, detail);
				}
				return at;
			}
			journal.intended(t.device(), ADDRESS_RECORDED, detail);
			step(t.device(), ADDRESS_RECORDED, steps);
			try {
				client.paramCgi().update(desired);
			} catch (VapixException e) {
				// A real device may take its new address before its answer leaves: read it back there.
				if (e.kind() != VapixException.Kind.TRANSPORT) {
					throw e;
				}
			}
			step(t.device(), ADDRESS_SENT, steps);
		}
		try (VapixClient client = https(t, t.address(), pin, pw)) {
			IdentityCheck.check(client, t.expected(), t.address());
			List<String> wrong = differences(client.paramCgi().list("Network"), desired);
			if (!wrong.isEmpty()) {
				throw new DeviceException(t.device() + " at " + t.address() + " reads back " + wrong
						+ " after the network settings were sent", null);
			}
		}
		journal.done(t.device(), NETWORK, detail);
		step(t.device(), NETWORK, steps);
		return t.address();
	}

	/**
	 * Installs the design's certificate with its key from the vault (certificate API, over pinned
	 * HTTPS), makes it the one the web server presents, reads back that it is, and pins it.
	 *
	 * @return the pin from now on
	 */
	private String installCertificate(Target t, String at, String pin, char[] pw, List<String> steps)
			throws IOException, GeneralSecurityException, VapixException, DeviceException {
		String device = t.device();
		CommissionSecurity.Pem pem = CommissionSecurity.read(device, t.certificate().file());
		if (!CommissionSecurity.sameFingerprint(pin, pem.fingerprint())) {
			Credential key = vault.find(t.certificate().keyRef());
			if (key == null) {
				throw new DeviceException(device + ": no private key for " + pem.file().getFileName() + " is recorded under '"
						+ t.certificate().keyRef() + "' in " + vault.describe() + "; the device keeps its self-signed"
						+ " certificate: record the key (PEM) there and run commission again", null);
			}
			char[] stored = key.password();
			key.clear();
			char[] keyPem = CommissionSecurity.keyPem(stored);
			clear(stored);
			try (VapixClient client = https(t, at, pin, pw)) {
				journal.intended(device, CERT_INSTALLED, "'" + CommissionSecurity.ALIAS + "' SHA-256 " + pem.fingerprint());
				if (!client.certificates().list().containsKey(CommissionSecurity.ALIAS)) {
					client.certificates().add(CommissionSecurity.ALIAS, pem.text(), keyPem);
				}
				client.paramCgi().update(Map.of(CommissionSecurity.HTTPS_CERTIFICATE, CommissionSecurity.ALIAS));
			} finally {
				clear(keyPem);
			}
			String seen = Pins.fingerprint(Pins.fetch(reach.https(device, at), timeout));
			if (!CommissionSecurity.sameFingerprint(seen, pem.fingerprint())) {
				throw new DeviceException(device + " at " + at + " still presents SHA-256 " + seen + " after "
						+ pem.file().getFileName() + " (SHA-256 " + pem.fingerprint() + ") was installed and chosen; the pin"
						+ " is unchanged", null);
			}
			pins.put(device, pem.fingerprint());
			pin = pem.fingerprint();
		}
		if (!done(t, CERT_INSTALLED)) {
			journal.done(device, CERT_INSTALLED, pem.file().getFileName() + ", SHA-256 " + pem.fingerprint() + " pinned in "
					+ pins.file().getFileName());
			step(device, CERT_INSTALLED, steps);
		}
		return pin;
	}

	/** Sets the "HTTPS only" policy over pinned HTTPS and reads back that plain HTTP is refused. */
	private void httpsOnly(Target t, String at, String pin, char[] pw, List<String> steps)
			throws IOException, GeneralSecurityException, VapixException, DeviceException {
		Map<String, String> policy = CommissionSecurity.httpsOnly();
		try (VapixClient client = https(t, at, pin, pw)) {
			if (!differences(client.paramCgi().list(CommissionSecurity.POLICY), policy).isEmpty()) {
				journal.intended(t.device(), HTTPS_ONLY, null);
				client.paramCgi().update(policy);
			}
		}
		// Read back where it matters: a plain HTTP request, which the device must now refuse.
		try (VapixClient plain = http(t, at, pw)) {
			plain.basicDeviceInfo().getAllUnrestrictedProperties();
			throw new DeviceException(t.device() + " at " + at + " still answers plain HTTP after System.BoaGroupPolicy"
					+ " was set to https for every group", null);
		} catch (VapixException refused) {
			// refused or closed: what HTTPS only means
		}
		if (!done(t, HTTPS_ONLY)) {
			journal.done(t.device(), HTTPS_ONLY, "plain HTTP refused");
			step(t.device(), HTTPS_ONLY, steps);
		}
	}

	/** param.cgi names as the recorded listing has them (vapix-notes.md "Commissioning"). */
	static Map<String, String> network(Target t) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("Network.BootProto", "none");
		m.put("Network.IPAddress", t.address());
		m.put("Network.SubnetMask", mask(t.prefix()));
		m.put("Network.DefaultRouter", t.gateway() == null ? "0.0.0.0" : t.gateway());
		m.put("Network.Resolver.ObtainFromDHCP", t.dns().isEmpty() ? "yes" : "no");
		m.put("Network.Resolver.NameServer1", t.dns().size() > 0 ? t.dns().get(0) : "");
		m.put("Network.Resolver.NameServer2", t.dns().size() > 1 ? t.dns().get(1) : "");
		return m;
	}

	/** NTP by param.cgi: keys unconfirmed (newer AXIS OS also has ntp.cgi); servers comma-separated. */
	static Map<String, String> ntp(Target t) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("Time.ObtainFromDHCP", t.ntp().isEmpty() ? "yes" : "no");
		m.put("Time.NTP.Server", String.join(",", t.ntp()));
		return m;
	}

	static String mask(int prefix) {
		long bits = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
		return (bits >> 24 & 255) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
	}

	private static List<String> differences(Map<String, String> actual, Map<String, String> desired) {
		List<String> out = new ArrayList<>();
		desired.forEach((k, v) -> {
			String a = actual.get(k);
			if (!v.equals(a == null ? "" : a)) {
				out.add(k + "=" + (a == null ? "(none)" : a));
			}
		});
		return out;
	}

	private static boolean opens(VapixClient client) throws VapixException {
		try {
			client.paramCgi().list("Brand.ProdShortName");
			return true;
		} catch (VapixException e) {
			if (e.kind() == VapixException.Kind.AUTHENTICATION) {
				return false;
			}
			throw e;
		}
	}

	private String notOpened(Target t) {
		return t.device() + " has a root account that neither the password recorded for '" + t.ref() + "' nor a pending '"
				+ t.ref() + PENDING + "' in " + vault.describe() + " opens; nothing more was changed: record its"
				+ " password there, or reset the device to factory defaults";
	}

	private VapixClient http(Target t, String at, char[] pw) throws GeneralSecurityException, IOException {
		return client(t, reach.http(t.device(), at), null, pw);
	}

	private VapixClient https(Target t, String at, String pin, char[] pw) throws GeneralSecurityException, IOException {
		return client(t, reach.https(t.device(), at), pin, pw);
	}

	private VapixClient client(Target t, URI uri, String pin, char[] pw) throws GeneralSecurityException, IOException {
		VapixClient.Builder b = VapixClient.builder(t.device(), uri).credentials(new Credentials("root", pw))
				.retryPolicy(retry).requestTimeout(timeout);
		if (pin == null) {
			b.connector(connector);
		} else {
			b.tls(TlsOptions.pinnedSha256(pin)).connectTimeout(timeout);
		}
		return b.build();
	}

	private static String normal(String fingerprint) {
		return fingerprint.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(java.util.Locale.ROOT);
	}

	private static void clear(char[] pw) {
		if (pw != null) {
			Arrays.fill(pw, '\0');
		}
	}

	private void step(String device, String step, List<String> steps) {
		steps.add(step);
		listener.done(device, step);
	}
}
