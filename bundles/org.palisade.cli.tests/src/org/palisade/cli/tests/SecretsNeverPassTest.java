package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.palisade.cli.Palisade;
import org.palisade.cli.tests.Cli.Run;

/**
 * A secret written anywhere in a design fails validate with SEC-PLAINTEXT-SECRET (or a syntax
 * error that does not quote it), generate and plan refuse the design, and the secret is in no
 * output, no log line and no written file.
 */
class SecretsNeverPassTest {

	private static final String SECRET = "Zq7Secret9";

	private static final String CAMERA = "camera North1 : \"AXIS Q1961-TE\" at 10.20.0.11 on yard credentials \"harbour-depot/north1\"";

	/** The bundled example with the secret put in one place. */
	static Stream<Arguments> placements() {
		return Stream.of(
				Arguments.of("credentials user:pw", CAMERA, CAMERA.replace("harbour-depot/north1", "root:" + SECRET)),
				Arguments.of("password after the device", CAMERA, CAMERA + " password \"" + SECRET + "\""),
				Arguments.of("password without quotes", CAMERA, CAMERA + " password " + SECRET),
				Arguments.of("password, unterminated", CAMERA, CAMERA + " password \"" + SECRET),
				Arguments.of("url user-info", "recipient HornSpeaker \"Horn speaker\" play Horn clip 2 https",
						"recipient Hook \"Hook\" url \"https://ops:" + SECRET + "@10.20.0.50/hook\"\n\trecipient HornSpeaker \"Horn speaker\" play Horn clip 2 https"),
				Arguments.of("url query password=", "recipient HornSpeaker \"Horn speaker\" play Horn clip 2 https",
						"recipient Hook \"Hook\" url \"https://10.20.0.50/hook?user=ops&password=" + SECRET + "\"\n\trecipient HornSpeaker \"Horn speaker\" play Horn clip 2 https"),
				Arguments.of("url query pass=", "recipient HornSpeaker \"Horn speaker\" play Horn clip 2 https",
						"recipient Hook \"Hook\" url \"https://10.20.0.50/hook?pass=" + SECRET + "\"\n\trecipient HornSpeaker \"Horn speaker\" play Horn clip 2 https"),
				Arguments.of("url query pwd=", "recipient HornSpeaker \"Horn speaker\" play Horn clip 2 https",
						"recipient Hook \"Hook\" url \"https://10.20.0.50/hook?pwd=" + SECRET + "\"\n\trecipient HornSpeaker \"Horn speaker\" play Horn clip 2 https"),
				Arguments.of("url query token=", "recipient HornSpeaker \"Horn speaker\" play Horn clip 2 https",
						"recipient Hook \"Hook\" url \"https://10.20.0.50/hook?a=1&token=" + SECRET + "\"\n\trecipient HornSpeaker \"Horn speaker\" play Horn clip 2 https"),
				Arguments.of("share user-info", "storage sd-card 512 GB retention 30 days",
						"storage network-share 512 GB retention 30 days share \"smb://rec:" + SECRET + "@10.20.0.60/video\""),
				Arguments.of("storage credentials", "storage sd-card 512 GB retention 30 days",
						"storage network-share 512 GB retention 30 days share \"smb://10.20.0.60/video\" credentials \"rec:" + SECRET + "\""),
				Arguments.of("a label", "schedule AfterHours \"After hours\"", "schedule AfterHours \"After hours password: " + SECRET + "\""),
				Arguments.of("a stream name", "stream \"Operator\"", "stream \"Operator?token=" + SECRET + "\""),
				Arguments.of("a port name", "port 1 output \"Flashing beacon\" normally open",
						"port 1 output \"Flashing beacon pwd=" + SECRET + "\" normally open"),
				Arguments.of("the site name", "site \"Harbour Depot\"", "site \"Harbour Depot https://a:" + SECRET + "@x\""),
				// An import is a file: a URL is refused without a request (here to a closed loopback port).
				Arguments.of("an import", "site \"Harbour Depot\"",
						"import \"https://u:" + SECRET + "@127.0.0.1:9/x.perimeter\"\nsite \"Harbour Depot\""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("placements")
	void noCommandPassesOrRepeatsTheSecret(String place, String original, String replacement, @TempDir Path dir)
			throws Exception {
		String example = Files.readString(ValidateCommandTest.examples().resolve("harbour-depot/harbour-depot.perimeter"));
		assertTrue(example.contains(original), original);
		Path design = Files.createDirectories(dir.resolve("site")).resolve("harbour-depot.perimeter");
		Files.writeString(design, example.replace(original, replacement));
		Path generated = dir.resolve("generated");
		LogCapture logs = new LogCapture();
		try {
			Run validate = Cli.run("validate", design.toString());
			Run json = Cli.run("validate", "--format", "json", "--info", design.toString());
			Run generate = Cli.run("generate", design.toString(), "-o", generated.toString());
			Run plan = Cli.run("plan", design.toString(), "--format", "json");
			assertEquals(Palisade.ERRORS, validate.code(), validate.out() + validate.err());
			assertTrue(validate.out().contains("SEC-PLAINTEXT-SECRET") || validate.out().contains("SYNTAX"), validate.out());
			if (!place.startsWith("password without") && !place.startsWith("password, unterminated")) {
				assertTrue(validate.out().contains("SEC-PLAINTEXT-SECRET"), place + ": " + validate.out());
			}
			assertNotEquals(Palisade.OK, generate.code(), generate.out());
			assertNotEquals(Palisade.OK, plan.code(), plan.out());
			for (Run r : List.of(validate, json, generate, plan)) {
				assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), place + ": " + r);
			}
			assertFalse(String.join("\n", logs.lines()).contains(SECRET), place);
		} finally {
			logs.close();
		}
		assertFalse(Files.exists(generated) && Files.list(generated).findAny().isPresent(), "generate wrote files");
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(design)).toList()) {
				assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(SECRET), f.toString());
			}
		}
	}
}
