package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.DoorControl;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.simulator.AuthMode;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.DoorBank;
import org.palisade.simulator.VirtualDevice;

/**
 * The door control service client against the virtual AXIS A1601 over loopback with Digest (#19):
 * the doors and their configuration read, a door's fields and configuration written and read back,
 * and the door commands a camera's rule sends: recorded with the account that asked, a door in
 * lockdown refusing an access until released; a camera without the service answers 404.
 */
class DoorControlTest {

	@Test
	void readsWritesAndCommandsTheDoors() throws Exception {
		try (VirtualDevice a1601 = new VirtualDevice(DeviceDescriptor.builder("entry").model("AXIS A1601").doors(2)
				.authMode(AuthMode.DIGEST_OR_BASIC)
				.password(Fixture.PASSWORD.toCharArray()).build()).start(); VapixClient client = Fixture.client(a1601)) {
			List<DoorControl.Door> doors = client.doorControl().doors();
			assertEquals(2, doors.size());
			assertEquals("Door 1", doors.get(0).fields().get("Name"));
			String token = doors.get(0).token();
			assertEquals("Standard", client.doorControl().configurations().get(token).get("Lock.Type"));

			client.doorControl().setDoor(token, Map.of("Name", "YardGate", "AccessTime", "PT7S"));
			client.doorControl().setDoorConfiguration(token, Map.of("Lock.Type", "Relay"));
			assertEquals("YardGate", client.doorControl().doors().get(0).fields().get("Name"));
			assertEquals("PT7S", client.doorControl().doors().get(0).fields().get("AccessTime"));
			assertEquals("Relay", client.doorControl().configurations().get(token).get("Lock.Type"));
			assertEquals(new DoorControl.DoorState("Closed", "Normal", "Locked"), client.doorControl().state(token));

			// The request a camera's rule sends, as the notification's body.
			post(a1601, DoorControl.command("tdc:LockDownDoor", token), 200);
			assertEquals("LockedDown", client.doorControl().state(token).mode());
			post(a1601, DoorControl.command("tdc:AccessDoor", token), 400);
			assertEquals("LockedDown", client.doorControl().state(token).mode(), "a door in lockdown refuses an access");
			post(a1601, DoorControl.command("tdc:LockDownReleaseDoor", token), 200);
			assertEquals("Locked", client.doorControl().state(token).mode());
			List<DoorBank.Command> commands = a1601.state().doors().commands();
			assertEquals(List.of("tdc:LockDownDoor", "tdc:LockDownReleaseDoor"), commands.stream().map(DoorBank.Command::operation).toList());
			assertEquals("root", commands.get(0).user());
			assertEquals("YardGate", commands.get(0).door());

			VapixException e = assertThrows(VapixException.class, () -> client.doorControl().setDoor("no-such-token", Map.of()));
			assertEquals(400, e.httpStatus());
		}
	}

	@Test
	void aCameraHasNoDoorControlService() throws Exception {
		try (VirtualDevice camera = Fixture.camera("north1"); VapixClient client = Fixture.client(camera)) {
			assertNull(camera.state().doors());
			VapixException e = assertThrows(VapixException.class, () -> client.doorControl().doors());
			assertEquals(404, e.httpStatus());
		}
	}

	/**
	 * A door command as a camera's notification posts it (a JSON body); the typed client has no door
	 * command, since Palisade never sends one itself. Basic on loopback: the JDK's client has no Digest.
	 */
	private static void post(VirtualDevice device, String body, int status) throws Exception {
		String basic = java.util.Base64.getEncoder().encodeToString(("root:" + Fixture.PASSWORD)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newHttpClient();
		var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(device.baseUri() + "/vapix/doorcontrol"))
				.header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertTrue(response.statusCode() != 401, "logged in");
		assertEquals(status, response.statusCode(), response.body());
	}
}
