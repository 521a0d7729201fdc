package org.palisade.dsl.linking;

import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Codes;
import org.palisade.validation.Messages;

/**
 * Messages for names that lead nowhere. The name is quoted cut and escaped (it may be any
 * length, or binary), and an action naming a recipient that does not exist carries the rule's
 * own code, RULE-RECIPIENT, that a user can look up, rather than a bare LINK.
 */
public class SiteLinkingMessages extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		DiagnosticMessage original = super.getUnresolvedProxyMessage(context);
		String name = Messages.quote(context.getLinkText());
		if (context.getReference() == SitePackage.Literals.NOTIFY_ACTION__RECIPIENT) {
			return new DiagnosticMessage("notify " + name + ": the site has no recipient " + name
					+ "; declare it (recipient " + name + " ...) or name an existing one", Severity.ERROR,
					Codes.RULE_RECIPIENT);
		}
		String type = context.getReference().getEReferenceType().getName();
		return new DiagnosticMessage("no " + type + " named '" + name + "' is in scope here", original.getSeverity(),
				original.getIssueCode(), original.getIssueData());
	}
}
