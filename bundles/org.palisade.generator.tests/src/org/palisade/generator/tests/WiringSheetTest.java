package org.palisade.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.generator.GeneratorOutput;
import org.palisade.generator.SiteConfiguration;
import org.palisade.generator.SiteGenerator;
import org.palisade.generator.WiringSheet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class WiringSheetTest {

	@Test
	void beaconRowsShowPinFunctionWireTerminalLoadAndVoltage() throws Exception {
		WiringSheet sheet = new SiteGenerator().generate(Sites.load(Sites.harbourDepot())).device("North1").wiring();
		assertEquals(2, sheet.rows().size());
		WiringSheet.Row red = sheet.rows().get(0);
		assertEquals("2", red.pin());
		assertEquals("12 V DC output, max 50 mA", red.function());
		assertEquals("red", red.colour());
		assertEquals(0.25, red.area());
		assertEquals(40.0, red.length());
		assertEquals("Beacon1.plus (+)", red.terminal());
		assertEquals("Beacon1, Beacon 12V 50mA, 50 mA", red.load());
		// 2 x 40 m of 0.25 mm2 copper at 50 mA: 0.01724 * 80 / 0.25 * 0.05 = 0.276 V
		assertEquals("11.72 V (min 10.8 V)", red.loadVolts());
		WiringSheet.Row blue = sheet.rows().get(1);
		assertEquals("3", blue.pin());
		assertEquals("I/O port 1: output \"Flashing beacon\", normally open", blue.function());
		assertEquals("Beacon1.minus (-)", blue.terminal());
		assertTrue(sheet.notes().isEmpty(), sheet.notes().toString());
	}

	@Test
	void longerReturnWireLowersTheVoltageAtTheLoad(@TempDir Path dir) throws Exception {
		SiteConfiguration site = new SiteGenerator().generate(Sites.variant(dir, "0.25 mm2 40 m from pin 3",
				"0.25 mm2 150 m from pin 3"));
		WiringSheet sheet = site.device("North1").wiring();
		// (40 + 150) m of 0.25 mm2 at 50 mA: 0.01724 * 190 / 0.25 * 0.05 = 0.655 V
		assertEquals("11.34 V (min 10.8 V)", sheet.rows().get(0).loadVolts());
		assertEquals("11.34 V (min 10.8 V)", sheet.rows().get(1).loadVolts());
		assertTrue(sheet.notes().isEmpty(), sheet.notes().toString());
	}

	/** The sheet's inline SVG parses as XML and shows the terminal's pins and both beacon wires. */
	private static void assertWiringDrawingEmbedded(String html) throws Exception {
		int start = html.indexOf("<svg");
		int end = html.indexOf("</svg>");
		assertTrue(start > 0 && end > start, "an <svg> element in the sheet");
		assertTrue(start < html.indexOf("<table>"), "the drawing comes before the table");
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		Document svg = f.newDocumentBuilder()
				.parse(new InputSource(new StringReader(html.substring(start, end + "</svg>".length()))));
		assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
		List<String> ids = new ArrayList<>();
		NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
		for (int i = 0; i < groups.getLength(); i++) {
			ids.add(((Element) groups.item(i)).getAttribute("id"));
		}
		assertTrue(ids.containsAll(List.of("pin:1", "pin:2", "pin:3", "pin:4", "wire:0", "wire:1", "device:Beacon1")),
				ids.toString());
		assertTrue(html.contains(">red 0.25 mm2 40 m</text>"), "wire label in the drawing");
	}

	/**
	 * After the table, the week of "After hours", the one schedule the camera's rules use: its
	 * boxes, when each rule can fire, and the zone's clock changes in words (no dates, so the
	 * sheet is the same whenever it is generated).
	 */
	private static void assertScheduleWeekEmbedded(String html) throws Exception {
		int table = html.indexOf("</table>");
		int start = html.indexOf("<svg", table);
		int end = html.indexOf("</svg>", start);
		assertTrue(start > table && end > start, "a schedule drawing after the table");
		assertTrue(html.indexOf("<svg", end) < 0, "one schedule: both rules use After hours");
		Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new InputSource(new StringReader(html.substring(start, end + "</svg>".length()))));
		NodeList rects = svg.getElementsByTagName("rect");
		int intervals = 0;
		for (int i = 0; i < rects.getLength(); i++) {
			intervals += "interval".equals(((Element) rects.item(i)).getAttribute("class")) ? 1 : 0;
		}
		assertEquals(10, intervals, "Mon-Fri 18:00-08:00: five evenings and five mornings");
		String week = html.substring(start, end);
		assertTrue(week.contains("After hours (AfterHours), a typical week, Europe/Stockholm"), week);
		assertTrue(week.contains("Flashing beacon: Mon-Fri 18:00-08:00"), week);
		assertTrue(week.contains("Horn speaker: Mon-Fri 18:00-08:00"), week);
		assertTrue(week.contains("Clock changes in Europe/Stockholm: last Sunday of March: 02:00-03:00 is skipped; "
				+ "last Sunday of October: 02:00-03:00 happens twice"), week);
	}

	@Test
	void generateWritesMarkdownHtmlOperationsAndNoSecret(@TempDir Path dir) throws Exception {
		SiteConfiguration site = new SiteGenerator().generate(Sites.load(Sites.harbourDepot()));
		List<Path> files = GeneratorOutput.write(site, dir);
		assertTrue(files.contains(Path.of("North1/wiring.md")), files.toString());
		assertTrue(files.contains(Path.of("North1/wiring.html")));
		assertTrue(files.contains(Path.of("North1/operations.txt")));
		assertTrue(files.contains(Path.of("North1/configuration.json")));
		assertTrue(files.contains(Path.of("index.md")));
		String md = Files.readString(dir.resolve("North1/wiring.md"));
		assertTrue(md.contains("| 2 | 12 V DC output, max 50 mA | red | 0.25 mm2 | 40 m | Beacon1.plus (+) |"), md);
		String html = Files.readString(dir.resolve("North1/wiring.html"));
		assertTrue(html.contains("<td>I/O port 1: output &quot;Flashing beacon&quot;, normally open</td>"), html);
		assertWiringDrawingEmbedded(html);
		assertScheduleWeekEmbedded(html);
		String ops = Files.readString(dir.resolve("North1/operations.txt"));
		assertTrue(ops.contains("password = ${credential.password:harbour-depot/horn}"), ops);
		for (Path f : files) {
			String text = Files.readString(dir.resolve(f));
			// Every password-like value is a placeholder.
			assertTrue(!text.matches("(?s).*(?<!credential\\.)password\"?\\s*[=:]\\s*\"?[^$\\s\"].*"), f + " holds a password value");
		}
	}
}
