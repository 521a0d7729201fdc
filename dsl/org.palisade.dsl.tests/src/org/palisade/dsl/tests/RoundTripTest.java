package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.serializer.IEmfResourceChange;
import org.eclipse.xtext.ide.serializer.ITextDocumentChange;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.ITextRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palisade.dsl.ide.SiteIdeSetup;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.Site;
import org.palisade.model.site.Wire;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;

/**
 * parse -> serialize -> parse gives an equal model, with comments kept; an edit made on
 * the model (as the diagrams will make it) changes only the text it touches.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class RoundTripTest {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private ISerializer serializer;

	static Stream<Path> examples() throws Exception {
		try (Stream<Path> walk = Files.walk(Fixtures.examples())) {
			return walk.filter(p -> p.toString().endsWith(".perimeter")).sorted().toList().stream();
		}
	}

	private XtextResource parse(XtextResourceSet rs, String name, String text) throws Exception {
		XtextResource r = (XtextResource) rs.createResource(URI.createFileURI(name));
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		assertEquals(List.of(), r.getErrors(), "parses");
		EcoreUtil.resolveAll(r);
		return r;
	}

	@ParameterizedTest
	@MethodSource("examples")
	void serializingAnUnchangedDesignGivesItsTextBack(Path example) throws Exception {
		String text = Files.readString(example);
		XtextResource r = parse(resourceSets.get(), example.toString(), text);
		assertEquals(text, serializer.serialize(r.getContents().get(0)));
	}

	@ParameterizedTest
	@MethodSource("examples")
	void parseSerializeParseGivesAnEqualModel(Path example) throws Exception {
		String text = Files.readString(example);
		XtextResourceSet rs = resourceSets.get();
		XtextResource first = parse(rs, example.toString(), text);
		// A copy has no node model: the serializer writes it from the model alone.
		Design copy = EcoreUtil.copy((Design) first.getContents().get(0));
		XtextResource holder = (XtextResource) rs.createResource(URI.createFileURI(example + ".copy.perimeter"));
		holder.getContents().add(copy);
		String written = serializer.serialize(copy, SaveOptions.newBuilder().format().getOptions());
		XtextResource second = parse(resourceSets.get(), example + ".again.perimeter", written);
		assertTrue(EcoreUtil.equals(first.getContents().get(0), second.getContents().get(0)),
				"equal models; the text written was:\n" + written);
	}

	@Test
	void aModelEditChangesOnlyTheTextItTouches() throws Exception {
		Injector ide = new SiteIdeSetup().createInjectorAndDoEMFRegistration();
		String text = Files.readString(Fixtures.harbourDepot());
		XtextResourceSet rs = ide.getInstance(XtextResourceSet.class);
		XtextResource r = parse(rs, Fixtures.harbourDepot().toString(), text);
		Site site = (Site) ((Design) r.getContents().get(0)).getElements().get(0);
		Device camera = site.getDevices().get(0);
		Wire red = camera.getWires().get(0);

		IChangeSerializer changes = ide.getInstance(IChangeSerializer.class);
		changes.addModification(red, w -> w.setLength(55));
		List<IEmfResourceChange> result = new ArrayList<>();
		changes.applyModifications(result::add);
		ITextDocumentChange change = (ITextDocumentChange) result.get(0);
		StringBuilder edited = new StringBuilder(text);
		List<? extends ITextRegion> replacements = change.getReplacements();
		for (int i = replacements.size() - 1; i >= 0; i--) {
			var rep = change.getReplacements().get(i);
			edited.replace(rep.getOffset(), rep.getOffset() + rep.getLength(), rep.getReplacementText());
		}
		String expected = text.replace("wire red 0.25 mm2 40 m from pin 2", "wire red 0.25 mm2 55 m from pin 2");
		assertEquals(expected, edited.toString());
		assertTrue(edited.toString().contains("// Pin 2 is the 12 V DC output"), "comments kept");
	}
}
