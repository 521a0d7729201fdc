package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.dsl.validation.SiteValidator;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Thousands of random byte and token edits of the manual's example, seeded and so
 * repeatable: no exception escapes the parser, linker or validator, nothing is logged as
 * an internal error, and every finding is positioned (line >= 1).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class MutationFuzzTest {

	static final long SEED = Long.getLong("palisade.fuzz.seed", 20261124L);
	static final int MUTANTS = 5000;

	private static final String[] VOCABULARY = { "site", "camera", "beacon", "speaker", "wire", "from", "to", "pin",
			"port", "output", "input", "rule", "when", "during", "do", "notify", "for", "s", "m", "mm2", "{", "}", ".",
			",", ":", "-", "\"", "//", "/*", "import", "area", "of", "catalog", "model", "schedule", "Mon", "Sun",
			"24:00", "99:99", "0", "-1", "1e9", "999999999999", "0.0", "10.20.0.11", "256.1.1.1", "Beacon1.plus",
			"PerimeterDefender.intrusion", "AfterHours", "\"AXIS Q1961-TE\"", "\u0000", "\u00e9", "\uFFFD" };

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	private final List<String> logged = new ArrayList<>();
	private final AppenderSkeleton capture = new AppenderSkeleton() {
		@Override
		protected void append(LoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				logged.add(event.getRenderedMessage()
						+ (event.getThrowableInformation() == null ? "" : ": " + event.getThrowableInformation().getThrowable()));
			}
		}

		@Override
		public void close() {
		}

		@Override
		public boolean requiresLayout() {
			return false;
		}
	};

	@BeforeEach
	void listen() {
		Logger.getRootLogger().addAppender(capture);
	}

	@AfterEach
	void stopListening() {
		Logger.getRootLogger().removeAppender(capture);
	}

	@Test
	void mutantsNeverCrashAndAlwaysGetPositionedDiagnostics() throws Exception {
		byte[] original = Files.readAllBytes(Fixtures.harbourDepot());
		Random random = new Random(SEED);
		int withErrors = 0;
		for (int i = 0; i < MUTANTS; i++) {
			byte[] mutant = mutate(original, random);
			List<Issue> issues;
			try {
				issues = check(mutant, i);
			} catch (RuntimeException | StackOverflowError e) {
				throw new AssertionError("mutant " + i + " (seed " + SEED + ") crashed: " + e + "\n"
						+ new String(mutant, StandardCharsets.UTF_8), e);
			}
			for (Issue issue : issues) {
				if (issue.getLineNumber() == null || issue.getLineNumber() < 1) {
					fail("mutant " + i + ": unpositioned " + issue);
				}
				if (SiteValidator.INTERNAL.equals(issue.getCode())) {
					fail("mutant " + i + ": the rules engine failed: " + issue.getMessage() + "\n"
							+ new String(mutant, StandardCharsets.UTF_8));
				}
			}
			if (!logged.isEmpty()) {
				fail("mutant " + i + ": internal error logged: " + logged + "\n" + new String(mutant, StandardCharsets.UTF_8));
			}
			if (issues.stream().anyMatch(x -> x.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR)) {
				withErrors++;
			}
		}
		// The mutations must actually break things, or the test proves nothing.
		assertTrue(withErrors > MUTANTS / 2, "only " + withErrors + " of " + MUTANTS + " mutants had errors");
	}

	@Test
	void theSameSeedGivesTheSameMutants() {
		byte[] original = "site \"X\" { timezone \"UTC\" }".getBytes(StandardCharsets.UTF_8);
		Random a = new Random(SEED);
		Random b = new Random(SEED);
		for (int i = 0; i < 50; i++) {
			assertEquals(new String(mutate(original, a), StandardCharsets.ISO_8859_1),
					new String(mutate(original, b), StandardCharsets.ISO_8859_1));
		}
	}

	private List<Issue> check(byte[] text, int index) throws Exception {
		XtextResourceSet rs = resourceSets.get();
		XtextResource r = (XtextResource) rs.createResource(URI.createFileURI("/fuzz/mutant" + index + ".perimeter"));
		r.load(new ByteArrayInputStream(text), null);
		EcoreUtil.resolveAll(r);
		return validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	/** One to three edits: bytes replaced, inserted or deleted; tokens dropped, doubled or swapped; truncation. */
	static byte[] mutate(byte[] text, Random random) {
		String s = new String(text, StandardCharsets.ISO_8859_1);
		int edits = 1 + random.nextInt(3);
		for (int e = 0; e < edits && !s.isEmpty(); e++) {
			int at = random.nextInt(s.length());
			switch (random.nextInt(7)) {
			case 0 -> s = s.substring(0, at) + (char) random.nextInt(256) + s.substring(Math.min(s.length(), at + 1));
			case 1 -> s = s.substring(0, at) + (char) random.nextInt(256) + s.substring(at);
			case 2 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
			case 3 -> s = s.substring(0, at);
			case 4 -> {
				String[] tokens = s.split("(?<=\\s)|(?=\\s)");
				int t = random.nextInt(tokens.length);
				tokens[t] = random.nextBoolean() ? "" : tokens[t] + tokens[t];
				s = String.join("", tokens);
			}
			case 5 -> {
				String[] tokens = s.split("(?<=\\s)|(?=\\s)");
				int x = random.nextInt(tokens.length);
				int y = random.nextInt(tokens.length);
				String tmp = tokens[x];
				tokens[x] = tokens[y];
				tokens[y] = tmp;
				s = String.join("", tokens);
			}
			default -> {
				String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
				s = s.substring(0, at) + " " + new String(word.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
						+ " " + s.substring(at);
			}
			}
		}
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}
}
