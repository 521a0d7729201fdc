package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.DeviceException;
import org.palisade.deploy.DeviceUnsuitableException;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;
import org.palisade.deploy.vapix.DoorControl;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;

/**
 * A door controller's doors as {@code door} settings (issue #19). A door is the controller's own
 * (its token is the controller's), so the design's door N is the controller's N-th door in
 * {@code axtdc:GetDoorList}. Its attributes are a {@link DeviceObjects.Door}: the index, the
 * {@code axtdc:SetDoor} fields the design sets and the {@code axtdc:SetDoorConfiguration} keys.
 * Read gives exactly the fields and keys the design sets, so a deploy that matched reads back equal
 * and a restore writes back what was there.
 */
final class DoorSettings {

	/** Door number (from 1) to the controller's token and fields, as last read. */
	private final Map<Integer, DoorControl.Door> doors = new HashMap<>();

	/**
	 * @param wanted the door settings of the design
	 * @param label  the model and firmware the device reported, for messages
	 */
	List<ManagedObject> read(VapixClient client, Collection<ManagedObject> wanted, String label)
			throws VapixException, DeviceUnsuitableException {
		List<DoorControl.Door> list;
		try {
			list = client.doorControl().doors();
		} catch (VapixException e) {
			if (e.httpStatus() == 404) {
				throw new DeviceUnsuitableException(client.device() + " (" + label + ") has no door control service "
						+ "(/vapix/doorcontrol answered 404) and the design gives it doors: check the model at its address");
			}
			throw e;
		}
		Map<String, Map<String, String>> configs = client.doorControl().configurations();
		doors.clear();
		for (int i = 0; i < list.size(); i++) {
			doors.put(i + 1, list.get(i));
		}
		List<ManagedObject> out = new ArrayList<>();
		for (ManagedObject w : wanted) {
			DeviceObjects.Door want = DeviceObjects.Door.of(w.attributes());
			int index = want.index();
			DoorControl.Door d = doors.get(index);
			if (d == null) {
				throw new DeviceUnsuitableException(client.device() + " (" + label + ") has " + list.size()
						+ (list.size() == 1 ? " door" : " doors") + " and the design's door " + w.key() + " is door " + index);
			}
			Map<String, String> config = configs.getOrDefault(d.token(), Map.of());
			Map<String, String> fields = new LinkedHashMap<>();
			want.fields().keySet().forEach(k -> fields.put(k, d.fields().getOrDefault(k, "")));
			Map<String, String> keys = new LinkedHashMap<>();
			want.config().keySet().forEach(k -> keys.put(k, config.getOrDefault(k, "")));
			out.add(new ManagedObject(Conventions.DOOR, w.key(), Nature.SETTING, Origin.FACTORY,
					new DeviceObjects.Door(index, fields, keys).attributes(), List.of(), d.token()));
		}
		return out;
	}

	/** SetDoor with the controller's other fields as they are, then SetDoorConfiguration with the keys given. */
	void set(VapixClient client, ManagedObject setting) throws VapixException, DeviceException {
		DeviceObjects.Door want = DeviceObjects.Door.of(setting.attributes());
		int index = want.index();
		DoorControl.Door d = doors.get(index);
		if (d == null) {
			List<DoorControl.Door> list = client.doorControl().doors();
			for (int i = 0; i < list.size(); i++) {
				doors.put(i + 1, list.get(i));
			}
			d = doors.get(index);
			if (d == null) {
				throw new DeviceException(client.device() + ": door " + index + " does not exist on the controller", null);
			}
		}
		Map<String, String> fields = new LinkedHashMap<>(d.fields());
		fields.putAll(want.fields());
		Map<String, String> config = want.config();
		client.doorControl().setDoor(d.token(), fields);
		if (!config.isEmpty()) {
			client.doorControl().setDoorConfiguration(d.token(), config);
		}
		doors.put(index, new DoorControl.Door(d.token(), fields));
	}
}
