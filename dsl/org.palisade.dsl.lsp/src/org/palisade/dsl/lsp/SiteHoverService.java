package org.palisade.dsl.lsp;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.palisade.dsl.ide.hover.SiteDescriptions;

/**
 * The Studio's hover over the protocol: what the name under the cursor is, with its catalog
 * figures ({@code pin 2: 12 V DC out, max 50 mA}). Xtext's default shows documentation
 * comments of declarations, which designs do not carry.
 */
public class SiteHoverService extends HoverService {

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
		int offset = document.getOffSet(params.getPosition());
		String text = SiteDescriptions.describeAt(resource, offset);
		if (text == null) {
			return EMPTY_HOVER;
		}
		// One fact per line: plain text keeps the lines apart in every client.
		Hover hover = new Hover(new MarkupContent(MarkupKind.PLAINTEXT, text));
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf != null) {
			hover.setRange(new Range(document.getPosition(leaf.getOffset()), document.getPosition(leaf.getEndOffset())));
		}
		return hover;
	}
}
