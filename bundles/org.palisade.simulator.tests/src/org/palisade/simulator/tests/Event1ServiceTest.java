package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class Event1ServiceTest {

	static final String AFTER_HOURS = "DTSTART:19700101T180000\nDTEND:19700101T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
	private VirtualDevice device;
	private TestHttp http;

	@BeforeEach
	void start() throws Exception {
		device = new VirtualDevice(DeviceDescriptor.builder("cam").password("pw".toCharArray())
				.scenarios(List.of("Camera1Profile1", "Camera1ProfileANY")).build()).start();
		http = new TestHttp(device.baseUri(), "root", "pw");
	}

	@AfterEach
	void stop() {
		device.stop();
	}

	static String add(String name, String ical) {
		return "<aev:AddScheduledEvent><aev:NewScheduledEvent><aev:Name>" + name + "</aev:Name><aev:Schedule>"
				+ "<aev:ICalendar Dialect=\"http://www.axis.com/vapix/ws/ical1\">" + ical
				+ "</aev:ICalendar></aev:Schedule></aev:NewScheduledEvent></aev:AddScheduledEvent>";
	}

	@Test
	void addThenGetScheduledEvent() throws Exception {
		HttpResponse<String> r = http.soap(add("After hours", AFTER_HOURS));
		assertEquals(200, r.statusCode());
		assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/soap+xml"));
		Document d = TestHttp.xml(r.body());
		assertEquals("AddScheduledEventResponse", ((Element) d.getElementsByTagNameNS("http://www.axis.com/vapix/ws/event1", "AddScheduledEventResponse").item(0)).getLocalName());
		String id = TestHttp.texts(d, "EventID").get(0);
		assertEquals("com.axis.schedules.genid.id-0", id);

		Document list = TestHttp.xml(http.soap("<aev:GetScheduledEvents/>").body());
		assertTrue(TestHttp.texts(list, "EventID").contains(id));
		assertTrue(TestHttp.texts(list, "Name").contains("After hours"));
		assertTrue(TestHttp.texts(list, "ICalendar").contains(AFTER_HOURS));
		assertTrue(device.state().scheduledEvents().contains(new DeviceState.ScheduledEvent(id, "After hours", AFTER_HOURS)));
	}

	@Test
	void builtInSchedulesExistAndFilterByType() throws Exception {
		List<String> ids = TestHttp.texts(TestHttp.xml(http.soap("<aev:GetScheduledEvents/>").body()), "EventID");
		assertEquals(List.of("com.axis.schedules.weekdays", "com.axis.schedules.office_hours",
				"com.axis.schedules.after_hours", "com.axis.schedules.weekends"), ids);
		http.soap(add("Every 5 min", "DTSTART:19700101T000000\nRRULE:FREQ=MINUTELY;INTERVAL=5"));
		String pulses = http.soap("<aev:GetScheduledEvents><aev:ScheduleFilter><aev:ScheduleType>Pulse</aev:ScheduleType>"
				+ "</aev:ScheduleFilter></aev:GetScheduledEvents>").body();
		assertEquals(List.of("Every 5 min"), TestHttp.texts(TestHttp.xml(pulses), "Name"));
	}

	@Test
	void acceptsRequestedIdOnceAndTheDocumentedTimeForm() throws Exception {
		String withId = "<aev:AddScheduledEvent><aev:NewScheduledEvent><aev:Name>Mine</aev:Name><aev:EventID>my.id</aev:EventID>"
				+ "<aev:Schedule><aev:ICalendar>DTSTART:20111212T06:00 DTEND:20111212T09:00 RRULE:FREQ=WEEKLY;BYDAY=MO</aev:ICalendar>"
				+ "</aev:Schedule></aev:NewScheduledEvent></aev:AddScheduledEvent>";
		assertEquals(List.of("my.id"), TestHttp.texts(TestHttp.xml(http.soap(withId).body()), "EventID"));
		HttpResponse<String> dup = http.soap(withId);
		assertEquals(400, dup.statusCode());
		assertTrue(dup.body().contains("already exists"));
	}

	@Test
	void invalidSchedulesAreSenderFaults() throws Exception {
		for (String bad : List.of("RRULE:FREQ=WEEKLY", "DTSTART:1970 DTEND:x", "DTSTART:19700101T000000 RRULE:FREQ=FORTNIGHTLY",
				"DTSTART:19700101T000000 RRULE:FREQ=WEEKLY;BYDAY=XX", "hello")) {
			HttpResponse<String> r = http.soap(add("Bad", bad));
			assertEquals(400, r.statusCode(), bad);
			Document d = TestHttp.xml(r.body());
			assertEquals(List.of("SOAP-ENV:Sender"), TestHttp.texts(d, "Value"), bad);
			assertTrue(TestHttp.texts(d, "Text").get(0).startsWith("Invalid schedule"), bad);
		}
		assertEquals(400, http.soap("<aev:AddScheduledEvent><aev:NewScheduledEvent><aev:Schedule><aev:ICalendar>"
				+ AFTER_HOURS + "</aev:ICalendar></aev:Schedule></aev:NewScheduledEvent></aev:AddScheduledEvent>").statusCode());
		assertEquals(4, device.state().scheduledEvents().size());
	}

	@Test
	void removeScheduledEvent() throws Exception {
		String id = device.state().seedScheduledEvent("Tmp", AFTER_HOURS);
		HttpResponse<String> r = http.soap("<aev:RemoveScheduledEvent><aev:EventID>" + id + "</aev:EventID></aev:RemoveScheduledEvent>");
		assertEquals(200, r.statusCode());
		assertTrue(r.body().contains("RemoveScheduledEventResponse"));
		assertEquals(400, http.soap("<aev:RemoveScheduledEvent><aev:EventID>" + id + "</aev:EventID></aev:RemoveScheduledEvent>").statusCode());
	}

	@Test
	void eventInstancesDeclareScheduleAndPerimeterDefenderTopics() throws Exception {
		String id = device.state().seedScheduledEvent("After hours", AFTER_HOURS);
		Document d = TestHttp.xml(http.soap("<aev:GetEventInstances/>").body());
		String tnsaxis = "http://www.axis.com/2009/event/topics";
		// Recorded spelling: the leaf and the levels below an Axis level are unqualified elements.
		Element interval = (Element) d.getElementsByTagNameNS(null, "Interval").item(0);
		assertEquals("Recurring", interval.getParentNode().getLocalName());
		assertEquals(tnsaxis, interval.getParentNode().getNamespaceURI());
		assertEquals("UserAlarm", interval.getParentNode().getParentNode().getLocalName());
		assertEquals("http://www.onvif.org/ver10/topics", interval.getParentNode().getParentNode().getNamespaceURI());
		assertEquals("true", interval.getAttributeNS("http://docs.oasis-open.org/wsn/t-1", "topic"));
		Element message = (Element) interval.getElementsByTagNameNS("http://www.axis.com/vapix/ws/event1", "MessageInstance").item(0);
		assertEquals("true", message.getAttributeNS("http://www.axis.com/vapix/ws/event1", "isProperty"));
		assertTrue(interval.getTextContent().contains(id));
		assertTrue(interval.getTextContent().contains("com.axis.schedules.after_hours"), "factory schedules");
		Element pd = (Element) d.getElementsByTagNameNS(null, "PerimeterDefender").item(0);
		assertEquals("CameraApplicationPlatform", pd.getParentNode().getLocalName());
		assertEquals(tnsaxis, pd.getParentNode().getNamespaceURI());
		assertEquals(1, pd.getElementsByTagNameNS(null, "Camera1Profile1").getLength());
		assertEquals(0, d.getElementsByTagNameNS(null, "Pulse").getLength(), "no Pulse topic without a pulse schedule");
		assertEquals(0, d.getElementsByTagNameNS(tnsaxis, "Interval").getLength());
	}

	@Test
	void dispatchesWithOrWithoutSoapActionAndDefaultNamespace() throws Exception {
		String body = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
				+ "<GetScheduledEvents xmlns=\"http://www.axis.com/vapix/ws/event1\"/></soap:Body></soap:Envelope>";
		HttpResponse<String> plain = http.post("/vapix/services", "application/soap+xml", body);
		assertEquals(200, plain.statusCode());
		HttpResponse<String> withAction = http.post("/vapix/services",
				"application/soap+xml; action=http://www.axis.com/vapix/ws/event1/GetScheduledEvents; charset=UTF-8", body);
		assertEquals(plain.body(), withAction.body());
	}

	@Test
	void malformedAndUnknownRequestsAreFaults() throws Exception {
		assertEquals(400, http.post("/vapix/services", "application/soap+xml", "<not-closed").statusCode());
		assertEquals(400, http.soap("<aev:Explode/>").statusCode());
		assertEquals(400, http.soap("<x:Get xmlns:x=\"urn:other\"/>").statusCode());
		HttpResponse<String> soap11 = http.post("/vapix/services", "text/xml",
				"<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body/></e:Envelope>");
		assertTrue(soap11.body().contains("VersionMismatch"));
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>&e;</soap:Body></soap:Envelope>";
		HttpResponse<String> r = http.post("/vapix/services", "application/soap+xml", xxe);
		assertEquals(400, r.statusCode());
		assertFalse(r.body().contains("root:"));
	}
}
