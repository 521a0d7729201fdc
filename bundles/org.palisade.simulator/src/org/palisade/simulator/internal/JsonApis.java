package org.palisade.simulator.internal;

import org.palisade.simulator.DeviceDescriptor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code apidiscovery.cgi} (getApiList, getSupportedVersions), {@code basicdeviceinfo.cgi}
 * (getAllProperties, getAllUnrestrictedProperties, getProperties, getSupportedVersions) and
 * {@code time.cgi}. A client written for real devices asks these first and only uses what the list
 * names. The list, the versions and the property values are the model's as recorded
 * ({@link ModelProfile}; vapix-notes.md section 2).
 */
final class JsonApis {

	/** Every item of a recorded list links here. */
	private static final String DOC_LINK = "https://www.axis.com/partner_pages/vapix_library/#/";

	private final StateStore store;
	private final ModelProfile profile;

	JsonApis(StateStore store) {
		this.store = store;
		this.profile = ModelProfile.of(store.descriptor());
	}

	private String version(String id, String otherwise) {
		ModelProfile.Api a = profile.api(id);
		return a == null ? otherwise : a.version();
	}

	Response apiDiscovery(Request request) {
		String v = version("api-discovery", "1.1");
		try {
			JsonRpc.Call call = JsonRpc.parse(request, v);
			return switch (call.method()) {
			case "getApiList" -> {
				JsonArray list = new JsonArray();
				boolean ports = store.portCount() > 0 && store.descriptor().portManagementApi();
				for (ModelProfile.Api a : profile.apis) {
					if (a.id().equals("io-port-management") && !ports) {
						continue; // a model (or firmware) without the API does not list it
					}
					list.add(api(a));
				}
				JsonObject data = new JsonObject();
				data.add("apiList", list);
				yield JsonRpc.ok(call, data);
			}
			case "getSupportedVersions" -> JsonRpc.ok(call, versions(v));
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, v);
		}
	}

	Response basicDeviceInfo(Request request) {
		String v = version("basic-device-info", "1.3");
		try {
			JsonRpc.Call call = JsonRpc.parse(request, v);
			return switch (call.method()) {
			case "getAllProperties" -> {
				JsonObject data = new JsonObject();
				data.add("propertyList", properties(false));
				yield JsonRpc.ok(call, data, false);
			}
			case "getAllUnrestrictedProperties" -> {
				JsonObject data = new JsonObject();
				data.add("propertyList", properties(true));
				yield JsonRpc.ok(call, data, false);
			}
			case "getProperties" -> {
				JsonElement wanted = call.params().get("propertyList");
				if (wanted == null || !wanted.isJsonArray()) {
					throw new JsonRpc.RpcError(JsonRpc.MISSING_PARAM, "Missing parameter: propertyList");
				}
				JsonObject all = properties(false);
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
				yield JsonRpc.ok(call, data, false);
			}
			case "getSupportedVersions" -> JsonRpc.ok(call, versions(v), false);
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, v);
		}
	}

	/**
	 * {@code time.cgi} (Time API, developer.axis.com/vapix/network-video/time-api): getDateTimeInfo
	 * and setTimeZone (IANA zone); {@code localDateTime} carries the offset and setTimeZone echoes
	 * the zone, as documented (not recorded).
	 */
	Response time(Request request) {
		String v = version("time-service", "1.1");
		try {
			JsonRpc.Call call = JsonRpc.parse(request, v);
			return switch (call.method()) {
			case "getDateTimeInfo" -> {
				String zone = store.timeZone();
				java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
				JsonObject data = new JsonObject();
				data.addProperty("dateTime", now.toString());
				data.addProperty("localDateTime",
						now.atZone(java.time.ZoneId.of(zone)).toOffsetDateTime().toString());
				data.addProperty("timeZone", zone);
				data.addProperty("maxYearSupported", 2037);
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
				JsonObject data = new JsonObject();
				data.addProperty("timeZone", zone);
				yield JsonRpc.ok(call, data);
			}
			case "getSupportedVersions" -> JsonRpc.ok(call, versions(v));
			default -> throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			};
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, v);
		}
	}

	/** @param unrestricted without Architecture, Soc and SocSerialNumber, as getAllUnrestrictedProperties */
	private JsonObject properties(boolean unrestricted) {
		DeviceDescriptor d = store.descriptor();
		JsonObject p = new JsonObject();
		if (!unrestricted) {
			p.addProperty("Architecture", store.parameter("Properties.System.Architecture"));
		}
		p.addProperty("ProdNbr", store.parameter("Brand.ProdNbr"));
		p.addProperty("HardwareID", store.parameter("Properties.System.HardwareID"));
		p.addProperty("ProdFullName", store.parameter("Brand.ProdFullName"));
		p.addProperty("Version", store.firmware());
		p.addProperty("ProdType", store.parameter("Brand.ProdType"));
		if (!unrestricted) {
			p.addProperty("Soc", store.parameter("Properties.System.Soc"));
		}
		p.addProperty("Brand", store.parameter("Brand.Brand"));
		p.addProperty("WebURL", store.parameter("Brand.WebURL"));
		p.addProperty("ProdVariant", store.parameter("Brand.ProdVariant"));
		p.addProperty("SerialNumber", d.serial());
		if (!unrestricted) {
			p.addProperty("SocSerialNumber",
					"00000000-00000000-" + d.serial().substring(Math.max(0, d.serial().length() - 8)));
		}
		p.addProperty("ProdShortName", store.parameter("Brand.ProdShortName"));
		p.addProperty("BuildDate", store.parameter("Properties.Firmware.BuildDate"));
		return p;
	}

	private static JsonObject api(ModelProfile.Api a) {
		JsonObject o = new JsonObject();
		o.addProperty("id", a.id());
		o.addProperty("version", a.version());
		o.addProperty("name", a.name());
		o.addProperty("docLink", DOC_LINK);
		if (a.status() != null) {
			o.addProperty("status", a.status());
		}
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
