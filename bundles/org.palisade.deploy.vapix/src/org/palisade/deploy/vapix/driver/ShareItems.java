package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.palisade.deploy.DeviceException;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;
import org.palisade.deploy.vapix.NetworkShares;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * A camera's network share as a managed item of kind {@value Conventions#SHARE} (#17 item 4, #19):
 * key = the design's {@code //host/share}. Palisade's shares have a share id of its own
 * ({@value #ID_PREFIX}...; the Edge storage API lets the client choose it), so a read finds them again
 * and tells them from an installer's. Creating one is add, test (the camera mounts and writes the
 * share once: a share it cannot reach fails here, before any rule records to it) and bind with
 * automatic mount; its disk id ({@code NetworkShare}) is read back as {@code disk}, which the
 * design expects, so a share that did not bind fails the check after the deploy and is restored.
 * Deleting one unmounts, unbinds and removes it.
 * <p>
 * The password is never read back (list.cgi does not show it): {@code credentials} is the design's
 * reference, carried over from the design when the share is Palisade's; the user name is read and
 * compared through its placeholder.
 */
public final class ShareItems {

	static final String ID_PREFIX = "palisade-";
	/** How long the camera may take to test a share (it mounts and writes once). */
	static final Duration TEST_TIMEOUT = Duration.ofSeconds(30);

	/** The attributes of a share item, spelled once. */
	public record Share(String shareId, String address, String share, String user, String credentials, String disk) {

		public Map<String, String> attributes() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put("shareId", shareId);
			a.put("address", address);
			a.put("share", share);
			a.put("user", user == null ? "" : user);
			a.put("credentials", credentials == null ? "" : credentials);
			a.put("disk", disk == null ? "" : disk);
			return a;
		}

		public static Share of(Map<String, String> a) {
			return new Share(a.get("shareId"), a.get("address"), a.get("share"), a.get("user"), a.get("credentials"),
					a.get("disk"));
		}

		/**
		 * @param unc            {@code //host/share[/folder]}, as STOR-SHARE checked it
		 * @param credentialsRef the design's credentials reference, or {@code null}
		 * @return what the design wants on the camera: bound to the camera's network disk
		 */
		public static Share of(String unc, String credentialsRef) {
			String rest = unc.substring(2);
			int slash = rest.indexOf('/');
			String host = rest.substring(0, slash);
			String share = rest.substring(slash + 1);
			String slug = share.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
			return new Share(ID_PREFIX + (slug.isEmpty() ? "share" : slug), host, share,
					credentialsRef == null ? null : Conventions.user(credentialsRef), credentialsRef, DISK);
		}
	}

	/** The disk id a bound share gets (recorded: Storage.S1.DiskID=NetworkShare). */
	public static final String DISK = "NetworkShare";

	private ShareItems() {
	}

	static List<ManagedObject> read(VapixClient client, Collection<ManagedObject> desired, Placeholders placeholders)
			throws VapixException {
		Map<String, ManagedObject> byId = new LinkedHashMap<>();
		for (ManagedObject o : desired) {
			if (o.kind().equals(Conventions.SHARE)) {
				byId.put(Share.of(o.attributes()).shareId(), o);
			}
		}
		List<ManagedObject> out = new ArrayList<>();
		for (NetworkShares.Share s : client.networkShares().list()) {
			boolean owned = s.shareId() != null && s.shareId().startsWith(ID_PREFIX);
			ManagedObject want = owned ? byId.get(s.shareId()) : null;
			Share w = want == null ? null : Share.of(want.attributes());
			String user = s.user();
			if (w != null && w.user() != null) {
				String p = placeholders.recognise(user, w.user());
				user = p != null ? p : user;
			}
			Share read = new Share(s.shareId(), s.address(), s.share(), user, w == null ? null : w.credentials(), s.diskId());
			String key = want != null ? want.key() : "//" + s.address() + "/" + s.share();
			out.add(new ManagedObject(Conventions.SHARE, key, Nature.ITEM, owned ? Origin.PALISADE : Origin.HAND_MADE,
					read.attributes(), List.of(), s.shareId()));
		}
		return out;
	}

	/** Adds, tests and binds the share; a share that fails its test or bind is removed again. */
	static String create(VapixClient client, ManagedObject item, Placeholders placeholders, Duration poll)
			throws VapixException, DeviceException {
		Share s = Share.of(item.attributes());
		String user = null;
		char[] password = null;
		try {
			if (s.credentials() != null && !s.credentials().isEmpty()) {
				user = placeholders.resolve(Conventions.user(s.credentials()));
				password = placeholders.resolve(Conventions.password(s.credentials())).toCharArray();
			}
		} catch (IOException e) {
			throw new DeviceException(client.device() + ": share " + item.key() + ": " + e.getMessage(), e);
		}
		try {
			client.networkShares().add(s.shareId(), Conventions.tagged(item.key()), s.address(), s.share(), user, password);
		} finally {
			if (password != null) {
				java.util.Arrays.fill(password, '\0');
			}
		}
		String disk = null;
		try {
			client.networkShares().test(s.shareId(), TEST_TIMEOUT, poll);
			disk = client.networkShares().bind(s.shareId());
		} catch (VapixException e) {
			try {
				client.networkShares().remove(s.shareId(), disk);
			} catch (VapixException ignored) {
				// the engine's restore reads the device again and removes what is left
			}
			throw e;
		}
		return s.shareId();
	}

	static void delete(VapixClient client, ManagedObject item) throws VapixException {
		client.networkShares().remove(item.deviceId(), Share.of(item.attributes()).disk());
	}
}
