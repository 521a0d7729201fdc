package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignSet;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Every example design loads, links and validates without a single finding.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class ExamplesTest {

	@Inject
	private Provider<DesignSet> designSets;

	static Stream<Path> examples() throws Exception {
		try (Stream<Path> walk = Files.walk(Fixtures.examples())) {
			List<Path> files = walk.filter(p -> p.toString().endsWith(".perimeter")).sorted().toList();
			assertFalse(files.isEmpty(), "examples/ holds designs");
			return files.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("examples")
	void exampleIsClean(Path example) throws Exception {
		DesignSet set = designSets.get().load(List.of(example));
		// Notes (a schedule running past midnight) are allowed; errors and warnings are not.
		List<DesignDiagnostic> diagnostics = set.validate().stream()
				.filter(d -> d.severity() != DesignDiagnostic.Severity.INFO).toList();
		assertEquals(List.of(), diagnostics.stream().map(DesignDiagnostic::format).toList());
		assertEquals(1, set.designs().size());
	}
}
