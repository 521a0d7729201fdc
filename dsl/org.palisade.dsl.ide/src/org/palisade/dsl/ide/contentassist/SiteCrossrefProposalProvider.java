package org.palisade.dsl.ide.contentassist;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalPriorities;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

import com.google.common.base.Predicate;
import com.google.inject.Inject;

/**
 * Names a reference can take, once each and written as the grammar reads them.
 * <p>
 * A site is a namespace, so the scope offers most members twice ({@code gw} and
 * {@code Lab.gw}); only the shortest name of each element is proposed. Ports and catalog
 * models are referenced by strings ({@code do output "Flashing beacon"}), so the proposal
 * goes through the value converter and is quoted.
 */
public class SiteCrossrefProposalProvider extends IdeCrossrefProposalProvider {

	@Inject
	private IValueConverterService valueConverter;

	@Inject
	private IdeContentProposalPriorities priorities;

	@Override
	public void lookupCrossReference(IScope scope, CrossReference reference, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor, Predicate<IEObjectDescription> filter) {
		Map<URI, IEObjectDescription> shortest = new LinkedHashMap<>();
		for (IEObjectDescription candidate : queryScope(scope, reference, context)) {
			if (!filter.apply(candidate)) {
				continue;
			}
			shortest.merge(candidate.getEObjectURI(), candidate,
					(a, b) -> b.getName().getSegmentCount() < a.getName().getSegmentCount() ? b : a);
		}
		for (IEObjectDescription candidate : shortest.values()) {
			if (!acceptor.canAcceptMoreProposals()) {
				return;
			}
			ContentAssistEntry entry = createProposal(candidate, reference, context);
			if (entry != null) {
				acceptor.accept(entry, priorities.getCrossRefPriority(candidate, entry));
			}
		}
	}

	@Override
	protected ContentAssistEntry createProposal(IEObjectDescription candidate, CrossReference reference,
			ContentAssistContext context) {
		String name = getQualifiedNameConverter().toString(candidate.getName());
		String text = name;
		AbstractRule rule = reference.getTerminal() instanceof RuleCall call ? call.getRule() : null;
		if (rule != null) {
			try {
				text = valueConverter.toString(name, rule.getName());
			} catch (ValueConverterException e) {
				return null; // a name this rule cannot spell is no proposal
			}
		}
		String label = name;
		String kind = candidate.getEClass() == null ? null : kindOf(candidate.getEClass().getName());
		return getProposalCreator().createProposal(text, context, entry -> {
			entry.setSource(candidate);
			entry.setLabel(label);
			entry.setDescription(kind);
			entry.setKind(ContentAssistEntry.KIND_REFERENCE);
		});
	}

	/** @return what an integrator calls an element of a model class ("port", not "PortConfig") */
	public static String kindOf(String eClass) {
		return switch (eClass) {
		case "PortConfig" -> "port";
		case "DeviceType" -> "catalog model";
		case "ApplicationType" -> "application";
		case "TerminalSpec" -> "terminal";
		default -> eClass.toLowerCase(java.util.Locale.ROOT);
		};
	}
}
