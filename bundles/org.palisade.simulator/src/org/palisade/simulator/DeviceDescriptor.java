package org.palisade.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Immutable description of one virtual Axis device: identity, credentials, hardware (I/O ports,
 * media clips, analytics scenarios) and transport options. Build one with {@link #builder(String)}.
 * <p>
 * The password is held as a {@code char[]} copy, is never part of {@link #toString()}, and is
 * handed out only as a fresh copy through {@link #password()}.
 */
public final class DeviceDescriptor {

	/** Default camera model: a thermal camera with two configurable I/O ports. */
	public static final String DEFAULT_CAMERA_MODEL = "AXIS Q1961-TE";
	/** Default speaker model: a network horn speaker. */
	public static final String DEFAULT_SPEAKER_MODEL = "AXIS C1310-E";
	/** Default analytics application segment of the ACAP event topic (unconfirmed, see vapix.md §5). */
	public static final String DEFAULT_ANALYTICS_APP = "PerimeterDefender";

	private final String name;
	private final DeviceKind kind;
	private final String model;
	private final String serial;
	private final String mac;
	private final String firmware;
	private final String username;
	private final char[] password;
	private final int ioPorts;
	private final boolean portsConfigurable;
	private final boolean portManagementApi;
	private final List<String> clips;
	private final List<PtzPreset> presets;
	private final int doors;
	private final AuthMode authMode;
	private final int listenPort;
	private final String analyticsApp;
	private final List<String> scenarios;
	private final boolean builtInSchedules;
	private final Duration nonceLifetime;
	private final Path tlsKeyStore;
	private final char[] tlsKeyStorePassword;
	private final boolean factoryNew;
	private final Duration restartDelay;
	private final boolean firmwareFallback;

	private DeviceDescriptor(Builder b) {
		this.name = b.name;
		this.kind = b.kind;
		this.model = b.model != null ? b.model
				: b.kind == DeviceKind.SPEAKER ? DEFAULT_SPEAKER_MODEL : DEFAULT_CAMERA_MODEL;
		this.serial = b.serial != null ? b.serial : derivedSerial(b.name);
		// An Axis device's serial number is its MAC address's digits (the label prints both).
		this.mac = b.mac != null ? b.mac : macOf(this.serial);
		this.firmware = b.firmware != null ? b.firmware : b.kind == DeviceKind.SPEAKER ? "11.9.60" : "11.11.73";
		this.username = b.username;
		this.password = b.password.clone();
		this.ioPorts = b.ioPorts >= 0 ? b.ioPorts : b.kind == DeviceKind.SPEAKER ? 1 : 2;
		this.portsConfigurable = b.portsConfigurable;
		this.portManagementApi = b.portManagementApi;
		this.clips = List.copyOf(b.clips);
		this.presets = List.copyOf(b.presets);
		this.doors = b.doors;
		this.authMode = b.authMode;
		this.listenPort = b.listenPort;
		this.analyticsApp = b.analyticsApp;
		this.scenarios = List.copyOf(b.scenarios);
		this.builtInSchedules = b.builtInSchedules;
		this.nonceLifetime = b.nonceLifetime;
		this.tlsKeyStore = b.tlsKeyStore;
		this.tlsKeyStorePassword = b.tlsKeyStorePassword == null ? null : b.tlsKeyStorePassword.clone();
		this.factoryNew = b.factoryNew;
		this.restartDelay = b.restartDelay;
		this.firmwareFallback = b.firmwareFallback;
	}

	/** A serial that is stable per name, in the Axis form (12 upper-case hex digits, Axis OUI). */
	private static String derivedSerial(String name) {
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		return String.format(Locale.ROOT, "ACCC8E%06X", crc.getValue() & 0xFFFFFF);
	}

	/** @return the serial's twelve digits as a MAC address, or a fixed Axis one if it has no such form */
	private static String macOf(String serial) {
		String hex = serial.matches("[0-9A-Fa-f]{12}") ? serial.toUpperCase(Locale.ROOT) : "ACCC8E000000";
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 12; i += 2) {
			b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
		}
		return b.toString();
	}

	/** @return a builder holding this descriptor's values, to derive a variant (e.g. a model without an API) */
	public Builder toBuilder() {
		Builder b = new Builder(name).kind(kind).model(model).serial(serial).mac(mac).firmware(firmware).username(username)
				.password(password).ioPorts(ioPorts).portsConfigurable(portsConfigurable)
				.portManagementApi(portManagementApi).clips(clips).presets(presets).doors(doors).authMode(authMode).listenPort(listenPort)
				.analyticsApp(analyticsApp).scenarios(scenarios).builtInSchedules(builtInSchedules)
				.nonceLifetime(nonceLifetime).factoryNew(factoryNew).restartDelay(restartDelay)
				.firmwareFallback(firmwareFallback);
		if (tlsKeyStore != null) {
			b.tls(tlsKeyStore, tlsKeyStorePassword);
		}
		return b;
	}

	/** @return a builder for a device named {@code name} (unique within a fleet) */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	public String name() { return name; }
	public DeviceKind kind() { return kind; }
	public String model() { return model; }
	/** @return the serial number; the Digest realm is {@code AXIS_<serial>} */
	public String serial() { return serial; }
	/** @return the MAC address, {@code AC:CC:8E:01:23:45} (param.cgi Network.eth0.MACAddress) */
	public String mac() { return mac; }
	public String firmware() { return firmware; }
	/** @return how long the device is away (answering 503) after a firmware upgrade, as it restarts */
	public Duration restartDelay() { return restartDelay; }
	/** @return whether an upgrade fails on restart and the device reloads its previous firmware (#17) */
	public boolean firmwareFallback() { return firmwareFallback; }
	public String username() { return username; }
	/** @return a fresh copy of the password; the caller should clear it after use */
	public char[] password() { return password.clone(); }
	/** @return the number of I/O ports {@code IOPort.I0..I(n-1)} */
	public int ioPorts() { return ioPorts; }
	public boolean portsConfigurable() { return portsConfigurable; }
	/** Whether the device offers the I/O port management JSON API; without it ports are set through param.cgi. */
	public boolean portManagementApi() { return portManagementApi; }
	/** @return media clip names; clip {@code n} of this list is {@code MediaClip.M<n>} */
	public List<String> clips() { return clips; }
	/** @return a PTZ camera's presets besides Home (issue #19) */
	public List<PtzPreset> presets() { return presets; }

	/** @return how many doors a door controller's hardware configuration has (issue #19; default 2) */
	public int doors() { return doors; }
	public AuthMode authMode() { return authMode; }
	/** @return the loopback port to bind, 0 for an ephemeral one */
	public int listenPort() { return listenPort; }
	public String analyticsApp() { return analyticsApp; }
	/** @return the analytics scenarios declared as {@code tnsaxis:CameraApplicationPlatform/<app>/<scenario>} */
	public List<String> scenarios() { return scenarios; }
	/** @return whether the four Axis built-in schedules (weekdays, office/after hours, weekends) exist at start */
	public boolean builtInSchedules() { return builtInSchedules; }
	public Duration nonceLifetime() { return nonceLifetime; }
	/** @return a PKCS#12 key store holding the device certificate, or {@code null} for plain HTTP */
	public Path tlsKeyStore() { return tlsKeyStore; }
	/** @return a copy of the key store password, or {@code null} */
	public char[] tlsKeyStorePassword() { return tlsKeyStorePassword == null ? null : tlsKeyStorePassword.clone(); }
	/**
	 * @return whether the device starts as out of the box: no account (its {@link #password()} is
	 *         not accepted) until pwdgrp.cgi creates root, which it then takes without authentication
	 */
	public boolean factoryNew() { return factoryNew; }

	/** @return whether the device has key material for HTTPS (a factory-new one serves it once turned on) */
	public boolean hasCertificate() { return tlsKeyStore != null; }

	@Override
	public String toString() {
		// The password is deliberately absent: descriptors end up in logs and test reports.
		return "DeviceDescriptor[" + name + ", " + kind + ", " + model + ", serial=" + serial + ", user=" + username
				+ ", ports=" + ioPorts + ", clips=" + clips.size() + ", auth=" + authMode
				+ (tlsKeyStore != null ? ", https" : "") + (factoryNew ? ", factory-new" : "") + "]";
	}

	/** Mutable builder; every setter returns {@code this}. Defaults follow the kind. */
	public static final class Builder {
		private final String name;
		private DeviceKind kind = DeviceKind.CAMERA;
		private String model;
		private String serial;
		private String mac;
		private String firmware;
		private String username = "root";
		private char[] password = "pass".toCharArray();
		private int ioPorts = -1;
		private boolean portsConfigurable = true;
		private boolean portManagementApi = true;
		private List<String> clips = List.of();
		private List<PtzPreset> presets = List.of();
		private int doors = 2;
		private AuthMode authMode = AuthMode.DIGEST;
		private int listenPort;
		private String analyticsApp = DEFAULT_ANALYTICS_APP;
		private List<String> scenarios = List.of("Camera1Profile1");
		private boolean builtInSchedules = true;
		private Duration nonceLifetime = Duration.ofMinutes(5);
		private Path tlsKeyStore;
		private char[] tlsKeyStorePassword;
		private boolean factoryNew;
		private Duration restartDelay = Duration.ofSeconds(2);
		private boolean firmwareFallback;

		private Builder(String name) {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("device name is required");
			}
			this.name = name;
		}

		public Builder kind(DeviceKind value) { this.kind = Objects.requireNonNull(value); return this; }
		public Builder model(String value) { this.model = value; return this; }
		public Builder serial(String value) { this.serial = value; return this; }
		/** Default: the serial's digits, as on Axis devices. */
		public Builder mac(String value) { this.mac = value; return this; }
		public Builder firmware(String value) { this.firmware = value; return this; }
		public Builder restartDelay(Duration value) { this.restartDelay = Objects.requireNonNull(value); return this; }
		public Builder firmwareFallback(boolean value) { this.firmwareFallback = value; return this; }
		public Builder username(String value) { this.username = Objects.requireNonNull(value); return this; }

		/** Copies {@code value}; the caller may clear its array afterwards. */
		public Builder password(char[] value) {
			Arrays.fill(this.password, '\0');
			this.password = value.clone();
			return this;
		}

		public Builder ioPorts(int value) {
			if (value < 0 || value > 16) {
				throw new IllegalArgumentException("ioPorts must be 0..16");
			}
			this.ioPorts = value;
			return this;
		}

		public Builder portsConfigurable(boolean value) { this.portsConfigurable = value; return this; }
		/** {@code false}: act as a model (or older firmware) without portmanagement.cgi, which answers 404. */
		public Builder portManagementApi(boolean value) { this.portManagementApi = value; return this; }
		public Builder clips(List<String> value) { this.clips = List.copyOf(value); return this; }
		public Builder presets(List<PtzPreset> value) { this.presets = List.copyOf(value); return this; }
		public Builder doors(int value) { this.doors = value; return this; }
		public Builder authMode(AuthMode value) { this.authMode = Objects.requireNonNull(value); return this; }

		public Builder listenPort(int value) {
			if (value < 0 || value > 65535) {
				throw new IllegalArgumentException("listenPort must be 0..65535");
			}
			this.listenPort = value;
			return this;
		}

		public Builder analyticsApp(String value) {
			if (!value.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
				throw new IllegalArgumentException("invalid analytics application name: " + value);
			}
			this.analyticsApp = value;
			return this;
		}
		/** Scenario names become topic segments, so they must be XML names (letters, digits, _ . -). */
		public Builder scenarios(List<String> value) {
			for (String s : value) {
				if (!s.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
					throw new IllegalArgumentException("invalid scenario name: " + s);
				}
			}
			this.scenarios = List.copyOf(value);
			return this;
		}
		public Builder builtInSchedules(boolean value) { this.builtInSchedules = value; return this; }
		public Builder nonceLifetime(Duration value) { this.nonceLifetime = Objects.requireNonNull(value); return this; }
		/** Start without an account, as out of the box (see {@link DeviceDescriptor#factoryNew()}). */
		public Builder factoryNew(boolean value) { this.factoryNew = value; return this; }

		/** Serve HTTPS with the first key entry of this PKCS#12 store instead of plain HTTP. */
		public Builder tls(Path keyStore, char[] keyStorePassword) {
			this.tlsKeyStore = Objects.requireNonNull(keyStore);
			this.tlsKeyStorePassword = keyStorePassword.clone();
			return this;
		}

		public DeviceDescriptor build() {
			return new DeviceDescriptor(this);
		}
	}
}
