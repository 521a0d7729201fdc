package org.palisade.dsl.validation;

import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.xtext.validation.CancelableDiagnostician;
import org.palisade.model.site.Design;
import org.palisade.model.site.Import;

import com.google.inject.Inject;

/**
 * Visits only the elements that have checks: the design (the rules engine walks what it
 * needs from there) and its imports. The default visits every element of the file and asks
 * each validator whether it has something to say; on a site of thousands of cameras that
 * walk cost more than the rules themselves.
 * <p>
 * {@link #CHECKED_TYPES} must list every type a {@code @Check} method of
 * {@link SiteValidator} takes; a test holds the two together.
 */
public class SiteDiagnostician extends CancelableDiagnostician {

	/** The element types with checks of their own. */
	public static final Set<Class<?>> CHECKED_TYPES = Set.of(Design.class, Import.class);

	@Inject
	public SiteDiagnostician(EValidator.Registry registry) {
		super(registry);
	}

	@Override
	protected boolean doValidateContents(EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!(eObject instanceof Design design)) {
			return true;
		}
		boolean result = true;
		for (Import i : design.getImports()) {
			result &= validate(i, diagnostics, context);
		}
		return result;
	}
}
