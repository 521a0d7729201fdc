package org.palisade.generator;

import java.util.ArrayList;
import java.util.List;

import org.palisade.diagram.WiringDiagrams;
import org.palisade.generator.internal.CameraObjects;
import org.palisade.generator.internal.WiringSheets;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceRole;
import org.palisade.model.site.Site;
import org.palisade.validation.SiteContext;

/**
 * From a valid site, the desired configuration of every networked device: cameras get their I/O
 * ports, stream and image parameters, scheduled events, recipients, action configurations and
 * action rules, plus a wiring sheet; speakers get nothing written (they are the targets of
 * recipients) but are listed so that they can be checked and simulated; door controllers get their
 * doors, I/O ports and rules.
 * <p>
 * Precondition: the site passed validation without errors (references resolved, ports exist).
 * The result holds no secret: credentials appear only as references and placeholders.
 * Deterministic: the same design gives equal results.
 */
public final class SiteGenerator {

	private boolean drawings = true;

	/**
	 * Whether wiring sheets carry the camera's drawing (SVG, laid out by ELK): the installer's
	 * sheet does; plan, deploy and rehearsal never show it and leave it out (#16: a few
	 * milliseconds of layout per camera add up to seconds on a large site).
	 */
	public SiteGenerator drawings(boolean value) {
		this.drawings = value;
		return this;
	}

	public SiteConfiguration generate(Site site) {
		List<DeviceConfiguration> devices = new ArrayList<>();
		// The drawings mark the design rules' findings: the design is checked once, not once per
		// camera (which made generating a 1,000-camera site take 39 s).
		List<org.palisade.validation.Finding> findings = null;
		for (Device d : SiteContext.of(site).devices()) {
			if (d.getRole() == DeviceRole.CAMERA) {
				if (drawings && findings == null && !d.getWires().isEmpty()) {
					findings = WiringDiagrams.findings(d);
				}
				CameraObjects objects = new CameraObjects(d, site.getTimezone()).build();
				List<String> notes = new ArrayList<>(objects.notes());
				devices.add(new DeviceConfiguration(d.getName(), "camera", model(d), d.getAddress(), d.getSerial(), d.getMac(),
						d.getCredentials(),
						objects.objects(), d.getWires().isEmpty() ? null : WiringSheets.of(d, drawings, findings), notes));
			}
		}
		for (Device d : SiteContext.of(site).devices()) {
			// A door controller (#19) holds its doors and its own action rules (door alarms to the
			// horn and to a beacon on its AUX I/O), configured as a camera's are.
			if (d.getRole() == DeviceRole.CONTROLLER && d.getAddress() != null) {
				CameraObjects objects = new CameraObjects(d, site.getTimezone()).build();
				devices.add(new DeviceConfiguration(d.getName(), "controller", model(d), d.getAddress(), d.getSerial(),
						d.getMac(), d.getCredentials(), objects.objects(), null, objects.notes()));
			}
		}
		for (Device d : SiteContext.of(site).devices()) {
			if (d.getRole() == DeviceRole.SPEAKER) {
				devices.add(new DeviceConfiguration(d.getName(), "speaker", model(d), d.getAddress(), d.getSerial(), d.getMac(),
						d.getCredentials(),
						org.palisade.generator.internal.DeviceSecurity.withFirmware(d), null, List.of()));
			}
		}
		return new SiteConfiguration(site.getName(), site.getTimezone(), devices);
	}

	private static String model(Device d) {
		return d.getType() == null ? null : d.getType().getName();
	}
}
