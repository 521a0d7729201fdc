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
 * Group and parameter names follow vapix.md §1 and the recorded trees of Kane610/axis; the thermal
 * palette key ({@code ImageSource.I0.Sensor.ThermalPalette}) is a plausible guess, unconfirmed.
 */
final class ParamDefaults {

	private ParamDefaults() {
	}

	/** Fills {@code params} and {@code readOnly} for the device; order is the listing order. */
	static void populate(DeviceDescriptor d, Map<String, String> params, Set<String> readOnly) {
		String shortModel = d.model().replaceFirst("^AXIS\\s+", "");
		boolean speaker = d.kind() == DeviceKind.SPEAKER;
		put(params, readOnly, true, "Brand.Brand", "AXIS");
		put(params, readOnly, true, "Brand.ProdFullName",
				d.model() + (speaker ? " Network Horn Speaker" : " Thermal Network Camera"));
		put(params, readOnly, true, "Brand.ProdNbr", shortModel);
		put(params, readOnly, true, "Brand.ProdShortName", d.model());
		put(params, readOnly, true, "Brand.ProdType", speaker ? "Network Horn Speaker" : "Thermal Network Camera");
		put(params, readOnly, true, "Brand.WebURL", "http://www.axis.com");

		put(params, readOnly, true, "Properties.API.HTTP.Version", "3");
		put(params, readOnly, true, "Properties.Firmware.Version", d.firmware());
		put(params, readOnly, true, "Properties.System.Architecture", "aarch64");
		put(params, readOnly, true, "Properties.System.SerialNumber", d.serial());
		put(params, readOnly, true, "Properties.System.Soc", speaker ? "Axis Artpec-7" : "Axis Artpec-8");
		if (!speaker) {
			put(params, readOnly, true, "Properties.Image.Format", "jpeg,mjpeg,h264,h265");
			put(params, readOnly, true, "Properties.Image.Resolution", "768x576,640x480,384x288,320x240");
		}
		put(params, readOnly, true, "Input.NbrOfInputs", Integer.toString(d.ioPorts()));
		put(params, readOnly, true, "Output.NbrOfOutputs", Integer.toString(d.ioPorts()));
		for (int i = 0; i < d.ioPorts(); i++) {
			String p = "IOPort.I" + i + ".";
			put(params, readOnly, true, p + "Configurable", d.portsConfigurable() ? "yes" : "no");
			put(params, readOnly, false, p + "Direction", "input");
			put(params, readOnly, false, p + "Usage", "");
			put(params, readOnly, false, p + "Input.Name", "Port " + (i + 1));
			put(params, readOnly, false, p + "Input.Trig", "closed");
			put(params, readOnly, false, p + "Output.Name", "Port " + (i + 1));
			put(params, readOnly, false, p + "Output.Active", "closed");
			put(params, readOnly, false, p + "Output.Button", "none");
			put(params, readOnly, false, p + "Output.DelayTime", "0");
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
		} else {
			put(params, readOnly, false, "Image.I0.Appearance.Compression", "30");
			put(params, readOnly, false, "Image.I0.Appearance.Mirror", "no");
			put(params, readOnly, false, "Image.I0.Appearance.Resolution", "768x576");
			put(params, readOnly, false, "Image.I0.Appearance.Rotation", "0");
			put(params, readOnly, false, "Image.I0.RateControl.MaxBitrate", "0");
			put(params, readOnly, false, "Image.I0.RateControl.Mode", "vbr");
			put(params, readOnly, false, "Image.I0.RateControl.Priority", "framerate");
			put(params, readOnly, false, "Image.I0.RateControl.TargetBitrate", "0");
			put(params, readOnly, false, "Image.I0.Stream.FPS", "0");
			put(params, readOnly, false, "ImageSource.I0.Sensor.ThermalPalette", "White-hot");
		}
	}

	/** Allowed values of enumerated parameters, by the key's suffix after {@code IOPort.I<n>.} etc. */
	static Set<String> allowedValues(String key) {
		if (key.matches("IOPort\\.I\\d+\\.Direction")) {
			return Set.of("input", "output");
		}
		if (key.matches("IOPort\\.I\\d+\\.(Input\\.Trig|Output\\.Active)")) {
			return Set.of("open", "closed");
		}
		if (key.matches("IOPort\\.I\\d+\\.Output\\.Mode")) {
			return Set.of("bistable", "monostable");
		}
		if (key.equals("Image.I0.RateControl.Mode")) {
			return Set.of("vbr", "mbr", "abr", "cbr");
		}
		if (key.equals("Image.I0.Appearance.Resolution")) {
			return new TreeSet<>(Set.of("768x576", "640x480", "384x288", "320x240"));
		}
		if (key.equals("ImageSource.I0.Sensor.ThermalPalette")) {
			return Set.of("White-hot", "Black-hot", "Iron", "Rainbow", "Planck", "Nightvision");
		}
		return null;
	}

	/** @return whether the value must be a non-negative integer */
	static boolean isNumeric(String key) {
		return key.matches("IOPort\\.I\\d+\\.Output\\.(PulseTime|DelayTime)")
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
