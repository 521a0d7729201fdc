package org.palisade.dsl.parser;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.ParseResult;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.util.ReplaceRegion;
import org.palisade.model.site.Device;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * A partial reparse of one device block that keeps the syntax errors the edit made.
 * <p>
 * Xtext reparses the whole text whenever the element it reparsed has a syntax error, and
 * while someone types, the text has one most of the time: in a 1,000-camera design that is
 * 0.8 MB parsed, a new model linked and checked from scratch, and a heap of garbage, for
 * each key ({@code palisade bench editor}, profiled). A device's body is a block that closes
 * itself, so an edit that stays inside it, and leaves it closed, parses the same alone as in
 * the whole text: the same tokens, since the block's text lexes the same on its own (no
 * string, comment or brace opened in it runs past its end), and the same tree, since the
 * device's rule ends at its own closing brace in both, where the parser's recovery resumes
 * from the same state. Anything else (an edit in the header or across blocks, an unbalanced
 * brace, a token the lexer cannot read, an error left in another block) goes to Xtext's whole
 * reparse, as before. {@code PartialReparseTest} compares the two on seeded edits.
 */
final class DeviceBlockReparse {

	private static final String DEVICE_RULE = "Device";

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexers;

	@Inject
	private ITokenDefProvider tokenDefs;

	@Inject
	private NodeModelBuilder nodes;

	/**
	 * The token definitions of the keywords that start what a site, an area or the design
	 * holds besides devices' bodies. After a syntax error the parser skips tokens until one
	 * that any rule it is in could go on with: in the whole text that includes these, in the
	 * block alone it does not, so a broken block that holds one of them would be skipped
	 * differently. Such a block goes to the whole reparse.
	 */
	private final Set<String> outerKeywords;

	@Inject
	DeviceBlockReparse(IGrammarAccess grammar) {
		Set<String> keywords = new HashSet<>();
		for (String rule : List.of("Import", "Site", "Area", "Catalog", "Network", "Schedule", "Recipient")) {
			List<Keyword> first = GrammarUtil.containedKeywords(GrammarUtil.findRuleForName(grammar.getGrammar(), rule));
			keywords.add("'" + first.get(0).getValue() + "'");
		}
		for (Keyword role : GrammarUtil.containedKeywords(GrammarUtil.findRuleForName(grammar.getGrammar(), "DeviceRole"))) {
			keywords.add("'" + role.getValue() + "'");
		}
		outerKeywords = Set.copyOf(keywords);
	}

	/**
	 * @param unload unloads the element being replaced (the partial parsing helper's own way)
	 * @return the previous result with one device replaced by its reparse, syntax errors and
	 *         all; or null when the edit is not one this can take, before anything changed
	 */
	IParseResult reparse(IParser parser, IParseResult previous, ReplaceRegion region, Consumer<EObject> unload) {
		ICompositeNode root = previous.getRootNode();
		if (region.getOffset() < 0 || region.getEndOffset() > root.getTotalLength()) {
			return null;
		}
		ICompositeNode device = deviceAt(root, region.getOffset());
		if (device == null) {
			return null;
		}
		ILeafNode open = firstOpeningBrace(device);
		ILeafNode close = lastVisibleLeaf(device);
		if (open == null || !closesDevice(close) || region.getOffset() < open.getEndOffset()
				|| region.getEndOffset() > close.getOffset()) {
			return null;
		}
		// Xtext reparses the old errors with the edit: they must lie in the same body (the
		// closing brace included, which carries the error of a statement left unfinished).
		if (previous.hasSyntaxErrors()) {
			for (INode error : previous.getSyntaxErrors()) {
				if (error.getTotalOffset() < open.getEndOffset() || error.getTotalEndOffset() > close.getEndOffset()) {
					return null;
				}
			}
		}
		int base = device.getTotalOffset();
		String old = device.getText();
		String text = old.substring(0, region.getOffset() - base) + region.getText()
				+ old.substring(region.getEndOffset() - base);
		if (!lexesAsOneClosedBlock(text) || !(device.getGrammarElement() instanceof RuleCall call)) {
			return null;
		}
		IParseResult parsed = parser.parse(call, new StringReader(text), device.getLookAhead());
		if (parsed == null || !(parsed.getRootASTElement() instanceof Device)
				|| parsed.getRootNode().getTotalLength() != text.length() || !closesDevice(lastVisibleLeaf(parsed.getRootNode()))) {
			return null;
		}
		EObject replaced = device.getSemanticElement();
		EObject container = replaced.eContainer();
		EStructuralFeature feature = replaced.eContainingFeature();
		if (container == null || feature == null || !feature.isMany()) {
			return null;
		}
		@SuppressWarnings("unchecked")
		List<EObject> siblings = (List<EObject>) container.eGet(feature);
		int index = siblings.indexOf(replaced);
		unload.accept(replaced);
		siblings.set(index, parsed.getRootASTElement());
		nodes.replaceAndTransferLookAhead(device, parsed.getRootNode());
		StringBuilder whole = new StringBuilder(root.getText());
		region.applyTo(whole);
		nodes.setCompleteContent(root, whole.toString());
		ParseResult result = (ParseResult) parsed;
		result.setRootASTElement(previous.getRootASTElement());
		result.setRootNode(root);
		return result; // says it has syntax errors: the next reparse takes them in again
	}

	/**
	 * @return whether the edit lies in a device's body and reaches into its last statement
	 *         or the space after it. Xtext's own partial reparse refuses the device there: the
	 *         parser looked past the last statement to the closing brace, which it counts as
	 *         looking beyond the region, so it reparses the whole site instead (the Studio's
	 *         model edits add a wire or a rule just there). The device's rule ends at its own
	 *         brace, so reparsing the block gives the same tree.
	 */
	boolean reachesLastStatement(ICompositeNode root, ReplaceRegion region) {
		if (region.getOffset() < 0 || region.getEndOffset() > root.getTotalLength()) {
			return false;
		}
		ICompositeNode device = deviceAt(root, region.getOffset());
		if (device == null) {
			return false;
		}
		ILeafNode open = firstOpeningBrace(device);
		ILeafNode close = lastVisibleLeaf(device);
		if (open == null || !closesDevice(close) || region.getOffset() < open.getEndOffset()
				|| region.getEndOffset() > close.getOffset()) {
			return false;
		}
		INode last = null;
		for (INode child : device.getChildren()) {
			if (child instanceof ICompositeNode && child.getOffset() > open.getOffset() && child.getOffset() < close.getOffset()) {
				last = child;
			}
		}
		return last == null || region.getEndOffset() > last.getOffset();
	}

	/** @return the node of the device whose text holds the offset, or null */
	private static ICompositeNode deviceAt(ICompositeNode root, int offset) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
		for (ICompositeNode node = leaf == null ? null : leaf.getParent(); node != null; node = node.getParent()) {
			if (node.getGrammarElement() instanceof RuleCall call && DEVICE_RULE.equals(call.getRule().getName())
					&& node.hasDirectSemanticElement() && node.getSemanticElement() instanceof Device) {
				return node;
			}
		}
		return null;
	}

	private static ILeafNode firstOpeningBrace(ICompositeNode device) {
		for (ILeafNode leaf : device.getLeafNodes()) {
			if (!leaf.isHidden() && isDeviceKeyword(leaf, "{")) {
				return leaf;
			}
		}
		return null;
	}

	private static ILeafNode lastVisibleLeaf(ICompositeNode node) {
		ILeafNode last = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden()) {
				last = leaf;
			}
		}
		return last;
	}

	/**
	 * @return whether the leaf is the device's own closing brace: the device's rule ended
	 *         there. It may carry the error of a statement left unfinished before it ("missing
	 *         a quoted string at '}'"): the parser inserted the missing token and went on.
	 */
	private static boolean closesDevice(ILeafNode leaf) {
		return leaf != null && isDeviceKeyword(leaf, "}");
	}

	private static boolean isDeviceKeyword(ILeafNode leaf, String value) {
		return leaf.getGrammarElement() instanceof Keyword keyword && value.equals(keyword.getValue())
				&& DEVICE_RULE.equals(GrammarUtil.containingRule(keyword).getName());
	}

	/**
	 * @return whether the text lexes, on its own, into tokens that cover it without a gap or an
	 *         unreadable character, with braces that open once and close at its last visible
	 *         token: then it lexes the same inside the whole text
	 */
	private boolean lexesAsOneClosedBlock(String text) {
		Map<Integer, String> names = tokenDefs.getTokenDefMap();
		Lexer lexer = lexers.get();
		lexer.setCharStream(new ANTLRStringStream(text));
		int next = 0;
		int depth = 0;
		boolean opened = false;
		boolean closed = false;
		try {
			for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
				if (!(token instanceof CommonToken common) || common.getStartIndex() != next) {
					return false; // the lexer skipped what it could not read
				}
				next = common.getStopIndex() + 1;
				String name = names.get(token.getType());
				if (name == null || "RULE_ANY_OTHER".equals(name)) {
					return false;
				}
				if ("RULE_WS".equals(name) || "RULE_SL_COMMENT".equals(name) || "RULE_ML_COMMENT".equals(name)) {
					continue;
				}
				if (closed || opened && outerKeywords.contains(name)) {
					return false; // something after the block's end, or a keyword of the site's in it
				}
				if ("'{'".equals(name)) {
					depth++;
					opened = true;
				} else if ("'}'".equals(name) && --depth <= 0) {
					if (depth < 0 || !opened) {
						return false;
					}
					closed = true;
				}
			}
		} catch (RuntimeException e) {
			return false;
		}
		return closed && next == text.length();
	}
}
