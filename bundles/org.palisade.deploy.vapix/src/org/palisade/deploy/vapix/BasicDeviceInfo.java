package org.palisade.deploy.vapix;

import java.util.LinkedHashMap;
import java.util.Map;

import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.Safety;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code /axis-cgi/basicdeviceinfo.cgi} getAllProperties (vapix.md §8): ProdNbr, ProdType,
 * SerialNumber, Version (firmware), Brand, Architecture, ...
 */
public final class BasicDeviceInfo {

	private final JsonRpcClient rpc;

	BasicDeviceInfo(JsonRpcClient rpc) {
		this.rpc = rpc;
	}

	/** @return property name to value, as strings */
	public Map<String, String> getAllProperties() throws VapixException {
		return properties("getAllProperties");
	}

	/**
	 * The properties a device also gives an anonymous user (AXIS OS 8.40 and later): Brand,
	 * ProdNbr, ProdShortName, ProdFullName, SerialNumber, Version, ... but not the SoC's. Enough
	 * to tell which device answers at an address (issue #17), and it works before a factory-new
	 * device has a password.
	 *
	 * @return property name to value, as strings
	 */
	public Map<String, String> getAllUnrestrictedProperties() throws VapixException {
		return properties("getAllUnrestrictedProperties");
	}

	private Map<String, String> properties(String method) throws VapixException {
		JsonObject data = rpc.call("/axis-cgi/basicdeviceinfo.cgi", "1.0", method, null, Safety.READ,
				"basicdeviceinfo " + method);
		Map<String, String> out = new LinkedHashMap<>();
		JsonElement list = data.get("propertyList");
		if (list != null && list.isJsonObject()) {
			list.getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(),
					e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
		}
		return out;
	}
}
