package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.dsl.load.DesignDiagnostic;

/**
 * FW-VERSION and FW-FILE (#17), just inside and just outside: the test camera's {@code firmware lts}
 * line carries a version and a file, written beside the design where the case needs it.
 */
class FirmwareRuleTest {

	@TempDir
	Path dir;

	private List<DesignDiagnostic> check(String firmware) throws Exception {
		return Designs.check(dir, Designs.site("", "").replace("firmware lts", firmware));
	}

	private static List<String> findings(List<DesignDiagnostic> ds, String code) {
		return ds.stream().filter(d -> d.code().equals(code)).map(DesignDiagnostic::format).toList();
	}

	@Test
	void versionOfTwoToFourDottedNumbers() throws Exception {
		assertEquals(List.of(), findings(check("firmware lts \"11.11\""), "FW-VERSION"));
		assertEquals(List.of(), findings(check("firmware lts \"10.12.213.1\""), "FW-VERSION"));
		List<String> one = findings(check("firmware lts \"11\""), "FW-VERSION");
		assertEquals(1, one.size(), one.toString());
		assertTrue(one.get(0).contains("firmware version \"11\" is not a version"), one.get(0));
		List<String> five = findings(check("firmware lts \"10.12.213.1.2\""), "FW-VERSION");
		assertEquals(1, five.size(), five.toString());
	}

	@Test
	void aFileNeedsTheVersionItHolds() throws Exception {
		Files.createDirectories(dir.resolve("fw"));
		Files.write(dir.resolve("fw/Q1961-TE_11_11_73.bin"), new byte[] { 1, 2, 3 });
		assertEquals(List.of(), findings(check("firmware lts \"11.11\" file \"fw/Q1961-TE_11_11_73.bin\""), "FW-VERSION"));
		List<String> none = findings(check("firmware lts file \"fw/Q1961-TE_11_11_73.bin\""), "FW-VERSION");
		assertEquals(1, none.size(), none.toString());
		assertTrue(none.get(0).contains("without the version it holds"), none.get(0));
	}

	@Test
	void theFileIsAReadableBinBesideTheDesign() throws Exception {
		Files.createDirectories(dir.resolve("fw"));
		Files.write(dir.resolve("fw/Q1961-TE_11_11_73.bin"), new byte[] { 1 });
		Files.write(dir.resolve("fw/Q1961-TE_11_11_73.txt"), new byte[] { 1 });
		assertEquals(List.of(), findings(check("firmware lts \"11.11\" file \"fw/Q1961-TE_11_11_73.bin\""), "FW-FILE"));
		List<String> missing = findings(check("firmware lts \"11.11\" file \"fw/Q1961-TE_11_11_74.bin\""), "FW-FILE");
		assertEquals(1, missing.size(), missing.toString());
		assertTrue(missing.get(0).contains("fw/Q1961-TE_11_11_74.bin\" is not a readable file"), missing.get(0));
		assertTrue(missing.get(0).contains(":11:"), "at the camera's firmware line: " + missing.get(0));
		List<String> notBin = findings(check("firmware lts \"11.11\" file \"fw/Q1961-TE_11_11_73.txt\""), "FW-FILE");
		assertEquals(1, notBin.size(), notBin.toString());
		assertTrue(notBin.get(0).contains("is not a .bin file"), notBin.get(0));
	}
}
