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
	void aDeviceClauseOutOfOrderSaysTheOrder() throws Exception {
		String device = "site \"X\" {\n  timezone \"UTC\"\n  camera C : \"AXIS Q1961-TE\" at 10.0.0.2 {\n%s\n  }\n}\n";
		List<DesignDiagnostic> d = check(String.format(device, "    power poe\n    firmware lts"));
		assertEquals("SYNTAX", d.get(0).code(), d.toString());
		assertEquals(5, d.get(0).line(), d.toString());
		assertTrue(d.get(0).message().contains("'firmware'") && d.get(0).message().contains(
				"a device block starts with 'firmware', then 'commission', then 'power'"), d.get(0).message());
		// The order the message names parses clean.
		assertEquals(List.of(), check(String.format(device, "    firmware lts\n    power poe")));
		// Another error in a device block is not given the hint.
		List<DesignDiagnostic> other = check(String.format(device, "    port 1 output"));
		assertTrue(!other.isEmpty() && other.stream().noneMatch(x -> x.message().contains("starts with")), other.toString());
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

	@Test
	void aTokenAfterPasswordIsNeverQuoted() throws Exception {
		List<DesignDiagnostic> d = check("site \"X\" {\n  timezone \"UTC\"\n  camera C : \"AXIS Q6075-E\" at 10.0.0.2 password hunter2hunter2\n}\n");
		assertEquals(1, d.size(), d.toString());
		assertEquals("SYNTAX", d.get(0).code());
		assertEquals(3, d.get(0).line());
		assertTrue(d.get(0).message().contains("the value after 'password' (not shown)"), d.get(0).message());
		assertTrue(!d.get(0).message().contains("hunter2"), d.get(0).message());
	}

	@Test
	void aSecretLookingTokenIsNotQuotedAnywhere() throws Exception {
		List<DesignDiagnostic> d = check("site \"X\" {\n  timezone \"UTC\"\n  https://root:hunter2@10.0.0.2\n}\n");
		assertTrue(!d.isEmpty());
		for (DesignDiagnostic x : d) {
			assertTrue(!x.message().contains("hunter2"), x.message());
		}
	}

	@Test
	void quotedInputIsCutAndEscapedToOneLine() throws Exception {
		String longName = "n".repeat(500);
		List<DesignDiagnostic> d = check("site \"X\" {\n  timezone \"UTC\"\n  " + longName + "\u0007\u001b[31m\n}\n");
		assertEquals("SYNTAX", d.get(0).code(), d.toString());
		String m = d.get(0).message();
		assertTrue(m.contains("'" + "n".repeat(57) + "...'"), m);
		assertTrue(!m.contains("n".repeat(61)), m);
		for (DesignDiagnostic x : d) {
			assertTrue(x.message().chars().allMatch(c -> c >= 0x20 && c != 0x7f), x.message());
		}
	}

	@Test
	void anUnknownNameIsCutInTheLinkingMessage() throws Exception {
		String name = "AXIS " + "Q".repeat(300);
		List<DesignDiagnostic> d = check("site \"X\" {\n  timezone \"UTC\"\n  camera C : \"" + name + "\" at 10.0.0.2\n}\n");
		assertEquals(1, d.size(), d.toString());
		assertEquals("LINK", d.get(0).code());
		assertTrue(d.get(0).message().length() < 140, d.get(0).message());
	}

	@Test
	void aSyntaxErrorDoesNotCascadeIntoFineLines() throws Exception {
		List<DesignDiagnostic> d = check("""
				site "X" {
					timezone "UTC"
					network lan 10.0.0.0/24
					camera A : "AXIS Q6075-E" at 10.0.0.5 on lan credentials "x/a" flux
					camera B : "AXIS Q6075-E" at 10.0.0.6 on lan credentials "x/b"
					schedule S "S" { Mon 08:00-09:00 }
					recipient R "R" url "https://10.0.0.9/hook" credentials "x/r"
					camera C : "AXIS Q1961-TE" at 10.0.0.7 on lan credentials "x/c" {
						application PerimeterDefender
						rule "R" when PerimeterDefender.intrusion during S do notify R
					}
				}
				""");
		assertEquals(1, d.size(), d.toString());
		assertEquals("SYNTAX", d.get(0).code());
		assertEquals(4, d.get(0).line());
	}

	@Test
	void twentyFourHundredOnlyEndsAnInterval() throws Exception {
		List<DesignDiagnostic> ok = check("site \"X\" {\n  timezone \"UTC\"\n  schedule S \"S\" { Mon 00:00-24:00 }\n}\n");
		assertTrue(ok.isEmpty(), ok.toString());
		List<DesignDiagnostic> d = check("site \"X\" {\n  timezone \"UTC\"\n  schedule S \"S\" { Mon 24:00-02:00 }\n}\n");
		assertEquals(1, d.size(), d.toString());
		assertEquals("SYNTAX", d.get(0).code());
		assertEquals(3, d.get(0).line());
		assertTrue(d.get(0).message().contains("24:00 ends a day and cannot start an interval"), d.get(0).message());
	}
}
