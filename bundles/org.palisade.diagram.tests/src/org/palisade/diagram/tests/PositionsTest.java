package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Point;
import org.palisade.diagram.Positions;
import org.palisade.diagram.SiteOverviews;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.model.site.Site;

/**
 * Positions kept beside the design: written and read back from the JSON file, and put on top of
 * ELK's layout (the moved box where it was left, its ports with it, the links touching it drawn
 * straight, the rest as ELK laid it out).
 */
class PositionsTest {

	@Test
	void aMovedDeviceOfTheOverviewIsWhereItWasLeftAfterTheFileIsReadBack(@TempDir Path dir) throws Exception {
		Site site = Designs.load(Designs.harbourDepot());
		Diagram elk = SiteOverviews.of(site, WiringDiagrams.findings(site));
		Positions p = new Positions();
		p.put(Positions.OVERVIEW, "device:Horn", new Point(612.5, 401));
		Path file = Positions.fileFor(dir.resolve("harbour-depot.perimeter"));
		assertEquals(dir.resolve("harbour-depot.layout.json"), file);
		p.save(file);
		assertTrue(Files.readString(file).contains("\"device:Horn\""), Files.readString(file));

		Diagram d = Positions.apply(elk, Positions.load(file).of(Positions.OVERVIEW));
		Diagram.Rect horn = d.node("device:Horn").orElseThrow().bounds();
		assertEquals(612.5, horn.x());
		assertEquals(401, horn.y());
		assertEquals(elk.node("device:Horn").orElseThrow().bounds().width(), horn.width());
		// The others stay where ELK put them.
		assertEquals(elk.node("device:North1").orElseThrow().bounds(), d.node("device:North1").orElseThrow().bounds());
		// The rule's link to the horn now runs straight from North1's border to the horn's.
		Diagram.Edge link = d.edges().stream().filter(e -> e.target().equals("device:Horn")).findFirst().orElseThrow();
		assertEquals(2, link.points().size());
		Point end = link.points().get(1);
		assertTrue(onBorder(horn, end), "ends on the horn's border: " + end + " " + horn);
		assertTrue(onBorder(d.node("device:North1").orElseThrow().bounds(), link.points().get(0)));
		// The drawing grows to hold a box moved past its edge.
		assertTrue(d.width() >= 612.5 + horn.width(), "width " + d.width());
		assertTrue(d.height() >= 401 + horn.height(), "height " + d.height());
	}

	@Test
	void aLinkMadeSteepByAMoveHasItsLabelBesideTheLineNotAcrossIt() throws Exception {
		Site site = Designs.load(Designs.harbourDepot());
		Diagram elk = SiteOverviews.of(site, WiringDiagrams.findings(site));
		Diagram.Rect north1 = elk.node("device:North1").orElseThrow().bounds();
		// The Horn straight below North1, far down: the rule's link runs (nearly) vertically.
		Diagram d = Positions.apply(elk, Map.of("device:Horn", new Point(north1.x(), north1.y() + 600)));
		Diagram.Edge link = d.edges().stream().filter(e -> e.target().equals("device:Horn")).findFirst().orElseThrow();
		Point a = link.points().get(0);
		Point b = link.points().get(1);
		assertTrue(Math.abs(b.y() - a.y()) > 10 * Math.abs(b.x() - a.x()), "a steep link: " + a + " " + b);
		Diagram.Rect label = link.labelBox();
		double lineX = (a.x() + b.x()) / 2;
		assertTrue(label.x() > lineX, "the label right of the line at x " + lineX + ": " + label);
		double mid = (a.y() + b.y()) / 2;
		assertTrue(label.y() < mid && label.y() + label.height() > mid, "the label at the link's middle: " + label);
	}

	@Test
	void aMovedPeripheralOfTheWiringDiagramTakesItsTerminalsAndWiresAlong() throws Exception {
		Diagram elk = WiringDiagrams.of(Designs.device(Designs.load(Designs.harbourDepot()), "North1"));
		Diagram.Node beacon = elk.node("device:Beacon1").orElseThrow();
		double dx = 150;
		double dy = -10;
		Point to = new Point(beacon.bounds().x() + dx, beacon.bounds().y() + dy);
		Diagram d = Positions.apply(elk, Map.of(beacon.id(), to));
		Diagram.Port plus = d.port("terminal:Beacon1.plus").orElseThrow();
		Diagram.Port before = elk.port("terminal:Beacon1.plus").orElseThrow();
		assertEquals(before.bounds().x() + dx, plus.bounds().x(), 1e-9);
		assertEquals(before.bounds().y() + dy, plus.bounds().y(), 1e-9);
		Diagram.Edge red = d.edge("wire:0").orElseThrow();
		assertEquals(List.of(d.port("pin:2").orElseThrow().anchor(), plus.anchor()), red.points());
	}

	@Test
	void noFileIsNoPositionsAndABrokenFileIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
		assertEquals(Map.of(), Positions.load(dir.resolve("none.layout.json")).of(Positions.OVERVIEW));
		Diagram elk = new Diagram(Diagram.Kind.OVERVIEW, "t", 10, 10, List.of(), List.of());
		assertSame(elk, Positions.apply(elk, Map.of("device:Gone", new Point(1, 2))), "a box no longer drawn is ignored");
		Path bad = dir.resolve("bad.layout.json");
		Files.writeString(bad, "{\"overview\": {\"device:Horn\": [1]}}");
		IOException e = assertThrows(IOException.class, () -> Positions.load(bad));
		assertTrue(e.getMessage().startsWith(bad + ": overview / device:Horn is not an [x, y] position"), e.getMessage());
		Files.writeString(bad, "not json [");
		e = assertThrows(IOException.class, () -> Positions.load(bad));
		assertTrue(e.getMessage().startsWith(bad + ": not a layout file"), e.getMessage());
	}

	private static boolean onBorder(Diagram.Rect r, Point p) {
		double e = 1e-6;
		boolean inside = p.x() >= r.x() - e && p.x() <= r.x() + r.width() + e && p.y() >= r.y() - e
				&& p.y() <= r.y() + r.height() + e;
		boolean edge = Math.abs(p.x() - r.x()) < e || Math.abs(p.x() - r.x() - r.width()) < e || Math.abs(p.y() - r.y()) < e
				|| Math.abs(p.y() - r.y() - r.height()) < e;
		return inside && edge;
	}
}
