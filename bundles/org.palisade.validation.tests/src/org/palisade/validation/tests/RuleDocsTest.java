package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.palisade.validation.Codes;
import org.palisade.validation.RuleDocs;
import org.palisade.validation.RuleDocs.RuleDoc;

/** Every code a diagnostic can carry has an explanation: what, why, and how to fix it. */
class RuleDocsTest {

	@Test
	void everyCodeIsExplained() throws Exception {
		List<String> codes = new ArrayList<>(List.of("SYNTAX", "LINK", "IMPORT-MISSING", "INTERNAL"));
		for (Field f : Codes.class.getFields()) {
			if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
				codes.add((String) f.get(null));
			}
		}
		for (String code : codes) {
			RuleDoc doc = RuleDocs.explain(code).orElse(null);
			assertTrue(doc != null, code + " has no explanation in rule-docs.properties");
			for (String part : List.of(doc.title(), doc.severity(), doc.what(), doc.why(), doc.fix())) {
				assertTrue(part.length() >= 4, code + ": " + doc);
			}
		}
		assertEquals(codes.size(), RuleDocs.codes().size(), "no explanation of a code that does not exist: " + RuleDocs.codes());
	}

	@Test
	void lookupIgnoresCaseAndUnknownCodesAreEmpty() {
		assertEquals("ELEC-WIRE-DROP", RuleDocs.explain(" elec-wire-drop ").orElseThrow().code());
		assertTrue(RuleDocs.explain("NOPE").isEmpty());
		assertTrue(RuleDocs.explain("ELEC-LOAD-VOLTAGE").orElseThrow().text().contains("What it checks:"));
	}
}
