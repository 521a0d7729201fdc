package org.palisade.deploy.vapix;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.palisade.deploy.vapix.internal.Failures;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;
import org.palisade.deploy.vapix.internal.XmlSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The Edge storage API's network share calls (developer.axis.com, Edge storage API, "Network
 * share"; catalog doc surveillance-center.md section 2.1), all GET with {@code schemaversion=1},
 * answering {@code <NetworkShareResponse SchemaVersion="1.0">} XML: {@code list.cgi}
 * ({@code ListSuccess/NetworkShares/NetworkShare} with {@code NiceName ShareId Address Share User}
 * and {@code DiskId} once bound), {@code add.cgi} ({@code AddSuccess ShareId}; the client may choose
 * the {@code shareid}, {@code [A-Za-z0-9-]+}), {@code test.cgi} ({@code TestSuccess JobId}) then
 * {@code job.cgi} until {@code JobSuccess/GeneralSuccess} or a {@code GeneralError},
 * {@code bind.cgi} ({@code BindSuccess DiskID}), {@code unbind.cgi}, {@code remove.cgi}. An error is a
 * 200 with {@code GeneralError/ErrorCode, ErrorDescription} (e.g. 400: the share is mounted;
 * 700: no such host; 760: cannot connect). Unmounting before unbinding is {@code disks/mount.cgi
 * ?action=unmount&diskid=NetworkShare}, whose answer the source does not show: any 200 without an
 * error element is taken as done (unconfirmed).
 * <p>
 * The share's password goes only in the {@code add.cgi} query (as documented), over the client's
 * transport (HTTPS in a deploy), and is masked in every message.
 */
public final class NetworkShares {

	private static final String BASE = "/axis-cgi/disks/networkshare/";

	/** One share as {@code list.cgi} shows it; {@code diskId} is {@code null} until bound. */
	public record Share(String shareId, String niceName, String address, String share, String user, String diskId) {
	}

	private final HttpTransport transport;

	NetworkShares(HttpTransport transport) {
		this.transport = transport;
	}

	public List<Share> list() throws VapixException {
		Element root = call("list.cgi", "shareid=all", Safety.READ, "networkshare list.cgi", List.of());
		List<Share> out = new ArrayList<>();
		for (Element e : descendants(root, "NetworkShare")) {
			out.add(new Share(e.getAttribute("ShareId"), e.getAttribute("NiceName"), e.getAttribute("Address"),
					e.getAttribute("Share"), e.getAttribute("User"), e.hasAttribute("DiskId") ? e.getAttribute("DiskId") : null));
		}
		return out;
	}

	/** Adds a share under an id the caller chooses; {@code user}/{@code password} may be {@code null}. */
	public void add(String shareId, String niceName, String address, String share, String user, char[] password)
			throws VapixException {
		StringBuilder q = new StringBuilder("nicename=").append(enc(niceName)).append("&address=").append(enc(address))
				.append("&share=").append(enc(share)).append("&shareid=").append(enc(shareId));
		List<String> secrets = new ArrayList<>();
		if (user != null) {
			q.append("&user=").append(enc(user));
		}
		if (password != null && password.length > 0) {
			String p = new String(password);
			secrets.add(p);
			secrets.add(enc(p));
			q.append("&pass=").append(enc(p));
		}
		call("add.cgi", q.toString(), Safety.NON_IDEMPOTENT, "networkshare add.cgi " + shareId, secrets);
	}

	/**
	 * Has the camera mount and write the share once ({@code test.cgi}, then {@code job.cgi} until it ends).
	 *
	 * @throws VapixException the device's error (e.g. 760 cannot connect), or a timeout
	 */
	public void test(String shareId, Duration timeout, Duration poll) throws VapixException {
		Element root = call("test.cgi", "shareid=" + enc(shareId), Safety.IDEMPOTENT_WRITE, "networkshare test.cgi " + shareId,
				List.of());
		Element started = first(root, "TestSuccess");
		String job = started == null ? null : started.getAttribute("JobId");
		long end = System.nanoTime() + timeout.toNanos();
		while (true) {
			Element r = call("job.cgi", "jobid=" + enc(job == null ? "" : job), Safety.READ, "networkshare job.cgi " + shareId,
					List.of());
			if (first(r, "GeneralSuccess") != null) {
				return;
			}
			if (System.nanoTime() > end) {
				throw new VapixException(VapixException.Kind.PROTOCOL, transport.device(), "networkshare job.cgi " + shareId,
						200, null, null, 1, "the share test did not end within " + timeout.toSeconds() + " s", null);
			}
			try {
				Thread.sleep(poll.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new VapixException(VapixException.Kind.PROTOCOL, transport.device(), "networkshare job.cgi", 200, null,
						null, 1, "interrupted", e);
			}
		}
	}

	/** @return the disk id the share is bound to ({@code NetworkShare}) */
	public String bind(String shareId) throws VapixException {
		Element root = call("bind.cgi", "shareid=" + enc(shareId) + "&automaticmount=yes", Safety.IDEMPOTENT_WRITE,
				"networkshare bind.cgi " + shareId, List.of());
		Element ok = first(root, "BindSuccess");
		return ok == null ? null : ok.getAttribute("DiskID");
	}

	/** Unmounts the disk (so that it can be unbound), then unbinds and removes the share. */
	public void remove(String shareId, String diskId) throws VapixException {
		if (diskId != null && !diskId.isEmpty()) {
			VapixRequest req = VapixRequest.get("/axis-cgi/disks/mount.cgi", "action=unmount&diskid=" + enc(diskId),
					Safety.IDEMPOTENT_WRITE, "disks mount.cgi unmount " + diskId);
			VapixResponse r = transport.execute(req);
			if (!r.ok() || r.text().contains("<error") || r.text().contains("GeneralError")) {
				throw Failures.httpStatus(transport.device(), req, r);
			}
			call("unbind.cgi", "shareid=" + enc(shareId), Safety.IDEMPOTENT_WRITE, "networkshare unbind.cgi " + shareId,
					List.of());
		}
		call("remove.cgi", "shareid=" + enc(shareId), Safety.IDEMPOTENT_WRITE, "networkshare remove.cgi " + shareId,
				List.of());
	}

	private Element call(String cgi, String query, Safety safety, String name, List<String> secrets)
			throws VapixException {
		VapixRequest req = VapixRequest.get(BASE + cgi, "schemaversion=1&" + query, safety, name).withSecrets(secrets);
		VapixResponse r = transport.execute(req);
		if (!r.ok()) {
			throw Failures.httpStatus(transport.device(), req, r);
		}
		Document doc;
		try {
			doc = XmlSupport.parse(r.body());
		} catch (IOException | SAXException e) {
			throw Failures.protocol(transport.device(), req, r, "not the network share API's XML", e);
		}
		Element root = doc.getDocumentElement();
		Element error = first(root, "GeneralError");
		if (error != null) {
			String code = text(first(error, "ErrorCode"));
			String description = text(first(error, "ErrorDescription"));
			throw Failures.deviceError(transport.device(), req, r, (code == null ? "" : code + " ")
					+ (description == null ? "" : description), code, meaning(code));
		}
		return root;
	}

	/** What the documented error codes mean for whoever reads the message. */
	static String meaning(String code) {
		if (code == null) {
			return null;
		}
		return switch (code) {
		case "210" -> "a share with that id exists";
		case "300", "310" -> "another share is bound to the camera's one network disk";
		case "400" -> "the share is mounted: unmount it first";
		case "700" -> "no such host name";
		case "710", "720" -> "the share could not be mounted (share name or login)";
		case "740" -> "the camera cannot write to the share";
		case "750" -> "the camera cannot read back what it wrote";
		case "760" -> "the camera cannot connect to the share's host";
		default -> null;
		};
	}

	private static String text(Element e) {
		return e == null ? null : e.getTextContent().strip();
	}

	private static Element first(Element root, String name) {
		List<Element> all = descendants(root, name);
		return all.isEmpty() ? null : all.get(0);
	}

	private static List<Element> descendants(Element root, String name) {
		List<Element> out = new ArrayList<>();
		if (root == null) {
			return out;
		}
		if (name.equals(root.getLocalName() != null ? root.getLocalName() : root.getNodeName())) {
			out.add(root);
		}
		for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				out.addAll(descendants(e, name));
			}
		}
		return out;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
