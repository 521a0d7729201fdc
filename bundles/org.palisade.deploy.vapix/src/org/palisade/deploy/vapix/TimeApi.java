package org.palisade.deploy.vapix;

import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.Safety;

import com.google.gson.JsonObject;

/**
 * {@code /axis-cgi/time.cgi}, the Time API (developer.axis.com/vapix/network-video/time-api):
 * the device's IANA time zone, in whose local time scheduled events run. The member name
 * {@code timeZone} is unconfirmed; the API is deprecated from AXIS OS 12.4 in favour of the Device
 * Configuration Time API.
 */
public final class TimeApi {

	private static final String PATH = "/axis-cgi/time.cgi";

	private final JsonRpcClient rpc;

	TimeApi(JsonRpcClient rpc) {
		this.rpc = rpc;
	}

	/** @return the IANA time zone the device uses, or {@code null} when it reports none */
	public String getTimeZone() throws VapixException {
		JsonObject data = rpc.call(PATH, "1.0", "getDateTimeInfo", null, Safety.READ, "time getDateTimeInfo");
		return data.has("timeZone") && !data.get("timeZone").isJsonNull() ? data.get("timeZone").getAsString() : null;
	}

	/** Sets the IANA time zone, e.g. {@code Europe/Stockholm}; idempotent. */
	public void setTimeZone(String zone) throws VapixException {
		JsonObject params = new JsonObject();
		params.addProperty("timeZone", zone);
		rpc.call(PATH, "1.0", "setTimeZone", params, Safety.IDEMPOTENT_WRITE, "time setTimeZone");
	}
}
