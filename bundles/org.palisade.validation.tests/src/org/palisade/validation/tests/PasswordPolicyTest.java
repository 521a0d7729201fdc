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
	void boundariesOfTheLengthCarryTheirFigures() {
		assertEquals("SEC-PASSWORD-POLICY: a device password needs at least 8 characters (has 7)",
				PasswordPolicy.violation("x".repeat(7).toCharArray()).orElseThrow());
		assertFalse(PasswordPolicy.violation("x".repeat(8).toCharArray()).isPresent());
		assertFalse(PasswordPolicy.violation("x".repeat(64).toCharArray()).isPresent());
		assertEquals("SEC-PASSWORD-POLICY: a device password has at most 64 characters (has 65)",
				PasswordPolicy.violation("x".repeat(65).toCharArray()).orElseThrow());
		assertEquals("SEC-PASSWORD-POLICY: character 8 is not printable ASCII (codes 32-126)",
				PasswordPolicy.violation("1234567\u007f".toCharArray()).orElseThrow());
		assertFalse(PasswordPolicy.violation("1234567~".toCharArray()).isPresent());
	}

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
