package org.palisade.simulator.rules;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.palisade.simulator.EdgeStorage;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VmsInbox;
import org.palisade.simulator.rules.Timeline.Entry;
import org.palisade.simulator.rules.Timeline.Kind;

/**
 * What a virtual camera does for the surveillance center (issue #19 item 3): it sends a TCP generic
 * event ({@code com.axis.action.fixed.notification.tcp}) to its recipient's {@code host:port}, looked
 * up in the fleet's address map (a loopback TCP port of the virtual VMS; an address not in the map is
 * "not sent" and never contacted), and it records a stream around the trigger
 * ({@code com.axis.action.fixed.recording.storage}) onto its SD card or bound network share. The VMS's
 * side (what it received) goes into the timeline as {@link Kind#ALERT}, the recording as
 * {@link Kind#RECORD}.
 */
final class VmsActions {

	private static final int TIMEOUT_MS = 5000;

	private final VirtualDevice device;
	private final FleetRuntime fleet;

	VmsActions(VirtualDevice device, FleetRuntime fleet) {
		this.device = device;
		this.fleet = fleet;
	}

	private void log(Kind kind, String trigger, String rule, String subject, Duration duration, String detail) {
		fleet.timeline().add(new Entry(fleet.clock().instant(), device.name(), kind, trigger, rule, subject, duration, detail));
	}

	/** The TCP notification: the message, then the sender's side closed; the echo is read and shown. */
	void tcp(String rule, String cause, Map<String, String> p) {
		String host = p.getOrDefault("host", "");
		String port = p.getOrDefault("port", "");
		String message = p.getOrDefault("message", "");
		String design = host + ":" + port;
		URI target = fleet.addresses().get(design);
		if (target == null || !"tcp".equals(target.getScheme()) || !Notifier.isLoopback(target.getHost())) {
			log(Kind.NOTIFY, cause, rule, "tcp " + design, null, "not sent: " + design
					+ " is not a receiver of the virtual fleet (not in its address map); nothing was contacted");
			return;
		}
		VirtualDevice receiver = receiverAt(target);
		VmsInbox inbox = receiver == null ? null : receiver.state().inbox();
		int before = inbox == null ? 0 : inbox.alerts().size();
		String echo;
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress(target.getHost(), target.getPort()), TIMEOUT_MS);
			s.setSoTimeout(TIMEOUT_MS);
			s.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
			s.shutdownOutput();
			echo = new String(s.getInputStream().readNBytes(512), StandardCharsets.UTF_8).strip();
		} catch (java.io.IOException e) {
			log(Kind.NOTIFY, cause, rule, "tcp " + design, null, "failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
			return;
		}
		log(Kind.NOTIFY, cause, rule, "tcp " + design, null, "sent \"" + message + "\", answer " + echo);
		if (inbox != null) {
			List<VmsInbox.Alert> alerts = inbox.alerts();
			for (VmsInbox.Alert a : alerts.subList(Math.min(before, alerts.size()), alerts.size())) {
				fleet.timeline().add(new Entry(a.at(), receiver.name(), Kind.ALERT, device.name() + " rule \"" + rule + "\"",
						null, "alert", null, "\"" + a.text() + "\" by " + a.via()));
			}
		}
	}

	/** After an HTTP(S) notification that reached a virtual VMS: what it recorded, into the timeline. */
	static void received(FleetRuntime fleet, VirtualDevice receiver, int before, String from, String rule) {
		VmsInbox inbox = receiver.state().inbox();
		if (inbox == null) {
			return;
		}
		List<VmsInbox.Alert> alerts = inbox.alerts();
		for (VmsInbox.Alert a : alerts.subList(Math.min(before, alerts.size()), alerts.size())) {
			fleet.timeline().add(new Entry(a.at(), receiver.name(), Kind.ALERT, from + " rule \"" + rule + "\"", null, "alert",
					null, "\"" + a.text() + "\" by " + a.via() + (a.user() == null ? "" : ", login " + a.user())));
		}
	}

	/** The recording: pre before the trigger, post after it, on the disk the action names. */
	void record(String rule, String cause, Map<String, String> p) {
		EdgeStorage storage = device.state().storage();
		String options = URLDecoder.decode(p.getOrDefault("stream_options", ""), StandardCharsets.UTF_8);
		String stream = null;
		for (String kv : options.split("&")) {
			if (kv.startsWith("streamprofile=")) {
				stream = kv.substring("streamprofile=".length());
			}
		}
		long pre;
		long post;
		try {
			pre = Long.parseLong(p.getOrDefault("pre_duration", "0"));
			post = Long.parseLong(p.getOrDefault("post_duration", "0"));
		} catch (NumberFormatException e) {
			log(Kind.RULE, cause, rule, null, null, "pre_duration/post_duration are not numbers of ms; nothing recorded");
			return;
		}
		String disk = p.getOrDefault("storage_id", "");
		String subject = "recording \"" + (stream == null ? options : stream) + "\"";
		EdgeStorage.Recording r = storage == null ? null : storage.record(rule, stream, disk, pre, post);
		if (r == null) {
			log(Kind.RULE, cause, rule, subject, null, "not recorded: the camera has no disk " + disk);
			return;
		}
		log(Kind.RECORD, cause, rule, subject, Duration.ofMillis(pre + post), "to " + disk + ", "
				+ DeviceRules.seconds(Duration.ofMillis(pre)) + " before and " + DeviceRules.seconds(Duration.ofMillis(post))
				+ " after");
	}

	private VirtualDevice receiverAt(URI tcp) {
		for (VirtualDevice d : fleet.devicesNow()) {
			if (d.isRunning() && d.tcpPort() == tcp.getPort()) {
				return d;
			}
		}
		return null;
	}
}
