package org.palisade.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade.UsageException;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;
import org.palisade.generator.SiteConfiguration;
import org.palisade.generator.SiteGenerator;
import org.palisade.model.site.Design;
import org.palisade.model.site.DesignElement;
import org.palisade.model.site.Site;

/**
 * A site design as the deployment commands take it: loaded, validated (errors refuse it), and
 * generated.
 *
 * @param site      the site element
 * @param designDir the folder of the file that holds the site (journal and credentials checks)
 * @param config    what every device should hold
 * @param warnings  the warnings of validation, for printing
 */
record SiteInput(Site site, Path designDir, SiteConfiguration config, List<DesignDiagnostic> warnings) {

	/** Thrown when the design has errors; they were printed. */
	static final class Invalid extends Exception {
		private static final long serialVersionUID = 1L;

		Invalid(String message) {
			super(message);
		}
	}

	static SiteInput load(Path path, PrintStream err) throws Invalid {
		DesignSet designs;
		List<DesignDiagnostic> diagnostics;
		try {
			designs = Languages.designSet().load(List.of(path));
			diagnostics = designs.validate();
		} catch (DesignInputException e) {
			throw new UsageException(e.getMessage());
		}
		List<DesignDiagnostic> errors = diagnostics.stream()
				.filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			errors.forEach(d -> err.println(d.format()));
			throw new Invalid(errors.size() + " error(s) in the design; nothing generated or deployed");
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
			throw new UsageException(path + ": expected one site, found " + sites.size());
		}
		if (dir == null) {
			dir = Files.isDirectory(path) ? path.toAbsolutePath() : path.toAbsolutePath().getParent();
		}
		List<DesignDiagnostic> warnings = diagnostics.stream()
				.filter(d -> d.severity() == DesignDiagnostic.Severity.WARNING).toList();
		return new SiteInput(sites.get(0), dir, new SiteGenerator().generate(sites.get(0)), warnings);
	}
}
