package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palisade.dsl.load.SyntheticSite;
import org.palisade.ui.editor.internal.DesignModel;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The editor's model replays the document's changes as they queued up while a check ran:
 * edits close together are reparsed as one, edits far apart one by one, and whichever way,
 * the model read afterwards is the one a fresh parse of the document gives.
 */
class DesignModelReplayTest {

	private final Document document = new Document();

	private DesignModel model;

	@BeforeEach
	void open() throws Exception {
		document.set(SyntheticSite.of(40));
		model = new DesignModel(PalisadeWorkspace.injector(), URI.createFileURI("/tmp/replay-test/site.perimeter"));
		model.reset(document);
		document.addDocumentListener(new IDocumentListener() {
			@Override
			public void documentAboutToBeChanged(DocumentEvent event) {
			}

			@Override
			public void documentChanged(DocumentEvent event) {
				model.changed(event);
			}
		});
		text();
	}

	@AfterEach
	void close() {
		model.dispose();
	}

	@Test
	void aBurstOfTypingInOnePlaceIsOneReparse() throws Exception {
		int before = model.reparses();
		int at = document.get().indexOf(" m from pin 2 to Beacon20.plus");
		// 20 keys typed into a wire's length, then taken back but for one: the text has a syntax
		// error for most of the burst, each key of which cost a whole-text reparse when replayed alone.
		for (int i = 0; i < 20; i++) {
			document.replace(at + i, 0, "x");
		}
		for (int i = 19; i >= 1; i--) {
			document.replace(at + i, 1, "");
		}
		document.replace(at, 1, "5");
		assertEquals(document.get(), text());
		assertEquals(1, model.reparses() - before, "reparses for 40 keys within a few characters");
		assertSameAsFreshParse();
	}

	@Test
	void editsFarApartAreReparsedOneByOne() throws Exception {
		int before = model.reparses();
		String text = document.get();
		int first = text.indexOf(" m from pin 2 to Beacon2.plus");
		int last = text.indexOf(" m from pin 2 to Beacon38.plus");
		assertTrue(last - first > 8192, "the two wires are " + (last - first) + " characters apart");
		document.replace(last, 0, "1");
		document.replace(first, 0, "1");
		assertEquals(document.get(), text());
		assertEquals(2, model.reparses() - before, "reparses for two edits " + (last - first) + " characters apart");
		assertSameAsFreshParse();
	}

	@Test
	void seededEditsQueuedTogetherLeaveTheModelOfAFreshParse() throws Exception {
		String[] inserts = { "\"", "/*", "*/", "//", "x", "1", " ", "\n", "{", "}", ".", "camera", "-", "\t", "" };
		Random random = new Random(20261201L);
		for (int round = 0; round < 30; round++) {
			// Several edits queue before the model is read, as when a check is still running.
			int count = 1 + random.nextInt(6);
			int near = 300 + random.nextInt(document.getLength() - 600);
			for (int i = 0; i < count; i++) {
				int offset = Math.min(document.getLength() - 1,
						random.nextBoolean() ? near + random.nextInt(40) : 300 + random.nextInt(document.getLength() - 400));
				int length = random.nextInt(3) == 0 ? Math.min(1 + random.nextInt(3), document.getLength() - offset) : 0;
				document.replace(offset, length, inserts[random.nextInt(inserts.length)]);
			}
			assertEquals(document.get(), text(), "round " + round);
			assertSameAsFreshParse();
			if (round % 5 == 4) {
				document.set(SyntheticSite.of(40)); // a reset keeps the text parsing now and then
				model.reset(document);
			}
		}
	}

	/** @return the text of the model, once it has replayed what the document queued */
	private String text() throws Exception {
		return model.read(snapshot -> snapshot.resource().getParseResult().getRootNode().getText()).get(60,
				TimeUnit.SECONDS);
	}

	private void assertSameAsFreshParse() throws Exception {
		XtextResourceSet set = PalisadeWorkspace.injector().getInstance(XtextResourceSet.class);
		XtextResource fresh = (XtextResource) set.createResource(URI.createFileURI("/tmp/replay-test/fresh.perimeter"));
		fresh.load(new LazyStringInputStream(document.get(), "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		List<String> expected = tokens(fresh);
		boolean expectedErrors = fresh.getParseResult().hasSyntaxErrors();
		List<Object> actual = model.read(snapshot -> List.<Object>of(tokens(snapshot.resource()),
				snapshot.resource().getParseResult().hasSyntaxErrors())).get(60, TimeUnit.SECONDS);
		assertEquals(expected, actual.get(0));
		assertEquals(expectedErrors, actual.get(1), "syntax errors in the replayed model");
	}

	private static List<String> tokens(XtextResource resource) {
		List<String> tokens = new ArrayList<>();
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (!leaf.isHidden()) {
				tokens.add(leaf.getTotalOffset() + ":" + leaf.getText());
			}
		}
		return tokens;
	}
}
