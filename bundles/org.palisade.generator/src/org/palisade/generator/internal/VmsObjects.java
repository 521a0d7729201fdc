package org.palisade.generator.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.driver.Conventions;
import org.palisade.deploy.vapix.driver.DeviceObjects.Configuration;
import org.palisade.deploy.vapix.driver.ShareItems;
import org.palisade.model.site.AlertAction;
import org.palisade.model.site.Device;
import org.palisade.model.site.EventReceiver;
import org.palisade.model.site.ReceiverProtocol;
import org.palisade.model.site.RecordAction;
import org.palisade.model.site.Storage;
import org.palisade.model.site.StorageKind;

/**
 * The camera's side of the surveillance center (issue #19 item 3; catalog doc surveillance-center.md
 * sections 1 and 2): an alert to the VMS, a recording on alarm, and the network share it records to.
 * <p>
 * An alert is the action the VMS's receiver takes (Event and action services): for
 * {@code receives tcp PORT}, {@code com.axis.action.fixed.notification.tcp} with the recipient's
 * {@code host} and {@code port} given inline and the alert's text as {@code message} (Milestone
 * XProtect's generic events match substrings of what arrives on that port); for
 * {@code receives https PORT path P}, {@code com.axis.action.fixed.notification.https} to
 * {@code https://<vms>:<port><P>} with the VMS's login by reference and its certificate checked
 * (AXIS Camera Station's external HTTPS trigger), the text as {@code message}.
 * <p>
 * A recording is {@code com.axis.action.fixed.recording.storage} (Edge storage API, "Edge storage
 * events and actions"): {@code stream_options} = the percent-encoded stream options
 * ({@code streamprofile%3D<stream>}: the stream's profile, #17), {@code pre_duration} and
 * {@code post_duration} in ms, {@code storage_id} = {@code SD_DISK} (the SD card, recorded on every
 * camera) or the bound share's {@code NetworkShare}.
 */
public final class VmsObjects {

	/** The SD card's disk id (recorded: Storage.S0.DiskID=SD_DISK). */
	public static final String SD_DISK = "SD_DISK";

	private VmsObjects() {
	}

	static Configuration alert(AlertAction a) {
		Device vms = a.getVms();
		EventReceiver rx = vms.getReceiver();
		Map<String, String> p = new LinkedHashMap<>();
		String message = a.getMessage() == null ? "" : a.getMessage();
		if (rx.getProtocol() == ReceiverProtocol.TCP) {
			p.put("host", vms.getAddress());
			p.put("port", Integer.toString(rx.getPort()));
			p.put("message", message);
			return new Configuration("com.axis.action.fixed.notification.tcp", p);
		}
		boolean https = rx.getProtocol() == ReceiverProtocol.HTTPS;
		String path = rx.getPath() == null ? "/" : rx.getPath().startsWith("/") ? rx.getPath() : "/" + rx.getPath();
		p.put("upload_url", (https ? "https" : "http") + "://" + vms.getAddress() + ":" + rx.getPort() + path);
		if (https) {
			p.put("validate_server_cert", "1");
		}
		if (vms.getCredentials() != null) {
			p.put("login", Conventions.user(vms.getCredentials()));
			p.put("password", Conventions.password(vms.getCredentials()));
		}
		p.put("message", message);
		return new Configuration("com.axis.action.fixed.notification." + (https ? "https" : "http"), p);
	}

	static Configuration record(RecordAction a) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("stream_options", URLEncoder.encode("streamprofile=" + a.getStream(), StandardCharsets.UTF_8)
				.replace("+", "%20"));
		p.put("pre_duration", Long.toString(a.getPre() * 1000L));
		p.put("post_duration", Long.toString(a.getPost() * 1000L));
		p.put("storage_id", a.getTarget() == StorageKind.NETWORK_SHARE ? ShareItems.DISK : SD_DISK);
		return new Configuration("com.axis.action.fixed.recording.storage", p);
	}

	/** @return the ids the rule's action needs first: a recording to a share needs the share */
	static List<String> dependencies(RecordAction a, Device camera) {
		Storage st = camera.getStorage();
		if (a.getTarget() == StorageKind.NETWORK_SHARE && st != null && st.getShare() != null) {
			return List.of(ManagedObject.id(Conventions.SHARE, st.getShare()));
		}
		return List.of();
	}

	/** @return the camera's network share as an item (#17 item 4), or {@code null} */
	static ManagedObject share(Device d) {
		Storage st = d.getStorage();
		if (st == null || st.getKind() != StorageKind.NETWORK_SHARE || st.getShare() == null || !st.getShare().startsWith("//")
				|| st.getShare().indexOf('/', 2) < 0) {
			return null;
		}
		return ManagedObject.item(Conventions.SHARE, st.getShare(),
				ShareItems.Share.of(st.getShare(), st.getCredentials()).attributes(), List.of());
	}
}
