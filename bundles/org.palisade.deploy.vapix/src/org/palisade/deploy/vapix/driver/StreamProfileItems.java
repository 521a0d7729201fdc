package org.palisade.deploy.vapix.driver;

import java.util.List;
import java.util.Map;

import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;
import org.palisade.deploy.vapix.StreamProfiles;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * Stream profiles as managed items (#17): the profile's name is the design's stream name (what a
 * viewer or recorder asks for), so Palisade's are told by the tag in their description, and the
 * device's handle of a profile is its name.
 */
final class StreamProfileItems {

	private StreamProfileItems() {
	}

	static ManagedObject read(StreamProfiles.Profile p) {
		boolean owned = Conventions.isTagged(p.description());
		Map<String, String> a = new DeviceObjects.StreamProfile(Conventions.untagged(p.description()), p.parameters())
				.attributes();
		return new ManagedObject(Conventions.STREAM_PROFILE, p.name(), Nature.ITEM,
				owned ? Origin.PALISADE : Origin.HAND_MADE, a, List.of(), p.name());
	}

	/** Creates the profiles in one request (none for none). */
	static void create(VapixClient client, List<ManagedObject> profiles) throws VapixException {
		if (!profiles.isEmpty()) {
			client.streamProfiles().create(profiles.stream().map(StreamProfileItems::profile).toList());
		}
	}

	static StreamProfiles.Profile profile(ManagedObject item) {
		DeviceObjects.StreamProfile p = DeviceObjects.StreamProfile.of(item.attributes());
		return new StreamProfiles.Profile(item.key(), Conventions.tagged(p.description()), p.parameters());
	}
}
