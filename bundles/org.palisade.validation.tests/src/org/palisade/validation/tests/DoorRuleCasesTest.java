package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignDiagnostic.Severity;

/**
 * The door controller rules (issue #19), each on a case built for it through the real parser and
 * the built-in catalog's AXIS A1601 (two doors, relays 30 V / 2000 mA, the relay power jumper's
 * 800 mA at 12 V or 400 mA at 24 V on PoE, door monitor cable 30 m): the code at the line that
 * breaks it, its severity and the figure its message carries. The clean site sits exactly on every
 * limit; each case goes just past one.
 */
class DoorRuleCasesTest {

	/** Door 2 on the relay at exactly the PoE budget (24 V x 400 mA = 9.6 W = 12 V x 800 mA). */
	private static final String CTL = """
			controller Ctl : "AXIS A1601" at 10.0.0.40 on lan credentials "test/door" {
				power poe
				door Front lock standard fail-secure
				door Back "Back door" lock relay fail-safe 24 V 400 mA powered monitor 30 m access 7 s open-too-long 30 s
				rule "Forced" when door Back forced do notify Horn
			}
			controller Big : "AXIS A1601" at 10.0.0.41 on lan credentials "test/door" {
				door Vault lock relay fail-secure 30 V 2000 mA
			}""";
	private static final String LOCKDOWN = "rule \"Lock\" when PerimeterDefender.intrusion during Night do lockdown Ctl.Back https";
	private static final String RELEASE = "\nrule \"Release\" when schedule Night ends do release Ctl.Back https";

	@TempDir
	Path dir;

	@Test
	void cleanDoorSiteOnEveryLimitHasNoDoorFinding() throws Exception {
		List<DesignDiagnostic> found = Designs.check(dir, Designs.site(LOCKDOWN + RELEASE, CTL));
		assertEquals(List.of("SCHED-WRAP"), found.stream().map(DesignDiagnostic::code).toList(), found.toString());
	}

	private static String ctl(String doors) {
		return "controller C2 : \"AXIS A1601\" at 10.0.0.42 on lan credentials \"test/door\" {\n" + doors + "\n}";
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("DOOR-POWER-BUDGET", Severity.ERROR, "Back 401 mA at 24 V = 9.6 W",
						Designs.site(LOCKDOWN + RELEASE, CTL.replace("24 V 400 mA powered monitor 30 m", "24 V 401 mA powered monitor 30 m //!"))),
				Arguments.of("DOOR-POWER-BUDGET", Severity.ERROR, "AUX 12 V 50 mA",
						Designs.site(LOCKDOWN + RELEASE, CTL.replace("open-too-long 30 s", "open-too-long 30 s //!").replace(
								"rule \"Forced\"", "wire red 0.25 mm2 5 m from pin 2 to B3.plus\nrule \"Forced\""))),
				Arguments.of("DOOR-POWER-BUDGET", Severity.ERROR, "gives 12 V or 24 V, not 18 V",
						Designs.site("", ctl("power poe\ndoor D lock relay fail-secure 18 V 100 mA powered //!"))),
				Arguments.of("DOOR-RELAY-LIMIT", Severity.ERROR, "draws 2001 mA; a relay of AXIS A1601 switches at most 2000 mA",
						Designs.site("", ctl("door D lock relay fail-secure 30 V 2001 mA //!"))),
				Arguments.of("DOOR-RELAY-LIMIT", Severity.ERROR, "a 30.5 V lock on a relay of AXIS A1601, which switches at most 30 V DC",
						Designs.site("", ctl("door D lock relay fail-secure 30.5 V 100 mA //!"))),
				Arguments.of("DOOR-MONITOR-CABLE", Severity.WARNING, "31 m of door monitor cable; AXIS A1601 recommends at most 30 m",
						Designs.site("", ctl("door D lock standard fail-secure monitor 31 m //!"))),
				Arguments.of("DOOR-COUNT", Severity.ERROR, "3 doors; AXIS A1601 drives at most 2",
						Designs.site("", ctl("door D1 lock standard fail-secure\ndoor D2 lock standard fail-secure\ndoor D3 lock standard fail-secure //!"))),
				Arguments.of("DOOR-RELAY-LOCK", Severity.ERROR, "both use a relay lock",
						Designs.site("", ctl("door D1 lock standard fail-secure\ndoor D2 lock relay fail-secure\ndoor D3 lock relay fail-secure //!"))),
				Arguments.of("DOOR-RELAY-LOCK", Severity.ERROR, "is door 1 of 2 and uses a relay lock",
						Designs.site("", ctl("door D1 lock relay fail-secure //!\ndoor D2 lock standard fail-secure"))),
				Arguments.of("DOOR-ALARM-MONITOR", Severity.ERROR, "door Front forced, which needs a door monitor",
						Designs.site(LOCKDOWN + RELEASE, CTL.replace("rule \"Forced\" when door Back forced do notify Horn",
								"rule \"Forced\" when door Back forced do notify Horn\nrule \"Front\" when door Front forced do notify Horn //!"))),
				Arguments.of("DOOR-TARGET", Severity.ERROR, "which Ctl does not have (its doors: Front, Back)",
						Designs.site("rule \"Lock\" when PerimeterDefender.intrusion do lockdown Ctl.Side https //!", CTL)),
				Arguments.of("DOOR-TARGET", Severity.ERROR, "AXIS C1310-E (horn-speaker), not a door controller",
						Designs.site("rule \"Lock\" when PerimeterDefender.intrusion do lock Spk.Back https //!", CTL)),
				Arguments.of("DOOR-TARGET", Severity.ERROR, "waits for door Side, which Ctl does not have",
						Designs.site(LOCKDOWN + RELEASE, CTL.replace("rule \"Forced\" when door Back forced do notify Horn",
								"rule \"Forced\" when door Side forced do notify Horn //!"))),
				Arguments.of("DOOR-TARGET", Severity.ERROR, "not a door controller; doors belong to a door controller",
						Designs.site("door Gate lock standard fail-secure //!", "")),
				Arguments.of("DOOR-LOCKDOWN-RELEASE", Severity.WARNING, "no rule of the site releases it",
						Designs.site(LOCKDOWN + " //!", CTL)),
				Arguments.of("DOOR-UNREACHABLE", Severity.ERROR, "has no address",
						Designs.site("rule \"Open\" when PerimeterDefender.intrusion do unlock Far.D https //!",
								"controller Far : \"AXIS A1601\" credentials \"test/door\" {\ndoor D lock standard fail-secure\n}")),
				Arguments.of("DOOR-UNREACHABLE", Severity.ERROR, "network isolated has no gateway",
						Designs.site("Europe/Stockholm", "network isolated 10.9.0.0/24",
								"rule \"Open\" when PerimeterDefender.intrusion do unlock Far.D https //!",
								"controller Far : \"AXIS A1601\" at 10.9.0.40 on isolated credentials \"test/door\" {\ndoor D lock standard fail-secure\n}")),
				Arguments.of("DOOR-CREDENTIALS", Severity.ERROR, "no credentials reference",
						Designs.site("rule \"Open\" when PerimeterDefender.intrusion do access Bare.D https //!",
								"controller Bare : \"AXIS A1601\" at 10.0.0.43 on lan {\ndoor D lock standard fail-secure\n}")),
				Arguments.of("SEC-HTTP-CREDENTIALS", Severity.WARNING, "over plain HTTP",
						Designs.site("rule \"Lock\" when PerimeterDefender.intrusion during Night do lockdown Ctl.Back //!" + RELEASE, CTL)));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("cases")
	void ruleFiresAtTheLineThatBreaksIt(String code, Severity severity, String figure, String design) throws Exception {
		Designs.assertFiresAtMarkedLine(dir, code, severity, figure, design);
	}
}
