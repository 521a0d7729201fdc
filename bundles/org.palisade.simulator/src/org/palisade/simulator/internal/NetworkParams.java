package org.palisade.simulator.internal;

import java.util.Map;
import java.util.Set;

import org.palisade.simulator.DeviceDescriptor;

/**
 * The parameters commissioning sets and reads back (issue #17 item 2): HTTPS, the IPv4 address,
 * gateway and name servers, NTP. Names as a recorded param.cgi listing has them (AXIS firmware
 * 5.40: {@code Network.BootProto=none}, {@code Network.IPAddress}, {@code Network.SubnetMask},
 * {@code Network.DefaultRouter}, {@code Network.Resolver.NameServer1/2},
 * {@code Network.Resolver.ObtainFromDHCP}, {@code HTTPS.Enabled}, {@code HTTPS.Port}); the NTP
 * keys {@code Time.ObtainFromDHCP} and {@code Time.NTP.Server} are unconfirmed (vapix-notes.md,
 * "Commissioning"). A factory-new device holds the manual's defaults: DHCP, 192.168.0.90 (the
 * address it takes when no DHCP server answers), HTTPS off.
 */
final class NetworkParams {

	static final String FACTORY_ADDRESS = "192.168.0.90";
	static final String HTTPS_ENABLED = "HTTPS.Enabled";
	/** The alias of the certificate the HTTPS port presents (a recorded firmware 5.40 listing has HTTPS.Certificate). */
	static final String HTTPS_CERTIFICATE = "HTTPS.Certificate";
	/** The HTTPS connection policy per user group: http, https or both (vapix-notes.md section 17). */
	static final String POLICY = "System.BoaGroupPolicy.";
	static final String[] GROUPS = { "admin", "operator", "viewer" };

	private static final Set<String> ADDRESSES = Set.of("Network.IPAddress", "Network.SubnetMask", "Network.DefaultRouter",
			"Network.eth0.IPAddress", "Network.eth0.SubnetMask");
	private static final Set<String> OPTIONAL_ADDRESSES = Set.of("Network.Resolver.NameServer1",
			"Network.Resolver.NameServer2");

	private NetworkParams() {
	}

	static void populate(DeviceDescriptor d, Map<String, String> params, Set<String> readOnly) {
		params.put("Network.BootProto", d.factoryNew() ? "dhcp" : "none");
		params.put("Network.IPAddress", FACTORY_ADDRESS);
		params.put("Network.SubnetMask", "255.255.255.0");
		params.put("Network.DefaultRouter", "0.0.0.0");
		// Mirrors of the interface's address, as the recorded listing shows them; read-only here.
		params.put("Network.eth0.IPAddress", FACTORY_ADDRESS);
		params.put("Network.eth0.SubnetMask", "255.255.255.0");
		readOnly.add("Network.eth0.IPAddress");
		readOnly.add("Network.eth0.SubnetMask");
		params.put("Network.Resolver.ObtainFromDHCP", "yes");
		params.put("Network.Resolver.NameServer1", "");
		params.put("Network.Resolver.NameServer2", "");
		params.put(HTTPS_ENABLED, !d.factoryNew() && d.tlsKeyStore() != null ? "yes" : "no");
		params.put("HTTPS.Port", "443");
		params.put(HTTPS_CERTIFICATE, DeviceCertificates.DEFAULT);
		for (String g : GROUPS) {
			params.put(POLICY + g, "both");
		}
		readOnly.add("HTTPS.Port");
		params.put("Time.ObtainFromDHCP", "yes");
		params.put("Time.NTP.Server", "");
	}

	/** @return the allowed values of an enumerated key of this group, or {@code null} */
	static Set<String> allowedValues(String key) {
		return switch (key) {
		case "Network.BootProto" -> Set.of("dhcp", "none");
		case "Network.Resolver.ObtainFromDHCP", "Time.ObtainFromDHCP", HTTPS_ENABLED -> Set.of("yes", "no");
		case POLICY + "admin", POLICY + "operator", POLICY + "viewer" -> Set.of("http", "https", "both");
		default -> null;
		};
	}

	/** @return whether plain HTTP is refused: the policy of every group is https */
	static boolean httpsOnly(StateStore store) {
		for (String g : GROUPS) {
			if (!"https".equals(store.parameter(POLICY + g))) {
				return false;
			}
		}
		return true;
	}

	/** @return what is wrong with the value of an address key, or {@code null} */
	static String problem(String key, String value) {
		boolean optional = OPTIONAL_ADDRESSES.contains(key);
		if (!ADDRESSES.contains(key) && !optional) {
			return key.equals("Time.NTP.Server") && !value.matches("[A-Za-z0-9.,:-]*") ? "Invalid value" : null;
		}
		if (optional && value.isEmpty()) {
			return null;
		}
		return ipv4(value) ? null : "Invalid IP address";
	}

	private static boolean ipv4(String v) {
		String[] p = v.split("\\.", -1);
		if (p.length != 4) {
			return false;
		}
		for (String s : p) {
			if (!s.matches("\\d{1,3}") || Integer.parseInt(s) > 255) {
				return false;
			}
		}
		return true;
	}
}
