package org.palisade.deploy.vapix;

import java.util.ArrayList;
import java.util.List;

import org.palisade.deploy.vapix.internal.JsonRpcClient;
import org.palisade.deploy.vapix.internal.Safety;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code /axis-cgi/streamprofile.cgi}, the Stream profile API (developer.axis.com/vapix/network-video/
 * stream-profiles; discovery id {@code stream-profiles}): named sets of the parameters a video stream
 * request takes ({@code resolution=640x480&fps=15&videobitratemode=abr...}), which viewers and
 * recorders ask for by name. One list answers every profile; create and remove take several at once.
 */
public final class StreamProfiles {

	private static final String PATH = "/axis-cgi/streamprofile.cgi";
	private static final String VERSION = "1.0";

	/** A stream profile as the device lists it; {@code parameters} is a URL query without {@code ?}. */
	public record Profile(String name, String description, String parameters) {
	}

	private final JsonRpcClient rpc;

	StreamProfiles(JsonRpcClient rpc) {
		this.rpc = rpc;
	}

	/** @return every stream profile on the device */
	public List<Profile> list() throws VapixException {
		JsonObject params = new JsonObject();
		params.add("streamProfileName", new JsonArray());
		JsonObject data = rpc.call(PATH, VERSION, "list", params, Safety.READ, "streamprofile list");
		List<Profile> out = new ArrayList<>();
		JsonElement items = data.get("streamProfile");
		if (items != null && items.isJsonArray()) {
			for (JsonElement e : items.getAsJsonArray()) {
				JsonObject o = e.getAsJsonObject();
				out.add(new Profile(str(o, "name"), str(o, "description"), str(o, "parameters")));
			}
		}
		return out;
	}

	/** Creates a profile; a second create of one name is refused by the device, so it is not repeated blindly. */
	public void create(Profile profile) throws VapixException {
		create(List.of(profile));
	}

	/** Creates several profiles in one request. */
	public void create(List<Profile> profiles) throws VapixException {
		JsonArray a = new JsonArray();
		for (Profile profile : profiles) {
			JsonObject p = new JsonObject();
			p.addProperty("name", profile.name());
			p.addProperty("description", profile.description() == null ? "" : profile.description());
			p.addProperty("parameters", profile.parameters() == null ? "" : profile.parameters());
			a.add(p);
		}
		JsonObject params = new JsonObject();
		params.add("streamProfile", a);
		rpc.call(PATH, VERSION, "create", params, Safety.NON_IDEMPOTENT, "streamprofile create");
	}

	/** Removes the named profile; idempotent in effect (a second remove finds nothing to remove). */
	public void remove(String name) throws VapixException {
		JsonObject n = new JsonObject();
		n.addProperty("name", name);
		JsonArray a = new JsonArray();
		a.add(n);
		JsonObject params = new JsonObject();
		params.add("streamProfileName", a);
		rpc.call(PATH, VERSION, "remove", params, Safety.IDEMPOTENT_WRITE, "streamprofile remove");
	}

	private static String str(JsonObject o, String k) {
		JsonElement e = o.get(k);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}
}
