package org.palisade.generator.internal;

import java.util.ArrayList;
import java.util.List;

import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.driver.CommissionSecurity;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.deploy.vapix.driver.DeviceObjects;
import org.palisade.model.site.Device;

/**
 * The design's HTTPS policy as device settings (#17): commissioning sets "HTTPS only", and as
 * parameters here plan shows a device that accepts plain HTTP again as drift and verify reads it
 * back, like any other setting. The certificate is commissioning's alone (its key is never in a
 * generated file).
 */
public final class DeviceSecurity {

	private DeviceSecurity() {
	}

	/** @return {@code System.BoaGroupPolicy.<group>=https} for every group when the design asks for HTTPS only */
	public static List<ManagedObject> settings(Device d) {
		List<ManagedObject> out = new ArrayList<>();
		if (d.isHttpsOnly()) {
			CommissionSecurity.httpsOnly().forEach((k, v) -> out
					.add(ManagedObject.setting(Conventions.PARAM, k, new DeviceObjects.Param(v).attributes())));
		}
		return out;
	}

	/** @return the settings of a device that only gets its firmware and security from the generator (a speaker) */
	public static List<ManagedObject> withFirmware(Device d) {
		List<ManagedObject> out = new ArrayList<>(DeviceSettings.firmware(d));
		out.addAll(settings(d));
		return out;
	}
}
