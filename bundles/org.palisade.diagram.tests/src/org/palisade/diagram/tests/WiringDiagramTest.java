package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Mark;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.model.site.Site;
import org.palisade.validation.Severity;

class WiringDiagramTest {

	@Test
	void exampleShowsTheTerminalWithEveryPinItsBeaconAndBothWires() throws Exception {
		Site site = Designs.load(Designs.harbourDepot());
		Diagram d = WiringDiagrams.of(Designs.device(site, "North1"));

		assertEquals(2, d.nodes().size());
		Node terminal = d.nodes().get(0);
		assertEquals(Diagram.NodeKind.IO_TERMINAL, terminal.kind());
		assertEquals(List.of("AXIS Q1961-TE - multicable I/O terminal"), terminal.lines());
		assertEquals(List.of("1:0 V", "2:12 V out, max 50 mA", "3:I/O 1 output \"Flashing beacon\"", "4:I/O 2"),
				terminal.ports().stream().map(p -> p.label() + ":" + p.role()).toList());
		Node beacon = d.node("device:Beacon1").orElseThrow();
		assertEquals(List.of("Beacon 12V 50mA", "12 V, 50 mA"), beacon.lines());
		assertEquals(List.of("terminal:Beacon1.plus", "terminal:Beacon1.minus"),
				beacon.ports().stream().map(Port::id).toList());

		assertEquals(2, d.edges().size());
		Edge red = d.edge("wire:0").orElseThrow();
		assertEquals("pin:2", red.source());
		assertEquals("terminal:Beacon1.plus", red.target());
		assertEquals("red", red.colourName());
		assertEquals("#d7261e", red.colour());
		assertEquals("red 0.25 mm2 40 m", red.label());
		Edge blue = d.edge("wire:1").orElseThrow();
		assertEquals("pin:3", blue.source());
		assertEquals("terminal:Beacon1.minus", blue.target());
		assertEquals("blue 0.25 mm2 40 m", blue.label());
		// The example draws exactly the 50 mA pin 2 can give: at the limit, not over it.
		assertEquals(List.of(), d.marks());
	}

	@Test
	void elkPutsTheTerminalLeftOfItsPeripheralAndRoutesWiresPinToTerminal() throws Exception {
		Diagram d = WiringDiagrams.of(Designs.device(Designs.load(Designs.harbourDepot()), "North1"));
		Node terminal = d.nodes().get(0);
		Node beacon = d.node("device:Beacon1").orElseThrow();
		assertTrue(terminal.bounds().x() + terminal.bounds().width() < beacon.bounds().x(),
				terminal.bounds() + " / " + beacon.bounds());
		for (Edge e : d.edges()) {
			Port from = d.port(e.source()).orElseThrow();
			Port to = d.port(e.target()).orElseThrow();
			assertTrue(e.points().size() >= 2, e.points().toString());
			assertNear(from.anchor(), e.points().get(0), 6);
			assertNear(to.anchor(), e.points().get(e.points().size() - 1), 6);
			assertTrue(e.labelBox() != null && e.labelBox().x() > terminal.bounds().x() + terminal.bounds().width(),
					String.valueOf(e.labelBox()));
		}
		for (Node n : d.nodes()) {
			assertTrue(n.bounds().x() >= 0 && n.bounds().y() >= 0);
			assertTrue(n.bounds().x() + n.bounds().width() <= d.width());
			assertTrue(n.bounds().y() + n.bounds().height() <= d.height());
		}
	}

	@Test
	void secondLoadOnPin2MarksThePinAndItsWiresWithTheValidatorsFinding(@TempDir Path dir) throws Exception {
		Site site = Designs.overloaded(dir);
		Diagram d = WiringDiagrams.of(Designs.device(site, "North1"));

		assertEquals(3, d.nodes().size());
		assertEquals(4, d.edges().size());
		Port pin2 = d.port("pin:2").orElseThrow();
		// The same two findings the Problems view shows for those lines: the overload and the shared pin.
		assertEquals(List.of("ELEC-PIN-SHARED", "ELEC-DCOUT-CURRENT"), pin2.marks().stream().map(Mark::code).toList());
		Mark m = pin2.marks().get(1);
		assertEquals(Severity.ERROR, m.severity());
		assertTrue(m.message().startsWith("pin 2 draws 80 mA (Beacon1 50 mA + Siren2 30 mA), limit 50 mA"), m.message());
		for (Edge e : d.edges()) {
			boolean atPin2 = e.source().equals("pin:2");
			assertEquals(atPin2, e.marks().stream().anyMatch(x -> x.code().equals("ELEC-DCOUT-CURRENT")),
					e.id() + " " + e.marks());
		}
		// Pin 3 sinks the same 80 mA, within its 100 mA: no mark.
		assertFalse(d.port("pin:3").orElseThrow().marks().stream().anyMatch(x -> x.code().startsWith("ELEC-OUT")));
	}

	@Test
	void aPeripheralNoCameraIsWiredToIsDrawnUnconnectedReadyToWire(@TempDir Path dir) throws Exception {
		Site site = Designs.variant(dir, "\tbeacon Beacon1 : \"Beacon 12V 50mA\"\n",
				"\tbeacon Beacon1 : \"Beacon 12V 50mA\"\n\tsiren Siren2 : \"Siren 12V 30mA\"\n");
		Diagram d = WiringDiagrams.of(Designs.device(site, "North1"));
		Node siren = d.node("device:Siren2").orElseThrow();
		assertEquals(List.of("terminal:Siren2.plus", "terminal:Siren2.minus"), siren.ports().stream().map(Port::id).toList());
		assertEquals(2, d.edges().size());
		assertTrue(d.edges().stream().noneMatch(e -> e.target().startsWith("terminal:Siren2")));
		assertEquals(List.of(), d.marks());
	}

	private static void assertNear(Diagram.Point expected, Diagram.Point actual, double tolerance) {
		assertTrue(Math.abs(expected.x() - actual.x()) <= tolerance && Math.abs(expected.y() - actual.y()) <= tolerance,
				"expected near " + expected + " but was " + actual);
	}
}
