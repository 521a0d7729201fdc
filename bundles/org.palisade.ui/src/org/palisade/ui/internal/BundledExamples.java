package org.palisade.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the example designs shipped with Palisade are: {@code $PALISADE_EXAMPLES} (the
 * {@code palisade} script of a source checkout sets it), or the {@code palisade.examples}
 * system property (tests).
 */
final class BundledExamples {

	private BundledExamples() {
	}

	/** @return the folder of one example, or null when no examples are known */
	static Path folder(String name) {
		for (String root : new String[] { System.getProperty("palisade.examples"), System.getenv("PALISADE_EXAMPLES") }) {
			if (root != null && !root.isBlank() && Files.isDirectory(Path.of(root, name))) {
				return Path.of(root, name);
			}
		}
		return null;
	}
}
