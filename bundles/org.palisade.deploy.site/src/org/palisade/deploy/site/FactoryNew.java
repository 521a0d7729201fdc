package org.palisade.deploy.site;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * Whether a device is factory-new, asked the same way by {@code plan}, {@code deploy} and the
 * Studio's deploy wizard (issue #17): the Systemready API's {@code needsetup}, which AXIS OS answers
 * without authentication over plain HTTP (the only protocol a factory-new device offers). A device
 * that cannot say (unreachable, older firmware) is not called factory-new. Also whether this machine
 * is on a network where an address can be reached without a router, since a factory address
 * (192.168.0.90) is only ever reached on the device's own segment.
 */
public final class FactoryNew {

	private FactoryNew() {
	}

	/** @param http the device's plain HTTP address ({@code http://host[:port]}) */
	public static boolean check(String device, URI http, Duration timeout) {
		char[] nobody = UUID.randomUUID().toString().toCharArray();
		try (VapixClient client = VapixClient.builder(device, http).credentials(new Credentials("root", nobody))
				.retryPolicy(RetryPolicy.none()).connectTimeout(timeout).requestTimeout(timeout).build()) {
			return client.systemReady().get().needsSetup();
		} catch (VapixException | IOException | GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}

	/** @return the message for a device found factory-new where a configured one was expected */
	public static String message(String device, String at, String commissionCommand) {
		return "factory-new: run `" + commissionCommand + "` first (" + device + " at " + at
				+ " has no account yet: its systemready answer says it needs setup; nothing was changed)";
	}

	/**
	 * A factory address is reached on the device's own segment, never through a router: a device
	 * none of whose addresses lies on a network of this machine would only time out.
	 *
	 * @param given devices whose address the user gave (they know it is reachable)
	 * @return why commissioning cannot start on this machine, or {@code null}
	 */
	public static String offNetwork(List<org.palisade.deploy.vapix.driver.Commissioner.Target> targets,
			java.util.Set<String> given) {
		List<String> networks = localNetworks();
		List<String> off = new ArrayList<>();
		for (var t : targets) {
			if (!given.contains(t.device()) && !onNetwork(t.factoryAddress(), networks) && !onNetwork(t.address(), networks)) {
				off.add(t.device() + " (at " + t.factoryAddress() + ", then " + t.address() + ")");
			}
		}
		if (off.isEmpty()) {
			return null;
		}
		return "this machine is on none of the networks of " + String.join(", ", off) + "; its networks: "
				+ (networks.isEmpty() ? "none but loopback" : String.join(", ", networks)) + ". Connect it to the"
				+ " devices' network (a factory address such as 192.168.0.90 is reached from an address in"
				+ " 192.168.0.0/24)";
	}

	/**
	 * @return the IPv4 networks of this machine's interfaces that are up, not loopback, as
	 *         {@code a.b.c.d/prefix}
	 */
	public static List<String> localNetworks() {
		List<String> out = new ArrayList<>();
		try {
			for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!n.isUp() || n.isLoopback()) {
					continue;
				}
				for (InterfaceAddress a : n.getInterfaceAddresses()) {
					if (a.getAddress() instanceof Inet4Address) {
						out.add(a.getAddress().getHostAddress() + "/" + a.getNetworkPrefixLength());
					}
				}
			}
		} catch (IOException e) {
			// no interfaces to list: nothing is on a local network
		}
		return out;
	}

	/** @return whether the IPv4 address lies in one of the networks ({@code a.b.c.d/prefix}) */
	public static boolean onNetwork(String address, List<String> networks) {
		long a = bits(address);
		if (a < 0) {
			return false;
		}
		for (String n : networks) {
			int slash = n.indexOf('/');
			long base = bits(n.substring(0, slash));
			int prefix = Integer.parseInt(n.substring(slash + 1));
			long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
			if (base >= 0 && (a & mask) == (base & mask)) {
				return true;
			}
		}
		return false;
	}

	private static long bits(String ipv4) {
		// Numbers only, so that no name is ever looked up.
		if (ipv4 == null || !ipv4.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			return -1;
		}
		try {
			InetAddress i = InetAddress.getByName(ipv4);
			if (!(i instanceof Inet4Address)) {
				return -1;
			}
			byte[] b = i.getAddress();
			return (b[0] & 255L) << 24 | (b[1] & 255L) << 16 | (b[2] & 255L) << 8 | b[3] & 255L;
		} catch (IOException e) {
			return -1;
		}
	}
}
