package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignSet;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Broken input gets positioned errors, never an exception.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class SyntaxErrorTest {

	@Inject
	private Provider<DesignSet> designSets;

	@TempDir
	Path dir;

	private List<DesignDiagnostic> check(String text) throws Exception {
		Path file = dir.resolve("broken.perimeter");
		Files.writeString(file, text);
		return designSets.get().load(List.of(file)).validate();
	}

	@Test
	void unknownKeywordIsASyntaxErrorAtItsLine() throws Exception {
		List<DesignDiagnostic> d = check("site \"X\" {\n  timezone \"UTC\"\n  flux capacitor\n}\n");
		assertTrue(!d.isEmpty());
		assertEquals("SYNTAX", d.get(0).code());
		assertEquals(3, d.get(0).line());
		assertEquals(3, d.get(0).column());
		assertTrue(d.get(0).message().contains("flux"), d.get(0).message());
	}

	@Test
	void truncatedFileIsReportedAtItsEnd() throws Exception {
		List<DesignDiagnostic> d = check("site \"X\" {\n  schedule S {\n    Mon-Fri 18:00-");
		assertTrue(d.stream().anyMatch(x -> x.code().equals("SYNTAX") && x.line() == 3), d.toString());
	}

	@Test
	void unknownCatalogEntryIsALinkingError() throws Exception {
		List<DesignDiagnostic> d = check("site \"X\" {\n  timezone \"UTC\"\n  camera C : \"AXIS Nonexistent\" at 10.0.0.2\n}\n");
		assertEquals(1, d.size(), d.toString());
		assertEquals("LINK", d.get(0).code());
		assertEquals(3, d.get(0).line());
		assertTrue(d.get(0).message().contains("AXIS Nonexistent"), d.get(0).message());
	}
}
