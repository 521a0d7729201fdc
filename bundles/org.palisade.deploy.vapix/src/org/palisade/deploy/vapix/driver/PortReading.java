package org.palisade.deploy.vapix.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;
import org.palisade.deploy.vapix.driver.DeviceObjects.Port;

/** A device's I/O ports as {@link VapixDriver} reads them, from the IOPort tree of one param.cgi list. */
final class PortReading {

	private PortReading() {
	}

	/** The IOPort parameters a port object carries besides what port management shows. */
	private static final List<String> PORT_PARAMS = List.of("Input.Name", "Input.Trig", "Output.Name", "Output.Active");

	/**
	 * Ports from the IOPort tree, read in the same param.cgi list as the parameters: it holds all a
	 * port object compares (getPorts' normalState is the opposite of the active level, the mapping
	 * vapix-notes.md section 2 documents), so no getPorts call is spent on it (#14 kept the
	 * per-camera request count while adding the capability questions).
	 */
	static List<ManagedObject> read(Map<String, String> io) {
		List<ManagedObject> out = new ArrayList<>();
		for (int i = 0; io.containsKey("IOPort.I" + i + ".Direction"); i++) {
			String base = "IOPort.I" + i + ".";
			boolean output = "output".equals(io.get(base + "Direction"));
			String active = io.get(base + (output ? "Output.Active" : "Input.Trig"));
			out.add(port(i, io.get(base + "Direction"), io.get(base + (output ? "Output.Name" : "Input.Name")),
					"open".equals(active) ? "closed" : "open", io));
		}
		return out;
	}

	private static ManagedObject port(int index, String direction, String name, String normalState,
			Map<String, String> io) {
		Map<String, String> extra = new LinkedHashMap<>();
		for (String p : PORT_PARAMS) {
			String v = io.get("IOPort.I" + index + "." + p);
			if (v != null) {
				extra.put(p, v);
			}
		}
		return new ManagedObject(Conventions.PORT, Integer.toString(index + 1), Nature.SETTING, Origin.FACTORY,
				new Port(direction, name, normalState, extra).attributes(), List.of(), null);
	}

}
