package org.palisade.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.Test;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.ScheduleEdits;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.diagram.WiringEdits;
import org.palisade.dsl.ide.quickfix.DesignEdits;
import org.palisade.dsl.ide.quickfix.DesignSlice;
import org.palisade.dsl.ide.quickfix.DesignSlice.Replacement;
import org.palisade.dsl.load.SyntheticSite;
import org.palisade.model.site.Device;

import com.google.inject.Injector;

/**
 * The Studio's quick edit path for large designs: a change confined to a few elements serialized
 * on a slice of the design. Its text edits must be exactly those of the change made on the whole
 * design, and a change that reaches outside its scope must give no slice edit at all (the caller
 * then takes the whole design), never a different one.
 */
class SliceEditTest {

	private static final URI URI_ = URI.createFileURI("/tmp/slice.perimeter");
	private static Injector ide() {
		return Designs.ide();
	}

	@Test
	void aNewWireInTheMiddleOfAFortyCameraSiteIsTheWholeDesignsEdit() {
		String text = SyntheticSite.of(40);
		XtextResource design = parse(text);
		Diagram d = diagram(design, "Cam20");
		Port pin4 = d.port("pin:4").orElseThrow();
		Port plus = d.port("terminal:Beacon20.plus").orElseThrow();
		Function<Resource, Boolean> edit = WiringEdits.connect("Cam20", pin4, plus);

		String sliced = apply(text, slice(design, WiringEdits.scope("Cam20", pin4, plus), edit).orElseThrow());
		assertEquals(whole(design, text, edit), sliced);
		assertTrue(sliced.contains("\t\twire blue 0.25 mm2 10 m from pin 4 to Beacon20.plus\n"), sliced);
		// One line more, inside Cam20's block, nothing else touched.
		assertEquals(text.lines().count() + 1, sliced.lines().count());
		int at = sliced.indexOf("from pin 4 to Beacon20.plus");
		assertTrue(at > sliced.indexOf("camera Cam20 ") && at < sliced.indexOf("camera Cam21 "));
	}

	@Test
	void wiringToAnotherCamerasBeaconNeedsThatBeaconInTheScope() {
		String text = SyntheticSite.of(40);
		XtextResource design = parse(text);
		Port pin4 = diagram(design, "Cam20").port("pin:4").orElseThrow();
		Port beacon7 = diagram(design, "Cam7").port("terminal:Beacon7.plus").orElseThrow();
		Function<Resource, Boolean> edit = WiringEdits.connect("Cam20", pin4, beacon7);

		// Too narrow: Beacon7 is not in the slice, so no edit (the whole design is then taken).
		assertEquals(Optional.empty(), slice(design, Set.of("Cam20"), edit));
		// With it: the whole design's edit, the wire written in Cam20, far from Beacon7.
		String sliced = apply(text, slice(design, WiringEdits.scope("Cam20", pin4, beacon7), edit).orElseThrow());
		assertEquals(whole(design, text, edit), sliced);
		assertTrue(sliced.indexOf("from pin 4 to Beacon7.plus") > sliced.indexOf("camera Cam20 "));
	}

	@Test
	void aChangeThatAddsADeviceToTheSiteIsNotMadeOnASlice() {
		String text = SyntheticSite.of(10);
		XtextResource design = parse(text);
		Function<Resource, Boolean> edit = WiringEdits.addPeripheral("Cam4", "Beacon 12V 50mA");
		// The new beacon is declared outside the camera's text: outside the scope.
		assertEquals(Optional.empty(), slice(design, Set.of("Cam4"), edit));
		assertTrue(whole(design, text, edit).length() > text.length());
	}

	@Test
	void aScopeNamingNoElementOfTheDesignGivesNoSlice() {
		XtextResource design = parse(SyntheticSite.of(3));
		assertEquals(Optional.empty(), slice(design, Set.of("Cam99"), WiringEdits.delete("Cam1", 0)));
	}

	@Test
	void stretchingAfterHoursTo0900IsTheCopysEditAndLeavesEveryRuleAlone() {
		String text = SyntheticSite.of(60);
		XtextResource design = parse(text);
		Function<Resource, Boolean> edit = ScheduleEdits.reshape("AfterHours", 0, 0, 15 * 60);

		String sliced = apply(text, slice(design, Set.of("AfterHours"), edit).orElseThrow());
		String copy = apply(text, DesignSlice.of(DesignEdits.edits(ide().getInstance(XtextResourceSet.class), URI_, text,
				edit::apply, ide().getInstance(IChangeSerializer.class))));
		assertEquals(copy, sliced);
		assertEquals(text.replace("Mon-Fri 18:00-08:00", "Mon-Fri 18:00-09:00"), sliced);
	}

	@Test
	void theExamplesWiringEditKeepsItsRulesPtzAndSpeakerLinkedAndItsComments() throws Exception {
		String text = Files.readString(Designs.harbourDepot());
		XtextResource design = parse(text);
		Device north1 = camera(design, "North1");
		Diagram d = WiringDiagrams.of(north1, List.of());
		Function<Resource, Boolean> edit = WiringEdits.delete("North1", 1);

		String sliced = apply(text, slice(design, WiringEdits.scope("North1"), edit).orElseThrow());
		assertEquals(whole(design, text, edit), sliced);
		assertFalse(sliced.contains("wire blue 0.25 mm2 40 m from pin 3 to Beacon1.minus"));
		assertTrue(sliced.contains("do move Gate to preset Fence https"));
		assertTrue(sliced.contains("// The PTZ camera follows the alarm"));
		assertEquals(2, d.edges().size());
	}

	private static Optional<List<Replacement>> slice(XtextResource design, Set<String> scope, Function<Resource, Boolean> edit) {
		return DesignSlice.edits(design, scope, ide().getInstance(XtextResourceSet.class), edit::apply,
				ide().getInstance(IChangeSerializer.class));
	}

	/** The same change made on the whole design, which is left as it was. */
	private static String whole(XtextResource design, String text, Function<Resource, Boolean> edit) {
		String result = apply(text, DesignSlice.of(DesignEdits.editsInPlace(design, edit::apply,
				ide().getInstance(IChangeSerializer.class))));
		assertEquals(text, design.getParseResult().getRootNode().getText(), "the design was left as it was");
		return result;
	}

	private static XtextResource parse(String text) {
		XtextResourceSet set = ide().getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) set.createResource(URI_);
		try {
			r.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		DesignEdits.loadImports(r);
		return r;
	}

	private static Device camera(XtextResource design, String name) {
		for (var it = design.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Device d && name.equals(d.getName())) {
				return d;
			}
		}
		throw new AssertionError("no " + name);
	}

	private static Diagram diagram(XtextResource design, String camera) {
		return WiringDiagrams.of(camera(design, camera), List.of());
	}

	private static String apply(String text, List<Replacement> replacements) {
		assertFalse(replacements.isEmpty(), "the edit changed the text");
		return DesignSlice.apply(text, replacements);
	}
}
