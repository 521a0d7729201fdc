package org.palisade.simulator.internal;

import java.nio.charset.StandardCharsets;

import org.palisade.simulator.EdgeStorage;

/**
 * The Edge storage API paths Palisade uses (developer.axis.com, Edge storage API; catalog doc
 * surveillance-center.md section 2.1): {@code disks/list.cgi} (the SD card, and the share's disk once
 * bound, sizes in kB), {@code disks/mount.cgi?action=unmount}, and the network share calls
 * {@code disks/networkshare/{list,add,test,job,bind,unbind,remove}.cgi} answering
 * {@code <NetworkShareResponse SchemaVersion="1.0">} with a success element or
 * {@code GeneralError/ErrorCode,ErrorDescription} (HTTP 200 either way, as documented). The share's
 * password ({@code pass}) is taken and dropped: list.cgi never shows it.
 */
final class EdgeStorageEndpoint implements Endpoint {

	static final String DISKS = "/axis-cgi/disks/";
	static final String SHARES = DISKS + "networkshare/";
	static final String[] PATHS = { DISKS + "list.cgi", DISKS + "mount.cgi", SHARES + "list.cgi", SHARES + "add.cgi",
			SHARES + "test.cgi", SHARES + "job.cgi", SHARES + "bind.cgi", SHARES + "unbind.cgi", SHARES + "remove.cgi" };

	private final EdgeStorage storage;

	EdgeStorageEndpoint(EdgeStorage storage) {
		this.storage = storage;
	}

	@Override
	public Response handle(Request r) {
		String p = r.path();
		if (p.equals(DISKS + "list.cgi")) {
			return disks();
		}
		if (p.equals(DISKS + "mount.cgi")) {
			if (!"unmount".equals(r.query().get("action"))) {
				return xml("<root><error message=\"only action=unmount is simulated\"/></root>", "mount.cgi");
			}
			boolean done = storage.unmount(r.query().get("diskid"));
			return xml("<root><job jobid=\"0\" diskid=\"" + esc(r.query().get("diskid")) + "\" result=\""
					+ (done ? "OK" : "ERROR") + "\"/></root>", "mount.cgi unmount");
		}
		String cgi = p.substring(SHARES.length());
		String op = "networkshare " + cgi;
		if (!"1".equals(r.query().get("schemaversion"))) {
			return error(40, "Unsupported schema version", op);
		}
		String id = r.query().get("shareid");
		return switch (cgi) {
		case "list.cgi" -> list(op);
		case "add.cgi" -> {
			EdgeStorage.Error e = storage.add(id, r.query().get("nicename"), r.query().get("address"),
					r.query().get("share"), r.query().get("user"));
			yield e != null ? error(e, op) : ok("<AddSuccess ShareId=\"" + esc(id) + "\"/>", op);
		}
		case "test.cgi" -> ok("<TestSuccess JobId=\"" + storage.test(id) + "\"/>", op);
		case "job.cgi" -> {
			EdgeStorage.Error e = storage.job(r.query().get("jobid"));
			yield e != null ? error(e, op) : ok("<JobSuccess><GeneralSuccess/></JobSuccess>", op);
		}
		case "bind.cgi" -> {
			EdgeStorage.Error e = storage.bind(id);
			yield e != null ? error(e, op) : ok("<BindSuccess DiskID=\"" + EdgeStorage.NETWORK_SHARE + "\"/>", op);
		}
		case "unbind.cgi" -> {
			EdgeStorage.Error e = storage.unbind(id);
			yield e != null ? error(e, op) : ok("<UnbindSuccess/>", op);
		}
		case "remove.cgi" -> {
			EdgeStorage.Error e = storage.remove(id);
			yield e != null ? error(e, op) : ok("<RemoveSuccess/>", op);
		}
		default -> Response.text(404, "404 Not Found\n", op);
		};
	}

	private Response disks() {
		StringBuilder b = new StringBuilder("<root><disks numberofdisks=\"");
		boolean share = storage.shares().stream().anyMatch(EdgeStorage.Share::bound);
		b.append((storage.sdCardKb() > 0 ? 1 : 0) + (share ? 1 : 0)).append("\">");
		if (storage.sdCardKb() > 0) {
			b.append(disk(EdgeStorage.SD_DISK, storage.sdCardKb(), "vfat", "S0", "OK"));
		}
		for (EdgeStorage.Share s : storage.shares()) {
			if (s.bound()) {
				b.append(disk(EdgeStorage.NETWORK_SHARE, 1_000_000_000L, "cifs", "S1", s.mounted() ? "OK" : "disconnected"));
			}
		}
		return xml(b.append("</disks></root>").toString(), "disks list.cgi");
	}

	private static String disk(String id, long kb, String fs, String group, String status) {
		return "<disk diskid=\"" + id + "\" name=\"\" totalsize=\"" + kb + "\" freesize=\"" + kb
				+ "\" cleanuplevel=\"90\" cleanupmaxage=\"7\" cleanuppolicy=\"fifo\" locked=\"no\" full=\"no\" readonly=\"no\""
				+ " filesystem=\"" + fs + "\" status=\"" + status + "\" group=\"" + group
				+ "\" requiredfilesystem=\"none\" diskencryptionenabled=\"false\" diskencrypted=\"false\"/>";
	}

	private Response list(String op) {
		StringBuilder b = new StringBuilder("<ListSuccess><NetworkShares>");
		for (EdgeStorage.Share s : storage.shares()) {
			b.append("<NetworkShare NiceName=\"").append(esc(s.niceName())).append("\" ShareId=\"").append(esc(s.shareId()))
					.append("\" Address=\"").append(esc(s.address())).append("\" Share=\"").append(esc(s.share()))
					.append("\" User=\"").append(esc(s.user())).append('"');
			if (s.bound()) {
				b.append(" DiskId=\"").append(EdgeStorage.NETWORK_SHARE).append('"');
			}
			b.append("/>");
		}
		return ok(b.append("</NetworkShares></ListSuccess>").toString(), op);
	}

	private static Response ok(String body, String op) {
		return xml("<NetworkShareResponse SchemaVersion=\"1.0\">" + body + "</NetworkShareResponse>", op);
	}

	private static Response error(EdgeStorage.Error e, String op) {
		return error(e.code(), e.description(), op);
	}

	private static Response error(int code, String description, String op) {
		return ok("<GeneralError><ErrorCode>" + code + "</ErrorCode><ErrorDescription>" + esc(description)
				+ "</ErrorDescription></GeneralError>", op);
	}

	private static Response xml(String body, String op) {
		return new Response(200, "text/xml; charset=utf-8",
				("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).getBytes(StandardCharsets.UTF_8), op);
	}

	private static String esc(String s) {
		return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}
}
