package org.palisade.dsl.parser;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.impl.PartialParsingHelper;
import org.eclipse.xtext.util.ReplaceRegion;
import org.palisade.dsl.linking.Referables;

import com.google.inject.Inject;

/**
 * Xtext's partial reparse, with the node model of the text before the edit made known to
 * {@link NearbyTokenRegions} for the length of one reparse: the tokens in front of the edit
 * are unchanged, so the lexer can start near the edit instead of at the top of the file. It
 * also tells {@link org.palisade.dsl.linking.SiteResource} which element a partial reparse
 * replaced, so that only that element is linked again. Before Xtext sees an edit, the text
 * it leaves as it was is trimmed off the edit's region, and an edit that reaches a device's
 * last statement is reparsed as that device ({@link DeviceBlockReparse}): in both cases
 * Xtext alone would reparse the whole site.
 */
public class SitePartialParsing extends PartialParsingHelper {

	/** The root node of the text being edited, while a reparse of it runs on this thread. */
	private static final ThreadLocal<ICompositeNode> PREVIOUS = new ThreadLocal<>();

	/** The root element of the last parse run during a reparse on this thread. */
	private static final ThreadLocal<EObject> PARSED = new ThreadLocal<>();

	/** The element the last partial reparse on this thread put in place of an old one. */
	private static final ThreadLocal<Replacement> REPLACED = new ThreadLocal<>();

	/** What references could point at in the element being replaced, read before it is unloaded. */
	private static final ThreadLocal<List<String>> UNLOADED = new ThreadLocal<>();

	/**
	 * An element a partial reparse put in place of an old one.
	 *
	 * @param element     the new element
	 * @param sameTargets whether it holds what references may point at, by the same names in
	 *                    the same places, as the old one ({@link Referables})
	 */
	public record Replacement(EObject element, boolean sameTargets) {
	}

	@Override
	public IParseResult reparse(IParser parser, IParseResult previousParseResult, ReplaceRegion region) {
		ICompositeNode outer = PREVIOUS.get();
		ICompositeNode previousRoot = previousParseResult == null ? null : previousParseResult.getRootNode();
		ReplaceRegion changedRegion = previousRoot == null ? region : trimmed(previousRoot.getText(), region);
		PREVIOUS.set(previousRoot);
		PARSED.remove();
		REPLACED.remove();
		UNLOADED.remove();
		try {
			IParseResult result = null;
			if (previousRoot != null && deviceBlocks.reachesLastStatement(previousRoot, changedRegion)) {
				result = deviceBlocks.reparse(parser, previousParseResult, changedRegion, this::unloadSemanticObject);
				if (result != null && result.hasSyntaxErrors()) {
					BLOCK_REPARSES.incrementAndGet();
				}
			}
			if (result == null) {
				result = super.reparse(parser, previousParseResult, changedRegion);
			}
			EObject parsed = PARSED.get();
			// Same root node: one element of the old model was replaced by what the partial parse
			// built. A full reparse builds a new root node; a null edit parses nothing.
			if (previousRoot != null && result != previousParseResult && result.getRootNode() == previousRoot
					&& parsed != null && parsed != result.getRootASTElement()) {
				List<String> before = UNLOADED.get();
				REPLACED.set(new Replacement(parsed, before != null && before.equals(Referables.of(parsed))));
			}
			return result;
		} finally {
			PREVIOUS.set(outer);
			PARSED.remove();
			UNLOADED.remove();
		}
	}

	/**
	 * @return the region without the text at its start and end that the edit leaves as it
	 *         was. The Studio's model edits replace a whole element's text with its serialized
	 *         new text, most of it the same: a region that starts and ends at a device's
	 *         boundaries makes Xtext reparse the element around the device, the whole site
	 *         (2.5 s at 10,000 cameras, measured by {@code palisade bench editor}), where what
	 *         changed reparses as one statement or one device. The text after the edit is the
	 *         same either way, so the result is too. An edit that changes nothing is left as it is.
	 */
	static ReplaceRegion trimmed(String text, ReplaceRegion region) {
		String replacement = region.getText();
		int offset = region.getOffset();
		int length = region.getLength();
		if (offset < 0 || length < 0 || offset + length > text.length()) {
			return region;
		}
		int prefix = 0;
		int most = Math.min(length, replacement.length());
		while (prefix < most && text.charAt(offset + prefix) == replacement.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < most - prefix
				&& text.charAt(offset + length - 1 - suffix) == replacement.charAt(replacement.length() - 1 - suffix)) {
			suffix++;
		}
		if (prefix + suffix == 0 || prefix + suffix == length && length == replacement.length()) {
			return region;
		}
		return new ReplaceRegion(offset + prefix, length - prefix - suffix,
				replacement.substring(prefix, replacement.length() - suffix));
	}

	@Inject
	private DeviceBlockReparse deviceBlocks;

	/**
	 * Xtext calls this when its partial reparse cannot take the edit, most often because the
	 * reparsed element has a syntax error: one device block is reparsed with its errors
	 * instead, where that gives what the whole reparse would ({@link DeviceBlockReparse}).
	 */
	@Override
	protected IParseResult fullyReparse(IParser parser, IParseResult previousParseResult, ReplaceRegion replaceRegion) {
		if (PREVIOUS.get() == previousParseResult.getRootNode()) {
			IParseResult block = deviceBlocks.reparse(parser, previousParseResult, replaceRegion, this::unloadSemanticObject);
			if (block != null) {
				BLOCK_REPARSES.incrementAndGet();
				return block;
			}
		}
		return super.fullyReparse(parser, previousParseResult, replaceRegion);
	}

	/** How many edits were reparsed as one device block with its syntax errors (tests, bench). */
	private static final AtomicInteger BLOCK_REPARSES = new AtomicInteger();

	/** @return how many edits so far were reparsed as one device block with its syntax errors */
	public static int blockReparses() {
		return BLOCK_REPARSES.get();
	}

	@Override
	public void unloadSemanticObject(EObject object) {
		// A partial reparse unloads the one element it replaces: read its referables first.
		if (PREVIOUS.get() != null && object != null && object.eContainer() != null && UNLOADED.get() == null) {
			UNLOADED.set(Referables.of(object));
		}
		super.unloadSemanticObject(object);
	}

	/** The parser tells, for each parse it runs, the root element it built. */
	static void parsed(EObject root) {
		if (PREVIOUS.get() != null) {
			PARSED.set(root);
		}
	}

	/** @return the node model before the edit being reparsed on this thread, or null */
	static ICompositeNode previousRoot() {
		return PREVIOUS.get();
	}

	/**
	 * @return the element that the last reparse on this thread put in place of an old one, or
	 *         null when it parsed the whole text again (or nothing); asking clears it
	 */
	public static Replacement takeReplaced() {
		Replacement replaced = REPLACED.get();
		REPLACED.remove();
		return replaced;
	}
}
