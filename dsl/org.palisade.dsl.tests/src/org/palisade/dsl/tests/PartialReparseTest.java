package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.linking.lazy.LazyURIEncoder;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.dsl.linking.SiteResource;
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
			text = edit(edited, text, offset, length, insert);
			String where = where(i, offset, length, insert);
			XtextResource fresh = sameTextAndTokens(edited, text, where);
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

	/**
	 * Edits inside device blocks that leave syntax errors are reparsed as the one block, errors
	 * and all, instead of the whole text: what that builds must be what a fresh parse of the
	 * text builds, to the token, the error and the element. Edits pile up for a few steps, so
	 * that errors already in a block are reparsed with the next edit.
	 */
	@Test
	void editsThatBreakADeviceBlockParseAsTheWholeTextDoes() throws IOException {
		String original = SyntheticSite.of(15);
		List<int[]> bodies = deviceBodies(original);
		String text = original;
		XtextResource edited = parse(text);
		Random random = new Random(20261201L);
		int blocks = org.palisade.dsl.parser.SitePartialParsing.blockReparses();
		int broken = 0;
		int[] body = bodies.get(0);
		for (int i = 0; i < 300; i++) {
			if (i % 5 == 0) {
				text = original;
				edited = parse(text);
				// Typing goes on in one place: five edits into one device's body.
				body = bodies.get(random.nextInt(bodies.size()));
			}
			// Within the body as the original text had it; earlier edits shifted it a little,
			// and an offset just outside is a fair edit too.
			int offset = Math.min(text.length() - 1, body[0] + random.nextInt(body[1] - body[0]));
			int length = random.nextInt(3) == 0 ? 1 + random.nextInt(6) : 0;
			length = Math.min(length, text.length() - offset);
			String insert = length > 0 && random.nextBoolean() ? "" : INSERTS[random.nextInt(INSERTS.length)];
			text = edit(edited, text, offset, length, insert);
			String where = where(i, offset, length, insert);
			XtextResource fresh = sameTextAndTokens(edited, text, where);
			assertEquals(syntaxErrors(fresh), syntaxErrors(edited), where);
			assertEquals(elements(fresh), elements(edited), where);
			assertEquals(links(fresh), links(edited), where);
			assertEquals(errors(fresh), errors(edited), where);
			broken += fresh.getParseResult().hasSyntaxErrors() ? 1 : 0;
		}
		blocks = org.palisade.dsl.parser.SitePartialParsing.blockReparses() - blocks;
		assertTrue(broken > 100, "edits that left a syntax error: " + broken);
		// Quotes, comment openers and braces change how the rest of the text lexes, and leave
		// blocks unclosed for the edits after them: those go to the whole reparse.
		assertTrue(blocks > 35, "edits reparsed as one device block with their errors: " + blocks + " of " + broken);
	}

	/**
	 * Typing a word into a camera's wire and one into its rule, key by key, as the editor
	 * replays it: each key after the first that breaks the syntax is reparsed as the camera's
	 * block, and builds what a fresh parse builds.
	 */
	@Test
	void typingInsideACameraReparsesOnlyTheCamera() throws IOException {
		String text = SyntheticSite.of(15);
		XtextResource edited = parse(text);
		int blocks = org.palisade.dsl.parser.SitePartialParsing.blockReparses();
		int keys = 0;
		int broken = 0;
		for (String[] typing : new String[][] { { " m from pin 2 to Beacon7.plus", "xyz 12" },
				{ "during AfterHours", " and then" } }) {
			int at = text.indexOf(typing[0]);
			assertTrue(at > 0, typing[0]);
			String word = typing[1];
			for (int i = 0; i < word.length(); i++, keys++) {
				edited.update(at + i, 0, word.substring(i, i + 1));
				text = text.substring(0, at + i) + word.charAt(i) + text.substring(at + i);
				XtextResource fresh = parse(text);
				String where = "typing '" + word.substring(0, i + 1) + "' at " + at;
				assertEquals(tokens(fresh), tokens(edited), where);
				assertEquals(syntaxErrors(fresh), syntaxErrors(edited), where);
				assertEquals(elements(fresh), elements(edited), where);
				assertEquals(errors(fresh), errors(edited), where);
				broken += fresh.getParseResult().hasSyntaxErrors() ? 1 : 0;
			}
			for (int i = word.length() - 1; i >= 0; i--, keys++) {
				edited.update(at + i, 1, "");
				text = text.substring(0, at + i) + text.substring(at + i + 1);
				assertEquals(syntaxErrors(parse(text)), syntaxErrors(edited), "deleting back to " + i);
				broken += parse(text).getParseResult().hasSyntaxErrors() ? 1 : 0;
			}
		}
		assertEquals(List.of(), syntaxErrors(edited), "every word was deleted again");

		// A rule left half-written at the end of the camera's body (as the editor bench leaves
		// it after content assist), then a word typed into the camera's wire.
		String unfinished = "\n\t\trule \"Bench\" when PerimeterDefender.intrusion do output ";
		int end = text.indexOf("\n\t}\n\tbeacon Beacon7 ");
		edited.update(end, 0, unfinished);
		text = text.substring(0, end) + unfinished + text.substring(end);
		keys++;
		broken++;
		assertEquals(syntaxErrors(parse(text)), syntaxErrors(edited), "the unfinished rule");
		// Then keys typed into the camera's wire, and after the unfinished rule, just before the
		// camera's closing brace (an edit Xtext widens to take in the brace).
		for (int at : new int[] { text.indexOf(" m from pin 2 to Beacon7.plus"), end + unfinished.length() }) {
			for (int i = 0; i < 3; i++, keys++, broken++) {
				edited.update(at + i, 0, "x");
				text = text.substring(0, at + i) + "x" + text.substring(at + i);
				XtextResource fresh = parse(text);
				assertEquals(tokens(fresh), tokens(edited), "x " + i + " at " + at);
				assertEquals(syntaxErrors(fresh), syntaxErrors(edited), "x " + i + " at " + at);
				assertEquals(elements(fresh), elements(edited), "x " + i + " at " + at);
			}
		}
		blocks = org.palisade.dsl.parser.SitePartialParsing.blockReparses() - blocks;
		assertTrue(broken >= 20, "keys that left a syntax error: " + broken + " of " + keys);
		assertEquals(broken, blocks, "keys reparsed as the camera's block, of " + keys);
	}

	/**
	 * The Studio's model edits (a wire drawn in the wiring diagram, a quick fix) replace a whole
	 * device's text with its new text, most of it unchanged. Such a replacement must parse as
	 * the fresh text does, and reparse only what changed: the site and the other devices stay
	 * the same objects (Xtext alone would reparse the whole site, as the region starts and ends
	 * at the device's boundaries).
	 */
	@Test
	void aDeviceReplacedByItsEditedTextReparsesOnlyWhatChanged() throws IOException {
		String text = SyntheticSite.of(15);
		XtextResource edited = parse(text);
		String wire = "\t\twire red 0.25 mm2 12 m from pin 2 to Beacon7.plus\n";
		Map<String, java.util.function.UnaryOperator<String>> changes = new java.util.LinkedHashMap<>();
		changes.put("a wire added at the end of the body", d -> d.substring(0, d.length() - 2) + wire + "\t}");
		changes.put("the wire removed again", d -> d.replace(wire, ""));
		changes.put("a figure changed", d -> d.replace(" 17 m from pin 2", " 170 m from pin 2"));
		changes.put("nothing changed", d -> d);
		changes.put("a rule added after the last one", d -> d.substring(0, d.length() - 2)
				+ "\t\trule \"Late\" when PerimeterDefender.intrusion do output \"Flashing beacon\"\n\t}");
		changes.put("a syntax error", d -> d.replace(" 17 m from pin 3", " 17x m from pin 3"));
		changes.put("and mended", d -> d.replace(" 17x m from pin 3", " 17 m from pin 3"));
		for (Map.Entry<String, java.util.function.UnaryOperator<String>> change : changes.entrySet()) {
			int start = text.indexOf("\tcamera Cam7 ") + 1;
			int end = text.indexOf("\n\t}\n", start) + 3;
			String device = text.substring(start, end);
			String replaced = change.getValue().apply(device);
			String where = "Cam7 replaced: " + change.getKey();
			assertEquals(change.getKey().equals("nothing changed"), device.equals(replaced), where);
			EObject site = edited.getContents().get(0);
			EObject neighbour = device(edited, "Cam6");
			text = edit(edited, text, start, end - start, replaced);
			XtextResource fresh = sameTextAndTokens(edited, text, where);
			assertEquals(syntaxErrors(fresh), syntaxErrors(edited), where);
			assertEquals(elements(fresh), elements(edited), where);
			assertEquals(errors(fresh), errors(edited), where);
			assertTrue(site == edited.getContents().get(0), where + ": the site is the same object as before the edit");
			assertTrue(neighbour == device(edited, "Cam6"), where + ": Cam6 is the same object as before the edit");
		}
	}

	private static EObject device(XtextResource resource, String name) {
		for (org.palisade.model.site.Device device : EcoreUtil2.getAllContentsOfType(resource.getContents().get(0),
				org.palisade.model.site.Device.class)) {
			if (name.equals(device.getName())) {
				return device;
			}
		}
		throw new AssertionError("no device " + name);
	}

	/** Makes the same edit to the resource (a partial reparse) and to its text. @return the new text */
	private static String edit(XtextResource edited, String text, int offset, int length, String insert) {
		edited.update(offset, length, insert);
		return text.substring(0, offset) + insert + text.substring(offset + length);
	}

	/** @return a fresh parse of the text, once the edited resource's text and tokens are found the same */
	private XtextResource sameTextAndTokens(XtextResource edited, String text, String where) throws IOException {
		XtextResource fresh = parse(text);
		assertEquals(text, edited.getParseResult().getRootNode().getText(), where);
		assertEquals(tokens(fresh), tokens(edited), where);
		return fresh;
	}

	private static String where(int i, int offset, int length, String insert) {
		return "edit " + i + " at " + offset + " (" + length + " replaced by '" + insert.replace("\n", "\\n") + "')";
	}

	/** @return the bodies of the design's devices, from after '{' to before the closing '}' */
	private static List<int[]> deviceBodies(String text) {
		List<int[]> bodies = new ArrayList<>();
		java.util.regex.Matcher device = java.util.regex.Pattern.compile("\n\t(camera|speaker) [^\n]*\\{\n").matcher(text);
		while (device.find()) {
			int end = text.indexOf("\n\t}\n", device.end());
			bodies.add(new int[] { device.end(), end + 1 });
		}
		assertTrue(bodies.size() > 10, "device bodies found: " + bodies.size());
		return bodies;
	}

	/** @return each syntax error: where, how long, and what it says */
	private static List<String> syntaxErrors(XtextResource resource) {
		List<String> errors = new ArrayList<>();
		for (org.eclipse.xtext.nodemodel.INode error : resource.getParseResult().getSyntaxErrors()) {
			errors.add(error.getTotalOffset() + "+" + error.getTotalLength() + ": " + error.getSyntaxErrorMessage().getMessage());
		}
		return errors;
	}

	/** @return every element of the model, as its containment path, class and attribute values */
	private static List<String> elements(XtextResource resource) {
		List<String> elements = new ArrayList<>();
		for (TreeIterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			EObject element = it.next();
			StringBuilder line = new StringBuilder(resource.getURIFragment(element)).append(' ')
					.append(element.eClass().getName());
			for (org.eclipse.emf.ecore.EAttribute attribute : element.eClass().getEAllAttributes()) {
				if (element.eIsSet(attribute)) {
					line.append(' ').append(attribute.getName()).append('=').append(element.eGet(attribute));
				}
			}
			elements.add(line.toString());
		}
		return elements;
	}

	@Test
	void linkingOnlyWhatAnEditReplacedLinksAsLinkingEverything() throws IOException {
		// Valid edits, each undone after: into wires and rules (linked alone), and into the
		// declarations others refer to (a schedule, a port, a beacon), which must relink the rest.
		String[][] edits = { { "13 m from pin 2", "130 m from pin 2" }, { "15 m from pin 3", "1 m from pin 3" },
				{ "during AfterHours\n\t\t\tdo output", "during Weekend\n\t\t\tdo output" },
				{ "schedule AfterHours", "schedule AfterHoursX" },
				{ "port 1 output \"Flashing beacon\"", "port 1 output \"Beacon light\"" },
				{ "beacon Beacon4 ", "beacon Beacon44 " }, { "do notify Horn0", "do notify Horn1" },
				// A camera and a speaker replaced whole, holding the same names: the wires to the
				// camera's beacon and the recipient that plays the speaker are pointed at the new ones.
				{ "to Beacon3.minus\n", "to Beacon3.minus\n\t\twire green 0.25 mm2 12 m from pin 4 to Beacon3.plus\n" },
				{ "clip 2 \"Intruder warning\"\n\t}", "clip 2 \"Intruder warning\"\n\t\tclip 3 \"Leave now\"\n\t}" },
				// A camera whose port is renamed holds other names: everything is linked again.
				{ "port 1 output \"Flashing beacon\" normally open\n\t\twire red 0.25 mm2 13 m",
						"port 1 output \"Flashing beacon\" normally open\n\t\tport 2 input \"Gate\"\n\t\twire red 0.25 mm2 13 m" },
				{ "palette iron", "palette white-hot" }, { "for 30 s", "for 45 s" } };
		String original = SyntheticSite.of(8);
		int partial = 0;
		XtextResource edited = parse(original);
		String text = original;
		List<String> linkedAlone = new ArrayList<>();
		for (String[] edit : edits) {
			int offset = text.indexOf(edit[0]);
			assertTrue(offset >= 0, edit[0]);
			for (boolean undo : new boolean[] { false, true }) {
				String from = undo ? edit[1] : edit[0];
				String to = undo ? edit[0] : edit[1];
				int before = ((SiteResource) edited).linkedPartially();
				edited.update(offset, from.length(), to);
				text = text.substring(0, offset) + to + text.substring(offset + from.length());
				String where = (undo ? "undoing " : "") + "'" + from + "' -> '" + to + "'";
				if (((SiteResource) edited).linkedPartially() > before) {
					partial++;
					linkedAlone.add(where);
				}

				assertEquals(List.of(), staleProxies(edited), where + ": references to elements a reparse replaced");
				XtextResource fresh = parse(text);
				assertEquals(links(fresh), links(edited), where);
				assertEquals(errors(fresh), errors(edited), where);
			}
		}
		assertEquals(original, text, "every edit was undone");
		assertTrue(partial >= 8, "edits that link only what they replaced were exercised: " + linkedAlone);
		for (String alone : new String[] { "'to Beacon3.minus", "'clip 2 \"Intruder warning\"" }) {
			assertTrue(linkedAlone.stream().anyMatch(w -> w.startsWith(alone)), alone + " linked alone: " + linkedAlone);
		}
		assertTrue(linkedAlone.stream().noneMatch(w -> w.contains("port 2 input")), "a new port links everything: " + linkedAlone);
	}

	/**
	 * The check after an edit resolves only the references of what the edit linked alone, when
	 * nothing failed to link before; a failed link elsewhere must still be reported on every
	 * check, and one the edit makes or mends too.
	 */
	@Test
	void aCheckAfterEditsReportsWhatACheckOfTheFreshTextReports() throws IOException {
		String[][] edits = {
				// Clean design, edits linked alone: only their own references are resolved.
				{ "13 m from pin 2", "130 m from pin 2" }, { "for 30 s", "for 45 s" },
				// An edit that breaks a link: reported, and still reported after the next edit elsewhere.
				{ "do notify Horn0", "do notify Horn9" }, { "15 m from pin 3", "1 m from pin 3" },
				{ "palette iron", "palette white-hot" },
				// Mended: gone.
				{ "do notify Horn9", "do notify Horn0" }, { "1 m from pin 3", "15 m from pin 3" },
				// Another file's element the design refers to, by name, broken in a wire.
				{ "to Beacon3.minus\n", "to Beacon33.minus\n" }, { "for 45 s", "for 30 s" },
				{ "to Beacon33.minus\n", "to Beacon3.minus\n" } };
		String text = SyntheticSite.of(8);
		XtextResource edited = parse(text);
		org.eclipse.xtext.validation.IResourceValidator validator = edited.getResourceServiceProvider().getResourceValidator();
		assertEquals(List.of(), issues(validator, edited), "the synthetic site links clean");
		int linkErrors = 0;
		for (String[] edit : edits) {
			int offset = text.indexOf(edit[0]);
			assertTrue(offset >= 0, edit[0]);
			edited.update(offset, edit[0].length(), edit[1]);
			text = text.substring(0, offset) + edit[1] + text.substring(offset + edit[0].length());
			List<String> expected = issues(validator, parse(text));
			assertEquals(expected, issues(validator, edited), "after '" + edit[0] + "' -> '" + edit[1] + "'");
			linkErrors += expected.isEmpty() ? 0 : 1;
		}
		assertEquals(5, linkErrors, "checks of a design with a broken link");
	}

	private static List<String> issues(org.eclipse.xtext.validation.IResourceValidator validator, XtextResource resource) {
		List<String> issues = new ArrayList<>();
		for (org.eclipse.xtext.validation.Issue issue : validator.validate(resource,
				org.eclipse.xtext.validation.CheckMode.ALL, CancelIndicator.NullImpl)) {
			if (issue.getSeverity() != org.eclipse.xtext.diagnostics.Severity.INFO) {
				issues.add(issue.getLineNumber() + ": " + issue.getCode() + " " + issue.getMessage());
			}
		}
		java.util.Collections.sort(issues);
		return issues;
	}

	/** What a walk over the model's cross-references is shown: each target as held, unresolved. */
	private interface ReferenceVisitor {
		void visit(EObject element, EReference reference, EObject target);
	}

	/** Visits every target of every cross-reference of the model, as held (proxies not resolved). */
	private static void eachReference(XtextResource resource, ReferenceVisitor visitor) {
		for (TreeIterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			EObject element = it.next();
			for (EReference reference : element.eClass().getEAllReferences()) {
				if (reference.isContainment() || reference.isContainer() || !element.eIsSet(reference)) {
					continue;
				}
				Object value = element.eGet(reference, false);
				for (Object target : value instanceof List<?> list ? ((InternalEList<?>) list).basicList() : List.of(value)) {
					visitor.visit(element, reference, (EObject) target);
				}
			}
		}
	}

	/**
	 * @return the references that still hold an element of this resource that a reparse unloaded
	 *         (a proxy into the resource that is not one of Xtext's lazy links)
	 */
	private static List<String> staleProxies(XtextResource resource) {
		LazyURIEncoder lazy = new LazyURIEncoder();
		List<String> stale = new ArrayList<>();
		eachReference(resource, (element, reference, target) -> {
			if (target instanceof InternalEObject proxy && proxy.eIsProxy()
					&& resource.getURI().equals(proxy.eProxyURI().trimFragment())
					&& !lazy.isCrossLinkFragment(resource, proxy.eProxyURI().fragment())) {
				stale.add(resource.getURIFragment(element) + ": " + reference.getName() + " -> " + proxy.eProxyURI().fragment());
			}
		});
		return stale;
	}

	/** @return every cross-reference of the model, resolved, as "element path: reference -> target path" */
	private static List<String> links(XtextResource resource) {
		EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
		List<String> links = new ArrayList<>();
		eachReference(resource, (element, reference, target) -> {
			// Resolved as a rule reading the model would: any proxy, not only Xtext's lazy links.
			EObject t = EcoreUtil.resolve(target, element);
			links.add(resource.getURIFragment(element) + ": " + reference.getName() + " -> "
					+ (t.eIsProxy() ? "unresolved" : t.eResource() == resource ? resource.getURIFragment(t) : EcoreUtil.getURI(t).toString()));
		});
		return links;
	}

	private static List<String> errors(XtextResource resource) {
		List<String> errors = new ArrayList<>();
		for (Resource.Diagnostic d : resource.getErrors()) {
			errors.add(d.getLine() + ": " + d.getMessage());
		}
		java.util.Collections.sort(errors);
		return errors;
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
