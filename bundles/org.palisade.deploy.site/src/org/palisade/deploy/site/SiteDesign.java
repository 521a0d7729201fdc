package org.palisade.deploy.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;
import org.palisade.generator.SiteConfiguration;
import org.palisade.generator.SiteGenerator;
import org.palisade.model.site.Design;
import org.palisade.model.site.DesignElement;
import org.palisade.model.site.Site;

/**
 * A site design as a plan, a deploy or a rehearsal takes it: loaded, validated (an error refuses
 * it, so a broken design never reaches a device), and generated. The command line and the
 * Studio both load sites through this, so they refuse the same designs.
 *
 * @param site      the site element
 * @param designDir the folder of the file that holds the site (journal, pins, credentials checks)
 * @param config    what every device should hold
 * @param warnings  the warnings of validation
 */
public record SiteDesign(Site site, Path designDir, SiteConfiguration config, List<DesignDiagnostic> warnings) {

	/** The design has errors: nothing may be generated or deployed from it. */
	public static final class Invalid extends Exception {
		private static final long serialVersionUID = 1L;

		private final transient List<DesignDiagnostic> errors;

		Invalid(List<DesignDiagnostic> errors) {
			super(errors.size() + " error(s) in the design; nothing generated or deployed");
			this.errors = List.copyOf(errors);
		}

		/** @return the errors, each naming its file, line and rule */
		public List<DesignDiagnostic> errors() {
			return errors;
		}
	}

	/**
	 * @param designs a fresh design set of the language's injector
	 * @param path    a design file, or a folder of designs holding one site
	 * @throws DesignInputException     when a path cannot be read (names the file and why)
	 * @throws Invalid                  when the design has errors
	 * @throws IllegalArgumentException when the designs hold no site or more than one
	 */
	public static SiteDesign load(DesignSet designs, Path path) throws DesignInputException, Invalid {
		return load(designs, path, false);
	}

	/**
	 * @param drawings whether the wiring sheets carry the cameras' drawings (for {@code generate};
	 *                 plan, deploy and rehearsal do without)
	 */
	public static SiteDesign load(DesignSet designs, Path path, boolean drawings) throws DesignInputException, Invalid {
		designs.load(List.of(path));
		List<DesignDiagnostic> diagnostics = designs.validate();
		List<DesignDiagnostic> errors = diagnostics.stream()
				.filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		List<Site> sites = new ArrayList<>();
		Path dir = null;
		for (Design d : designs.designs()) {
			for (DesignElement e : d.getElements()) {
				if (e instanceof Site s) {
					sites.add(s);
					String file = d.eResource().getURI().toFileString();
					dir = file == null ? null : Path.of(file).toAbsolutePath().getParent();
				}
			}
		}
		if (sites.size() != 1) {
			throw new IllegalArgumentException(path + ": expected one site, found " + sites.size());
		}
		if (dir == null) {
			dir = Files.isDirectory(path) ? path.toAbsolutePath() : path.toAbsolutePath().getParent();
		}
		List<DesignDiagnostic> warnings = diagnostics.stream()
				.filter(d -> d.severity() == DesignDiagnostic.Severity.WARNING).toList();
		return new SiteDesign(sites.get(0), dir, new SiteGenerator().drawings(drawings).generate(sites.get(0)), warnings);
	}
}
