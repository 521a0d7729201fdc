package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.EdgeStorage;
import org.palisade.simulator.VirtualDevice;
import org.palisade.simulator.VmsInbox;

/**
 * The virtual VMS (issue #19 item 3) and a virtual camera's edge storage (#17 item 4, #19), over real
 * loopback sockets: the VMS records generic events on its TCP port (with or without a line break) and
 * HTTP(S) alerts behind its Digest login on any path; the camera's network share calls answer the Edge
 * storage API's success and error elements, and a share's host outside the fleet's address map fails
 * its test with 760 without being contacted.
 */
class VirtualVmsAndStorageTest {

	private static VirtualDevice vms() throws Exception {
		return new VirtualDevice(DeviceDescriptor.builder("Center").kind(DeviceKind.VMS).model("Video management system")
				.password("vms-pw".toCharArray()).build()).start();
	}

	private static String send(int port, String message) throws Exception {
		try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
			s.setSoTimeout(5000);
			OutputStream out = s.getOutputStream();
			out.write(message.getBytes(StandardCharsets.UTF_8));
			out.flush();
			s.shutdownOutput();
			InputStream in = s.getInputStream();
			return new String(in.readNBytes(256), StandardCharsets.UTF_8).strip();
		}
	}

	@Test
	void vmsRecordsGenericEventsWithOrWithoutALineBreak() throws Exception {
		try (VirtualDevice center = vms()) {
			assertTrue(center.tcpPort() > 0);
			assertEquals("1,22,1,Center", send(center.tcpPort(), "North1 fence intrusion"));
			assertEquals("2,11,1,Center", send(center.tcpPort(), "Gate forced\r\n"));
			List<VmsInbox.Alert> alerts = center.state().inbox().alerts();
			assertEquals(List.of("North1 fence intrusion", "Gate forced"), alerts.stream().map(VmsInbox.Alert::text).toList());
			assertEquals("tcp", alerts.get(0).via());
		}
	}

	@Test
	void vmsTakesHttpAlertsOnAnyPathOnlyWithItsLogin() throws Exception {
		try (VirtualDevice center = vms()) {
			HttpResponse<String> wrong = new TestHttp(center.baseUri(), "root", "nope")
					.get("/Acs/Api/TriggerFacade/PulseTrigger?Message=intrusion");
			assertEquals(401, wrong.statusCode());
			assertEquals(List.of(), center.state().inbox().alerts(), "a refused call is not an alert");
			HttpResponse<String> ok = new TestHttp(center.baseUri(), "root", "vms-pw")
					.get("/Acs/Api/TriggerFacade/PulseTrigger?%7B%22triggerName%22%3A%22perimeter%22%7D&Message=North1%20intrusion");
			assertEquals(200, ok.statusCode(), ok.body());
			VmsInbox.Alert a = center.state().inbox().alerts().get(0);
			assertEquals("North1 intrusion", a.text());
			assertEquals("http GET /Acs/Api/TriggerFacade/PulseTrigger", a.via());
			assertEquals("root", a.user());
		}
	}

	@Test
	void networkShareIsAddedTestedBoundAndRemovedAsTheApiDocuments() throws Exception {
		try (VirtualDevice cam = new VirtualDevice(DeviceDescriptor.builder("cam").password("pw".toCharArray()).build()).start()) {
			TestHttp http = new TestHttp(cam.baseUri(), "root", "pw");
			String base = "/axis-cgi/disks/networkshare/";
			cam.state().storage().reachable("10.30.0.5"::equals);
			assertTrue(http.get(base + "add.cgi?schemaversion=1&nicename=Evidence&address=10.30.0.5&share=evidence"
					+ "&shareid=palisade-evidence&user=rec&pass=s3cret").body().contains("<AddSuccess ShareId=\"palisade-evidence\"/>"));
			assertTrue(http.get(base + "add.cgi?schemaversion=1&nicename=Other&address=10.30.0.5&share=x&shareid=palisade-evidence")
					.body().contains("<ErrorCode>210</ErrorCode>"), "a share id is unique");
			String test = http.get(base + "test.cgi?schemaversion=1&shareid=palisade-evidence").body();
			String job = test.replaceAll("(?s).*JobId=\"(\\d+)\".*", "$1");
			assertTrue(http.get(base + "job.cgi?schemaversion=1&jobid=" + job).body().contains("<GeneralSuccess/>"));
			assertTrue(http.get(base + "bind.cgi?schemaversion=1&shareid=palisade-evidence&automaticmount=yes").body()
					.contains("<BindSuccess DiskID=\"NetworkShare\"/>"));
			String list = http.get(base + "list.cgi?schemaversion=1&shareid=all").body();
			assertTrue(list.contains("ShareId=\"palisade-evidence\"") && list.contains("DiskId=\"NetworkShare\"")
					&& list.contains("User=\"rec\""), list);
			assertFalse(list.contains("s3cret"), "list.cgi never shows the password");
			assertTrue(http.get("/axis-cgi/disks/list.cgi?diskid=all").body().contains("diskid=\"NetworkShare\""));
			assertTrue(http.get(base + "remove.cgi?schemaversion=1&shareid=palisade-evidence").body()
					.contains("<ErrorCode>500</ErrorCode>"), "a bound share is not removed");
			assertTrue(http.get(base + "unbind.cgi?schemaversion=1&shareid=palisade-evidence").body()
					.contains("<ErrorCode>400</ErrorCode>"), "a mounted disk is unmounted first");
			assertEquals(200, http.get("/axis-cgi/disks/mount.cgi?action=unmount&diskid=NetworkShare").statusCode());
			assertTrue(http.get(base + "unbind.cgi?schemaversion=1&shareid=palisade-evidence").body().contains("<UnbindSuccess/>"));
			assertTrue(http.get(base + "remove.cgi?schemaversion=1&shareid=palisade-evidence").body().contains("<RemoveSuccess/>"));
			assertEquals(List.of(), cam.state().storage().shares());
		}
	}

	@Test
	void aShareOnAHostOutsideTheAddressMapFailsItsTestWith760() throws Exception {
		try (VirtualDevice cam = new VirtualDevice(DeviceDescriptor.builder("cam").password("pw".toCharArray()).build()).start()) {
			TestHttp http = new TestHttp(cam.baseUri(), "root", "pw");
			String base = "/axis-cgi/disks/networkshare/";
			cam.state().storage().reachable("10.30.0.5"::equals);
			http.get(base + "add.cgi?schemaversion=1&nicename=Far&address=10.30.0.99&share=evidence&shareid=far");
			String job = http.get(base + "test.cgi?schemaversion=1&shareid=far").body().replaceAll("(?s).*JobId=\"(\\d+)\".*", "$1");
			String answer = http.get(base + "job.cgi?schemaversion=1&jobid=" + job).body();
			assertTrue(answer.contains("<ErrorCode>760</ErrorCode>"), answer);
			assertTrue(http.get(base + "bind.cgi?schemaversion=1&shareid=far").body().contains("<ErrorCode>760</ErrorCode>"));
			EdgeStorage.Recording r = cam.state().storage().record("rule", "Operator", "NetworkShare", 5000, 30000);
			assertEquals(null, r, "nothing is recorded to a share that is not mounted");
			assertTrue(cam.state().storage().record("rule", "Operator", "SD_DISK", 5000, 30000) != null);
		}
	}
}
