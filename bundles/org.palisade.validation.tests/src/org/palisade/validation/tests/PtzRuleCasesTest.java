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
 * The PTZ rules (issue #19), each on a case built for it through the real parser: the code at the
 * line that breaks it, its severity, and the figure or name the message must carry; limits are
 * checked just inside (no finding) and just outside.
 */
class PtzRuleCasesTest {

	private static final String PTZ = """
			camera Ptz : "AXIS Q6075-E" at 10.0.0.20 on lan credentials "test/ptz" {
				preset Fence "The fence line" pan -42.5 tilt -8 zoom 2400
				preset Gate
			}""";
	private static final String MOVE = "rule \"Follow\" when PerimeterDefender.intrusion do move Ptz to preset Fence https";

	@TempDir
	Path dir;

	@Test
	void cleanPtzSiteHasNoPtzFinding() throws Exception {
		List<DesignDiagnostic> found = Designs.check(dir, Designs.site(MOVE, PTZ + """

				camera Ptz2 : "AXIS Q6075-E" at 10.0.0.21 on lan credentials "test/ptz" {
					preset %s pan 0 tilt 0 zoom 9999
				}""".formatted("P" + "123456789".repeat(3) + "012")));
		assertEquals(List.of("SCHED-WRAP"), found.stream().map(DesignDiagnostic::code).toList(), found.toString());
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("PTZ-PRESET-UNKNOWN", Severity.ERROR, "its presets: Fence, Gate",
						Designs.site("rule \"Follow\" when PerimeterDefender.intrusion do move Ptz to preset Dock https //!", PTZ)),
				Arguments.of("PTZ-TARGET", Severity.ERROR, "AXIS C1310-E (horn-speaker), not a PTZ camera",
						Designs.site("rule \"Follow\" when PerimeterDefender.intrusion do move Spk to preset Fence https //!", PTZ)),
				Arguments.of("PTZ-TARGET", Severity.ERROR, "not a PTZ camera",
						Designs.site("preset Fence //!", "")),
				Arguments.of("PTZ-PRESET-NAME", Severity.ERROR, "32 characters; ptzconfig.cgi takes at most 31",
						Designs.site("", """
								camera Ptz2 : "AXIS Q6075-E" at 10.0.0.21 on lan credentials "test/ptz" {
									preset %s //!
								}""".formatted("P" + "123456789".repeat(3) + "0123"))),
				Arguments.of("PTZ-PRESET-POSITION", Severity.ERROR, "zoom 10000 is outside ptz.cgi's 1..9999",
						Designs.site("", """
								camera Ptz2 : "AXIS Q6075-E" at 10.0.0.21 on lan credentials "test/ptz" {
									preset Far pan 10 tilt 0 zoom 10000 //!
								}""")),
				Arguments.of("PTZ-UNREACHABLE", Severity.ERROR, "network isolated has no gateway",
						Designs.site("Europe/Stockholm", "network isolated 10.9.0.0/24",
								"rule \"Follow\" when PerimeterDefender.intrusion do move Far to preset Fence https //!", """
								camera Far : "AXIS Q6075-E" at 10.9.0.20 on isolated credentials "test/ptz" {
									preset Fence
								}""")),
				Arguments.of("PTZ-UNREACHABLE", Severity.ERROR, "has no address",
						Designs.site("rule \"Follow\" when PerimeterDefender.intrusion do move Far to preset Fence https //!", """
								camera Far : "AXIS Q6075-E" credentials "test/ptz" {
									preset Fence
								}""")),
				Arguments.of("PTZ-CREDENTIALS", Severity.ERROR, "no credentials reference",
						Designs.site("rule \"Follow\" when PerimeterDefender.intrusion do move Bare to preset Fence https //!", """
								camera Bare : "AXIS Q6075-E" at 10.0.0.22 on lan {
									preset Fence
								}""")),
				Arguments.of("PTZ-RETURN-HOME", Severity.ERROR, "home after 86401 s; give 1 s to 86400 s",
						Designs.site(MOVE + " return home after 86401 s //!", PTZ)),
				Arguments.of("PTZ-RETURN-HOME", Severity.ERROR, "home after 0 s; give 1 s to 86400 s (0 would turn the PTZ's autoreturn off; leave out 'return home'",
						Designs.site(MOVE + " return home after 0 s //!", PTZ)),
				Arguments.of("PTZ-RETURN-CONFLICT", Severity.ERROR,
						"rule \"Gate\" returns Ptz home after 90 s, rule \"Follow\" on Cam after 60 s",
						Designs.site(MOVE + " return home after 60 s\n"
								+ "rule \"Gate\" when PerimeterDefender.intrusion do move Ptz to preset Gate https return home after 90 s //!",
								PTZ)),
				Arguments.of("SEC-HTTP-CREDENTIALS", Severity.WARNING, "over plain HTTP",
						Designs.site("rule \"Follow\" when PerimeterDefender.intrusion do move Ptz to preset Fence //!", PTZ)));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("cases")
	void ruleFiresAtTheLineThatBreaksIt(String code, Severity severity, String figure, String design) throws Exception {
		Designs.assertFiresAtMarkedLine(dir, code, severity, figure, design);
	}

	@Test
	void returnHomeJustInsideItsBoundsAndAgreeingRulesPass() throws Exception {
		// 1 s and 86400 s are the bounds; two rules giving the same figure share the PTZ's one autoreturn.
		for (int seconds : new int[] { 1, 86400 }) {
			List<DesignDiagnostic> found = Designs.check(dir, Designs.site(MOVE + " return home after " + seconds + " s\n"
					+ "rule \"Gate\" when PerimeterDefender.intrusion do move Ptz to preset Gate https return home after "
					+ seconds + " s", PTZ));
			assertEquals(List.of("SCHED-WRAP"), found.stream().map(DesignDiagnostic::code).toList(), found.toString());
		}
	}

	@Test
	void routedNetworksReachEachOther() throws Exception {
		// Both networks declare a gateway: the camera's call is routed, no PTZ-UNREACHABLE.
		// Networks come before the site's members: the test site's integration slot is where they go.
		List<DesignDiagnostic> found = Designs.check(dir, Designs.site("Europe/Stockholm", "network routed 10.9.0.0/24 gateway 10.9.0.1",
				"rule \"Follow\" when PerimeterDefender.intrusion do move Far to preset Fence https", """
						camera Far : "AXIS Q6075-E" at 10.9.0.20 on routed credentials "test/ptz" {
							preset Fence
						}"""));
		assertEquals(List.of("SCHED-WRAP"), found.stream().map(DesignDiagnostic::code).toList(), found.toString());
	}
}
