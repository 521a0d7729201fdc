package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.diagram.WiringEdits;
import org.palisade.dsl.ide.quickfix.DesignEdits;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;

import com.google.inject.Injector;

/**
 * Diagram edit -> text -> reparse -> diagram, through the one edit path (DesignEdits and Xtext's
 * IChangeSerializer, as the Studio's DesignChanges): nothing lost, comments kept, and the
 * drawing after the reparse is the drawing the edit asked for.
 */
class RoundTripTest {

	private static Injector ide() {
		return Designs.ide();
	}

	private static final String SIREN = "\tsiren Siren2 : \"Siren 12V 30mA\"\n";

	@Test
	void connectingPin2ToAnUnwiredSirenWritesOneWireLineAndTheReparsedDiagramShowsItAndTheOverload(@TempDir Path dir)
			throws Exception {
		String text = Files.readString(Designs.harbourDepot()).replace("\tbeacon Beacon1", SIREN + "\tbeacon Beacon1");
		Diagram before = diagram(dir, text);
		String edited = apply(text, WiringEdits.connect("North1", before.port("pin:2").orElseThrow(),
				before.port("terminal:Siren2.plus").orElseThrow()));

		// Exactly one line more, the new wire among the camera's wires; the rest as it was.
		List<String> added = edited.lines().filter(l -> !text.lines().toList().contains(l)).toList();
		assertEquals(List.of("\t\twire red 0.25 mm2 10 m from pin 2 to Siren2.plus"), added);
		assertEquals(text.lines().count() + 1, edited.lines().count());
		assertTrue(edited.contains("// Pin 2 is the 12 V DC output, pin 3 (I/O port 1) the open-drain output."));
		// Inside the camera's block: the serializer appends it after the camera's last member (the
		// grammar lets wires, ports and rules come in any order).
		int camera = edited.indexOf("camera North1");
		int at = edited.indexOf("from pin 2 to Siren2.plus");
		assertTrue(at > camera && at < edited.indexOf("\n\t}\n", camera), "the new wire in the camera:\n" + edited);

		Diagram after = diagram(dir, edited);
		assertEquals(3, after.edges().size());
		Edge wire = after.edge("wire:2").orElseThrow();
		assertEquals("pin:2", wire.source());
		assertEquals("terminal:Siren2.plus", wire.target());
		assertEquals("red", wire.colourName());
		assertTrue(after.port("pin:2").orElseThrow().marks().stream().anyMatch(m -> m.code().equals("ELEC-DCOUT-CURRENT")
				&& m.message().startsWith("pin 2 draws 80 mA (Beacon1 50 mA + Siren2 30 mA), limit 50 mA")));
		// Nothing else moved: the other wires are as before.
		for (String id : List.of("wire:0", "wire:1")) {
			Edge b = before.edge(id).orElseThrow();
			Edge a = after.edge(id).orElseThrow();
			assertEquals(b.source() + b.target() + b.label(), a.source() + a.target() + a.label());
		}
	}

	@Test
	void reconnectingTheBlueWireToPin4AndDeletingTheRedOneRoundTrip(@TempDir Path dir) throws Exception {
		String text = Files.readString(Designs.harbourDepot());
		Diagram d = diagram(dir, text);
		String moved = apply(text, WiringEdits.reconnect("North1", 1, "pin:3", d.port("pin:4").orElseThrow()));
		assertTrue(moved.contains("wire blue 0.25 mm2 40 m from pin 4 to Beacon1.minus"), moved);
		assertEquals(text.length(), moved.length(), "only the pin number changed");
		Diagram afterMove = diagram(dir, moved);
		assertEquals("pin:4", afterMove.edge("wire:1").orElseThrow().source());

		String deleted = apply(moved, WiringEdits.delete("North1", 0));
		assertFalse(deleted.contains("wire red 0.25 mm2 40 m"), deleted);
		assertTrue(deleted.contains("wire blue 0.25 mm2 40 m from pin 4 to Beacon1.minus"));
		Diagram afterDelete = diagram(dir, deleted);
		assertEquals(List.of("wire:0"), afterDelete.edges().stream().map(Edge::id).toList());
		assertEquals("terminal:Beacon1.minus", afterDelete.edge("wire:0").orElseThrow().target());
	}

	@Test
	void theEditorsModelGivesTheSameEditsAsACopyAndIsLeftAsItWas(@TempDir Path dir) throws Exception {
		String text = Files.readString(Designs.harbourDepot()).replace("\tbeacon Beacon1", SIREN + "\tbeacon Beacon1");
		Diagram before = diagram(dir, text);
		Function<Resource, Boolean> connect = WiringEdits.connect("North1", before.port("pin:2").orElseThrow(),
				before.port("terminal:Siren2.plus").orElseThrow());
		XtextResourceSet set = ide().getInstance(XtextResourceSet.class);
		XtextResource model = (XtextResource) set.createResource(URI.createFileURI("/tmp/in-place.perimeter"));
		model.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		DesignEdits.loadImports(model);

		List<ITextReplacement> inPlace = DesignEdits.editsInPlace(model, connect::apply,
				ide().getInstance(IChangeSerializer.class));
		assertEquals(apply(text, connect), replace(text, inPlace), "the same text as through a copy");
		// Taken back: the model is the text's again, and takes the next edit.
		Device camera = Designs.device((org.palisade.model.site.Site) ((Design) model.getContents().get(0)).getElements()
				.stream().filter(org.palisade.model.site.Site.class::isInstance).findFirst().orElseThrow(), "North1");
		assertEquals(2, camera.getWires().size());
		assertEquals(text, model.getParseResult().getRootNode().getText());
		assertTrue(model.getErrors().isEmpty());
		String deleted = replace(text, DesignEdits.editsInPlace(model, WiringEdits.delete("North1", 0)::apply,
				ide().getInstance(IChangeSerializer.class)));
		assertFalse(deleted.contains("wire red 0.25 mm2 40 m"), deleted);
		assertEquals(2, camera.getWires().size());
		assertEquals("red", camera.getWires().get(0).getColour());
	}

	private static Diagram diagram(Path dir, String text) throws Exception {
		Path file = Files.createTempFile(dir, "roundtrip", ".perimeter");
		Files.writeString(file, text);
		Device camera = Designs.device(Designs.load(file), "North1");
		return WiringDiagrams.of(camera);
	}

	private static String apply(String text, Function<Resource, Boolean> edit) {
		List<ITextReplacement> replacements = DesignEdits.edits(ide().getInstance(XtextResourceSet.class),
				URI.createFileURI("/tmp/roundtrip.perimeter"), text, edit::apply, ide().getInstance(IChangeSerializer.class));
		assertFalse(replacements.isEmpty(), "the edit changed the text");
		return replace(text, replacements);
	}

	private static String replace(String text, List<ITextReplacement> replacements) {
		StringBuilder b = new StringBuilder(text);
		for (ITextReplacement r : replacements.stream().sorted(Comparator.comparingInt(ITextReplacement::getOffset).reversed())
				.toList()) {
			b.replace(r.getOffset(), r.getOffset() + r.getLength(), r.getReplacementText());
		}
		return b.toString();
	}
}
