package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Event1.EventTopic;
import org.palisade.deploy.vapix.Event1.ScheduledEvent;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.VirtualDevice;

class Event1Test {

	static final String AFTER_HOURS = "DTSTART:19700101T180000\nDTEND:19700101T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
	private VirtualDevice device;
	private VapixClient client;

	@BeforeEach
	void start() throws Exception {
		device = Fixture.camera("cam-ev");
		client = Fixture.client(device);
	}

	@AfterEach
	void stop() {
		client.close();
		device.stop();
	}

	@Test
	void addListRemoveScheduledEvents() throws Exception {
		String id = client.event1().addScheduledEvent("After hours", AFTER_HOURS);
		List<ScheduledEvent> all = client.event1().getScheduledEvents();
		ScheduledEvent mine = all.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
		assertEquals(new ScheduledEvent(id, "After hours", AFTER_HOURS), mine);
		assertTrue(mine.interval());
		assertTrue(all.stream().anyMatch(e -> e.id().equals("com.axis.schedules.after_hours")));
		assertEquals("explicit.id", client.event1().addScheduledEvent("explicit.id", "Pulse", "DTSTART:19700101T000000\nRRULE:FREQ=MINUTELY;INTERVAL=5"));
		client.event1().removeScheduledEvent(id);
		assertFalse(client.event1().getScheduledEvents().stream().anyMatch(e -> e.id().equals(id)));
	}

	@Test
	void invalidScheduleIsASoapFault() throws Exception {
		VapixException e = assertThrows(VapixException.class, () -> client.event1().addScheduledEvent("Bad", "RRULE:FREQ=WEEKLY"));
		assertEquals(VapixException.Kind.DEVICE_ERROR, e.kind());
		assertEquals(400, e.httpStatus());
		assertEquals("Sender", e.deviceCode());
		assertTrue(e.deviceError().startsWith("Invalid schedule"), e.deviceError());
		assertEquals("event1 AddScheduledEvent", e.call());
		VapixException missing = assertThrows(VapixException.class, () -> client.event1().removeScheduledEvent("nope"));
		assertEquals(1, missing.attempts());
	}

	@Test
	void eventInstancesListTheTopicsRulesCanUse() throws Exception {
		String id = client.event1().addScheduledEvent("After hours", AFTER_HOURS);
		List<EventTopic> topics = client.event1().getEventInstances();
		EventTopic interval = topics.stream()
				.filter(t -> t.expression().equals("tns1:UserAlarm/tnsaxis:Recurring/Interval")).findFirst().orElseThrow();
		assertTrue(interval.stateful());
		assertEquals("Scheduled event", interval.niceName());
		assertTrue(interval.sourceValues().get("id").contains(id));
		EventTopic pd = topics.stream().filter(t -> t.expression().startsWith("tnsaxis:CameraApplicationPlatform/PerimeterDefender/"))
				.findFirst().orElseThrow();
		// the device's spelling: levels below the application root unqualified (recorded for ACAPs)
		assertEquals("tnsaxis:CameraApplicationPlatform/PerimeterDefender/Camera1Profile1", pd.expression());
		assertTrue(pd.stateful());
		assertTrue(topics.stream().anyMatch(t -> t.expression().equals("tns1:Device/tnsaxis:IO/Port")));
		client.event1().addScheduledEvent("Every 5 min", "DTSTART:19700101T000000\nRRULE:FREQ=MINUTELY;INTERVAL=5");
		assertFalse(client.event1().getEventInstances().stream().filter(t -> t.expression().endsWith("Recurring/Pulse"))
				.findFirst().orElseThrow().stateful());
	}
}
