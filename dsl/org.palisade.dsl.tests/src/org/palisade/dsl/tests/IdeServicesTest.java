package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.serializer.IEmfResourceChange;
import org.eclipse.xtext.ide.serializer.ITextDocumentChange;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.Test;
import org.palisade.dsl.ide.SiteIdeSetup;
import org.palisade.dsl.ide.highlighting.SiteSemanticHighlighting;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes;

import com.google.inject.Injector;

/**
 * The platform-neutral IDE services the Studio's editor and a language server share:
 * proposals, semantic highlighting and quick fixes, on the manual's example.
 */
class IdeServicesTest {

	private static final Injector IDE = new SiteIdeSetup().createInjectorAndDoEMFRegistration();

	private static XtextResource parse(String text) throws Exception {
		XtextResourceSet rs = IDE.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) rs.createResource(URI.createFileURI(Fixtures.harbourDepot().toString()));
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		EcoreUtil.resolveAll(r);
		return r;
	}

	private static List<String> proposals(String text, int offset) throws Exception {
		XtextResource r = parse(text);
		ContentAssistContextFactory factory = IDE.getInstance(ContentAssistContextFactory.class);
		factory.setPool(Executors.newCachedThreadPool());
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, r);
		IdeContentProposalAcceptor acceptor = IDE.getInstance(IdeContentProposalAcceptor.class);
		IDE.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<String> found = new ArrayList<>();
		for (ContentAssistEntry e : acceptor.getEntries()) {
			found.add(e.getProposal() + (e.getLabel() != null && !e.getLabel().equals(e.getProposal()) ? " | " + e.getLabel() : ""));
		}
		return found;
	}

	@Test
	void afterDoOutputThePortIsProposedQuotedAndOnce() throws Exception {
		String text = Files.readString(Fixtures.harbourDepot());
		String rule = "\n\t\trule \"Test\" when PerimeterDefender.intrusion do output ";
		int at = text.indexOf("\n\t}\n\n\tbeacon Beacon1");
		String edited = text.substring(0, at) + rule + text.substring(at);
		List<String> found = proposals(edited, at + rule.length());
		assertEquals(1, found.stream().filter(p -> p.startsWith("\"Flashing beacon\"")).count(), found.toString());
		assertTrue(found.stream().noneMatch(p -> p.contains("North1.")), "no qualified duplicates: " + found);
	}

	@Test
	void afterPinEachPinIsProposedWithItsRole() throws Exception {
		String text = Files.readString(Fixtures.harbourDepot());
		String wire = "\n\t\twire green 0.25 mm2 5 m from pin ";
		int at = text.indexOf("\n\n\t\trule \"Flashing beacon\"");
		String edited = text.substring(0, at) + wire + text.substring(at);
		List<String> found = proposals(edited, at + wire.length());
		assertTrue(found.contains("2 | 2 - 12 V DC out, max 50 mA"), found.toString());
		assertTrue(found.contains("3 | 3 - I/O port 1 (input or open-drain output, max 30 V, 100 mA as output)"), found.toString());
	}

	@Test
	void declaredNamesAndReferencesAreHighlightedApart() throws Exception {
		String text = Files.readString(Fixtures.harbourDepot());
		XtextResource r = parse(text);
		List<String> marked = new ArrayList<>();
		IDE.getInstance(ISemanticHighlightingCalculator.class).provideHighlightingFor(r,
				(offset, length, ids) -> marked.add(text.substring(offset, offset + length) + "=" + ids[0]), CancelIndicator.NullImpl);
		assertTrue(marked.contains("North1=" + SiteSemanticHighlighting.DECLARATION), marked.toString());
		assertTrue(marked.contains("AfterHours=" + SiteSemanticHighlighting.REFERENCE), marked.toString());
		assertTrue(marked.contains("\"AXIS Q1961-TE\"=" + SiteSemanticHighlighting.REFERENCE), marked.toString());
	}

	@Test
	void theWireAreaFixWritesOnlyTheNewAreaAndKeepsComments() throws Exception {
		String text = Files.readString(Fixtures.harbourDepot()).replace("wire red 0.25 mm2 40 m", "wire red 0.1 mm2 40 m");
		XtextResource r = parse(text);
		int offset = text.indexOf("0.1 mm2 40 m");
		List<SiteQuickFixes.Fix> fixes = SiteQuickFixes.fixes(r, offset, "ELEC-WIRE-AREA", "");
		assertEquals(List.of("Change the wire to 0.25 mm2 (the I/O terminal takes 0.25 to 0.5 mm2)"),
				fixes.stream().map(SiteQuickFixes.Fix::label).toList());
		String edited = applied(text, fixes.get(0));
		assertEquals(Files.readString(Fixtures.harbourDepot()), edited);
	}

	/** Applies a fix to a fresh copy of the text through the change serializer, as the Studio does. */
	private static String applied(String text, SiteQuickFixes.Fix fix) throws Exception {
		XtextResource copy = parse(text);
		IChangeSerializer serializer = IDE.getInstance(IChangeSerializer.class);
		serializer.addModification(copy.getContents().get(0), root -> fix.modification().apply(copy));
		List<IEmfResourceChange> changes = new ArrayList<>();
		serializer.applyModifications(changes::add);
		StringBuilder edited = new StringBuilder(text);
		var replacements = ((ITextDocumentChange) changes.get(0)).getReplacements();
		for (int i = replacements.size() - 1; i >= 0; i--) {
			var rep = replacements.get(i);
			edited.replace(rep.getOffset(), rep.getOffset() + rep.getLength(), rep.getReplacementText());
		}
		return edited.toString();
	}

	@Test
	void aTypedPasswordMovesToACredentialsReferenceAndLeavesTheTextOtherwiseAlone() throws Exception {
		// Made up at run time: no secret, not even a fake one, is kept in the repository.
		String secret = "pw-" + java.util.UUID.randomUUID();
		String original = Files.readString(Fixtures.harbourDepot());
		String text = original.replace("credentials \"harbour-depot/north1\"", "password \"" + secret + "\"");
		assertTrue(text.contains(secret), "the example names north1's credentials");
		XtextResource r = parse(text);
		List<SiteQuickFixes.Fix> fixes = SiteQuickFixes.fixes(r, text.indexOf(secret), "SEC-PLAINTEXT-SECRET", "");
		assertEquals(List.of("Move the password to secure storage as credentials \"harbour-depot/north1\""),
				fixes.stream().map(SiteQuickFixes.Fix::label).toList());
		assertEquals("harbour-depot/north1", fixes.get(0).secret().reference());
		assertEquals(secret, fixes.get(0).secret().password());
		assertFalse(fixes.get(0).secret().toString().contains(secret), "a fix never prints its secret");
		String edited = applied(text, fixes.get(0));
		assertFalse(edited.contains(secret), edited);
		assertEquals(original, edited);
	}

	@Test
	void aRuleNotifyingAMissingRecipientOffersOneThatPlaysOnTheSitesSpeaker() throws Exception {
		String text = Files.readString(Fixtures.harbourDepot()).replace("do notify HornSpeaker", "do notify GateHorn");
		XtextResource r = parse(text);
		List<SiteQuickFixes.Fix> fixes = SiteQuickFixes.fixes(r, text.indexOf("GateHorn"), "LINK", "");
		assertEquals(List.of("Create recipient GateHorn (plays clip 1 on Horn over HTTPS, to adjust)"),
				fixes.stream().map(SiteQuickFixes.Fix::label).toList());
		String edited = applied(text, fixes.get(0));
		assertTrue(edited.contains("recipient GateHorn play Horn clip 1 https"), edited);
		XtextResource after = parse(edited);
		assertEquals(List.of(), after.getErrors(), "the new recipient parses and links");
	}
}
