package org.palisade.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;

/**
 * The initial parameter tree of a device (keys without {@code root.}), and which keys are read-only.
 * Group and parameter names follow the recorded listings of AXIS OS 11.11 and 12.9 devices
 * (vapix-notes.md section 1) and the model's {@link ModelProfile}; the thermal palette key
 * ({@code ImageSource.I0.Sensor.ThermalPalette}) is a plausible guess, unconfirmed.
 */
final class ParamDefaults {

	private ParamDefaults() {
	}

	/** Fills {@code params} and {@code readOnly} for the device; order is the listing order. */
	static void populate(DeviceDescriptor d, Map<String, String> params, Set<String> readOnly) {
		ModelProfile m = ModelProfile.of(d);
		String shortModel = d.model().replaceFirst("^AXIS\\s+", "");
		boolean speaker = d.kind() == DeviceKind.SPEAKER;
		put(params, readOnly, true, "Brand.Brand", "AXIS");
		put(params, readOnly, true, "Brand.ProdFullName", m.prodFullName);
		put(params, readOnly, true, "Brand.ProdNbr", shortModel);
		put(params, readOnly, true, "Brand.ProdShortName", d.model());
		put(params, readOnly, true, "Brand.ProdType", m.prodType);
		put(params, readOnly, true, "Brand.ProdVariant", m.prodVariant);
		// http on 11.x firmware, https from 12 (recorded on both).
		put(params, readOnly, true, "Brand.WebURL", webUrl(d.firmware()));
		properties(d, m, params, readOnly);
		// Recorded on seven devices: factory "no", "update" to yes answers OK.
		put(params, readOnly, false, "Network.SSH.Enabled", "no");
		// As Kane610/axis records it (M1065-LW): root.Network.eth0.MACAddress=AC:CC:12:34:56:78.
		put(params, readOnly, true, "Network.eth0.MACAddress", d.mac());
		NetworkParams.populate(d, params, readOnly);
		put(params, readOnly, true, "Input.NbrOfInputs", Integer.toString(d.ioPorts()));
		put(params, readOnly, true, "Output.NbrOfOutputs", Integer.toString(d.ioPorts()));
		for (int i = 0; i < d.ioPorts(); i++) {
			String p = "IOPort.I" + i + ".";
			boolean configurable = d.portsConfigurable();
			put(params, readOnly, true, p + "Configurable", configurable ? "yes" : "no");
			put(params, readOnly, false, p + "Direction", "input");
			put(params, readOnly, false, p + "Usage", "");
			put(params, readOnly, false, p + "Input.Name", "Port " + (i + 1));
			put(params, readOnly, false, p + "Input.Trig", "closed");
			if (!configurable) {
				// A port fixed as an input lists only the keys of its direction (recorded: the
				// P3245-LVE's I0; Kane610's fixture shows the same for a non-configurable input).
				continue;
			}
			put(params, readOnly, false, p + "Output.Name", "Port " + (i + 1));
			put(params, readOnly, false, p + "Output.Active", "closed");
			put(params, readOnly, false, p + "Output.Button", "none");
			put(params, readOnly, false, p + "Output.DelayTime", "1");
			put(params, readOnly, false, p + "Output.Mode", "bistable");
			put(params, readOnly, false, p + "Output.PulseTime", "0");
		}
		if (speaker) {
			put(params, readOnly, true, "MediaClip.MaxGroups", "10");
			for (int i = 0; i < d.clips().size(); i++) {
				String name = d.clips().get(i);
				String p = "MediaClip.M" + i + ".";
				put(params, readOnly, false, p + "Name", name);
				put(params, readOnly, true, p + "Location", "/etc/audioclips/" + slug(name) + ".au");
				put(params, readOnly, true, p + "Type", "audio");
			}
		} else if (m.resolutions != null) {
			put(params, readOnly, false, "Image.I0.Appearance.Compression", "30");
			put(params, readOnly, false, "Image.I0.Appearance.MirrorEnabled", "no");
			put(params, readOnly, false, "Image.I0.Appearance.Resolution", "768x576");
			put(params, readOnly, false, "Image.I0.Appearance.Rotation", "0");
			put(params, readOnly, false, "Image.I0.RateControl.MaxBitrate", "0");
			put(params, readOnly, false, "Image.I0.RateControl.Mode", "vbr");
			put(params, readOnly, false, "Image.I0.RateControl.Priority", "framerate");
			put(params, readOnly, false, "Image.I0.RateControl.TargetBitrate", "0");
			put(params, readOnly, false, "Image.I0.Stream.FPS", "0");
			put(params, readOnly, false, "ImageSource.I0.Sensor.ThermalPalette", "White-hot");
			// EIS and the SD card's clean-up (#17): names as AXIS OS lists them, unconfirmed.
			put(params, readOnly, false, "ImageSource.I0.Sensor.Stabilizer", "off");
			put(params, readOnly, false, "Storage.S0.CleanupLevel", "90");
			put(params, readOnly, false, "Storage.S0.CleanupMaxAge", "0");
			put(params, readOnly, false, "Storage.S0.CleanupPolicyActive", "fifo");
			put(params, readOnly, true, "Storage.S0.DiskID", "SD_DISK");
		}
	}

	/**
	 * The Properties group as AXIS OS 12.9 lists it (vapix-notes.md section 1: the D4200-VE and
	 * P3245-LVE listings; a thermal camera's full listing is not recorded, so the keys that do not
	 * depend on the model are taken from those devices).
	 */
	private static void properties(DeviceDescriptor d, ModelProfile m, Map<String, String> params, Set<String> ro) {
		boolean speaker = d.kind() == DeviceKind.SPEAKER;
		boolean v11 = d.firmware().startsWith("11.") || d.firmware().startsWith("10.");
		put(params, ro, true, "Properties.API.Browser.Language", "yes");
		put(params, ro, true, "Properties.API.Browser.RootPwdSetValue", "yes");
		put(params, ro, true, "Properties.API.Browser.UserGroup", "yes");
		put(params, ro, true, "Properties.API.HTTP.AdminPath", "/index.html");
		put(params, ro, true, "Properties.API.HTTP.Version", "3");
		put(params, ro, true, "Properties.API.Metadata.Metadata", "yes");
		put(params, ro, true, "Properties.API.Metadata.Version", "1.0");
		put(params, ro, true, "Properties.API.RTSP.RTSPAuth", "yes");
		put(params, ro, true, "Properties.API.RTSP.Version", "2.01");
		put(params, ro, true, "Properties.API.WebService.EntryService", "yes");
		put(params, ro, true, "Properties.API.WebService.WebService", "yes");
		put(params, ro, true, "Properties.API.WebService.ONVIF.ONVIF", "yes");
		put(params, ro, true, "Properties.API.WebService.ONVIF.Version", "23.06");
		put(params, ro, true, "Properties.ApiDiscovery.ApiDiscovery", "yes");
		if (m.api("mediaclip") != null) {
			put(params, ro, true, "Properties.AudioClip.Format", "au,mp3,opus,vorbis,wav");
			put(params, ro, true, "Properties.AudioClip.PlayOptions", "location,repeat,volume");
			put(params, ro, true, "Properties.AudioClip.StopClip", "yes");
		}
		put(params, ro, true, "Properties.EmbeddedDevelopment.EmbeddedDevelopment", "yes");
		put(params, ro, true, "Properties.EmbeddedDevelopment.Version", "2.18");
		put(params, ro, true, "Properties.EmbeddedDevelopment.RuleEngine.MultiConfiguration", "yes");
		put(params, ro, true, "Properties.Firmware.BuildDate", m.buildDate);
		put(params, ro, true, "Properties.Firmware.BuildNumber", "1");
		put(params, ro, true, "Properties.Firmware.Version", d.firmware());
		put(params, ro, true, "Properties.FirmwareManagement.Version", v11 ? "1.4" : "1.8");
		put(params, ro, true, "Properties.HTTPS.HTTPS", "yes");
		if (m.resolutions != null) {
			put(params, ro, true, "Properties.Image.Format", "jpeg,mjpeg,h264,h265");
			put(params, ro, true, "Properties.Image.NbrOfViews", "1");
			put(params, ro, true, "Properties.Image.Resolution", m.resolutions);
			put(params, ro, true, "Properties.Image.Rotation", "0,180");
			put(params, ro, true, "Properties.Image.I0.Resolution", m.resolutions);
		}
		put(params, ro, true, "Properties.IO.ManualTriggerNbr", "6");
		put(params, ro, true, "Properties.LocalStorage.LocalStorage", "yes");
		put(params, ro, true, "Properties.LocalStorage.SDCard", "yes");
		put(params, ro, true, "Properties.NetworkShare.CIFS", "yes");
		put(params, ro, true, "Properties.NetworkShare.NetworkShare", "yes");
		put(params, ro, true, "Properties.PackageManager.PackageManager", "yes");
		if (m.api("ptz-control") != null) {
			// The GuardTour and PTZ keys the P3245-LVE (digital PTZ, 11.11.192) lists, recorded;
			// DigitalPTZ=no for a mechanical PTZ such as the Q6075-E, which was not recorded.
			put(params, ro, true, "Properties.GuardTour.GuardTour", "yes");
			put(params, ro, true, "Properties.GuardTour.MaxGuardTours", "100");
			put(params, ro, true, "Properties.GuardTour.MinGuardTourWaitTime", "1");
			put(params, ro, true, "Properties.GuardTour.RecordedTour", "no");
			put(params, ro, true, "Properties.PTZ.DigitalPTZ", "no");
			put(params, ro, true, "Properties.PTZ.DriverManagement", "no");
			put(params, ro, true, "Properties.PTZ.DriverModeList", "none");
			put(params, ro, true, "Properties.PTZ.EmbeddedDrivers", "yes");
			put(params, ro, true, "Properties.PTZ.PTZ", "yes");
			put(params, ro, true, "Properties.PTZ.PTZOnQuadView", "no");
			put(params, ro, true, "Properties.PTZ.SelectableDriverMode", "no");
			// The autoreturn and home flag as the recorded P3245-LVE lists them (ReturnToOverview=0,
			// HomePresetSet=true; an M1065-LW in [K] has ReturnToOverview=30): seconds, 0 = off (#19).
			put(params, ro, true, "PTZ.Various.V1.HomePresetSet", "true");
			put(params, ro, false, "PTZ.Various.V1.ReturnToOverview", "0");
		}
		put(params, ro, true, "Properties.SupervisedIO.SupervisedIO", "yes");
		put(params, ro, true, "Properties.SupervisedIO.Version", "2.0");
		put(params, ro, true, "Properties.System.Architecture", m.architecture);
		put(params, ro, true, "Properties.System.HardwareID", m.hardwareId);
		put(params, ro, true, "Properties.System.Language", "");
		put(params, ro, true, "Properties.System.LanguageType", "");
		put(params, ro, true, "Properties.System.SerialNumber", d.serial());
		put(params, ro, true, "Properties.System.Soc", m.soc);
		put(params, ro, true, "Properties.VirtualInput.VirtualInput", "yes");
		if (speaker) {
			put(params, ro, true, "Properties.API.SpeakerTest.AutomaticTest", "yes");
			put(params, ro, true, "Properties.API.SpeakerTest.Version", "1.0");
		}
	}

	/** @return Brand.WebURL as the firmware line writes it */
	static String webUrl(String firmware) {
		return firmware.startsWith("11.") || firmware.startsWith("10.") ? "http://www.axis.com" : "https://www.axis.com";
	}

	/** Allowed values of enumerated parameters, by the key's suffix after {@code IOPort.I<n>.} etc. */
	static Set<String> allowedValues(String key) {
		Set<String> network = NetworkParams.allowedValues(key);
		if (network != null) {
			return network;
		}
		if (key.matches("IOPort\\.I\\d+\\.Direction")) {
			return Set.of("input", "output");
		}
		if (key.matches("IOPort\\.I\\d+\\.(Input\\.Trig|Output\\.Active)")) {
			return Set.of("open", "closed");
		}
		if (key.equals("Network.SSH.Enabled")) {
			return Set.of("yes", "no");
		}
		if (key.matches("IOPort\\.I\\d+\\.Output\\.Mode")) {
			return Set.of("bistable", "monostable");
		}
		if (key.equals("Image.I0.RateControl.Mode")) {
			return Set.of("vbr", "mbr", "abr", "cbr");
		}
		if (key.equals("Image.I0.Appearance.Resolution")) {
			return new TreeSet<>(Set.of(ModelProfile.THERMAL_RESOLUTIONS.split(",")));
		}
		if (key.equals("ImageSource.I0.Sensor.ThermalPalette")) {
			return Set.of("White-hot", "Black-hot", "Iron", "Rainbow", "Planck", "Nightvision");
		}
		return null;
	}

	/** @return whether the value must be a non-negative integer */
	static boolean isNumeric(String key) {
		return key.matches("IOPort\\.I\\d+\\.Output\\.(PulseTime|DelayTime)") || key.equals("PTZ.Various.V1.ReturnToOverview")
				|| key.matches("Image\\.I0\\.(RateControl\\.(MaxBitrate|TargetBitrate)|Stream\\.FPS|Appearance\\.(Compression|Rotation))");
	}

	private static void put(Map<String, String> params, Set<String> readOnly, boolean ro, String key, String value) {
		params.put(key, value);
		if (ro) {
			readOnly.add(key);
		}
	}

	private static String slug(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

	/** @return a fresh map type that keeps the listing order */
	static Map<String, String> newTree() {
		return new LinkedHashMap<>();
	}
}
