package org.palisade.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
 * Each rule fires on a case built for it, at the line that breaks it, with its severity;
 * the clean test site raises nothing but the note that its schedule runs past midnight.
 */
class RuleCasesTest {

	@TempDir
	Path dir;

	@Test
	void cleanSiteHasNoFindings() throws Exception {
		List<DesignDiagnostic> found = Designs.check(dir, Designs.site("", ""));
		assertEquals(List.of("SCHED-WRAP"), found.stream().map(DesignDiagnostic::code).toList(), found.toString());
		assertEquals(Severity.INFO, found.get(0).severity());
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				// --- electrical
				cam("ELEC-DCOUT-CURRENT", Severity.ERROR, """
						wire brown 0.25 mm2 5 m from pin 2 to S1.plus //!
						wire black 0.25 mm2 5 m from pin 1 to S1.minus"""),
				cam("ELEC-DCOUT-ROLE", Severity.ERROR, "wire grey 0.25 mm2 5 m from pin 2 to P1.alarm //!"),
				cam("ELEC-GROUND-ROLE", Severity.ERROR, "wire black 0.25 mm2 5 m from pin 1 to X12.plus //!"),
				cam("ELEC-OUT-CURRENT", Severity.ERROR, """
						port 2 output "Lamps"
						wire red 0.5 mm2 2 m from X12.plus to B2.plus
						wire red 0.5 mm2 2 m from X12.plus to B3.plus
						wire red 0.5 mm2 2 m from X12.plus to S1.plus
						wire blue 0.5 mm2 2 m from pin 4 to B2.minus //!
						wire blue 0.5 mm2 2 m from pin 4 to B3.minus
						wire blue 0.5 mm2 2 m from pin 4 to S1.minus
						wire black 0.5 mm2 2 m from pin 1 to X12.minus"""),
				cam("ELEC-IO-VOLTAGE", Severity.ERROR, """
						port 2 output "Lamp"
						wire red 0.5 mm2 2 m from X48.plus to B2.plus
						wire blue 0.5 mm2 2 m from pin 4 to B2.minus //!
						wire black 0.5 mm2 2 m from pin 1 to X48.minus"""),
				cam("ELEC-LOAD-VOLTAGE", Severity.ERROR, """
						port 2 output "Lamp"
						wire red 0.5 mm2 2 m from X24.plus to B2.plus //!
						wire blue 0.5 mm2 2 m from pin 4 to B2.minus
						wire black 0.5 mm2 2 m from pin 1 to X24.minus"""),
				cam("ELEC-INDUCTIVE-DIODE", Severity.ERROR, """
						port 2 output "Relay"
						wire red 0.25 mm2 5 m from pin 2 to R1.coilplus
						wire blue 0.25 mm2 5 m from pin 4 to R1.coilminus //!"""),
				cam("ELEC-WIRE-AREA", Severity.ERROR, """
						port 2 output "Lamp"
						wire red 0.75 mm2 5 m from pin 2 to L1.plus //!
						wire blue 0.25 mm2 5 m from pin 4 to L1.minus"""),
				cam("ELEC-WIRE-DROP", Severity.ERROR, """
						port 2 output "Far beacon"
						wire red 0.25 mm2 400 m from pin 2 to B2.plus //!
						wire blue 0.25 mm2 400 m from pin 4 to B2.minus"""),
				cam("ELEC-WIRE-DROP", Severity.WARNING, """
						port 2 output "Lamp"
						wire red 0.25 mm2 700 m from pin 2 to L1.plus //!
						wire blue 0.25 mm2 700 m from pin 4 to L1.minus"""),
				cam("ELEC-POLARITY", Severity.ERROR, """
						port 2 output "Lamp"
						wire red 0.25 mm2 5 m from pin 4 to L1.plus //!
						wire blue 0.25 mm2 5 m from pin 2 to L1.minus"""),
				cam("ELEC-DIRECTION", Severity.ERROR, """
						port 2 output "Gate" //!
						wire grey 0.25 mm2 5 m from pin 4 to P1.alarm
						wire black 0.25 mm2 5 m from pin 1 to P1.com"""),
				cam("ELEC-PIN-SHARED", Severity.WARNING, """
						port 2 output "Lamps"
						wire red 0.25 mm2 5 m from pin 2 to L1.plus
						wire red 0.25 mm2 5 m from pin 2 to L2.plus
						wire blue 0.25 mm2 5 m from pin 4 to L1.minus //!
						wire blue 0.25 mm2 5 m from pin 4 to L2.minus"""),
				cam("ELEC-PIN-UNKNOWN", Severity.ERROR, "wire red 0.25 mm2 5 m from pin 7 to L1.plus //!"),
				arguments("ELEC-POWER-INPUT", Severity.ERROR, Designs.site("", """
						camera Big : "AXIS Q1961-TE" at 10.0.0.12 on lan credentials "test/big" {
							power 24 V 6 A 144 W //!
						}""")),
				arguments("ELEC-VARIANT", Severity.ERROR, Designs.site("", """
						camera Pt : "AXIS Q1961-TE PT Mount" at 10.0.0.12 on lan credentials "test/pt" {
							port 1 output "Beacon"
							wire red 0.25 mm2 5 m from pin 2 to B2.plus //!
							wire blue 0.25 mm2 5 m from pin 3 to B2.minus
						}""")),
				// --- scheduling and rules
				arguments("SCHED-WRAP", Severity.INFO, Designs.site("", "").replace("Mon-Fri 18:00-08:00",
						"Mon-Fri 18:00-08:00 //!")),
				site("SCHED-EMPTY", Severity.ERROR, "schedule Never \"Never\" { } //!"),
				site("SCHED-OVERLAP", Severity.WARNING, """
						schedule Day "Day" {
							Mon-Fri 08:00-17:00
							Mon 16:00-18:00 //!
						}"""),
				arguments("SCHED-TZ", Severity.ERROR, Designs.site("Mars/Olympus", "", "", "").replace(
						"timezone \"Mars/Olympus\"", "timezone \"Mars/Olympus\" //!")),
				site("SCHED-TZ", Severity.WARNING, """
						schedule Dst "Early" {
							Sun 02:30-04:00 //!
						}"""),
				cam("RULE-DURATION", Severity.ERROR,
						"rule \"Long\" when PerimeterDefender.loitering do output \"Beacon\" for 7200 s //!"),
				cam("RULE-OUTPUT-CONFLICT", Severity.WARNING,
						"rule \"Again\" when PerimeterDefender.loitering during Night do output \"Beacon\" for 5 s //!"),
				cam("RULE-TRIGGER-APP", Severity.ERROR,
						"rule \"Oa\" when ObjectAnalytics.intrusion do notify Horn //!"),
				cam("RULE-OUTPUT-PORT", Severity.ERROR, """
						port 2 input "Gate"
						rule "Gate" when PerimeterDefender.intrusion do output "Gate" for 5 s //!"""),
				site("RULE-RECIPIENT", Severity.ERROR, "recipient Horn7 \"Horn 7\" play Spk clip 7 https //!"),
				// --- network and access
				site("NET-DUP-IP", Severity.ERROR,
						"camera Twin : \"AXIS Q6075-E\" at 10.0.0.11 on lan credentials \"test/twin\" //!"),
				site("NET-SUBNET", Severity.ERROR,
						"camera Far : \"AXIS Q6075-E\" at 10.0.1.5 on lan credentials \"test/far\" //!"),
				site("NET-FACTORY-IP", Severity.WARNING,
						"camera New : \"AXIS Q6075-E\" at 192.168.0.90 credentials \"test/new\" //!"),
				site("NET-ADDRESS", Severity.ERROR,
						"camera Odd : \"AXIS Q6075-E\" at 10.0.0.300 on lan credentials \"test/odd\" //!"),
				site("NET-IDENTITY", Severity.ERROR,
						"camera Odd : \"AXIS Q6075-E\" at 10.0.0.21 serial \"S/N ACCC8E012345\" on lan credentials \"test/odd\" //!"),
				site("NET-IDENTITY", Severity.ERROR, """
						camera Twin1 : "AXIS Q6075-E" at 10.0.0.21 mac "AC:CC:8E:01:23:45" on lan credentials "test/twin"
						camera Twin2 : "AXIS Q6075-E" at 10.0.0.22 mac "ac-cc-8e-01-23-45" on lan credentials "test/twin" //!"""),
				site("SEC-PLAINTEXT-SECRET", Severity.ERROR,
						"camera Leak : \"AXIS Q6075-E\" at 10.0.0.40 on lan password \"hunter2hunter2\" //!"),
				site("SEC-PLAINTEXT-SECRET", Severity.ERROR,
						"camera Leak : \"AXIS Q6075-E\" at 10.0.0.40 on lan credentials \"root:hunter2hunter2\" //!"),
				site("SEC-PLAINTEXT-SECRET", Severity.ERROR,
						"recipient Hook \"Hook\" url \"https://10.0.0.50/hook?token=hunter2hunter2\" //!"),
				site("SEC-PLAINTEXT-SECRET", Severity.ERROR, "schedule S \"Password: hunter2hunter2\" { Mon 08:00-09:00 } //!"),
				site("RULE-RECIPIENT", Severity.ERROR, """
						camera Cam2 : "AXIS Q1961-TE" at 10.0.0.13 on lan credentials "test/cam2" {
							application PerimeterDefender
							rule "Call" when PerimeterDefender.intrusion do notify Nobody //!
						}"""),
				site("SEC-HTTP-CREDENTIALS", Severity.WARNING,
						"recipient Ops \"Ops\" url \"http://10.0.0.50/hook\" credentials \"test/ops\" //!"),
				site("NAME-DUPLICATE", Severity.ERROR, "beacon B1 : \"Beacon 12V 50mA\" //!"),
				// --- video, storage, applications, firmware
				cam("VID-PALETTE", Severity.WARNING, "stream \"Analytics\" for applications palette iron //!"),
				cam("VID-EIS", Severity.INFO, "stream \"View\" for operators eis //!"),
				cam("STOR-SHARE", Severity.ERROR, "storage network-share 100 GB share \"//10.0.0.40/rec\" //!"),
				cam("VID-BITRATE", Severity.ERROR, "stream \"View\" for operators bitrate vbr 800 kbit/s retention 7 days //!"),
				cam("STOR-CAPACITY", Severity.ERROR, """
						stream "Record" for operators bitrate abr 4000 kbit/s recorded
						storage sd-card 32 GB retention 30 days //!"""),
				arguments("APP-BUDGET", Severity.WARNING, Designs.site("", """
						camera Busy : "AXIS Q1961-TE" at 10.0.0.12 on lan credentials "test/busy" { //!
							application PerimeterDefender
							application Heavy
						}""")),
				arguments("FW-TRACK", Severity.INFO, Designs.site("Europe/Stockholm", "integration \"Milestone XProtect\"", "",
						"camera Act : \"AXIS Q6075-E\" at 10.0.0.12 on lan credentials \"test/act\" //!")),
				arguments("IMPORT-MISSING", Severity.ERROR, "import \"nowhere.perimeter\" //!\n" + Designs.site("", "")));
	}

	private static Arguments cam(String code, Severity severity, String cameraLines) {
		return arguments(code, severity, Designs.site(cameraLines, ""));
	}

	private static Arguments site(String code, Severity severity, String siteLines) {
		return arguments(code, severity, Designs.site("", siteLines));
	}

	private static Arguments arguments(String code, Severity severity, String design) {
		return Arguments.of(code, severity, design);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void ruleFiresAtTheLineThatBreaksIt(String code, Severity severity, String design) throws Exception {
		List<DesignDiagnostic> found = Designs.check(dir, design);
		int line = Designs.markedLine(design);
		for (DesignDiagnostic d : found) {
			if (d.code().equals(code) && d.line() == line) {
				assertEquals(severity, d.severity(), d.format());
				assertTrue(d.message().length() > 20, "the message explains: " + d.format());
				assertTrue(!d.message().contains("hunter2"), "no secret in a message: " + d.format());
				return;
			}
		}
		fail(code + " expected at line " + line + "; found:\n" + String.join("\n",
				found.stream().map(DesignDiagnostic::format).toList()) + "\nin:\n" + design);
	}
}
