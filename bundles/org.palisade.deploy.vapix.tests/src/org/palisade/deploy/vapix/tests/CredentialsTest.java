package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Credentials;

class CredentialsTest {

	@Test
	void copiesMasksAndClears() {
		char[] pw = "T0p-Secret".toCharArray();
		Credentials c = new Credentials("root", pw);
		pw[0] = 'X';
		assertArrayEquals("T0p-Secret".toCharArray(), c.password());
		assertEquals("Credentials[username=root, password=***]", c.toString());
		assertFalse(c.toString().contains("T0p"));
		Credentials copy = c.copy();
		c.clear();
		assertThrows(IllegalStateException.class, c::password);
		assertArrayEquals("T0p-Secret".toCharArray(), copy.password());
	}
}
