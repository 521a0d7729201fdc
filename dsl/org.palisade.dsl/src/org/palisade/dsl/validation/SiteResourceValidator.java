package org.palisade.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * Xtext's resource validator, plus a way to validate a resource whose references the caller
 * has already resolved: the default resolves them again first, which on a large site is a
 * second walk over every element for nothing.
 */
public class SiteResourceValidator extends ResourceValidatorImpl {

	private final ThreadLocal<Boolean> resolved = new ThreadLocal<>();

	/**
	 * Validates a resource whose references are all resolved (linking errors are already
	 * among its errors), without resolving them again.
	 */
	public List<Issue> validateResolved(Resource resource, CheckMode mode, CancelIndicator monitor) {
		resolved.set(Boolean.TRUE);
		try {
			return validate(resource, mode, monitor);
		} finally {
			resolved.remove();
		}
	}

	@Override
	protected void resolveProxies(Resource resource, CancelIndicator monitor) {
		if (!Boolean.TRUE.equals(resolved.get())) {
			super.resolveProxies(resource, monitor);
		}
	}
}
