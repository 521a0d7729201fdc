package org.palisade.dsl.ide.contentassist;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalPriorities;
import org.palisade.dsl.ide.hover.SiteDescriptions;
import org.palisade.dsl.services.SiteGrammarAccess;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.PinSpec;

import com.google.inject.Inject;

/**
 * Proposals beyond keywords and references: the pins of the camera's I/O terminal, each
 * with its role ("2 - 12 V DC out, max 50 mA"), where a wire starts or ends.
 */
public class SiteContentProposalProvider extends IdeContentProposalProvider {

	@Inject
	private SiteGrammarAccess grammar;

	@Inject
	private IdeContentProposalPriorities priorities;

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		if (assignment == grammar.getPinEndpointAccess().getPinAssignment_1()) {
			proposePins(context, acceptor);
			return;
		}
		super._createProposals(assignment, context, acceptor);
	}

	private void proposePins(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		EObject model = context.getCurrentModel();
		Device device = model == null ? null : EcoreUtil2.getContainerOfType(model, Device.class);
		DeviceType type = device == null ? null : device.getType();
		if (type == null || type.eIsProxy()) {
			return;
		}
		for (PinSpec pin : type.getPins()) {
			String number = Integer.toString(pin.getNumber());
			ContentAssistEntry entry = getProposalCreator().createProposal(number, context, e -> {
				e.setLabel(number + " - " + SiteDescriptions.role(pin));
				e.setDescription(type.getName());
				e.setKind(ContentAssistEntry.KIND_VALUE);
				e.setSource(pin);
			});
			if (entry != null) {
				acceptor.accept(entry, priorities.getDefaultPriority(entry));
			}
		}
	}
}
