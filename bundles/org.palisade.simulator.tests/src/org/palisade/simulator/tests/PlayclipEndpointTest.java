package org.palisade.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.VirtualDevice;

class PlayclipEndpointTest {

	private VirtualDevice horn;
	private TestHttp http;

	@BeforeEach
	void start() throws Exception {
		horn = new VirtualDevice(DeviceDescriptor.builder("horn").kind(DeviceKind.SPEAKER)
				.clips(List.of("Intruder warning", "Siren")).password("pw".toCharArray()).build()).start();
		http = new TestHttp(horn.baseUri(), "root", "pw");
	}

	@AfterEach
	void stop() {
		horn.stop();
	}

	@Test
	void playsExistingClipAndRecordsIt() throws Exception {
		assertEquals(200, http.get("/axis-cgi/playclip.cgi?clip=1").statusCode());
		assertEquals(200, http.get("/axis-cgi/playclip.cgi?clip=0&repeat=0&volume=80").statusCode());
		assertEquals(List.of(1, 0), horn.state().clipPlays().stream().map(p -> p.clip()).toList());
		assertEquals("Siren", horn.state().clipPlays().get(0).clipName());
		assertEquals("playclip", horn.requestLog().get(horn.requestLog().size() - 1).operation());
	}

	@Test
	void missingClipIsAnErrorAndNotRecorded() throws Exception {
		var r = http.get("/axis-cgi/playclip.cgi?clip=9");
		assertEquals(400, r.statusCode());
		assertEquals("400 Bad Request\nClip 9 does not exist\n", r.body()); // [MC]: status line, then the reason
		assertEquals(400, http.get("/axis-cgi/playclip.cgi").statusCode());
		assertTrue(horn.state().clipPlays().isEmpty());
	}

	@Test
	void camerasCannotPlayClips() throws Exception {
		try (VirtualDevice cam = new VirtualDevice(DeviceDescriptor.builder("cam").password("pw".toCharArray()).build()).start()) {
			assertEquals(400, new TestHttp(cam.baseUri(), "root", "pw").get("/axis-cgi/playclip.cgi?clip=0").statusCode());
		}
	}
}
