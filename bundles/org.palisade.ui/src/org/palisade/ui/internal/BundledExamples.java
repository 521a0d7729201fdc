package org.palisade.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the example designs shipped with Palisade are: {@code $PALISADE_EXAMPLES} (the
 * {@code palisade} script of a source checkout sets it), or the {@code palisade.examples}
 * system property (tests).
 */
public final class BundledExamples {

	private BundledExamples() {
	}

	/** @return the examples' folders, by name, or an empty list when no examples are known */
	public static java.util.List<Path> all() {
		Path root = root();
		if (root == null) {
			return java.util.List.of();
		}
		try (var list = Files.list(root)) {
			return list.filter(Files::isDirectory).sorted().toList();
		} catch (java.io.IOException e) {
			return java.util.List.of();
		}
	}

	/** @return the folder holding the examples, or null when none is configured or it is missing */
	private static Path root() {
		for (String root : new String[] { System.getProperty("palisade.examples"), System.getenv("PALISADE_EXAMPLES") }) {
			if (root != null && !root.isBlank() && Files.isDirectory(Path.of(root))) {
				return Path.of(root);
			}
		}
		return null;
	}

	/** @return the project name an example gets: "harbour-depot" becomes "Harbour Depot" */
	public static String title(Path example) {
		StringBuilder title = new StringBuilder();
		for (String word : example.getFileName().toString().split("[-_ ]+")) {
			if (!word.isEmpty()) {
				title.append(title.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		return title.toString();
	}

	/** @return the folder of one example, or null when no examples are known */
	public static Path folder(String name) {
		Path root = root();
		return root != null && Files.isDirectory(root.resolve(name)) ? root.resolve(name) : null;
	}
}
