package org.palisade.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.palisade.cli.Palisade.UsageException;
import org.palisade.deploy.site.SiteDesign;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.generator.SiteConfiguration;
import org.palisade.model.site.Site;

/**
 * A site design as the deployment commands take it: {@link SiteDesign}, its errors printed.
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
		return load(path, err, false);
	}

	/** @param drawings whether wiring sheets carry the cameras' drawings (generate) */
	static SiteInput load(Path path, PrintStream err, boolean drawings) throws Invalid {
		SiteDesign design;
		try {
			design = SiteDesign.load(Languages.designSet(), path, drawings);
		} catch (DesignInputException | IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		} catch (SiteDesign.Invalid e) {
			e.errors().forEach(d -> err.println(d.format()));
			throw new Invalid(e.getMessage());
		}
		return new SiteInput(design.site(), design.designDir(), design.config(), design.warnings());
	}
}
