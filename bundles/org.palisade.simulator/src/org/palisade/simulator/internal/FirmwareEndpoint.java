package org.palisade.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code /axis-cgi/firmwaremanagement.cgi} (Firmware management API, discovery id {@code fwmgr}):
 * {@code status} as JSON, and {@code upgrade} as a multipart POST of the call ({@code data}) and the
 * file ({@code bin}). The virtual device takes the version from the file's name as Axis names them
 * ({@code Q1961-TE_12_0_1.bin} holds 12.0.1), then restarts for its restart delay (503 to every
 * request). A file for another model (its name does not start with the model's number) or the
 * {@code firmwareFallback} fault makes the new firmware fail to start: the device comes back on its
 * previous firmware, as the manual says real ones do.
 */
final class FirmwareEndpoint implements Endpoint {

	private static final Pattern VERSION = Pattern.compile("_(\\d+(?:_\\d+){1,3})\\.bin$", Pattern.CASE_INSENSITIVE);

	private final StateStore store;

	FirmwareEndpoint(StateStore store) {
		this.store = store;
	}

	@Override
	public Response handle(Request request) {
		String type = request.header("Content-Type");
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return upgrade(request, type);
		}
		try {
			JsonRpc.Call call = JsonRpc.parse(request, "1.8");
			return switch (call.method()) {
			case "status" -> JsonRpc.ok(call, status());
			case "getSupportedVersions" -> {
				JsonObject data = new JsonObject();
				com.google.gson.JsonArray v = new com.google.gson.JsonArray();
				v.add("1.8");
				data.add("apiVersions", v);
				yield JsonRpc.ok(call, data);
			}
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, "1.8");
		}
	}

	private JsonObject status() {
		JsonObject data = new JsonObject();
		data.addProperty("activeFirmwareVersion", store.firmware());
		if (store.previousFirmware() != null) {
			data.addProperty("inactiveFirmwareVersion", store.previousFirmware());
		}
		data.addProperty("isCommited", true);
		return data;
	}

	private Response upgrade(Request request, String type) {
		String boundary = org.eclipse.jetty.http.MultiPart.extractBoundary(type);
		MultiPart.Part data;
		MultiPart.Part bin;
		String json;
		MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
		// In memory: the body is already read (at most HttpIo.MAX_BODY), and a virtual device keeps no files.
		parser.setMaxMemoryFileSize(HttpIo.MAX_BODY);
		try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(request.body()))).get()) {
			data = parts.getFirst("data");
			bin = parts.getFirst("bin");
			json = data == null ? null : data.getContentAsString(StandardCharsets.UTF_8);
			if (json == null || bin == null || bin.getFileName() == null) {
				return error("upgrade", JsonRpc.MISSING_PARAM, "Missing part: the call (data) and the file (bin)");
			}
			String method = JsonRpc.string(JsonParser.parseString(json).getAsJsonObject(), "method");
			if (!"upgrade".equals(method)) {
				return error(method, JsonRpc.METHOD, "Method not supported with a file");
			}
			Matcher m = VERSION.matcher(bin.getFileName());
			if (!m.find()) {
				return error("upgrade", JsonRpc.BAD_VALUE, "Invalid firmware file: " + bin.getFileName());
			}
			String version = m.group(1).replace('_', '.');
			String model = store.descriptor().model().replaceFirst("^AXIS\\s+", "");
			boolean fails = store.descriptor().firmwareFallback() || !bin.getFileName().startsWith(model);
			store.upgrade(version, fails);
			JsonObject o = new JsonObject();
			o.addProperty("apiVersion", "1.8");
			o.addProperty("method", "upgrade");
			JsonObject d = new JsonObject();
			d.addProperty("firmwareVersion", version);
			o.add("data", d);
			return Response.json(200, o.toString(), "upgrade");
		} catch (java.util.concurrent.ExecutionException | RuntimeException e) {
			return error("upgrade", JsonRpc.BAD_JSON, "Invalid multipart request: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return error("upgrade", JsonRpc.INTERNAL, "Interrupted");
		}
	}

	private static Response error(String method, int code, String message) {
		JsonObject o = new JsonObject();
		o.addProperty("apiVersion", "1.8");
		if (method != null) {
			o.addProperty("method", method);
		}
		JsonObject err = new JsonObject();
		err.addProperty("code", code);
		err.addProperty("message", message);
		o.add("error", err);
		return Response.json(200, o.toString(), method);
	}
}
