package org.palisade.deploy.vapix.internal;

import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A response that passed authentication; any status. {@code attempts} counts retries, from 1. */
public record VapixResponse(int status, HttpHeaders headers, byte[] body, int attempts) {

	/**
	 * Decodes the body with the declared charset; without one, strict UTF-8 and, if that fails,
	 * ISO-8859-1 (older firmware sends param.cgi text in Latin-1, vapix.md §1).
	 */
	public String text() {
		String type = headers.firstValue("Content-Type").orElse("");
		int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
		if (at >= 0) {
			String name = type.substring(at + 8).split(";")[0].trim().replace("\"", "");
			try {
				return new String(body, Charset.forName(name));
			} catch (IllegalArgumentException unknownCharset) {
				// fall through to detection
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(body)).toString();
		} catch (CharacterCodingException e) {
			return new String(body, StandardCharsets.ISO_8859_1);
		}
	}

	public boolean ok() {
		return status >= 200 && status < 300;
	}
}
