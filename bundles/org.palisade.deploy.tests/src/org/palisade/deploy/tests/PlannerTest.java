package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.Change;
import org.palisade.deploy.DevicePlan;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;
import org.palisade.deploy.Planner;

/** The planner on plain values: ownership, replacement of dependents, step order. */
class PlannerTest {

	private static final Planner PLANNER = new Planner(List.of("port", "schedule", "action", "rule"));

	private static ManagedObject onDevice(String kind, String key, Origin origin, Map<String, String> a, String id,
			String... deps) {
		return new ManagedObject(kind, key, Nature.ITEM, origin, a, List.of(deps), id);
	}

	@Test
	void createsInDependencyOrderAndLeavesHandMadeAlone() {
		ManagedObject rule = ManagedObject.item("rule", "R", Map.of("primaryAction", "${ref:action/A}"), List.of("action/A"));
		ManagedObject action = ManagedObject.item("action", "A", Map.of("x", "1"), List.of());
		ManagedObject port = ManagedObject.setting("port", "1", Map.of("name", "Beacon"));
		ManagedObject handMade = onDevice("rule", "Manual", Origin.HAND_MADE, Map.of(), "7");
		ManagedObject factory = onDevice("schedule", "Weekdays", Origin.FACTORY, Map.of(), "com.axis.schedules.weekdays");
		DevicePlan plan = PLANNER.plan("cam", List.of(rule, action, port), List.of(handMade, factory,
				new ManagedObject("port", "1", Nature.SETTING, Origin.FACTORY, Map.of("name", "Port 1"), List.of(), null)));
		assertEquals(List.of("SET port/1", "CREATE action/A", "CREATE rule/R"),
				plan.steps().stream().map(s -> s.action() + " " + s.object().id()).toList());
		assertEquals(List.of(handMade), plan.handMade());
		assertEquals(List.of("~ port 1", "    name: \"Port 1\" -> \"Beacon\""), plan.changes().get(0).describe());
	}

	@Test
	void replacingAnItemReplacesItsDependentsAndDeletesOrphans() {
		ManagedObject action = ManagedObject.item("action", "A", Map.of("duration", "60"), List.of());
		ManagedObject rule = ManagedObject.item("rule", "R", Map.of("p", "${ref:action/A}"), List.of("action/A"));
		List<ManagedObject> current = List.of(
				onDevice("action", "A", Origin.PALISADE, Map.of("duration", "30"), "1"),
				onDevice("rule", "R", Origin.PALISADE, Map.of("p", "${ref:action/A}"), "1", "action/A"),
				onDevice("rule", "Old", Origin.PALISADE, Map.of(), "2"),
				onDevice("action", "A", Origin.PALISADE, Map.of("duration", "60"), "9"));
		DevicePlan plan = PLANNER.plan("cam", List.of(action, rule), current);
		assertEquals(List.of("DELETE rule/Old#2", "DELETE rule/R#1", "DELETE action/A#9", "DELETE action/A#1",
				"CREATE action/A#null", "CREATE rule/R#null"),
				plan.steps().stream().map(s -> s.action() + " " + s.object().id() + "#" + s.object().deviceId()).toList());
		assertTrue(plan.changes().stream().anyMatch(c -> c.op() == Change.Op.REPLACE && c.object().id().equals("rule/R")));
		assertEquals("0 to create, 2 to update, 2 to delete", plan.summary());
	}

	@Test
	void equalContentPlansNothing() {
		ManagedObject a = ManagedObject.item("action", "A", Map.of("x", "1"), List.of());
		assertTrue(PLANNER.plan("cam", List.of(a), List.of(a.withDeviceId("4"))).isEmpty());
	}
}
