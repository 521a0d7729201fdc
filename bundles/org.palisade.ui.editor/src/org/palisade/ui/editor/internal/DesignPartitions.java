package org.palisade.ui.editor.internal;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits a design into comments, strings and code. The lexer colours code line by line;
 * comments and strings, which may span lines, are partitions of their own so that an edit
 * inside a multi-line comment never leaves the lines after it coloured as code.
 */
public final class DesignPartitions {

	/** The partitioning of design documents. */
	public static final String PARTITIONING = "org.palisade.ui.editor.partitioning";

	/** {@code // ...} and {@code /* ... *}{@code /}. */
	public static final String COMMENT = "__perimeter_comment";

	/** {@code "..."} and {@code '...'}, possibly over several lines. */
	public static final String STRING = "__perimeter_string";

	/** Every content type of the partitioning, code first. */
	public static final String[] TYPES = { IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING };

	private DesignPartitions() {
	}

	/** @return a partitioner of design text, not yet connected */
	public static FastPartitioner createPartitioner() {
		RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
		Token comment = new Token(COMMENT);
		Token string = new Token(STRING);
		scanner.setPredicateRules(new IPredicateRule[] {
				new EndOfLineRule("//", comment),
				new MultiLineRule("/*", "*/", comment, (char) 0, true),
				new MultiLineRule("\"", "\"", string, '\\', true),
				new MultiLineRule("'", "'", string, '\\', true) });
		return new FastPartitioner(scanner, new String[] { COMMENT, STRING });
	}

	/** Installs the partitioning on a document, once. */
	public static void install(IDocument document) {
		if (document instanceof IDocumentExtension3 extension && extension.getDocumentPartitioner(PARTITIONING) == null) {
			FastPartitioner partitioner = createPartitioner();
			extension.setDocumentPartitioner(PARTITIONING, partitioner);
			partitioner.connect(document);
		}
	}

	/** Sets up every file buffer of a design (the {@code documentSetup} extension). */
	public static final class Setup implements IDocumentSetupParticipant {
		@Override
		public void setup(IDocument document) {
			install(document);
		}
	}
}
