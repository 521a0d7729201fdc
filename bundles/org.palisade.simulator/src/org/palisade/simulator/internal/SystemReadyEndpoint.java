package org.palisade.simulator.internal;

import com.google.gson.JsonObject;

/**
 * {@code /axis-cgi/systemready.cgi}, the Systemready API (developer.axis.com/vapix/network-video/
 * systemready-api: answered without authentication; AXIS OS 9.50 and later): {@code systemready}
 * answers {@code systemready}, {@code needsetup}, {@code uptime} and {@code bootid}, as rs4a-vapix
 * records the answer. {@code needsetup} is {@code yes} while a factory-new device has no account yet,
 * which is how commissioning, plan and the Studio tell a factory-new device from one that refuses
 * them (issue #17).
 */
final class SystemReadyEndpoint implements Endpoint {

	static final String PATH = "/axis-cgi/systemready.cgi";

	private final FactoryState factory;
	private final long started = System.nanoTime();
	private final String bootId = java.util.UUID.randomUUID().toString();

	/** @param factory the factory-new state, or {@code null} for a device that was set up */
	SystemReadyEndpoint(FactoryState factory) {
		this.factory = factory;
	}

	@Override
	public Response handle(Request request) {
		String v = "1.4";
		try {
			JsonRpc.Call call = JsonRpc.parse(request, v);
			if (!call.method().equals("systemready")) {
				throw new JsonRpc.RpcError(JsonRpc.METHOD, "Method not supported");
			}
			JsonObject data = new JsonObject();
			data.addProperty("systemready", "yes");
			data.addProperty("needsetup", factory != null && !factory.hasAccount() ? "yes" : "no");
			data.addProperty("uptime", Long.toString((System.nanoTime() - started) / 1_000_000_000L));
			data.addProperty("bootid", bootId);
			return JsonRpc.ok(call, data, true);
		} catch (JsonRpc.RpcError e) {
			return JsonRpc.error(request, e, v);
		}
	}
}
