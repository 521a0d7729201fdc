package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;

class ParamCgiEndpointTest {

	private static final String CGI = "/axis-cgi/param.cgi";
	@RegisterExtension
	final VirtualCamera camera = new VirtualCamera();

	/** Each group in the form it was asked (recorded; vapix-notes.md section 1). */
	@Test
	void listsGroupsCommaJoinedWithOrWithoutRoot() throws Exception {
		HttpResponse<String> r = camera.http().get(CGI + "?action=list&group=root.IOPort.I0.Direction,Properties.Firmware.Version");
		assertEquals(200, r.statusCode());
		assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
		assertEquals("root.IOPort.I0.Direction=input\nProperties.Firmware.Version=11.11.73\n", r.body());
	}

	/** Clients written for real devices POST the form as text/plain, or with no Content-Type (issue #14). */
	@Test
	void postBodyIsReadWhateverItsContentType() throws Exception {
		for (String type : new String[] { "text/plain", "text/plain; charset=utf-8", "application/octet-stream" }) {
			HttpResponse<String> r = camera.http().post(CGI, type, "action=list&group=Brand.ProdNbr");
			assertEquals("Brand.ProdNbr=Q1961-TE\n", r.body(), type);
		}
		HttpResponse<String> r = camera.http().post(CGI, "text/plain", "action=update&root.Image.I0.Appearance.Resolution=640x480\n");
		assertEquals("OK", r.body());
		assertEquals("640x480", camera.device().state().parameter("Image.I0.Appearance.Resolution"));
		assertEquals("Brand.ProdNbr=Q1961-TE\n", camera.http().send("POST", CGI, null, "action=list&group=Brand.ProdNbr").body());
	}

	@Test
	void listsEveryIoPortParameter() throws Exception {
		String body = camera.http().get(CGI + "?action=list&group=IOPort").body();
		for (String p : List.of("Configurable=yes", "Direction=input", "Usage=", "Input.Name=Port 1", "Input.Trig=closed",
				"Output.Name=Port 1", "Output.Active=closed", "Output.Mode=bistable", "Output.PulseTime=0")) {
			assertTrue(body.contains("\nIOPort.I0." + p + "\n") || body.startsWith("IOPort.I0." + p + "\n"), p);
			assertTrue(body.contains("\nIOPort.I1." + p.replace("Port 1", "Port 2") + "\n"), p);
		}
		assertFalse(body.contains("IOPort.I2"));
		assertFalse(body.contains("root."));
		assertTrue(body.contains("IOPort.I0.Output.DelayTime=1\n"), "factory DelayTime is 1 (recorded)");
	}

	@Test
	void groupMatchesOnDotBoundaryOnly() throws Exception {
		String body = camera.http().get(CGI + "?action=list&group=Image.I0").body();
		assertTrue(body.contains("Image.I0.Appearance.Resolution=768x576"));
		assertFalse(body.contains("ImageSource"));
		assertTrue(camera.http().get(CGI + "?action=list&group=ImageSource.I0.Sensor").body().contains("ThermalPalette="));
	}

	@Test
	void unknownGroupIsAnAxisError() throws Exception {
		HttpResponse<String> r = camera.http().get(CGI + "?action=list&group=Brand,Nope.X");
		assertEquals(200, r.statusCode());
		assertEquals("# Error: Error -1 getting param in group 'Nope.X'\n", r.body());
	}

	@Test
	void updateAnswersOkAndIsVisibleToList() throws Exception {
		HttpResponse<String> r = camera.http().get(CGI
				+ "?action=update&IOPort.I0.Direction=output&root.IOPort.I0.Output.Name=Flashing%20beacon&IOPort.I0.Output.Active=open");
		assertEquals("OK", r.body());
		assertEquals("Flashing beacon", camera.device().state().parameter("IOPort.I0.Output.Name"));
		DeviceState.IoPort port = camera.device().state().ioPorts().get(0);
		assertEquals("output", port.direction());
		assertEquals("Flashing beacon", port.name());
		assertEquals("closed", port.normalState());
	}

	@Test
	void updateByFormPost() throws Exception {
		HttpResponse<String> r = camera.http().post(CGI, "application/x-www-form-urlencoded",
				"action=update&Image.I0.Appearance.Resolution=640x480&Image.I0.RateControl.Mode=cbr");
		assertEquals("OK", r.body());
		assertEquals("640x480", camera.device().state().parameter("root.Image.I0.Appearance.Resolution"));
	}

	@Test
	void failedUpdateChangesNothing() throws Exception {
		var before = camera.device().state().snapshot();
		String bad = camera.http().get(CGI + "?action=update&IOPort.I0.Output.Name=X&IOPort.I0.Direction=sideways").body();
		assertEquals("# Error: Error setting 'root.IOPort.I0.Direction' to 'sideways'! Invalid value\n", bad);
		assertTrue(camera.http().get(CGI + "?action=update&Brand.ProdNbr=X").body().startsWith("# Error: "));
		assertTrue(camera.http().get(CGI + "?action=update&No.Such=1").body().contains("does not exist"));
		assertTrue(camera.http().get(CGI + "?action=update&Image.I0.Stream.FPS=fast").body().startsWith("# Error: "));
		assertEquals(before, camera.device().state().snapshot());
	}

	@Test
	void fixedPortsCannotChangeDirection() throws Exception {
		try (VirtualDevice fixed = new VirtualDevice(DeviceDescriptor.builder("f").portsConfigurable(false)
				.password("pw".toCharArray()).build()).start()) {
			String body = new TestHttp(fixed.baseUri(), "root", "pw").get(CGI + "?action=update&IOPort.I0.Direction=output").body();
			assertTrue(body.startsWith("# Error: ") && body.contains("not configurable"), body);
		}
	}

	@Test
	void speakerListsMediaClips() throws Exception {
		try (VirtualDevice horn = new VirtualDevice(DeviceDescriptor.builder("horn").kind(DeviceKind.SPEAKER)
				.clips(List.of("Intruder warning", "Siren")).password("pw".toCharArray()).build()).start()) {
			String body = new TestHttp(horn.baseUri(), "root", "pw").get(CGI + "?action=list&group=MediaClip").body();
			assertTrue(body.startsWith("MediaClip.MaxGroups=10\n"), body);
			assertTrue(body.contains("MediaClip.M0.Name=Intruder warning\n"));
			assertTrue(body.contains("MediaClip.M1.Location=/etc/audioclips/siren.au\n"));
			assertTrue(body.contains("MediaClip.M1.Type=audio\n"));
			assertEquals("Brand.ProdNbr=C1310-E\n",
					new TestHttp(horn.baseUri(), "root", "pw").get(CGI + "?action=list&group=Brand.ProdNbr").body());
		}
	}

	@Test
	void unknownActionIsAnError() throws Exception {
		assertTrue(camera.http().get(CGI + "?action=add&group=MediaClip").body().startsWith("# Error: "));
	}

	private static String properties(DeviceDescriptor.Builder b) throws Exception {
		try (VirtualDevice d = new VirtualDevice(b.password("pw".toCharArray()).build()).start()) {
			return new TestHttp(d.baseUri(), "root", "pw").get(CGI + "?action=list&group=Properties").body();
		}
	}

	/**
	 * Each catalog model lists its own Properties (vapix-notes.md section 1): the thermal camera
	 * its 12 recorded resolutions; the PTZ camera PTZ keys and its own resolutions; the horn no
	 * Image group but AudioClip; the door controller neither (by analogy, not recorded).
	 */
	@Test
	void propertiesPerCatalogModel() throws Exception {
		String thermal = properties(DeviceDescriptor.builder("t").model("AXIS Q1961-TE"));
		assertTrue(thermal.contains("Properties.Image.Resolution=768x576,720x576,"), thermal);
		assertFalse(thermal.contains("Properties.PTZ."), thermal);
		String ptz = properties(DeviceDescriptor.builder("p").model("AXIS Q6075-E"));
		assertTrue(ptz.contains("Properties.PTZ.PTZ=yes\n") && ptz.contains("Properties.PTZ.DigitalPTZ=no\n")
				&& ptz.contains("Properties.PTZ.EmbeddedDrivers=yes\n") && ptz.contains("Properties.GuardTour.MaxGuardTours=100\n"), ptz);
		assertTrue(ptz.contains("Properties.Image.Resolution=1920x1080,"), ptz);
		String horn = properties(DeviceDescriptor.builder("h").kind(DeviceKind.SPEAKER).model("AXIS C1310-E"));
		assertFalse(horn.contains("Properties.Image."), horn);
		assertTrue(horn.contains("Properties.AudioClip.PlayOptions=location,repeat,volume\n"), horn);
		String door = properties(DeviceDescriptor.builder("d").model("AXIS A1601"));
		assertFalse(door.contains("Properties.Image.") || door.contains("Properties.AudioClip."), door);
		assertTrue(door.contains("Properties.Firmware.Version=") && door.contains("Properties.System.HardwareID=7E8\n"), door);
		for (String p : List.of(thermal, ptz, horn, door)) {
			assertTrue(p.contains("Properties.EmbeddedDevelopment.Version=2.18\n") && p.contains("Properties.API.HTTP.Version=3\n"));
		}
	}
}
