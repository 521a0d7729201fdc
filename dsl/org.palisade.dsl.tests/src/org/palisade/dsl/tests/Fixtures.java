package org.palisade.dsl.tests;

import java.nio.file.Path;

/**
 * Where the shared fixtures are: the repository's examples/ folder.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** @return the examples/ folder of the repository */
	public static Path examples() {
		String configured = System.getProperty("palisade.examples");
		return configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
	}

	/** @return the manual's scenario, examples/harbour-depot/harbour-depot.perimeter */
	public static Path harbourDepot() {
		return examples().resolve("harbour-depot/harbour-depot.perimeter");
	}
}
