package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.dsl.load.SyntheticSite;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The editor's partial reparse lexes from near the edit ({@code NearbyTokenRegions}), not from
 * the top of the file. Seeded edits that change how the text around them lexes (quotes that
 * open strings, comment openers and closers, names grown into keywords, lines joined) must
 * leave the same tokens, and the same verdict on syntax, as parsing the edited text afresh.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class PartialReparseTest {

	private static final String[] INSERTS = { "\"", "/*", "*/", "//", "x", "1", " ", "\n", "{", "}", ".", "e", "camera",
			"-", ":", "\t" };

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Test
	void editsAnywhereLeaveTheTokensOfAFreshParse() throws IOException {
		String text = SyntheticSite.of(15);
		XtextResource edited = parse(text);
		Random random = new Random(20261130L);
		int fullAgree = 0;
		for (int i = 0; i < 200; i++) {
			// Far enough into the text that the lexer starts from a boundary, not from 0.
			int offset = 400 + random.nextInt(text.length() - 500);
			int length = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 0;
			String insert = length > 0 && random.nextBoolean() ? "" : INSERTS[random.nextInt(INSERTS.length)];
			edited.update(offset, length, insert);
			text = text.substring(0, offset) + insert + text.substring(offset + length);

			XtextResource fresh = parse(text);
			String where = "edit " + i + " at " + offset + " (" + length + " replaced by '" + insert.replace("\n", "\\n") + "')";
			assertEquals(text, edited.getParseResult().getRootNode().getText(), where);
			assertEquals(tokens(fresh), tokens(edited), where);
			assertEquals(fresh.getParseResult().hasSyntaxErrors(), edited.getParseResult().hasSyntaxErrors(), where);
			if (!fresh.getParseResult().hasSyntaxErrors()) {
				fullAgree++;
			}
			// Undo now and then, so the text keeps parsing and partial reparses keep happening.
			if (i % 3 == 2) {
				text = SyntheticSite.of(15);
				edited = parse(text);
			}
		}
		assertTrue(fullAgree > 20, "too few edits left a valid design to exercise partial reparse: " + fullAgree);
	}

	private XtextResource parse(String text) throws IOException {
		XtextResourceSet set = resourceSets.get();
		XtextResource resource = (XtextResource) set.createResource(URI.createURI("memory:/site.perimeter"));
		resource.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		return resource;
	}

	/** @return each leaf as offset, hidden or not, and text */
	private static List<String> tokens(XtextResource resource) {
		List<String> tokens = new ArrayList<>();
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			tokens.add(leaf.getTotalOffset() + (leaf.isHidden() ? " hidden " : " ") + leaf.getText());
		}
		return tokens;
	}
}
