package org.palisade.simulator.internal;

import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code apidiscovery.cgi} (getApiList, getSupportedVersions) and {@code basicdeviceinfo.cgi}
 * (getAllProperties, getProperties, getSupportedVersions), vapix.md §8. A client written for real
 * devices asks these first and only uses what the list names, so the list names every API the
 * virtual device serves.
 */
final class JsonApis {

	private final StateStore store;

	JsonApis(StateStore store) {
		this.store = store;
	}

	Response apiDiscovery(Request request) {
		try {
			JsonRpc.Call call = JsonRpc.parse(request, 0);
			return switch (call.method()) {
			case "getApiList" -> {
				JsonArray list = new JsonArray();
				list.add(api("api-discovery", "1.0", "API Discovery Service", "apidiscovery"));
				list.add(api("basic-device-info", "1.1", "Basic Device Information", "basic-device-information"));
				list.add(api("param-cgi", "1.0", "Legacy Parameter Handling", "parameter-management"));
				list.add(api("time-service", "1.0", "Time API", "time-api"));
				if (store.portCount() > 0 && store.descriptor().portManagementApi()) {
					list.add(api("io-port-management", "1.0", "IO Port Management", "io-port-management"));
				}
				if (store.descriptor().kind() == DeviceKind.SPEAKER) {
					list.add(api("media-clip", "1.0", "Media Clip", "media-clip-api"));
				}
				JsonObject data = new JsonObject();
				data.add("apiList", list);
				yield JsonRpc.ok(call, data);
			}
			case "getSupportedVersions" -> JsonRpc.ok(call, versions("1.0"));
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, "1.0");
		}
	}

	Response basicDeviceInfo(Request request) {
		try {
			JsonRpc.Call call = JsonRpc.parse(request, 1);
			return switch (call.method()) {
			case "getAllProperties" -> {
				JsonObject data = new JsonObject();
				data.add("propertyList", properties());
				yield JsonRpc.ok(call, data);
			}
			case "getProperties" -> {
				JsonElement wanted = call.params().get("propertyList");
				if (wanted == null || !wanted.isJsonArray()) {
					throw new JsonRpc.RpcError(JsonRpc.MISSING_PARAM, "Missing parameter: propertyList");
				}
				JsonObject all = properties();
				JsonObject picked = new JsonObject();
				for (JsonElement e : wanted.getAsJsonArray()) {
					String k = e.getAsString();
					if (!all.has(k)) {
						throw new JsonRpc.RpcError(JsonRpc.BAD_VALUE, "Invalid property: " + k);
					}
					picked.add(k, all.get(k));
				}
				JsonObject data = new JsonObject();
				data.add("propertyList", picked);
				yield JsonRpc.ok(call, data);
			}
			case "getSupportedVersions" -> JsonRpc.ok(call, versions("1.1"));
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, "1.1");
		}
	}

	/**
	 * {@code time.cgi} (Time API, developer.axis.com/vapix/network-video/time-api): getDateTimeInfo
	 * and setTimeZone (IANA zone). Member names ({@code timeZone}, {@code dateTime},
	 * {@code localDateTime}) and the discovery id {@code time-service} are unconfirmed.
	 */
	Response time(Request request) {
		try {
			JsonRpc.Call call = JsonRpc.parse(request, 0);
			return switch (call.method()) {
			case "getDateTimeInfo" -> {
				String zone = store.timeZone();
				java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
				JsonObject data = new JsonObject();
				data.addProperty("dateTime", now.toString());
				data.addProperty("localDateTime", now.atZone(java.time.ZoneId.of(zone)).toLocalDateTime().toString());
				data.addProperty("timeZone", zone);
				yield JsonRpc.ok(call, data);
			}
			case "setTimeZone" -> {
				String zone = JsonRpc.string(call.params(), "timeZone");
				if (zone == null) {
					throw new JsonRpc.RpcError(JsonRpc.MISSING_PARAM, "Missing parameter: timeZone");
				}
				if (!java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
					throw new JsonRpc.RpcError(JsonRpc.BAD_VALUE, "Invalid time zone: " + zone);
				}
				store.setTimeZone(zone);
				yield JsonRpc.ok(call, null);
			}
			case "getSupportedVersions" -> JsonRpc.ok(call, versions("1.0"));
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, "1.0");
		}
	}

	private JsonObject properties() {
		DeviceDescriptor d = store.descriptor();
		JsonObject p = new JsonObject();
		p.addProperty("Architecture", store.parameter("Properties.System.Architecture"));
		p.addProperty("Brand", store.parameter("Brand.Brand"));
		p.addProperty("BuildDate", "Mar 04 2025 10:00");
		p.addProperty("HardwareID", d.kind() == DeviceKind.SPEAKER ? "7A4" : "9C3");
		p.addProperty("ProdFullName", store.parameter("Brand.ProdFullName"));
		p.addProperty("ProdNbr", store.parameter("Brand.ProdNbr"));
		p.addProperty("ProdShortName", store.parameter("Brand.ProdShortName"));
		p.addProperty("ProdType", store.parameter("Brand.ProdType"));
		p.addProperty("ProdVariant", "");
		p.addProperty("SerialNumber", d.serial());
		p.addProperty("Soc", store.parameter("Properties.System.Soc"));
		p.addProperty("SocSerialNumber", "00000000-00000000-" + d.serial().substring(Math.max(0, d.serial().length() - 8)));
		p.addProperty("Version", d.firmware());
		p.addProperty("WebURL", "http://www.axis.com");
		return p;
	}

	private static JsonObject api(String id, String version, String name, String doc) {
		JsonObject o = new JsonObject();
		o.addProperty("id", id);
		o.addProperty("version", version);
		o.addProperty("name", name);
		o.addProperty("docLink", "https://developer.axis.com/vapix/" + doc);
		return o;
	}

	private static JsonObject versions(String v) {
		JsonObject data = new JsonObject();
		JsonArray a = new JsonArray();
		a.add(v);
		data.add("apiVersions", a);
		return data;
	}
}
