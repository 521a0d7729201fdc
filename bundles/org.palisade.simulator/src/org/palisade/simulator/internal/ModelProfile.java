package org.palisade.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;

/**
 * What firmware reports about one catalog model: identity strings, the Properties group's
 * per-model values and the API list of API discovery. Facts and their sources are in
 * {@code bundles/org.palisade.deploy.vapix/doc/vapix-notes.md} (sections 1 and 2): the AXIS Q1961-TE
 * values were recorded from a Q1961-TE on AXIS OS 12.9.57 (rs4acap cassettes
 * {@code api_discovery_1_get_api_list/0440ab6696ba80b1}, {@code basic_device_info_get_all_properties/b346e2e6a5f246e8},
 * {@code parameter_management_list_image_resolution/*}); the speaker follows the recorded AXIS D4200-VE
 * (a network speaker on 12.9.57) and the PTZ camera the recorded AXIS M1075-L (ptz-control), since the
 * C1310-E and Q6075-E themselves were not recorded. The AXIS A1601 door controller, not recorded
 * either, gets the speaker's list without audio (a guess). Unknown models get the kind's profile.
 */
final class ModelProfile {

	/** One API discovery item; {@code status} {@code null} = no status member (as packagemanager). */
	record Api(String id, String version, String name, String status) {
	}

	final String prodFullName;
	final String prodType;
	final String prodVariant;
	final String hardwareId;
	final String architecture;
	final String soc;
	final String buildDate;
	/** {@code Properties.Image.Resolution}, or {@code null} for a device without video. */
	final String resolutions;
	final List<Api> apis;

	private ModelProfile(String prodFullName, String prodType, String prodVariant, String hardwareId,
			String architecture, String soc, String buildDate, String resolutions, List<Api> apis) {
		this.prodFullName = prodFullName;
		this.prodType = prodType;
		this.prodVariant = prodVariant;
		this.hardwareId = hardwareId;
		this.architecture = architecture;
		this.soc = soc;
		this.buildDate = buildDate;
		this.resolutions = resolutions;
		this.apis = apis;
	}

	/** The 12 resolutions the Q1961-TE (12.9.57) and Q1951-E (11.11.192) both listed. */
	static final String THERMAL_RESOLUTIONS = "768x576,720x576,640x512,640x480,480x360,384x288,320x256,320x240,"
			+ "240x180,176x144,160x128,160x120";

	/**
	 * API discovery of the Q1961-TE on 12.9.57, in the device's order (id, version, name, status; "-"
	 * for an item without status). privacy-mask is listed twice, as the device does.
	 */
	private static final String Q1961_APIS = """
			ssh 1.0 SSH|recording 1.0 Edge Recording|feature-flag 1.0 Feature Flag API|disk-management 1.0 Edge storage Disk management|\
			customhttpheader 1.1 Custom HTTP header|audio-analytics 1.0 Audio Analytics|recording-group 1.0 Edge Recording group|\
			recording-storage-limit 1.0 Edge Recording storage limit|remoteservice 1.1 Remote service|\
			io-port-management 1.1 IO Port Management|systemready 1.4 Systemready|overlayimage 1.0 Overlay image API|\
			mdnssd 1.1 mDNS-SD|oak 1.0 OAK|thermometry 1.3 Thermometry|custom-firmware-certificate 1.0 Custom Firmware Certificate|\
			time-service 1.1 Time API|onscreencontrols 1.6 On-Screen Controls|device-config 1.0 Device Config API|\
			device-self-test 1.0 Device Self Test|remote-syslog 1.2 Remote Syslog API|dynamicoverlay 1.8 Dynamic Overlay|\
			supervised-io 2.0 Supervised IO|temperaturecontrol 1.0 Temperature Control|audit-log 1.0 Audit Log API|\
			capture-mode 1.0 Capture Mode|disk-properties 1.1 Edge storage Disk properties|recording-export 1.3 Export edge recording|\
			stream-profiles 1.0 Stream Profiles|image-size 1.0 Image Size|media-cgi 1.0 Media stream over HTTP|\
			event-mqtt-bridge 1.2 Event-MQTT Bridge API|audio-device-control 1.0 Audio Device Control|orientation 1.0 Orientation|\
			rtsp-over-websocket 1.0 RTSP Streaming over WebSocket|mediaclip 1.0 Mediaclip|param-cgi 1.0 Legacy Parameter Handling|\
			image-stabilization 1.1 Image Stabilization|streamstatus 1.0 Stream Status CGI|fwmgr 1.8 Firmware Management|\
			application 1.0 Application|user-management 1.2 User Management|disk-network-share 1.0 Edge storage Network share|\
			upnp 1.1 UPnP|analytics-metadata-config 1.0 Analytics Metadata Producer Configuration API|\
			audio-streaming-capabilities 1.0 Audio Streaming Capabilities|api-discovery 1.1 API Discovery Service|\
			mqtt-client 1.6 MQTT Client API|signed-video 1.0 Signed Video|shockdetection 1.0 Shock Detection|\
			event-streaming-over-websocket 1.0 Event Streaming over WebSocket|network-speaker-pairing 1.4 Network Speaker Pairing|\
			network-settings 1.37 Network Settings|audio-mixer 1.0 Audio Mixer|privacy-mask 2.4 Privacy Masking|\
			packagemanager 1.4 Package Manager -|optics-control 1.2 Optics Control|privacy-mask 3.0 Privacy Masking|ntp 1.5 NTP|\
			zipstream 1.0 ZipStream|video-streaming-indicator 1.1 Video Streaming Indicator|basic-device-info 1.3 Basic Device Information|\
			shuttergain-cgi 2.0 Shuttergain CGI|widget-overlay 1.0 Widget Overlay""";

	/** The D4200-VE's list on 12.9.57 without siren-and-light (a horn speaker has no strobe). */
	private static final String SPEAKER_APIS = """
			streamstatus 1.0 Stream Status CGI|systemready 1.4 Systemready|power-settings 1.8 Power Settings|\
			recording-storage-limit 1.0 Edge Recording storage limit|findmydevice 1.1 FindMyDevice|\
			rtsp-over-websocket 1.0 RTSP Streaming over WebSocket|ssh 1.0 SSH|audio-mixer 1.0 Audio Mixer|\
			customhttpheader 1.1 Custom HTTP header|event-streaming-over-websocket 1.0 Event Streaming over WebSocket|\
			application 1.0 Application|recording-export 1.3 Export edge recording|stream-profiles 1.0 Stream Profiles|\
			mediaclip 1.0 Mediaclip|mdnssd 1.1 mDNS-SD|disk-management 1.0 Edge storage Disk management|oak 1.0 OAK|\
			feature-flag 1.0 Feature Flag API|api-discovery 1.1 API Discovery Service|upnp 1.1 UPnP|\
			io-port-management 1.1 IO Port Management|mqtt-client 1.6 MQTT Client API|temperaturecontrol 1.0 Temperature Control|\
			custom-firmware-certificate 1.0 Custom Firmware Certificate|sip 2.2 Call service API|\
			disk-properties 1.1 Edge storage Disk properties|audio-analytics 1.0 Audio Analytics|recording 1.0 Edge Recording|\
			media-cgi 1.0 Media stream over HTTP|speakertest 1.0 Auto Speaker Test|packagemanager 1.4 Package Manager -|\
			network-settings 1.37 Network Settings|time-service 1.1 Time API|supervised-io 2.0 Supervised IO|\
			user-management 1.2 User Management|device-config 1.0 Device Config API|fwmgr 1.8 Firmware Management|\
			audit-log 1.0 Audit Log API|disk-network-share 1.0 Edge storage Network share|device-self-test 1.0 Device Self Test|\
			event-mqtt-bridge 1.2 Event-MQTT Bridge API|audio-device-control 1.0 Audio Device Control|\
			basic-device-info 1.3 Basic Device Information|audio-streaming-capabilities 1.0 Audio Streaming Capabilities|\
			ntp 1.5 NTP|recording-group 1.0 Edge Recording group|onscreencontrols 1.6 On-Screen Controls|\
			param-cgi 1.0 Legacy Parameter Handling|remoteservice 1.1 Remote service|remote-syslog 1.2 Remote Syslog API""";

	/** The M1075-L's PTZ-related items on 12.9.57, added to the camera list for a PTZ model. */
	private static final String PTZ_APIS = "ptz-control 2.1 PTZ Control|guard-tour 1.1 Guard Tour";

	/** @return the profile of the descriptor's model */
	static ModelProfile of(DeviceDescriptor d) {
		String model = d.model();
		String nbr = model.replaceFirst("^AXIS\\s+", "");
		String lower = model.toLowerCase(Locale.ROOT);
		if (d.kind() == DeviceKind.SPEAKER) {
			if (lower.contains("d4200")) {
				// As recorded (12.9.57), with its strobe's siren-and-light API.
				List<Api> list = new ArrayList<>(apis(SPEAKER_APIS));
				list.add(new Api("siren-and-light", "1.0", "Siren and Light", "official"));
				return new ModelProfile(model + " Network Strobe Speaker", "Network Strobe Speaker", "", "9CF", "aarch64",
						"i.MX8MN", "Feb 20 2026 18:19", null, List.copyOf(list));
			}
			return new ModelProfile(model + " Network Horn Speaker", "Network Horn Speaker", "", "9CF", "aarch64",
					"i.MX8MN", "Feb 20 2026 18:19", null, apis(SPEAKER_APIS));
		}
		if (lower.contains("a1601")) {
			// Not recorded: the speaker's AXIS OS 12.9 list without its audio and SIP APIs, no video
			// (by analogy; a door controller's own APIs, e.g. access control, are not listed).
			List<Api> list = new ArrayList<>(apis(SPEAKER_APIS));
			list.removeIf(a -> a.id().startsWith("audio") || Set.of("mediaclip", "speakertest", "sip").contains(a.id()));
			return new ModelProfile(model + " Network Door Controller", "Network Door Controller", "", "7E8", "aarch64",
					"Axis Artpec-7", "Feb 20 2026 18:19", null, List.copyOf(list));
		}
		if (lower.contains("q6075") || lower.contains("ptz")) {
			List<Api> list = new ArrayList<>(apis(Q1961_APIS));
			list.removeIf(a -> a.id().equals("thermometry") || a.id().equals("shuttergain-cgi"));
			list.addAll(apis(PTZ_APIS));
			return new ModelProfile(model + " PTZ Network Camera", "PTZ Network Camera", "50Hz", "7A2", "aarch64",
					"Axis Artpec-8", "Feb 20 2026 18:29",
					"1920x1080,1280x720,1024x576,800x450,640x360,480x270,320x180,160x90", List.copyOf(list));
		}
		// The Q1961-TE as recorded; a PT Mount variant is the same camera.
		String variant = nbr.startsWith("Q1961-TE") ? "13mm" : "";
		return new ModelProfile(model + " Thermal Camera", "Thermal Camera", variant, "947.2", "aarch64",
				"Axis Artpec-8", "Feb 20 2026 18:29", THERMAL_RESOLUTIONS, apis(Q1961_APIS));
	}

	/** @return the API with that id (the highest version when listed twice), or {@code null} */
	Api api(String id) {
		Api found = null;
		for (Api a : apis) {
			if (a.id().equals(id)) {
				found = a;
			}
		}
		return found;
	}

	private static List<Api> apis(String spec) {
		List<Api> out = new ArrayList<>();
		for (String item : spec.split("\\|")) {
			String s = item.strip();
			String[] head = s.split(" ", 3);
			String name = head[2];
			String status = "official";
			if (name.endsWith(" -")) {
				name = name.substring(0, name.length() - 2);
				status = null;
			}
			out.add(new Api(head[0], head[1], name, status));
		}
		return List.copyOf(out);
	}
}
