package org.palisade.generator.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.deploy.vapix.driver.DeviceObjects;
import org.palisade.model.site.BitrateMode;
import org.palisade.model.site.Device;
import org.palisade.model.site.Storage;
import org.palisade.model.site.StorageKind;
import org.palisade.model.site.Stream;

/**
 * The settings of the manual that are not rules (#17): the firmware a device runs, a stream
 * profile per stream of the design (bitrate control and palette are stream parameters), and the
 * SD card's retention.
 */
public final class DeviceSettings {

	private DeviceSettings() {
	}

	/** @return the firmware setting, when the design names a version */
	public static List<ManagedObject> firmware(Device d) {
		if (d.getFirmwareVersion() == null) {
			return List.of();
		}
		String file = null;
		if (d.getFirmwareFile() != null) {
			Path p = Path.of(d.getFirmwareFile());
			URI uri = d.eResource() == null ? null : d.eResource().getURI();
			if (!p.isAbsolute() && uri != null && uri.isFile()) {
				p = Path.of(uri.toFileString()).toAbsolutePath().getParent().resolve(p);
			}
			file = p.normalize().toString();
		}
		return List.of(ManagedObject.setting(Conventions.FIRMWARE, DeviceObjects.Firmware.KEY,
				new DeviceObjects.Firmware(d.getFirmwareVersion(), file).attributes()));
	}

	/**
	 * A stream's profile: resolution, frame rate, bitrate control (the Rate control API's stream
	 * options: {@code videobitratemode}, {@code videomaxbitrate} for MBR, {@code videoabrtargetbitrate},
	 * {@code videoabrretentiontime} and {@code videoabrmaxbitrate} for ABR) and, on a thermal camera,
	 * its stream palette (Thermal imaging API: a palette per stream).
	 */
	static ManagedObject streamProfile(Stream s, boolean thermal) {
		Map<String, String> q = new LinkedHashMap<>();
		if (s.getResolution() != null) {
			q.put("resolution", s.getResolution());
		}
		if (s.getFps() != null) {
			q.put("fps", s.getFps().toString());
		}
		if (s.getBitrateMode() != null) {
			q.put("videobitratemode", s.getBitrateMode().getLiteral());
			if (s.getBitrate() != null) {
				if (s.getBitrateMode() == BitrateMode.MBR) {
					q.put("videomaxbitrate", s.getBitrate().toString());
				} else if (s.getBitrateMode() == BitrateMode.ABR) {
					q.put("videoabrtargetbitrate", s.getBitrate().toString());
				}
			}
			if (s.getBitrateMode() == BitrateMode.ABR && s.getBitrateRetention() != null) {
				q.put("videoabrretentiontime", s.getBitrateRetention().toString());
			}
			if (s.getBitrateMode() == BitrateMode.ABR && s.getMaxBitrate() != null) {
				q.put("videoabrmaxbitrate", s.getMaxBitrate().toString());
			}
		}
		if (thermal && s.getPalette() != null) {
			q.put("palette", paletteName(s.getPalette().getLiteral()));
		}
		List<String> parts = new ArrayList<>();
		q.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
		String description = s.getAudience() == null ? "" : "for " + s.getAudience().getLiteral();
		return ManagedObject.item(Conventions.STREAM_PROFILE, s.getName(),
				new DeviceObjects.StreamProfile(description, String.join("&", parts)).attributes(), List.of());
	}

	/** @return the device's spelling of a palette: {@code white-hot} is {@code White-hot} */
	static String paletteName(String literal) {
		return Character.toUpperCase(literal.charAt(0)) + literal.substring(1);
	}

	/**
	 * An SD card's retention: recordings older than that many days are removed
	 * ({@code Storage.S0.CleanupMaxAge}, days; the policy by age). A network share is not set up yet.
	 */
	static List<ManagedObject> storage(Device d, List<String> notes) {
		Storage st = d.getStorage();
		if (st == null) {
			return List.of();
		}
		if (st.getKind() == StorageKind.NETWORK_SHARE) {
			// Added, tested and bound on the camera (#17 item 4, #19); its retention is the share's
			// S# group, known only once bound, and is not set yet.
			ManagedObject share = VmsObjects.share(d);
			if (st.getRetention() != null) {
				notes.add("storage network-share: the share's retention (" + st.getRetention()
						+ " days) is not set on the camera yet; set it on the share's host");
			}
			return share == null ? List.of() : List.of(share);
		}
		if (st.getRetention() == null) {
			return List.of();
		}
		return List.of(
				ManagedObject.setting(Conventions.PARAM, "Storage.S0.CleanupMaxAge",
						new DeviceObjects.Param(st.getRetention().toString()).attributes()),
				ManagedObject.setting(Conventions.PARAM, "Storage.S0.CleanupPolicyActive",
						new DeviceObjects.Param("age").attributes()));
	}
}
