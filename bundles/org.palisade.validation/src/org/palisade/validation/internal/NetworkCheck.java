package org.palisade.validation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Network;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Section;
import org.palisade.model.site.Site;
import org.palisade.model.site.SitePackage;
import org.palisade.model.util.SiteMembers;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;
import org.palisade.validation.internal.Ipv4.Cidr;

/**
 * Addresses and names across a whole site (the site file and its areas).
 */
public final class NetworkCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	private NetworkCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		List<Network> networks = site.site() == null ? List.of() : site.site().getNetworks();
		if (section instanceof Site s) {
			for (Network n : s.getNetworks()) {
				checkNetwork(n, findings);
			}
		}
		Map<Long, List<Device>> byAddress = new HashMap<>();
		Map<Network, Optional<Cidr>> cidrs = new IdentityHashMap<>();
		for (Device d : site.devices()) {
			long a = Ipv4.parse(d.getAddress());
			if (a >= 0) {
				byAddress.computeIfAbsent(a, k -> new ArrayList<>(1)).add(d);
			}
		}
		for (Device d : section.getDevices()) {
			// Where a factory-new device answers: commissioning sends its first password there.
			if (d.getCommissionAddress() != null && Ipv4.parse(d.getCommissionAddress()) < 0) {
				findings.error(Codes.NET_ADDRESS, d, P.getDevice_CommissionAddress(), "commission from "
						+ d.getCommissionAddress() + ": not an IPv4 address (four numbers 0-255)");
			}
			if (d.getAddress() == null) {
				continue;
			}
			long address = Ipv4.parse(d.getAddress());
			if (address < 0) {
				if (d.getAddress().matches("[0-9.]+")) {
					findings.error(Codes.NET_ADDRESS, d, P.getDevice_Address(), d.getAddress()
							+ " is not an IPv4 address (four numbers 0-255)");
				}
				continue;
			}
			List<Device> same = byAddress.get(address);
			if (same != null && same.size() > 1) {
				List<String> others = same.stream().filter(o -> o != d).map(Device::getName).toList();
				findings.error(Codes.NET_DUP_IP, d, P.getDevice_Address(), d.getName() + " and " + String.join(", ", others)
						+ " share the address " + d.getAddress() + "; give each device its own");
			}
			checkSubnet(d, address, networks, cidrs, findings);
			DeviceType type = Devices.type(d);
			if (type != null && d.getAddress().equals(type.getFactoryAddress())) {
				findings.warning(Codes.NET_FACTORY_IP, d, P.getDevice_Address(), d.getName() + " is left on the factory "
						+ "address " + d.getAddress() + ", which every new or reset device takes; assign it an address of its own");
			}
		}
		checkNames(section, site, findings);
	}

	private static void checkNetwork(Network n, Findings findings) {
		Cidr cidr = Cidr.parse(n.getSubnet());
		if (cidr == null) {
			findings.error(Codes.NET_ADDRESS, n, P.getNetwork_Subnet(), n.getSubnet()
					+ " is not a network (address/prefix, prefix 0-32)");
			return;
		}
		if (cidr.hasHostBits()) {
			findings.error(Codes.NET_ADDRESS, n, P.getNetwork_Subnet(), n.getSubnet() + " has host bits set; the network "
					+ "of that prefix starts at " + format(cidr.base() & cidr.mask()));
		}
		if (n.getGateway() != null) {
			long gw = Ipv4.parse(n.getGateway());
			if (gw < 0) {
				findings.error(Codes.NET_ADDRESS, n, P.getNetwork_Gateway(), n.getGateway() + " is not an IPv4 address");
			} else if (!cidr.contains(gw)) {
				findings.error(Codes.NET_SUBNET, n, P.getNetwork_Gateway(), "gateway " + n.getGateway() + " is outside "
						+ n.getSubnet());
			}
		}
	}

	private static void checkSubnet(Device d, long address, List<Network> networks, Map<Network, Optional<Cidr>> cidrs,
			Findings findings) {
		Network attached = d.getNetwork() == null || d.getNetwork().eIsProxy() ? null : d.getNetwork();
		if (attached != null) {
			Cidr cidr = cidrs.computeIfAbsent(attached, n -> Optional.ofNullable(Cidr.parse(n.getSubnet()))).orElse(null);
			if (cidr != null && !cidr.contains(address)) {
				findings.error(Codes.NET_SUBNET, d, P.getDevice_Address(), d.getName() + " at " + d.getAddress()
						+ " is outside network " + attached.getName() + " (" + attached.getSubnet() + ")");
			}
			return;
		}
		if (networks.isEmpty()) {
			return;
		}
		for (Network n : networks) {
			Cidr cidr = Cidr.parse(n.getSubnet());
			if (cidr != null && cidr.contains(address)) {
				return;
			}
		}
		findings.error(Codes.NET_SUBNET, d, P.getDevice_Address(), d.getName() + " at " + d.getAddress()
				+ " is outside every network of the site ("
				+ String.join(", ", networks.stream().map(Network::getSubnet).toList()) + ")");
	}

	private static void checkNames(Section section, SiteContext site, Findings findings) {
		Map<String, EObject> first = new HashMap<>();
		List<EObject> all = new ArrayList<>();
		if (site.site() != null) {
			all.addAll(site.site().getNetworks());
		}
		for (Section s : site.sections()) {
			all.addAll(s.getSchedules());
			all.addAll(s.getRecipients());
			all.addAll(s.getDevices());
		}
		for (EObject o : all) {
			String name = SiteMembers.name(o);
			if (name == null) {
				continue;
			}
			EObject earlier = first.putIfAbsent(name, o);
			// Reported on the later declaration, in the file that holds it.
			if (earlier != null && o.eContainer() == section) {
				findings.error(Codes.NAME_DUPLICATE, o, o instanceof Device ? P.getDevice_Name() : null,
						"the site already has " + kind(earlier) + " named " + name
								+ "; names identify devices, schedules and recipients in rules and wiring");
			}
		}
	}

	private static String kind(EObject o) {
		return o instanceof Device ? "a device" : o instanceof Schedule ? "a schedule" : o instanceof Recipient ? "a recipient" : "a network";
	}

	private static String format(long a) {
		return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
	}
}
