package org.palisade.simulator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One event message of a device, as the event service would send it: its topic (the levels'
 * local names, {@code [CameraApplicationPlatform, PerimeterDefender, Fence]}) and the simple items
 * of its Source and Data.
 */
public record DeviceEvent(List<String> topic, Map<String, String> source, Map<String, String> data) {

	public DeviceEvent {
		topic = List.copyOf(topic);
		source = Map.copyOf(source);
		data = Map.copyOf(data);
	}

	/** @return the levels of a Concrete topic expression without their prefixes */
	public static List<String> levels(String expression) {
		List<String> out = new ArrayList<>();
		for (String level : expression.trim().split("/")) {
			out.add(level.substring(level.indexOf(':') + 1).trim());
		}
		return out;
	}

	/** @return the topic as a path, {@code CameraApplicationPlatform/PerimeterDefender/Fence} */
	public String path() {
		return String.join("/", topic);
	}
}
