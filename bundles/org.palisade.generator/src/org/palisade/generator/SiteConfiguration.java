package org.palisade.generator;

import java.util.List;

/**
 * Everything generated for a site: one configuration per networked device, in design order.
 *
 * @param site     the site's name
 * @param timezone the site's IANA zone (schedules are written in its local time)
 * @param devices  cameras, then speakers, as declared
 */
public record SiteConfiguration(String site, String timezone, List<DeviceConfiguration> devices) {

	public SiteConfiguration {
		devices = List.copyOf(devices);
	}

	/** @return the device of this name, or {@code null} */
	public DeviceConfiguration device(String name) {
		return devices.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
	}
}
