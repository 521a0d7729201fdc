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
 * {@code axtdc:GetDoorList}. Its attributes: {@value #INDEX}; the {@code axtdc:SetDoor} fields the
 * design sets ({@code Name}, {@code AccessTime}, {@code OpenTooLongTime}, as xs:duration); and
 * {@value #CONFIG}{@code <key>} for the {@code axtdc:SetDoorConfiguration} keys ({@code Lock.Type},
 * {@code DoorMonitor.ValueWhenOpen}, ...). Read gives exactly the keys the design sets, so a deploy
 * that matched reads back equal and a restore writes back what was there.
 */
final class DoorSettings {

	static final String INDEX = "index";
	static final String CONFIG = "config.";

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
			int index = Integer.parseInt(w.attributes().get(INDEX));
			DoorControl.Door d = doors.get(index);
			if (d == null) {
				throw new DeviceUnsuitableException(client.device() + " (" + label + ") has " + list.size()
						+ (list.size() == 1 ? " door" : " doors") + " and the design's door " + w.key() + " is door " + index);
			}
			Map<String, String> config = configs.getOrDefault(d.token(), Map.of());
			Map<String, String> a = new LinkedHashMap<>();
			for (String k : w.attributes().keySet()) {
				String v = k.equals(INDEX) ? Integer.toString(index)
						: k.startsWith(CONFIG) ? config.get(k.substring(CONFIG.length())) : d.fields().get(k);
				a.put(k, v == null ? "" : v);
			}
			out.add(new ManagedObject(Conventions.DOOR, w.key(), Nature.SETTING, Origin.FACTORY, a, List.of(), d.token()));
		}
		return out;
	}

	/** SetDoor with the controller's other fields as they are, then SetDoorConfiguration with the keys given. */
	void set(VapixClient client, ManagedObject setting) throws VapixException, DeviceException {
		int index = Integer.parseInt(setting.attributes().get(INDEX));
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
		Map<String, String> config = new LinkedHashMap<>();
		setting.attributes().forEach((k, v) -> {
			if (k.startsWith(CONFIG)) {
				config.put(k.substring(CONFIG.length()), v);
			} else if (!k.equals(INDEX)) {
				fields.put(k, v);
			}
		});
		client.doorControl().setDoor(d.token(), fields);
		if (!config.isEmpty()) {
			client.doorControl().setDoorConfiguration(d.token(), config);
		}
		doors.put(index, new DoorControl.Door(d.token(), fields));
	}
}
