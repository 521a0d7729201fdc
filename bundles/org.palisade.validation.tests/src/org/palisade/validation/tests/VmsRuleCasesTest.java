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
 * The surveillance center's rules (issue #19, item 3), through the real parser and the built-in
 * catalog's "Video management system": the clean site sits exactly on every limit (a 255-character
 * message, port 65535, 1500 kbit/s over a 2 Mbit/s uplink = 75 %, an SD card that holds exactly
 * the retention) and each case goes just past one, or breaks one reference.
 */
class VmsRuleCasesTest {

	private static final String NET = "network ctl 10.1.0.0/24 gateway 10.1.0.1";
	private static final String MSG = "x".repeat(255);
	/**
	 * 1500 kbit/s continuously for 1 day = 16.2 GB, plus 10 recordings a day of 20 s at 1500 kbit/s
	 * = 0.0375 GB: 16.2375 GB on a 16.239 GB card, which an eleventh recording (16.24125 GB) overfills.
	 */
	private static final String CAM = """
			stream "Op" for operators resolution "640x480" fps 15 bitrate mbr 1500 kbit/s recorded
			storage sd-card 16.239 GB retention 1 days
			rule "Alert" when PerimeterDefender.intrusion do alert Center "%MSG%"
			rule "Record" when PerimeterDefender.intrusion do record "Op" pre 5 s post 15 s to sd-card estimate 10 per day"""
			.replace("%MSG%", MSG);
	private static final String VMS = """
			vms Center : "Video management system" at 10.1.0.5 on ctl credentials "test/vms" {
				receives tcp 65535
				records Cam "Op"
			}""";

	@TempDir
	Path dir;

	private static String site(String camera, String vms) {
		return Designs.site("Europe/Stockholm", NET, camera, vms).replace("network lan 10.0.0.0/24 gateway 10.0.0.1",
				"network lan 10.0.0.0/24 gateway 10.0.0.1 uplink 2 Mbit/s");
	}

	@Test
	void cleanSiteOnEveryLimitHasNoVmsFinding() throws Exception {
		List<DesignDiagnostic> found = Designs.check(dir, site(CAM, VMS));
		assertEquals(List.of(), found.stream().filter(d -> !d.code().equals("SCHED-WRAP")).map(DesignDiagnostic::format)
				.toList());
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("VMS-RECEIVER", Severity.ERROR, "port 65536, outside 1..65535",
						site(CAM, VMS.replace("receives tcp 65535", "receives tcp 65536 //!"))),
				Arguments.of("VMS-RECEIVER", Severity.ERROR, "declares no 'receives'",
						site(CAM.replace(MSG + "\"", MSG + "\" //!"), VMS.replace("receives tcp 65535", ""))),
				Arguments.of("VMS-RECEIVER", Severity.ERROR, "AXIS C1310-E (horn-speaker), not a vms",
						site(CAM + "\nrule \"Wrong\" when PerimeterDefender.intrusion do alert Spk \"x\" //!", VMS)),
				Arguments.of("VMS-UNREACHABLE", Severity.ERROR, "at 10.2.0.5 on iso 10.2.0.0/24 from Cam at 10.0.0.11 on lan 10.0.0.0/24, and network iso has no gateway",
						Designs.site("Europe/Stockholm", "network iso 10.2.0.0/24", CAM.replace("alert Center", "alert Far")
								.replace(MSG + "\"", MSG + "\" //!"),
								"vms Far : \"Video management system\" at 10.2.0.5 on iso { receives tcp 1234 }")),
				Arguments.of("VMS-UNREACHABLE", Severity.ERROR, "which has no address",
						site(CAM + "\nrule \"Nowhere\" when PerimeterDefender.intrusion do alert Lost \"x\" //!",
								VMS + "\nvms Lost : \"Video management system\" { receives tcp 1234 }")),
				Arguments.of("VMS-CREDENTIALS", Severity.ERROR, "receives https with no credentials reference",
						site(CAM, VMS.replace(" credentials \"test/vms\"", "").replace("receives tcp 65535",
								"receives https 55756 path \"/Acs/Api/TriggerFacade/PulseTrigger\" //!"))),
				Arguments.of("VMS-MESSAGE", Severity.WARNING, "the alert's message has 256 characters",
						site(CAM.replace(MSG + "\"", MSG + "x\" //!"), VMS)),
				Arguments.of("REC-TARGET", Severity.ERROR, "record to network-share, but Cam's storage is sd-card",
						site(CAM.replace("to sd-card estimate 10 per day", "to network-share //!"), VMS)),
				Arguments.of("REC-TARGET", Severity.ERROR, "record stream \"Ops\", which Cam does not have (it has streams \"Op\")",
						site(CAM.replace("record \"Op\" pre 5 s post 15 s to sd-card estimate 10 per day",
								"record \"Ops\" pre 5 s post 15 s to sd-card //!"), VMS)),
				Arguments.of("REC-TARGET", Severity.ERROR, "Center records stream \"Main\" of Cam, which has streams \"Op\"",
						site(CAM, VMS.replace("records Cam \"Op\"", "records Cam \"Main\" //!"))),
				Arguments.of("STOR-CAPACITY", Severity.ERROR, "Cam records 1500 kbit/s and 11 recordings on alarm a day (0.04 GB a day) for 1 day",
						site(CAM.replace("estimate 10 per day", "estimate 11 per day").replace("storage sd-card 16.239 GB retention 1 days",
								"storage sd-card 16.239 GB retention 1 days //!"), VMS)),
				Arguments.of("NET-BANDWIDTH", Severity.ERROR, "network lan's uplink of 2 Mbit/s carries 1.501 Mbit/s of video (Cam \"Op\" 1.501 Mbit/s to Center): 75.05 %, above the 75 %",
						site(CAM.replace("mbr 1500 kbit/s", "mbr 1501 kbit/s").replace("storage sd-card 16.2375 GB",
								"storage sd-card 17 GB"), VMS).replace("uplink 2 Mbit/s", "uplink 2 Mbit/s //!")),
				Arguments.of("NET-BANDWIDTH", Severity.ERROR, "network ctl's uplink of 1 Mbit/s carries 1.5 Mbit/s",
						site(CAM, VMS).replace(NET, NET + " uplink 1 Mbit/s //!")));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("cases")
	void ruleFiresAtTheLineThatBreaksIt(String code, Severity severity, String figure, String design) throws Exception {
		Designs.assertFiresAtMarkedLine(dir, code, severity, figure, design);
	}
}
