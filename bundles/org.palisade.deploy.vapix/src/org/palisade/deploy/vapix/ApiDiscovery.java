package org.palisade.deploy.vapix;

import java.util.ArrayList;
import java.util.List;

import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.Safety;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** {@code /axis-cgi/apidiscovery.cgi} getApiList (vapix.md §8): which APIs the device offers. */
public final class ApiDiscovery {

	/** One listed API, e.g. {@code io-port-management 1.0}. */
	public record ApiInfo(String id, String version, String name, String docLink) {
	}

	private final JsonRpcClient rpc;

	ApiDiscovery(JsonRpcClient rpc) {
		this.rpc = rpc;
	}

	public List<ApiInfo> getApiList() throws VapixException {
		JsonObject data = rpc.call("/axis-cgi/apidiscovery.cgi", "1.0", "getApiList", null, Safety.READ,
				"apidiscovery getApiList");
		List<ApiInfo> out = new ArrayList<>();
		JsonElement list = data.get("apiList");
		if (list != null && list.isJsonArray()) {
			for (JsonElement e : list.getAsJsonArray()) {
				JsonObject o = e.getAsJsonObject();
				out.add(new ApiInfo(s(o, "id"), s(o, "version"), s(o, "name"), s(o, "docLink")));
			}
		}
		return out;
	}

	private static String s(JsonObject o, String k) {
		return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsString() : null;
	}
}
