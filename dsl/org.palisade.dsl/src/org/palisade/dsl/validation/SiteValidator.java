package org.palisade.dsl.validation;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.palisade.dsl.load.ImportUris;
import org.palisade.model.site.Design;
import org.palisade.model.site.Import;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Finding;
import org.palisade.validation.Messages;
import org.palisade.validation.PerimeterValidator;
import org.palisade.validation.SecretPatterns;

/**
 * Runs the design rules of {@code org.palisade.validation} as Xtext checks, so that the
 * editor shows them as you type and the CLI reports them with file, line and column.
 */
public class SiteValidator extends AbstractSiteValidator {

	/** An import names a file that does not exist. */
	public static final String IMPORT_MISSING = "IMPORT-MISSING";

	private final PerimeterValidator rules = new PerimeterValidator();

	/** The rules engine failed on this design: a bug in Palisade, shown rather than hidden. */
	public static final String INTERNAL = "INTERNAL";

	@Check(CheckType.FAST)
	public void checkDesignRules(Design design) {
		List<Finding> findings;
		try {
			findings = rules.validate(design);
		} catch (RuntimeException e) {
			// Xtext would log and drop it; a design that was not checked must not look clean.
			StackTraceElement where = null;
			for (StackTraceElement frame : e.getStackTrace()) {
				if (frame.getClassName().startsWith("org.palisade.")) {
					where = frame;
					break;
				}
			}
			error("the design rules could not be checked (" + e + (where == null ? "" : " at " + where)
					+ "); please report this", design, null, INTERNAL);
			return;
		}
		for (Finding f : findings) {
			switch (f.severity()) {
			case ERROR -> acceptError(f.message(), f.target(), f.feature(), INSIGNIFICANT_INDEX, f.code());
			case WARNING -> acceptWarning(f.message(), f.target(), f.feature(), INSIGNIFICANT_INDEX, f.code());
			case INFO -> acceptInfo(f.message(), f.target(), f.feature(), INSIGNIFICANT_INDEX, f.code());
			}
		}
	}

	@Check(CheckType.FAST)
	public void checkImportExists(Import imp) {
		String path = imp.getImportURI();
		Resource resource = imp.eResource();
		if (path == null || path.isBlank() || resource == null || resource.getResourceSet() == null) {
			return;
		}
		URI uri = ImportUris.resolve(resource, path);
		if (uri == null || !resource.getResourceSet().getURIConverter().exists(uri, null)) {
			// The path is quoted cut and escaped, and not at all when it holds a secret.
			String shown = SecretPatterns.find(path) != null ? "(a path holding a secret, not shown)"
					: "\"" + Messages.quote(path) + "\"";
			error("import " + shown + ": no such file (paths are files, relative to this file)", imp,
					SitePackage.Literals.IMPORT__IMPORT_URI, IMPORT_MISSING);
		}
	}
}
