package org.palisade.validation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.model.site.AlertAction;
import org.palisade.model.site.BitrateMode;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceKind;
import org.palisade.model.site.DeviceRole;
import org.palisade.model.site.EventReceiver;
import org.palisade.model.site.Network;
import org.palisade.model.site.ReceiverProtocol;
import org.palisade.model.site.RecordAction;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Section;
import org.palisade.model.site.Site;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.Storage;
import org.palisade.model.site.Stream;
import org.palisade.model.site.VmsRecording;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SecretPatterns;
import org.palisade.validation.SiteContext;

/**
 * The surveillance center (issue #19, item 3): the site's VMS as a recipient of the cameras' alerts,
 * recording on alarm to the camera's SD card or network share, and the video that crosses the links
 * between the site's networks. Figures and sources: catalog doc surveillance-center.md.
 */
public final class VmsCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;
	/** Event and action services: a notification's message over 255 characters loses its parameters. */
	public static final int MESSAGE_MAX = 255;
	/**
	 * The share of an uplink video may take (a proposal, not a documented figure: it leaves room for
	 * bursts above an MBR cap's average, playback and control traffic).
	 */
	public static final int UPLINK_PERCENT = 75;

	private VmsCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		for (Device d : section.getDevices()) {
			boolean vms = isVms(d);
			if (!vms && d.getReceiver() != null) {
				findings.error(Codes.VMS_RECEIVER, d.getReceiver(), P.getEventReceiver_Protocol(), d.getName()
						+ " is " + model(d) + ": only a vms receives alerts");
			}
			if (d.getReceiver() != null && (d.getReceiver().getPort() < 1 || d.getReceiver().getPort() > 65535)) {
				findings.error(Codes.VMS_RECEIVER, d.getReceiver(), P.getEventReceiver_Port(), d.getName() + " receives on port "
						+ d.getReceiver().getPort() + ", outside 1..65535");
			}
			if (vms && d.getReceiver() != null && d.getReceiver().getProtocol() != ReceiverProtocol.TCP
					&& d.getCredentials() == null) {
				findings.error(Codes.VMS_CREDENTIALS, d.getReceiver(), P.getEventReceiver_Protocol(), d.getName()
						+ " receives " + d.getReceiver().getProtocol().getLiteral() + " with no credentials reference: the cameras log "
						+ "in to it with an account of " + d.getName() + "; give it credentials \"<key>\"");
			}
			for (VmsRecording r : d.getRecordings()) {
				recording(d, vms, r, findings);
			}
			for (Rule r : d.getRules()) {
				if (r.getAction() instanceof AlertAction a) {
					alert(d, a, findings);
				} else if (r.getAction() instanceof RecordAction a) {
					record(d, a, findings);
				}
			}
		}
		if (section instanceof Site) {
			bandwidth(site, findings);
		}
	}

	static boolean isVms(Device d) {
		return d.getRole() == DeviceRole.VMS || d.getType() != null && !d.getType().eIsProxy()
				&& d.getType().getKind() == DeviceKind.VMS;
	}

	private static void recording(Device vms, boolean isVms, VmsRecording r, Findings findings) {
		if (!isVms) {
			findings.error(Codes.REC_TARGET, r, P.getVmsRecording_Camera(), vms.getName() + " is " + model(vms)
					+ ": only a vms records a camera's stream");
			return;
		}
		Device cam = r.getCamera();
		if (cam == null || cam.eIsProxy()) {
			return;
		}
		if (stream(cam, r.getStream()) == null) {
			findings.error(Codes.REC_TARGET, r, P.getVmsRecording_Stream(), vms.getName() + " records stream " + shown(r.getStream())
					+ " of " + cam.getName() + ", which has " + streams(cam));
		}
	}

	private static void alert(Device from, AlertAction a, Findings findings) {
		Device vms = a.getVms();
		if (vms == null || vms.eIsProxy()) {
			return;
		}
		if (!isVms(vms)) {
			findings.error(Codes.VMS_RECEIVER, a, P.getAlertAction_Vms(), "alert " + vms.getName() + ", which is " + model(vms)
					+ ", not a vms; alerts go to the site's vms");
			return;
		}
		EventReceiver rx = vms.getReceiver();
		if (rx == null) {
			findings.error(Codes.VMS_RECEIVER, a, P.getAlertAction_Vms(), "alert " + vms.getName() + ", which declares no "
					+ "'receives': write receives tcp 1234 (generic events) or receives https 443 path \"/...\"");
		}
		if (a.getMessage() != null && a.getMessage().length() > MESSAGE_MAX) {
			findings.warning(Codes.VMS_MESSAGE, a, P.getAlertAction_Message(), "the alert's message has "
					+ a.getMessage().length() + " characters; a notification's message over " + MESSAGE_MAX
					+ " loses its other parameters on the camera");
		}
		if (vms.getAddress() == null) {
			findings.error(Codes.VMS_UNREACHABLE, a, P.getAlertAction_Vms(), "alert " + vms.getName()
					+ ", which has no address: " + from.getName() + " cannot reach it");
			return;
		}
		Network n1 = net(from);
		Network n2 = net(vms);
		if (n1 != null && n2 != null && n1 != n2 && (n1.getGateway() == null || n2.getGateway() == null)) {
			Network isolated = n1.getGateway() == null ? n1 : n2;
			findings.error(Codes.VMS_UNREACHABLE, a, P.getAlertAction_Vms(), "alert " + vms.getName() + " at "
					+ vms.getAddress() + " on " + n2.getName() + " " + n2.getSubnet() + " from " + from.getName() + " at "
					+ from.getAddress() + " on " + n1.getName() + " " + n1.getSubnet() + ", and network " + isolated.getName()
					+ " has no gateway");
		}
		if (rx != null && rx.getProtocol() == ReceiverProtocol.HTTP && vms.getCredentials() != null) {
			findings.warning(Codes.SEC_HTTP_CREDENTIALS, a, P.getAlertAction_Vms(), "alert " + vms.getName()
					+ " over plain HTTP with " + vms.getName() + "'s credentials; have it receive https");
		}
	}

	private static void record(Device cam, RecordAction a, Findings findings) {
		if (stream(cam, a.getStream()) == null) {
			findings.error(Codes.REC_TARGET, a, P.getRecordAction_Stream(), "record stream " + shown(a.getStream()) + ", which "
					+ cam.getName() + " does not have (it has " + streams(cam) + ")");
		}
		Storage st = cam.getStorage();
		if (st == null || st.getKind() != a.getTarget()) {
			findings.error(Codes.REC_TARGET, a, P.getRecordAction_Target(), "record to " + a.getTarget().getLiteral() + ", but "
					+ cam.getName() + (st == null ? " declares no storage" : "'s storage is " + st.getKind().getLiteral())
					+ "; write storage " + a.getTarget().getLiteral() + " SIZE GB on " + cam.getName());
		}
	}

	/** @return the stream's worst-case rate in kbit/s: an ABR maximum, else the design figure */
	static long kbps(Stream s) {
		if (s == null) {
			return 0;
		}
		if (s.getBitrateMode() == BitrateMode.ABR && s.getMaxBitrate() != null) {
			return s.getMaxBitrate();
		}
		return s.getBitrate() == null ? 0 : s.getBitrate();
	}

	/** One stream's way from a camera to where it is recorded. */
	private record Flow(Device camera, Stream stream, String to, Network from, Network dest) {
	}

	/**
	 * NET-BANDWIDTH: every flow that leaves its camera's network crosses that network's uplink and
	 * the uplink of the network it goes to (the site's networks meet behind their uplinks). A flow
	 * counts at the stream's worst-case rate: a recording on alarm may run while the VMS records.
	 */
	private static void bandwidth(SiteContext site, Findings findings) {
		List<Flow> flows = new ArrayList<>();
		List<Network> networks = site.site().getNetworks();
		for (Device d : site.devices()) {
			if (isVms(d)) {
				for (VmsRecording r : d.getRecordings()) {
					Device cam = r.getCamera();
					if (cam != null && !cam.eIsProxy()) {
						flows.add(new Flow(cam, stream(cam, r.getStream()), d.getName(), net(cam), net(d)));
					}
				}
			}
			Storage st = d.getStorage();
			String host = st == null || st.getShare() == null ? null : shareHost(st.getShare());
			Network shareNet = host == null ? null : networkOf(networks, host);
			if (shareNet != null) {
				Map<String, Stream> recorded = new LinkedHashMap<>();
				d.getStreams().stream().filter(Stream::isRecorded).forEach(s -> recorded.put(s.getName(), s));
				for (Rule r : d.getRules()) {
					if (r.getAction() instanceof RecordAction a && a.getTarget() == st.getKind()) {
						Stream s = stream(d, a.getStream());
						if (s != null) {
							recorded.putIfAbsent(s.getName(), s);
						}
					}
				}
				// The share itself is not repeated: written as a URL it may carry a password (STOR-SHARE).
				recorded.values().forEach(s -> flows.add(new Flow(d, s, "a share on " + host, net(d), shareNet)));
			}
		}
		for (Network n : networks) {
			if (n.getUplink() == null) {
				continue;
			}
			long sum = 0;
			List<String> parts = new ArrayList<>();
			for (Flow f : flows) {
				if (f.from() != null && f.dest() != null && f.from() != f.dest() && (f.from() == n || f.dest() == n)) {
					long k = kbps(f.stream());
					sum += k;
					parts.add(f.camera().getName() + " " + (f.stream() == null ? "?" : shown(f.stream().getName())) + " "
							+ mbit(k) + " Mbit/s to " + f.to());
				}
			}
			double limit = n.getUplink() * 1000.0 * UPLINK_PERCENT / 100;
			if (sum > limit) {
				findings.error(Codes.NET_BANDWIDTH, n, P.getNetwork_Uplink(), "network " + n.getName() + "'s uplink of "
						+ n.getUplink() + " Mbit/s carries " + mbit(sum) + " Mbit/s of video (" + String.join(", ", parts) + "): "
						+ trim(Format.num(sum * 100.0 / (n.getUplink() * 1000.0), 2)) + " %, above the " + UPLINK_PERCENT
						+ " % that leaves room for bursts; at most " + mbit((long) limit) + " Mbit/s");
			}
		}
	}

	private static String mbit(long kbps) {
		return trim(Format.num(kbps / 1000.0, 3));
	}

	/** {@code 1.500} is {@code 1.5}, {@code 2.000} is {@code 2}. */
	private static String trim(String decimal) {
		return decimal.contains(".") ? decimal.replaceAll("0+$", "").replaceAll("\\.$", "") : decimal;
	}

	/** @return the site network whose subnet holds this IPv4 address, or {@code null} */
	static Network networkOf(List<Network> networks, String host) {
		long a = Ipv4.parse(host);
		if (a < 0) {
			return null;
		}
		for (Network n : networks) {
			Ipv4.Cidr c = Ipv4.Cidr.parse(n.getSubnet());
			if (c != null && c.contains(a)) {
				return n;
			}
		}
		return null;
	}

	/** @return the host of {@code //host/share}, or {@code null} */
	static String shareHost(String share) {
		if (!share.startsWith("//")) {
			return null;
		}
		int slash = share.indexOf('/', 2);
		return slash < 0 ? null : share.substring(2, slash);
	}

	static Stream stream(Device d, String name) {
		return d.getStreams().stream().filter(s -> s.getName() != null && s.getName().equals(name)).findFirst().orElse(null);
	}

	private static String streams(Device d) {
		return d.getStreams().isEmpty() ? "no streams"
				: "streams " + String.join(", ", d.getStreams().stream().map(s -> shown(s.getName())).toList());
	}

	/** A name in quotes, unless it holds a secret (SEC-PLAINTEXT-SECRET says where): a message never repeats one. */
	private static String shown(String name) {
		return name != null && SecretPatterns.find(name) != null ? "(a name that holds a secret)" : "\"" + name + "\"";
	}

	private static Network net(Device d) {
		return d.getNetwork() != null && !d.getNetwork().eIsProxy() ? d.getNetwork() : null;
	}

	private static String model(Device d) {
		return d.getType() == null || d.getType().eIsProxy() ? "of no known model"
				: d.getType().getName() + " (" + d.getType().getKind().getLiteral() + ")";
	}
}
