package org.palisade.generator.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.palisade.dsl.SiteStandaloneSetup;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignSet;
import org.palisade.model.site.Design;
import org.palisade.model.site.Site;

import com.google.inject.Injector;

/** Loads designs through the real parser, linker and validator, as the CLI does. */
final class Sites {

	private static Injector injector;

	private Sites() {
	}

	static synchronized Injector injector() {
		if (injector == null) {
			injector = new SiteStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	static Path harbourDepot() {
		String configured = System.getProperty("palisade.examples");
		Path examples = configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
		return examples.resolve("harbour-depot/harbour-depot.perimeter");
	}

	/** @return the site of a design file, after checking it has no errors */
	static Site load(Path file) throws Exception {
		DesignSet set = injector().getInstance(DesignSet.class).load(List.of(file));
		List<DesignDiagnostic> errors = set.validate().stream()
				.filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new AssertionError("design has errors: " + errors);
		}
		for (Design d : set.designs()) {
			for (var e : d.getElements()) {
				if (e instanceof Site s) {
					return s;
				}
			}
		}
		throw new AssertionError("no site in " + file);
	}

	/** Writes a variant of the manual's site with {@code replace} applied, in {@code dir}. */
	static Site variant(Path dir, String from, String to) throws Exception {
		String text = Files.readString(harbourDepot());
		if (!text.contains(from)) {
			throw new IOException("fixture text not found: " + from);
		}
		Path file = dir.resolve("variant.perimeter");
		Files.writeString(file, text.replace(from, to));
		return load(file);
	}
}
