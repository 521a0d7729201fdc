package org.palisade.deploy.vapix;

import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.Safety;

import com.google.gson.JsonObject;

/**
 * {@code /axis-cgi/systemready.cgi}, the Systemready API (developer.axis.com/vapix/network-video/
 * systemready-api; AXIS OS 9.50 and later), answered without authentication. Its {@code needsetup}
 * tells a factory-new device (no account yet: commission it) from one that refuses Palisade's
 * credentials or connection (issue #17); the answer's shape is as rs4a-vapix records it
 * ({@code {"systemready":"yes","needsetup":"no","uptime":"37509","bootid":"..."}}).
 */
public final class SystemReady {

	/** What the device says of itself. */
	public record State(boolean ready, boolean needsSetup) {
	}

	private final JsonRpcClient rpc;

	SystemReady(JsonRpcClient rpc) {
		this.rpc = rpc;
	}

	public State get() throws VapixException {
		JsonObject data = rpc.call("/axis-cgi/systemready.cgi", "1.0", "systemready", null, Safety.READ, "systemready");
		return new State("yes".equals(text(data, "systemready")), "yes".equals(text(data, "needsetup")));
	}

	private static String text(JsonObject o, String name) {
		return o != null && o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : null;
	}
}
