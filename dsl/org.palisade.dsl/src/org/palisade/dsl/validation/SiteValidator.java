package org.palisade.dsl.validation;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.palisade.model.site.Design;
import org.palisade.model.site.Import;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Finding;
import org.palisade.validation.PerimeterValidator;

/**
 * Runs the design rules of {@code org.palisade.validation} as Xtext checks, so that the
 * editor shows them as you type and the CLI reports them with file, line and column.
 */
public class SiteValidator extends AbstractSiteValidator {

	/** An import names a file that does not exist. */
	public static final String IMPORT_MISSING = "IMPORT-MISSING";

	private final PerimeterValidator rules = new PerimeterValidator();

	@Check(CheckType.FAST)
	public void checkDesignRules(Design design) {
		for (Finding f : rules.validate(design)) {
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
		URI uri = URI.createURI(path);
		if (uri.isRelative() && resource.getURI() != null) {
			uri = uri.resolve(resource.getURI());
		}
		if (!resource.getResourceSet().getURIConverter().exists(uri, null)) {
			error("import \"" + path + "\": no such file (paths are relative to this file)", imp,
					SitePackage.Literals.IMPORT__IMPORT_URI, IMPORT_MISSING);
		}
	}
}
