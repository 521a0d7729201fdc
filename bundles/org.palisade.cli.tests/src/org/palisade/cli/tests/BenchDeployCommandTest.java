package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.palisade.cli.Palisade;

/** {@code palisade bench deploy} on a small generated site, in-process. */
class BenchDeployCommandTest {

	/**
	 * The virtual devices' passwords are generated inside the command (20 random characters of
	 * PasswordPolicy's alphabet) and never shown to the test, so a leak is looked for by shape: a
	 * run of 16 or more characters of that alphabet with a digit or a symbol in it (which a
	 * generated password lacks with a probability of 0.5 %; dotted names and words have none).
	 */
	private static final Pattern PASSWORD_SHAPED = Pattern
			.compile("(?=[A-Za-z0-9\\-_.!@#%+=]*[0-9\\-_!@#%+=])[A-Za-z0-9\\-_.!@#%+=]{16,}");

	@Test
	void benchDeployOnThreeDevices() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		LogCapture logs = new LogCapture();
		int code;
		try {
			code = Palisade.run(List.of("bench", "deploy", "--devices", "3", "--latency", "0", "--parallel", "2"),
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		} finally {
			logs.close();
		}
		String text = out.toString(StandardCharsets.UTF_8);
		String errors = err.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, text + errors);

		assertTrue(text.contains("site: 3 cameras + 1 speaker"), text);
		Matcher deploy = Pattern.compile("(?m)^deploy: (\\d+) deployed, (\\d+) unchanged, 0 failed$").matcher(text);
		assertTrue(deploy.find(), text);
		int deployed = Integer.parseInt(deploy.group(1));
		// every camera gets its configuration; the horn speaker already holds its clip
		assertTrue(deployed >= 3, deploy.group());
		assertEquals(4, deployed + Integer.parseInt(deploy.group(2)), deploy.group());
		Matcher requests = Pattern.compile("(?m)^requests: (\\d+) \\(every one delayed 0 ms, 401 challenges included\\), parallelism 2$")
				.matcher(text);
		assertTrue(requests.find(), text);
		// each device at least: its 401 challenge, reads, writes and a read-back
		assertTrue(Integer.parseInt(requests.group(1)) >= 4 * 4, requests.group());
		Matcher ratio = Pattern.compile(
				"(?m)^wall time: (\\d+\\.\\d\\d) s; ideal \\(requests x latency / parallelism\\): 0\\.00 s; ratio 0\\.00$")
				.matcher(text);
		assertTrue(ratio.find(), "with no latency the ideal is 0 and so is the ratio:\n" + text);
		assertTrue(Double.parseDouble(ratio.group(1)) > 0);
		assertTrue(text.contains("peak heap during the deploy: "), text);

		String everything = text + errors + String.join("\n", logs.lines());
		Matcher leak = PASSWORD_SHAPED.matcher(everything);
		assertFalse(leak.find(), () -> "password-shaped text in the output: " + leak.group() + "\n" + everything);
		for (String word : List.of("Authorization", "Digest ", "password=", "root:")) {
			assertFalse(everything.contains(word), word + " in:\n" + everything);
		}
	}
}
