package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.validation.Check;
import org.junit.jupiter.api.Test;
import org.palisade.dsl.validation.SiteDiagnostician;
import org.palisade.dsl.validation.SiteValidator;

/**
 * {@link SiteDiagnostician} visits only the element types that have checks; a check added
 * for another type would silently never run. This test fails first.
 */
class DiagnosticianScopeTest {

	@Test
	void everyCheckedTypeIsVisited() {
		List<String> missed = new ArrayList<>();
		for (Class<?> c = SiteValidator.class; c != null && c.getName().startsWith("org.palisade."); c = c.getSuperclass()) {
			for (Method m : c.getDeclaredMethods()) {
				if (m.isAnnotationPresent(Check.class) && !SiteDiagnostician.CHECKED_TYPES.contains(m.getParameterTypes()[0])) {
					missed.add(c.getSimpleName() + "." + m.getName() + "(" + m.getParameterTypes()[0].getSimpleName() + ")");
				}
			}
		}
		assertTrue(missed.isEmpty(), () -> "checks on types SiteDiagnostician does not visit: " + missed
				+ "; add the type to SiteDiagnostician.CHECKED_TYPES and to its walk");
	}
}
