package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.SvgRenderer;
import org.palisade.diagram.WiringDiagrams;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgRendererTest {

	@Test
	void exampleSvgIsWellFormedAndHoldsEveryPinAndWire() throws Exception {
		Diagram d = WiringDiagrams.of(Designs.device(Designs.load(Designs.harbourDepot()), "North1"));
		String svg = SvgRenderer.render(d);
		Svg.keep("wiring-example", svg);
		Document doc = Svg.parse(svg);
		Element root = doc.getDocumentElement();
		assertEquals("svg", root.getLocalName());
		assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
		assertEquals(d.width(), Double.parseDouble(root.getAttribute("width")), 0.5);
		for (String id : List.of("pin:1", "pin:2", "pin:3", "pin:4", "terminal:Beacon1.plus", "terminal:Beacon1.minus")) {
			Svg.byId(doc, id);
		}
		Element red = Svg.byId(doc, "wire:0");
		assertEquals("red", red.getAttribute("data-colour"));
		assertTrue(Svg.all(red, "polyline").stream().anyMatch(p -> "#d7261e".equals(p.getAttribute("stroke"))));
		assertTrue(Svg.all(red, "text").stream().anyMatch(t -> "red 0.25 mm2 40 m".equals(t.getTextContent())));
		Element pin2 = Svg.byId(doc, "pin:2");
		assertTrue(Svg.all(pin2, "text").stream().anyMatch(t -> "2  12 V out, max 50 mA".equals(t.getTextContent())));
		assertEquals(List.of(), Svg.findings(root));
	}

	@Test
	void overloadedPin2IsMarkedWithCodeAndMessageInItsTooltip(@TempDir Path dir) throws Exception {
		Diagram d = WiringDiagrams.of(Designs.device(Designs.overloaded(dir), "North1"));
		String svg = SvgRenderer.render(d);
		Svg.keep("wiring-overloaded", svg);
		Document doc = Svg.parse(svg);
		List<Element> marks = Svg.findings(Svg.byId(doc, "pin:2"));
		assertEquals(1, marks.size());
		assertEquals("ELEC-PIN-SHARED ELEC-DCOUT-CURRENT", marks.get(0).getAttribute("data-codes"));
		// An error outranks the shared-pin warning: the glyph is drawn in the error colour.
		assertEquals("#d0021b", Svg.all(marks.get(0), "circle").get(0).getAttribute("fill"));
		String tooltip = Svg.all(marks.get(0), "title").get(0).getTextContent();
		assertTrue(tooltip.contains("\nELEC-DCOUT-CURRENT: pin 2 draws 80 mA (Beacon1 50 mA + Siren2 30 mA), limit 50 mA"),
				tooltip);
		assertEquals("ELEC-PIN-SHARED ELEC-DCOUT-CURRENT", Svg.findings(Svg.byId(doc, "wire:0")).get(0).getAttribute("data-codes"));
		// The blue wire is at pin 3: shared, but no pin 2 overload on it.
		assertEquals("ELEC-PIN-SHARED", Svg.findings(Svg.byId(doc, "wire:1")).get(0).getAttribute("data-codes"));
		// Pin 3 sinks the same 80 mA, within its 100 mA: shared (a warning), not overloaded.
		assertEquals("ELEC-PIN-SHARED", Svg.findings(Svg.byId(doc, "pin:3")).get(0).getAttribute("data-codes"));
	}

	@Test
	void textThatLooksLikeMarkupIsEscaped() throws Exception {
		Diagram d = new Diagram(Diagram.Kind.OVERVIEW, "a <b> & \"c\"", 100, 50,
				List.of(new Diagram.Node("n", "", Diagram.NodeKind.OTHER, "</svg><script>", List.of("x & y"),
						new Diagram.Rect(0, 0, 80, 40), List.of(), List.of())),
				List.of());
		Document doc = Svg.parse(SvgRenderer.render(d));
		assertEquals(List.of(), Svg.all(doc.getDocumentElement(), "script"));
		assertTrue(Svg.all(doc.getDocumentElement(), "text").stream()
				.anyMatch(t -> "</svg><script>".equals(t.getTextContent())));
	}
}
