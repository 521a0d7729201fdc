package org.palisade.dsl.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.FileURIHandlerImpl;

/**
 * Reads the files a design imports under the same size limit as the files named on the command
 * line ({@link DesignFiles#MAX_FILE_BYTES}): an import of a huge file is refused, and said, before
 * it is read, rather than exhausting the heap while linking.
 */
final class SizeLimitedFiles extends FileURIHandlerImpl {

	private final List<InputProblem> problems;

	SizeLimitedFiles(List<InputProblem> problems) {
		this.problems = problems;
	}

	@Override
	public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
		Path file = Path.of(uri.toFileString());
		if (Files.isRegularFile(file) && Files.size(file) > DesignFiles.MAX_FILE_BYTES) {
			InputProblem problem = new InputProblem(file, "imported, too large: " + Files.size(file) / (1024 * 1024)
					+ " MB, limit " + DesignFiles.MAX_FILE_BYTES / (1024 * 1024) + " MB per design file");
			if (!problems.contains(problem)) {
				problems.add(problem);
			}
			throw new IOException(problem.format());
		}
		return super.createInputStream(uri, options);
	}
}
