package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.palisade.dsl.SiteStandaloneSetup;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignDiagnostic.Severity;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;

import com.google.inject.Injector;

/**
 * Test designs: a clean site with one camera and a shelf of peripherals, into which a
 * test puts the lines that break one rule. The rules run through the real parser,
 * linker and validator, as the CLI runs them.
 */
final class Designs {

	/** Marks the line at which a test expects its finding. */
	static final String HERE = "//!";

	/** A catalog of the test's own, imported by the site: users add theirs the same way. */
	static final String TEST_CATALOG = """
			catalog "Test parts" {
				model "Supply 48V" power-supply {
					terminals plus positive, minus negative
					operates 48 V
				}
				model "Indicator 12V 10mA" beacon {
					terminals plus positive, minus negative
					operates 12 V min 10 V max 14 V draws 10 mA
				}
				model "Trickle 12V 0.1mA" beacon {
					terminals plus positive, minus negative
					operates 12 V min 10 V max 14 V draws 0.1 mA
				}
				model "Supply 14V" power-supply {
					terminals plus positive, minus negative
					operates 14 V
				}
				model "Supply 14.1V" power-supply {
					terminals plus positive, minus negative
					operates 14.1 V
				}
				model "Supply 30V" power-supply {
					terminals plus positive, minus negative
					operates 30 V
				}
				model "Supply 30.1V" power-supply {
					terminals plus positive, minus negative
					operates 30.1 V
				}
				application Heavy "Heavy analytics" {
					events alarm
					uses cpu 80 % memory 300 MB
				}
			}
			""";

	static final String SITE = """
			import "parts.perimeter"
			site "Test yard" {
				timezone "%TZ%"
				%INTEGRATION%
				network lan 10.0.0.0/24 gateway 10.0.0.1
				schedule Night "Night" {
					Mon-Fri 18:00-08:00
				}
				recipient Horn "Horn" play Spk clip 1 https
				camera Cam : "AXIS Q1961-TE" at 10.0.0.11 on lan credentials "test/cam" {
					firmware lts
					application PerimeterDefender
					port 1 output "Beacon" normally open
					wire red  0.25 mm2 20 m from pin 2 to B1.plus
					wire blue 0.25 mm2 20 m from pin 3 to B1.minus
					rule "Beacon" when PerimeterDefender.intrusion during Night do output "Beacon" for 30 s
					rule "Horn" when PerimeterDefender.intrusion during Night do notify Horn
					%CAMERA%
				}
				beacon B1 : "Beacon 12V 50mA"
				beacon B2 : "Beacon 12V 50mA"
				beacon B3 : "Beacon 12V 50mA"
				siren S1 : "Siren 12V 30mA"
				relay R1 : "Relay 12V"
				sensor P1 : "PIR detector"
				supply X12 : "Supply 12V"
				supply X48 : "Supply 48V"
				beacon L1 : "Indicator 12V 10mA"
				beacon L2 : "Indicator 12V 10mA"
				beacon T1 : "Trickle 12V 0.1mA"
				supply X14 : "Supply 14V"
				supply X141 : "Supply 14.1V"
				supply X30 : "Supply 30V"
				supply X301 : "Supply 30.1V"
				supply X24 : "Supply 24V"
				speaker Spk : "AXIS C1310-E" at 10.0.0.30 on lan credentials "test/spk" {
					clip 1 "Warning"
				}
				%SITE%
			}
			""";

	private static Injector injector;

	private Designs() {
	}

	static synchronized Injector injector() {
		if (injector == null) {
			// Xtext reports failures of validators through log4j: make them visible.
			org.apache.log4j.BasicConfigurator.configure();
			org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.WARN);
			injector = new SiteStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** @return the test site with the given lines added to the camera and to the site */
	static String site(String camera, String site) {
		return site("Europe/Stockholm", "", camera, site);
	}

	static String site(String timezone, String integration, String camera, String site) {
		return SITE.replace("%TZ%", timezone).replace("%INTEGRATION%", integration)
				.replace("%CAMERA%", camera).replace("%SITE%", site);
	}

	/** Writes the design (and the test catalog) into {@code dir} and checks it. */
	static List<DesignDiagnostic> check(Path dir, String design) throws IOException, DesignInputException {
		Files.writeString(dir.resolve("parts.perimeter"), TEST_CATALOG);
		Path file = dir.resolve("site.perimeter");
		Files.writeString(file, design);
		return injector().getInstance(DesignSet.class).load(List.of(file)).validate().stream()
				.filter(d -> d.file().getFileName().toString().equals("site.perimeter")).toList();
	}

	/** @return the 1-based line that holds the {@link #HERE} marker */
	static int markedLine(String design) {
		String[] lines = design.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(HERE)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("no " + HERE + " marker in the test design");
	}

	/**
	 * Checks a design and asserts that a rule fires on its marked line, with that severity and a
	 * message naming the figure (the rule-case tests of each device kind).
	 */
	static void assertFiresAtMarkedLine(Path dir, String code, Severity severity, String figure, String design)
			throws Exception {
		List<DesignDiagnostic> found = check(dir, design);
		int line = markedLine(design);
		DesignDiagnostic hit = found.stream().filter(d -> d.code().equals(code) && d.line() == line).findFirst()
				.orElse(null);
		assertTrue(hit != null, code + " expected at line " + line + "; found:\n"
				+ String.join("\n", found.stream().map(DesignDiagnostic::format).toList()) + "\nin:\n" + design);
		assertEquals(severity, hit.severity(), hit.format());
		assertTrue(hit.message().contains(figure), "the message names '" + figure + "': " + hit.format());
	}
}
