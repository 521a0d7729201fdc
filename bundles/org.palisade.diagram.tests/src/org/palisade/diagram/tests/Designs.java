package org.palisade.diagram.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.palisade.dsl.SiteStandaloneSetup;
import org.palisade.dsl.load.DesignSet;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.Site;

import com.google.inject.Injector;

/** Loads the bundled example, or a variant of it, through the real parser and linker. */
final class Designs {

	/** The example's second load on pin 2: 50 mA + 30 mA from a 50 mA pin. */
	static final String SECOND_LOAD_ON_PIN_2 = "\t\twire brown 0.25 mm2 10 m from pin 2 to Siren2.plus\n"
			+ "\t\twire black 0.25 mm2 10 m from pin 3 to Siren2.minus\n";

	private static Injector injector;

	private Designs() {
	}

	static synchronized Injector injector() {
		if (injector == null) {
			injector = new SiteStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	private static Injector ide;

	/** The language's IDE services (the change serializer the one edit path uses). */
	static synchronized Injector ide() {
		if (ide == null) {
			ide = new org.palisade.dsl.ide.SiteIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return ide;
	}

	static Path harbourDepot() {
		String configured = System.getProperty("palisade.examples");
		Path examples = configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
		return examples.resolve("harbour-depot/harbour-depot.perimeter");
	}

	static Site load(Path file) throws Exception {
		DesignSet set = injector().getInstance(DesignSet.class).load(List.of(file));
		for (Design d : set.designs()) {
			for (var e : d.getElements()) {
				if (e instanceof Site s) {
					return s;
				}
			}
		}
		throw new AssertionError("no site in " + file);
	}

	/** @return the example with a siren on pin 2 beside the beacon */
	static Site overloaded(Path dir) throws Exception {
		String text = Files.readString(harbourDepot());
		String anchor = "\t\twire blue 0.25 mm2 40 m from pin 3 to Beacon1.minus\n";
		String beacon = "\tbeacon Beacon1 : \"Beacon 12V 50mA\"\n";
		if (!text.contains(anchor) || !text.contains(beacon)) {
			throw new AssertionError("fixture text not found in the example");
		}
		text = text.replace(anchor, anchor + SECOND_LOAD_ON_PIN_2).replace(beacon,
				beacon + "\tsiren Siren2 : \"Siren 12V 30mA\"\n");
		Path file = dir.resolve("overloaded.perimeter");
		Files.writeString(file, text);
		return load(file);
	}

	/** @return the example with one piece of text replaced */
	static Site variant(Path dir, String from, String to) throws Exception {
		String text = Files.readString(harbourDepot());
		if (!text.contains(from)) {
			throw new AssertionError("fixture text not found in the example: " + from);
		}
		Path file = dir.resolve("variant.perimeter");
		Files.writeString(file, text.replace(from, to));
		return load(file);
	}

	static Device device(Site site, String name) {
		return site.getDevices().stream().filter(d -> name.equals(d.getName())).findFirst().orElseThrow();
	}
}
