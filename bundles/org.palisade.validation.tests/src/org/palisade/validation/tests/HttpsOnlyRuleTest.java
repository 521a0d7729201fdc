package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignDiagnostic.Severity;

/**
 * SEC-HTTPS-ONLY (issue #17): a speaker commissioned https-only, played by the camera's recipient
 * without 'https' or at an http:// URL, is an error at the recipient's line; the same call with
 * 'https' (or https://) is clean. The commission line itself parses with all its parts.
 */
class HttpsOnlyRuleTest {

	private static final String SPEAKER = "speaker Spk : \"AXIS C1310-E\" at 10.0.0.30 on lan credentials \"test/spk\" {";

	@TempDir
	Path dir;

	private static String design(String recipient) {
		String site = Designs.site("", "").replace(SPEAKER, SPEAKER
				+ "\n\t\tcommission from 192.168.0.90 https-only certificate \"spk.pem\" key \"test/spk-tls\"");
		return site.replace("recipient Horn \"Horn\" play Spk clip 1 https", recipient);
	}

	private List<DesignDiagnostic> httpsOnly(String design) throws Exception {
		List<DesignDiagnostic> all = Designs.check(dir, design);
		assertTrue(all.stream().noneMatch(d -> d.severity() == Severity.ERROR && !d.code().equals("SEC-HTTPS-ONLY")),
				"the design is otherwise clean: " + all);
		return all.stream().filter(d -> d.code().equals("SEC-HTTPS-ONLY")).toList();
	}

	@Test
	void aClipPlayedWithoutHttpsOnAnHttpsOnlySpeakerIsAnError() throws Exception {
		String design = design("recipient Horn \"Horn\" play Spk clip 1 //!");
		List<DesignDiagnostic> found = httpsOnly(design);
		assertEquals(1, found.size(), found.toString());
		assertEquals(Designs.markedLine(design), found.get(0).line());
		assertEquals(Severity.ERROR, found.get(0).severity());
		assertTrue(found.get(0).message().contains("recipient Horn plays Spk's clips over plain HTTP, but Spk is"
				+ " commissioned https-only"), found.get(0).message());
	}

	@Test
	void theSameClipOverHttpsIsClean() throws Exception {
		assertEquals(List.of(), httpsOnly(design("recipient Horn \"Horn\" play Spk clip 1 https")));
	}

	@Test
	void aPlainHttpUrlToTheSpeakersAddressIsAnErrorAndHttpsIsNot() throws Exception {
		String plain = design("recipient Horn \"Horn\" url \"http://10.0.0.30/axis-cgi/playclip.cgi?clip=1\" //!");
		List<DesignDiagnostic> found = httpsOnly(plain);
		assertEquals(1, found.size(), found.toString());
		assertEquals(Designs.markedLine(plain), found.get(0).line());
		assertTrue(found.get(0).message().contains("calls Spk at 10.0.0.30 over plain http://"), found.get(0).message());
		assertEquals(List.of(), httpsOnly(design("recipient Horn \"Horn\" url \"https://10.0.0.30/axis-cgi/playclip.cgi?clip=1\"")));
	}
}
