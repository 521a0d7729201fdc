package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.palisade.validation.PasswordPolicy;

/**
 * SEC-PASSWORD-POLICY: 8 to 64 printable ASCII characters; generated passwords pass.
 */
class PasswordPolicyTest {

	@Test
	void refusesShortLongAndNonAsciiPasswords() {
		assertTrue(PasswordPolicy.violation("short".toCharArray()).orElseThrow().startsWith("SEC-PASSWORD-POLICY"));
		assertTrue(PasswordPolicy.violation("x".repeat(65).toCharArray()).isPresent());
		assertTrue(PasswordPolicy.violation("pässwörd1".toCharArray()).isPresent());
		assertTrue(PasswordPolicy.violation("tab\there12".toCharArray()).isPresent());
		assertFalse(PasswordPolicy.violation("correct horse".toCharArray()).isPresent());
		assertFalse(PasswordPolicy.violation("x".repeat(64).toCharArray()).isPresent());
	}

	@Test
	void reasonNeverContainsThePassword() {
		String reason = PasswordPolicy.violation("sécret-password".toCharArray()).orElseThrow();
		assertFalse(reason.contains("sécret"), reason);
	}

	@Test
	void generatedPasswordsFollowThePolicy() {
		for (int i = 0; i < 200; i++) {
			char[] p = PasswordPolicy.generate(20);
			assertEquals(20, p.length);
			assertTrue(PasswordPolicy.violation(p).isEmpty());
		}
	}
}
