package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.internal.Redactor;
import org.palisade.deploy.vapix.internal.VapixResponse;

class VapixResponseTest {

	private static VapixResponse response(String contentType, byte[] body) {
		HttpHeaders h = HttpHeaders.of(contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
		return new VapixResponse(200, h, body, 1);
	}

	@Test
	void decodesDeclaredUtf8AndFallsBackToLatin1() {
		byte[] latin1 = "root.Brand.ProdFullName=Kamera Vägg\n".getBytes(StandardCharsets.ISO_8859_1);
		assertEquals("root.Brand.ProdFullName=Kamera Vägg\n", response(null, latin1).text());
		assertEquals("Vägg", response("text/plain; charset=utf-8", "Vägg".getBytes(StandardCharsets.UTF_8)).text());
		assertEquals("Vägg", response("text/plain; charset=ISO-8859-1", "Vägg".getBytes(StandardCharsets.ISO_8859_1)).text());
	}

	@Test
	void redactorMasksSecretsButNotTrivialValues() {
		assertEquals("bad value '***' for x", Redactor.redact("bad value 'hunter2' for x", List.of("hunter2", "", "ab")));
		assertEquals("first", Redactor.firstLine("  first\nsecond"));
	}
}
