package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.palisade.validation.SecretPatterns;

/**
 * What counts as a secret written into text, at the edges: the cheap pre-checks that let
 * most strings skip the patterns must not let a secret through.
 */
class SecretPatternsTest {

	@Test
	void anAuthorizationValueOfTwelveCharactersIsASecretAndOfElevenIsNot() {
		assertEquals("an authorization value ('Bearer ...')", SecretPatterns.find("Authorization Bearer abcdefghij1k"));
		assertNull(SecretPatterns.find("Authorization Bearer abcdefghij1"), "eleven characters of token");
		assertEquals("an authorization value ('basic ...')", SecretPatterns.find("basic dXNlcjpwYXNzd29yZA=="));
	}

	@Test
	void eachKindIsFoundWhereverItStands() {
		assertEquals("a password in its user-info (user:password@)", SecretPatterns.find("see https://ops:s3cret@10.0.0.5/x"));
		assertEquals("a secret parameter ('token=')", SecretPatterns.find("https://hooks.example/x?token=abc123"));
		assertEquals("a password ('password: ...')", SecretPatterns.find("Password: hunter2"));
	}

	@Test
	void labelsAndAddressesAreNotSecrets() {
		assertNull(SecretPatterns.find("Flashing beacon"));
		assertNull(SecretPatterns.find("Auth: door 3"));
		assertNull(SecretPatterns.find("https://ops@10.0.0.5/x"), "a user name alone is reported elsewhere, as user-info");
		assertNull(SecretPatterns.find("Basic beacon wiring"));
	}
}
