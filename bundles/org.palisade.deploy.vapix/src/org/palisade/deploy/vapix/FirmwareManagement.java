package org.palisade.deploy.vapix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.entity.mime.StringBody;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;
import org.palisade.deploy.vapix.internal.VapixResponse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code /axis-cgi/firmwaremanagement.cgi}, the Firmware management API
 * (developer.axis.com/vapix/network-video/firmware-management-api; discovery id {@code fwmgr}):
 * {@code status} (the active and the previous firmware) and {@code upgrade}, a multipart POST of
 * the JSON call and the firmware file, after which the device restarts. When the new firmware does
 * not start, the device goes back to the previous one (the manual: "If the firmware upgrade fails,
 * the device reloads the previous firmware"), which {@code status} then shows as active again.
 * The part names {@code data} and {@code bin} are unconfirmed (vapix-notes.md section 10).
 */
public final class FirmwareManagement {

	private static final String PATH = "/axis-cgi/firmwaremanagement.cgi";
	private static final String VERSION = "1.0";

	/** @param active the running firmware version; @param inactive the one a rollback would start, or null */
	public record Status(String active, String inactive) {
	}

	private final JsonRpcClient rpc;
	private final HttpTransport transport;

	FirmwareManagement(JsonRpcClient rpc, HttpTransport transport) {
		this.rpc = rpc;
		this.transport = transport;
	}

	public Status status() throws VapixException {
		JsonObject data = rpc.call(PATH, VERSION, "status", null, Safety.READ, "firmwaremanagement status");
		return new Status(str(data, "activeFirmwareVersion"), str(data, "inactiveFirmwareVersion"));
	}

	/**
	 * Uploads the file and starts the upgrade. Never repeated on an unknown outcome: a second upload
	 * would restart the device again; the caller asks {@link #status()} once the device is back.
	 *
	 * @return the version the device says the file holds, or {@code null}
	 */
	public String upgrade(Path file) throws VapixException, IOException {
		JsonObject call = new JsonObject();
		call.addProperty("apiVersion", VERSION);
		call.addProperty("context", "palisade");
		call.addProperty("method", "upgrade");
		call.add("params", new JsonObject());
		HttpEntity entity = MultipartEntityBuilder.create()
				.addPart("data", new StringBody(call.toString(), ContentType.APPLICATION_JSON))
				.addPart("bin", new FileBody(file.toFile(), ContentType.APPLICATION_OCTET_STREAM,
						file.getFileName().toString()))
				.build();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		entity.writeTo(body);
		VapixRequest req = VapixRequest.post(PATH, body.toByteArray(), entity.getContentType(), Safety.NON_IDEMPOTENT,
				"firmwaremanagement upgrade");
		VapixResponse r = transport.execute(req);
		if (!r.ok()) {
			throw org.palisade.deploy.vapix.internal.Failures.httpStatus(transport.device(), req, r);
		}
		try {
			JsonElement e = JsonParser.parseString(r.text());
			JsonObject o = e.getAsJsonObject();
			if (o.has("error")) {
				JsonObject err = o.getAsJsonObject("error");
				throw org.palisade.deploy.vapix.internal.Failures.deviceError(transport.device(), req, r,
						str(err, "message"), str(err, "code"), null);
			}
			return o.has("data") ? str(o.getAsJsonObject("data"), "firmwareVersion") : null;
		} catch (RuntimeException e) {
			throw org.palisade.deploy.vapix.internal.Failures.protocol(transport.device(), req, r, "response is not JSON", e);
		}
	}

	private static String str(JsonObject o, String k) {
		JsonElement e = o == null ? null : o.get(k);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}
}
