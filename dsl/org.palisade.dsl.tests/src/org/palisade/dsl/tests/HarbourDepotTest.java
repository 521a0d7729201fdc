package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.dsl.load.DesignSet;
import org.palisade.model.site.ApplicationTrigger;
import org.palisade.model.site.CircuitState;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceKind;
import org.palisade.model.site.NotifyAction;
import org.palisade.model.site.OutputAction;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.PortDirection;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.ScheduleCondition;
import org.palisade.model.site.Site;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.Weekday;
import org.palisade.model.site.Wire;

import com.google.inject.Inject;

/**
 * The manual's scenario, read into the model: what each line of the example means.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class HarbourDepotTest {

	@Inject
	private DesignSet designSet;

	@Test
	void theManualScenarioIsInTheModel() throws Exception {
		designSet.load(List.of(Fixtures.harbourDepot()));
		assertEquals(List.of("SCHED-WRAP"), designSet.validate().stream().map(d -> d.code()).toList());
		Site site = (Site) designSet.designs().get(0).getElements().get(0);
		assertEquals("Harbour Depot", site.getName());
		assertEquals("Europe/Stockholm", site.getTimezone());
		assertEquals("10.20.0.0/24", site.getNetworks().get(0).getSubnet());

		Schedule afterHours = site.getSchedules().get(0);
		assertEquals("After hours", afterHours.getLabel());
		assertEquals(Weekday.MON, afterHours.getIntervals().get(0).getDays().get(0).getFirst());
		assertEquals(Weekday.FRI, afterHours.getIntervals().get(0).getDays().get(0).getLast());
		assertEquals(18 * 60, afterHours.getIntervals().get(0).getStart());
		assertEquals(8 * 60, afterHours.getIntervals().get(0).getEnd());

		Device camera = site.getDevices().get(0);
		assertEquals("North1", camera.getName());
		assertEquals(DeviceKind.THERMAL_CAMERA, camera.getType().getKind());
		assertEquals(50.0, camera.getType().getPins().get(1).getMaxCurrent());

		PortConfig port = camera.getPorts().get(0);
		assertEquals(1, port.getPort());
		assertEquals(PortDirection.OUTPUT, port.getDirection());
		assertEquals("Flashing beacon", port.getName());
		assertEquals(CircuitState.OPEN, port.getNormalState());

		Wire red = camera.getWires().get(0);
		assertEquals("red", red.getColour());
		assertEquals(0.25, red.getArea());
		assertEquals(40.0, red.getLength());
		assertEquals(2, ((PinEndpoint) red.getFrom()).getPin());
		Device beacon = ((TerminalEndpoint) red.getTo()).getDevice();
		assertEquals("Beacon1", beacon.getName());
		assertEquals("plus", ((TerminalEndpoint) red.getTo()).getTerminal().getName());
		assertEquals(50.0, beacon.getType().getCurrent());

		Rule flash = camera.getRules().get(0);
		assertEquals("Flashing beacon", flash.getName());
		assertEquals("intrusion", ((ApplicationTrigger) flash.getTrigger()).getEvent());
		assertSame(afterHours, ((ScheduleCondition) flash.getConditions().get(0)).getSchedule());
		assertSame(port, ((OutputAction) flash.getAction()).getPort());
		assertEquals(30, ((OutputAction) flash.getAction()).getDuration());

		Rule horn = camera.getRules().get(1);
		NotifyAction notify = (NotifyAction) horn.getAction();
		assertEquals("Horn speaker", notify.getRecipient().getLabel());
		assertEquals("Horn", notify.getRecipient().getSpeaker().getName());
		assertEquals(2, notify.getRecipient().getClip());
		assertTrue(notify.getRecipient().getSpeaker().getClips().stream().anyMatch(c -> c.getNumber() == 2));
		assertFalse(camera.getCredentials().isEmpty());
	}
}
