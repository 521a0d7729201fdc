package org.palisade.dsl.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Colours by meaning what the lexer cannot tell apart: the name an element is declared
 * with, and a name that refers to an element declared elsewhere (a schedule, a port, a
 * catalog model). One pass over the leaves of the node model.
 */
public class SiteSemanticHighlighting implements ISemanticHighlightingCalculator {

	/** Style id of a declared name ({@code camera North1}). */
	public static final String DECLARATION = "palisade.declaration";

	/** Style id of a reference to a declared element ({@code during AfterHours}). */
	public static final String REFERENCE = "palisade.reference";

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
		if (resource == null || resource.getParseResult() == null) {
			return;
		}
		int visited = 0;
		// A name spelled by a data type rule (ValidID) is a composite node whose own grammar
		// element is the assignment's rule call; a terminal (ID, STRING) is a leaf. Take the
		// outermost node that is a name or a reference and skip what is under it.
		for (TreeIterator<INode> it = resource.getParseResult().getRootNode().getAsTreeIterable().iterator(); it.hasNext();) {
			INode node = it.next();
			if ((++visited & 0xFFF) == 0 && cancel.isCanceled()) {
				return;
			}
			if (node instanceof ILeafNode leaf && leaf.isHidden()) {
				continue;
			}
			EObject element = node.getGrammarElement();
			// The parser gives a reference's node the cross-reference itself as its grammar element.
			if (element instanceof CrossReference) {
				acceptor.addPosition(node.getOffset(), node.getLength(), REFERENCE);
				it.prune();
			} else if (element instanceof RuleCall call && call.eContainer() instanceof Assignment assignment
					&& "name".equals(assignment.getFeature())) {
				acceptor.addPosition(node.getOffset(), node.getLength(), DECLARATION);
				it.prune();
			}
		}
	}
}
