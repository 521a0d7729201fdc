package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.SiteOverviews;
import org.palisade.diagram.SvgRenderer;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.model.site.Site;

class SiteOverviewTest {

	@Test
	void exampleShowsEachDeviceWithAddressAndWhichRuleDrivesWhat() throws Exception {
		Site site = Designs.load(Designs.harbourDepot());
		Diagram d = SiteOverviews.of(site, WiringDiagrams.findings(site));

		assertEquals(List.of("device:North1", "device:Beacon1", "device:Gate", "device:Entry", "device:GateBeacon", "device:Horn",
				"device:Center"),
				d.nodes().stream().map(Diagram.Node::id).toList());
		assertEquals(List.of("AXIS Q1961-TE", "10.20.0.11 on yard"), d.node("device:North1").orElseThrow().lines());
		assertEquals(List.of("AXIS C1310-E", "10.20.0.30 on yard"), d.node("device:Horn").orElseThrow().lines());
		assertEquals(List.of("device:North1 -> device:Beacon1: Flashing beacon", "device:North1 -> device:Horn: Horn speaker",
				"device:North1 -> device:Gate: PTZ follows", "device:North1 -> device:Entry: Lock down the gate",
				"device:North1 -> device:Entry: Release the gate", "device:North1 -> device:Center: Alert the center",
				"device:Entry -> device:GateBeacon: Gate forced: beacon",
				"device:Entry -> device:Horn: Gate forced: horn"),
				d.edges().stream().map(e -> e.source() + " -> " + e.target() + ": " + e.label()).toList());
		Diagram.Node camera = d.node("device:North1").orElseThrow();
		for (Edge e : d.edges()) {
			Diagram.Node target = d.node(e.target()).orElseThrow();
			assertTrue(camera.bounds().x() + camera.bounds().width() < target.bounds().x());
			assertTrue(e.points().size() >= 2);
		}
		String svg = SvgRenderer.render(d);
		Svg.keep("overview-example", svg);
		Svg.parse(svg);
	}

	@Test
	void aChangeThatKeepsTheBoxesAndLinksKeepsTheLayoutAndANewDeviceIsLaidOutAgain(@TempDir Path dir) throws Exception {
		Site site = Designs.load(Designs.harbourDepot());
		Diagram first = SiteOverviews.of(site, WiringDiagrams.findings(site));
		// As drawn before, but with the Horn elsewhere: proof that the previous geometry is the one kept.
		List<Diagram.Node> nodes = new java.util.ArrayList<>(first.nodes());
		Diagram.Node horn = first.node("device:Horn").orElseThrow();
		Diagram.Rect away = new Diagram.Rect(horn.bounds().x() + 1000, horn.bounds().y(), horn.bounds().width(),
				horn.bounds().height());
		nodes.set(nodes.indexOf(horn), new Diagram.Node(horn.id(), horn.ref(), horn.kind(), horn.title(), horn.lines(), away,
				horn.ports(), horn.marks()));
		Diagram previous = new Diagram(first.kind(), first.title(), first.width(), first.height(), nodes, first.edges());

		// The Horn's address changed (the same width of text): its new line, in the old place.
		Site readdressed = Designs.variant(dir, "at 10.20.0.30 on yard", "at 10.20.0.31 on yard");
		Diagram again = SiteOverviews.of(readdressed, WiringDiagrams.findings(readdressed), previous);
		assertEquals(List.of("AXIS C1310-E", "10.20.0.31 on yard"), again.node("device:Horn").orElseThrow().lines());
		assertEquals(away, again.node("device:Horn").orElseThrow().bounds());
		assertEquals(first.edges().get(0).points(), again.edges().get(0).points());

		// One box more: laid out anew, the Horn back where ELK puts it.
		Site overloaded = Designs.overloaded(dir);
		Diagram laidOut = SiteOverviews.of(overloaded, WiringDiagrams.findings(overloaded), previous);
		assertEquals(first.nodes().size() + 1, laidOut.nodes().size());
		assertTrue(laidOut.node("device:Horn").orElseThrow().bounds().x() < away.x(),
				() -> "Horn at " + laidOut.node("device:Horn").orElseThrow().bounds());
	}
}
